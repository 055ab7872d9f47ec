// swift-tools-version: 6.1
// Release-mode benchmark of MiniLM sentence embedding; not part of `swift test`. Run ../run-embed.sh.
import PackageDescription

let package = Package(
  name: "EmbeddingBenchmarks",
  dependencies: [.package(name: "Rigor", path: "../../..")],
  targets: [
    .executableTarget(
      name: "EmbedBench",
      dependencies: [.product(name: "Interp", package: "Rigor")]),
  ],
  swiftLanguageModes: [.v5]
)
