import Foundation
import Testing
@testable import RigorKit

/// The example notebooks in `Notebooks/examples/`, each run for real (compile, 5 seeds under
/// bubblewrap, judge, commit) in a scratch repository: every outcome the judge can honestly
/// reach on a toy must come out of the notebook meant to show it.
///
/// The verdicts are checked twice: against the judge's document, and, for each `expect`,
/// against a Student-t interval that scipy computes from the recorded metrics, so a notebook
/// whose data drifted towards a threshold fails here even if the judge agreed with it.
@Suite(.serialized) struct ExampleNotebookTests {
  /// The checkout's `Notebooks/examples/`, found from this file's path.
  static let examples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // EndToEnd
    .deletingLastPathComponent()  // RigorKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()
    .appendingPathComponent("Notebooks/examples")

  /// Copies `Notebooks/examples/NAME.md` into a fresh scratch repository, runs it with its
  /// default seeds and returns the run's document.
  static func run(_ name: String) throws -> RunDocument {
    let (repo, path) = try scratchCopy(name)
    let run = repo.rigor(["run", path, "--format", "json"])
    #expect(run.status == 0, "rigor run \(name): \(run.stderr)")
    let document = try #require(try run.documents().first)
    #expect(document.status == .ok, "\(name): \(document.errors)")
    #expect(document.seeds == [0, 1, 2, 3, 4])
    #expect(document.resultCommit != nil)
    #expect(document.flags.isEmpty, "\(name) has flagged prose: \(document.flags)")
    return document
  }

  /// A scratch repository holding a copy of `Notebooks/examples/NAME.md` at the same path,
  /// and the copy's absolute path.
  static func scratchCopy(_ name: String) throws -> (ScratchRepository, String) {
    let repo = try ScratchRepository()
    let folder = repo.root.appendingPathComponent("Notebooks/examples")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let text = try String(contentsOf: examples.appendingPathComponent("\(name).md"), encoding: .utf8)
    let path = folder.appendingPathComponent("\(name).md").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return (repo, path)
  }

  static func claim(_ id: String, in document: RunDocument) throws -> ClaimDocument {
    try #require(document.claims.first { $0.id == id }, "no claim \(id)")
  }

  /// The metric's five values (all seeds must have recorded it).
  static func values(_ metric: String, in document: RunDocument) throws -> [Double] {
    let recorded = try #require(document.metrics[metric], "\(metric) was not recorded")
    let values = recorded.compactMap { $0 }
    #expect(values.count == 5)
    #expect(Set(values).count > 1, "\(metric) does not vary with the seed: \(values)")
    return values
  }

  /// The 95% Student-t interval of the mean, from scipy (independent of the judge's code).
  static func scipyInterval(_ values: [Double]) throws -> (lo: Double, hi: Double) {
    let script = """
      import sys
      from scipy import stats
      x = [float(v) for v in sys.stdin.read().split()]
      lo, hi = stats.ttest_1samp(x, 0).confidence_interval(0.95)
      print(repr(float(lo)), repr(float(hi)))
      """
    let input = values.map { "\($0)" }.joined(separator: " ")
    let fields = try python(script, input: input).split(separator: " ").compactMap {
      Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    try #require(fields.count == 2)
    return (fields[0], fields[1])
  }

  static func python(_ script: String, input: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "python3 failed")
    return String(decoding: output, as: UTF8.self)
  }

