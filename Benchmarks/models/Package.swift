// swift-tools-version: 6.1
// Release-mode benchmarks of the pretrained models; not part of `swift test`. Run ./run-lm.sh.
import PackageDescription

let package = Package(
  name: "ModelBenchmarks",
  dependencies: [.package(name: "Rigor", path: "../..")],
  targets: [
    .executableTarget(
      name: "LMBench",
      dependencies: [.product(name: "Interp", package: "Rigor")]),
  ],
  swiftLanguageModes: [.v5]
)
