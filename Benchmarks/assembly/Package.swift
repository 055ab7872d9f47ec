// swift-tools-version: 6.1
import PackageDescription

// Times result assembly for 10,000 metrics × 5 seeds (issue 12: under 0.5 s). Run from this folder:
//   swift run -c release AssemblyBenchmark
let package = Package(
  name: "AssemblyBenchmark",
  dependencies: [.package(name: "Rigor", path: "../..")],
  targets: [
    .executableTarget(
      name: "AssemblyBenchmark",
      dependencies: [.product(name: "RigorKit", package: "Rigor")],
      path: "Sources/AssemblyBenchmark")
  ],
  swiftLanguageModes: [.v5]
)
