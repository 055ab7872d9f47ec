// swift-tools-version: 6.1
import PackageDescription

// Times the result store on a ref with 1,000 recorded results. Run from this folder:
//   swift run -c release StoreBenchmark
let package = Package(
  name: "StoreBenchmark",
  dependencies: [.package(name: "Rigor", path: "../..")],
  targets: [
    .executableTarget(
      name: "StoreBenchmark",
      dependencies: [.product(name: "RigorKit", package: "Rigor")],
      path: "Sources/StoreBenchmark")
  ],
  swiftLanguageModes: [.v5]
)
