// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Rigor",
  products: [
    .executable(name: "rigor", targets: ["rigor"]),
    // The notebooks link these two dynamic libraries; the runner compiles steps against them.
    .library(name: "Interp", type: .dynamic, targets: ["Interp"]),
    .library(name: "RigorRuntime", type: .dynamic, targets: ["RigorRuntime"]),
    .library(name: "RigorKit", targets: ["RigorKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // `swift package generate-documentation` (Scripts/api-docs); a plugin only, linked into nothing.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
    .systemLibrary(
      name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(
      name: "CMark", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev"])]),
    .systemLibrary(
      name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    // Statistics, FNV-1a and SplitMix64: no BLAS, no C, so the runner judges without OpenBLAS.
    .target(name: "RigorStatistics"),
    .target(name: "Interp", dependencies: ["RigorStatistics", "CBLAS"]),
    // The runner-child channel protocol, shared by the runtime and the runner (docs/PROTOCOL.md).
    .target(name: "RigorProtocol"),
    .target(name: "RigorRuntime", dependencies: ["RigorProtocol"]),
    .target(
      name: "RigorKit",
      dependencies: [
        "RigorStatistics", "RigorProtocol", "CLibGit2", "CMark", "CCrypto",
        .product(name: "Yams", package: "Yams"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "rigor", dependencies: ["RigorKit"]),
    .testTarget(name: "RigorStatisticsTests", dependencies: ["RigorStatistics"]),
    .testTarget(name: "InterpTests", dependencies: ["Interp"]),
    .testTarget(name: "RigorProtocolTests", dependencies: ["RigorProtocol"]),
    .testTarget(name: "RigorRuntimeTests", dependencies: ["RigorRuntime", "RigorProtocol"]),
    // Interp only for fixtures (plots in reports); the runner itself needs RigorStatistics alone.
    .testTarget(name: "RigorKitTests", dependencies: ["RigorKit", "RigorProtocol", "RigorStatistics", "Interp"]),
  ],
  swiftLanguageModes: [.v5]
)
