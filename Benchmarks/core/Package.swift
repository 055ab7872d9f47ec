// swift-tools-version: 6.1
// Release-mode benchmarks of the Interp core; not part of `swift test`. Run ./run.sh.
import PackageDescription

let package = Package(
  name: "InterpBenchmarks",
  dependencies: [.package(name: "Rigor", path: "../..")],
  targets: [
    .executableTarget(
      name: "InterpBench",
      dependencies: [.product(name: "Interp", package: "Rigor")],
      swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
  ],
  swiftLanguageModes: [.v5]
)