  @Test func pontificationHasOnlyWordsAndFlaggedProse() throws {
    let (repo, path) = try Self.scratchCopy("pontification")
    let run = repo.rigor(["run", path, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let document = try #require(try run.documents().first)
    let claim = try Self.claim("induction-ablation", in: document)
    #expect(claim.verdict == .unchecked)
    #expect(claim.tier == 1)
    #expect(claim.reasons.contains { $0.contains("no executable evidence") })
    // Which sentences are flagged is AuditExampleNotebookTests' business; here only that the
    // run reports them.
    #expect(!document.flags.isEmpty)
    #expect(document.flags.allSatisfy { $0.file == "Notebooks/examples/pontification.md" })
  }

  @Test func tier1MeasurementAndWordsAreUnchecked() throws {
    let document = try Self.run("tier1")
    let measured = try Self.claim("dead-unit-fraction", in: document)
    #expect(measured.verdict == .unchecked)
    #expect(measured.tier == 1)
    #expect(measured.reasons.contains { $0.contains("a measurement, not a prediction") })
    #expect(try Self.values("dead_unit_fraction", in: document).allSatisfy { (0...1).contains($0) })
    let words = try Self.claim("dead-units-are-redundant", in: document)
    #expect(words.verdict == .unchecked)
    #expect(words.tier == 1)
    #expect(words.reasons.contains { $0.contains("no executable evidence") })
  }

  @Test func tier2AblationBeatsTheNullControlWithoutATask() throws {
    let document = try Self.run("tier2")
    let claim = try Self.claim("planted-ablation-hurts", in: document)
    #expect(claim.verdict == .supported)
    #expect(claim.tier == 2)
    #expect(claim.reasons.contains { $0.contains("no task declared") })
    let drop = try Self.values("planted_ablation_drop", in: document)
    let control = try Self.values("random_ablation_drop", in: document)
    #expect(try Self.scipyInterval(drop).lo > 0.2)
    // Paired by seed, the ablation beats the control on every seed, so the exact sign-flip
    // p is 1/32 < 0.05.
    #expect(zip(drop, control).allSatisfy { $0 > $1 })
  }

  @Test func tier3TaskOnAToyIsHeldAtThreeBecauseOfTheToySetting() throws {
    let document = try Self.run("tier3")
    let claim = try Self.claim("trigger-detector", in: document)
    #expect(claim.verdict == .supported)
    #expect(claim.tier == 3)
    #expect(claim.reasons.contains { $0.contains("held at tier 3") && $0.contains("toy") })
    let auroc = try Self.values("detector_auroc", in: document)
    let control = try Self.values("random_direction_auroc", in: document)
    #expect(try Self.scipyInterval(auroc).lo > 0.8)
    #expect(zip(auroc, control).allSatisfy { $0 > $1 })
  }

  @Test func refutedNoiseProbeHasNoTier() throws {
    let document = try Self.run("refuted")
    let claim = try Self.claim("noise-probe-generalizes", in: document)
    #expect(claim.verdict == .refuted)
    #expect(claim.tier == nil)
    let heldOut = try Self.values("noise_probe_heldout_accuracy", in: document)
    #expect(try Self.scipyInterval(heldOut).hi < 0.9)
  }

  @Test func inconclusiveIntervalStraddlesTheThreshold() throws {
    let document = try Self.run("inconclusive")
    let claim = try Self.claim("weak-probe-beats-chance", in: document)
    #expect(claim.verdict == .inconclusive)
    #expect(claim.tier == 1)
    #expect(claim.reasons.contains { $0.contains("undecided") })
    let interval = try Self.scipyInterval(try Self.values("weak_probe_accuracy", in: document))
    #expect(interval.lo <= 0.5 && 0.5 < interval.hi)
  }

  @Test func heldOutVerifiedWhenSplitsAreDisjointButToyStaysAtThree() throws {
    let document = try Self.run("heldout-verified")
    let claim = try Self.claim("picked-neuron-heldout", in: document)
    #expect(claim.verdict == .supported)
    #expect(claim.tier == 3)
    #expect(claim.reasons.contains { $0.contains("held_out declared and verified") })
    #expect(!claim.reasons.contains { $0.contains("not verified") })
    #expect(claim.reasons.contains { $0.contains("held at tier 3") && $0.contains("toy") })
    let splits = try #require(document.splits)
    for seed in ["0", "1", "2", "3", "4"] {
      let selection = Set(try #require(splits[seed]?["selection"]))
      let evaluation = Set(try #require(splits[seed]?["evaluation"]))
      #expect(!selection.isEmpty && selection.isDisjoint(with: evaluation))
    }
  }

  @Test func heldOutNotVerifiedWhenSplitsOverlapAndTheClaimSaysSo() throws {
    let document = try Self.run("heldout-unverified")
    let claim = try Self.claim("picked-neuron-overlapping", in: document)
    #expect(claim.verdict == .supported)
    #expect(claim.tier == 3)
    #expect(claim.reasons.contains { $0.contains("held_out declared but not verified") })
    #expect(!claim.reasons.contains { $0.contains("held_out declared and verified") })
    let splits = try #require(document.splits)
    let selection = Set(try #require(splits["0"]?["selection"]))
    #expect(!selection.isDisjoint(with: try #require(splits["0"]?["evaluation"])))
  }
}
