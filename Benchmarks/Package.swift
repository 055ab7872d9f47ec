// swift-tools-version: 6.1
// Every benchmark program in one package (measurements, not tests; see README.md). Each links
// the Rigor package at the repository root; build one with
//   swift build -c release --package-path Benchmarks --product NAME
import PackageDescription

let interp: [Target.Dependency] = [.product(name: "Interp", package: "Rigor")]
let rigorKit: [Target.Dependency] = [.product(name: "RigorKit", package: "Rigor")]
// The core's own release flags: the comparisons with numpy and PyTorch time the same arithmetic.
let unchecked: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"])]

let package = Package(
  name: "RigorBenchmarks",
  dependencies: [.package(name: "Rigor", path: "..")],
  targets: [
    // Interp core: sgemm and an SAE step against numpy / PyTorch (core/run.sh).
    .executableTarget(name: "InterpBench", dependencies: interp, swiftSettings: unchecked),
    // The modular-addition transformer's training epoch against PyTorch (transformer/run.sh).
    .executableTarget(name: "TransformerBench", dependencies: interp, swiftSettings: unchecked),
    // SmolLM2 forward, generation and GGUF load against transformers (models/run-lm.sh).
    .executableTarget(name: "LMBench", dependencies: interp),
    // MiniLM sentence embeddings against sentence-transformers (models/run-embed.sh).
    .executableTarget(name: "EmbedBench", dependencies: interp),
    // Result assembly for 10,000 metrics × 5 seeds (assembly/).
    .executableTarget(name: "AssemblyBenchmark", dependencies: rigorKit),
    // The result store's register/record/history on a long ref (store/).
    .executableTarget(name: "StoreBenchmark", dependencies: rigorKit),
    // Fills a notebook's history with recorded results (history/, site/).
    .executableTarget(name: "HistoryFill", dependencies: rigorKit),
    // The phases of one `rigor run` (run/README.md).
    .executableTarget(name: "RunPhases", dependencies: rigorKit),
  ],
  swiftLanguageModes: [.v5]
)
