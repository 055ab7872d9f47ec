// swift-tools-version: 6.1
import PackageDescription

// Fills a notebook's results ref with copies of one real recorded run, for timing
// `rigor log` and `rigor diff` on a long history (run.sh here), and RunPhases, which times the
// stages of one `rigor run` in-process (see Benchmarks/run/README.md).
let package = Package(
  name: "HistoryFill",
  dependencies: [.package(name: "Rigor", path: "../..")],
  targets: [
    .executableTarget(
      name: "HistoryFill",
      dependencies: [.product(name: "RigorKit", package: "Rigor")],
      path: "Sources/HistoryFill"),
    .executableTarget(
      name: "RunPhases",
      dependencies: [.product(name: "RigorKit", package: "Rigor")],
      path: "Sources/RunPhases"),
  ],
  swiftLanguageModes: [.v5]
)
