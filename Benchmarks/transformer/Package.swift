// swift-tools-version: 6.1
// Release-mode benchmark of HookedTransformer training; not part of `swift test`. Run ./run.sh.
import PackageDescription

let package = Package(
  name: "TransformerBenchmarks",
  dependencies: [.package(name: "Rigor", path: "../..")],
  targets: [
    .executableTarget(
      name: "TransformerBench",
      dependencies: [.product(name: "Interp", package: "Rigor")],
      swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
  ],
  swiftLanguageModes: [.v5]
)
