// swift-tools-version: 6.1
import PackageDescription

// Fills a notebook's results ref with copies of one real recorded run, for timing
// `rigor log` and `rigor diff` on a long history. Run through bench_history.sh.
let package = Package(
  name: "HistoryFill",
  dependencies: [.package(name: "Rigor", path: "../..")],
  targets: [
    .executableTarget(
      name: "HistoryFill",
      dependencies: [.product(name: "RigorKit", package: "Rigor")],
      path: "Sources/HistoryFill")
  ],
  swiftLanguageModes: [.v5]
)
