import Foundation

extension ResultAssembler {
  /// Assembles a result from `seeds` synthetic seeds that each recorded `metrics` metrics, and
  /// returns the seconds it took; for `Benchmarks/assembly` (the assembly must stay linear in
  /// metrics × seeds: a forged channel may send the metric cap from every seed).
  @_spi(Benchmarks) public static func timeSyntheticAssembly(metrics: Int, seeds: Int) -> Double {
    let steps = [StepOutcome(index: 1, line: 5, status: .ok, seconds: 0.1, output: "", droppedOutputBytes: 0)]
    let outcomes = (0..<seeds).map { seed in
      SeedOutcome(
        seed: seed, status: .ok, seconds: 1, peakMemoryBytes: 0, termination: .exited(0), sandboxed: true,
        blasThreads: 1, steps: steps,
        metrics: (0..<metrics).map { RecordedMetric(name: "metric_\($0)", value: Double($0 + seed), step: 1) },
        splits: [:], files: [], errors: [])
    }
    let notebook = Notebook(path: "Notebooks/x.md", text: "", frontMatter: FrontMatter(), steps: [], claimBlocks: [])
    var document = RunDocument(notebook: notebook.path, status: .ok, resultsRef: "refs/rigor/x", seeds: Array(0..<seeds))
    document.steps = [StepDocument(index: 1, line: 5, status: nil, code: "")]
    let start = MonotonicClock.now()
    fill(&document, notebook: notebook, outcomes: outcomes)
    let seconds = MonotonicClock.now() - start
    precondition(document.metrics.count == metrics && document.metrics["metric_0"]?.count == seeds)
    return seconds
  }
}
