import Foundation
import Testing

@testable import RigorRuntime

/// A run state whose channel is a pipe the test reads back, and whose output folder is fresh.
final class RuntimeHarness {
  let readEnd: Int32
  let writeEnd: Int32
  let folder: URL
  let state: RunState

  init(parametersJSON: String? = nil) {
    var fds: [Int32] = [0, 0]
    _ = pipe(&fds)
    readEnd = fds[0]
    writeEnd = fds[1]
    _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("rigor-runtime-test-\(UUID().uuidString)")
    state = RunState(
      channel: Channel(fd: writeEnd), seed: 3, outputDirectory: folder,
      parametersJSON: parametersJSON)
  }

  deinit {
    close(readEnd)
    close(writeEnd)
    try? FileManager.default.removeItem(at: folder)
  }

  /// Every event written so far, decoded independently of the runtime's encoder.
  func events() -> [[String: Any]] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(readEnd, &buffer, buffer.count)
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? ["unparsed": String(line)]
    }
  }
}

@Suite struct RunStateRecordTests {
  @Test func recordSendsNameValueAndStepOnTheChannel() throws {
    let harness = RuntimeHarness()
    harness.state.beginStep(2)
    try harness.state.record("sae_auroc", 0.8125)
    let events = harness.events()
    #expect(events.count == 2)
    #expect(events[0]["event"] as? String == "step_begin")
    #expect(events[1]["event"] as? String == "record")
    #expect(events[1]["name"] as? String == "sae_auroc")
    #expect(events[1]["value"] as? Double == 0.8125)
    #expect(events[1]["step"] as? Int == 2)
  }

  @Test func recordingTheSameNameTwiceIsAnErrorNamingTheEarlierStep() throws {
    let harness = RuntimeHarness()
    harness.state.beginStep(1)
    try harness.state.record("loss", 1)
    harness.state.beginStep(4)
    #expect(throws: RigorRuntimeError.self) { try harness.state.record("loss", 2) }
    do {
      try harness.state.record("loss", 2)
    } catch let error as RigorRuntimeError {
      #expect(error.message.contains("step 1"))
    }
  }

  @Test func recordOnASplitSendsTheSplitAndChecksItAtTheEnd() throws {
    let harness = RuntimeHarness()
    harness.state.beginStep(1)
    // Recorded before the split is declared: only the end of the seed decides.
    try harness.state.record("acc", 0.9, on: "evaluation", location: ("Notebooks/x.md", 12, 1))
    #expect(harness.state.undeclaredSplitRecord()?.0.split == "evaluation")
    try harness.state.split("evaluation", ids: [4, 5])
    #expect(harness.state.undeclaredSplitRecord() == nil)
    let record = harness.events().first { $0["event"] as? String == "record" }
    #expect(record?["split"] as? String == "evaluation")
  }

  @Test func recordOnAnUndeclaredSplitIsAnErrorAtTheRecordCall() throws {
    let harness = RuntimeHarness()
    harness.state.beginStep(2)
    try harness.state.split("selection", ids: [1])
    try harness.state.record("acc", 0.9, on: "evalution", location: ("Notebooks/x.md", 40, 3))
    let (entry, error) = try #require(harness.state.undeclaredSplitRecord())
    #expect(entry.step == 2 && entry.line == 40 && entry.column == 3)
    #expect(error.message == "metric 'acc' was recorded on split 'evalution', which this seed never declared with split(\"evalution\", ids:) (declared: 'selection')")
    #expect(throws: RigorRuntimeError.self) { try harness.state.record("b", 1, on: "bad name") }
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func nonFiniteValuesAreRejected(value: Double) {
    let harness = RuntimeHarness()
    #expect(throws: RigorRuntimeError.self) { try harness.state.record("x", value) }
    #expect(harness.events().isEmpty)
  }

  @Test(arguments: ["", "a b", "a/b", "métrique", "x\n", String(repeating: "a", count: 129)])
  func badMetricNamesAreRejected(name: String) {
    let harness = RuntimeHarness()
    #expect(throws: RigorRuntimeError.self) { try harness.state.record(name, 1) }
  }

  @Test(arguments: ["a", "A-b_c.d", "layer.3.acc", String(repeating: "z", count: 128)])
  func goodMetricNamesAreAccepted(name: String) throws {
    let harness = RuntimeHarness()
    try harness.state.record(name, -0.5)
    #expect(harness.events().first?["name"] as? String == name)
  }
}

@Suite struct RunStateFileTests {
  @Test func figureIsWrittenAsSVGUnderFigures() throws {
    let harness = RuntimeHarness()
    try harness.state.writeFigure("loss", svg: "<svg/>")
    let path = harness.folder.appendingPathComponent("figures/loss.svg")
    #expect(try String(contentsOf: path, encoding: .utf8) == "<svg/>")
    let event = harness.events().first
    #expect(event?["event"] as? String == "figure")
    #expect(event?["path"] as? String == "figures/loss.svg")
    #expect(event?["bytes"] as? Int == 6)
  }

  @Test func artifactIsWrittenUnderArtifacts() throws {
    let harness = RuntimeHarness()
    try harness.state.writeArtifact("weights.bin", data: Data([1, 2, 3]))
    let data = try Data(contentsOf: harness.folder.appendingPathComponent("artifacts/weights.bin"))
    #expect(Array(data) == [1, 2, 3])
  }

  @Test(arguments: ["../escape", "..", "a/b", "/etc/passwd", "", ".hidden", "a..b"])
  func pathLikeFileNamesAreRejectedAndNothingIsWritten(name: String) {
    let harness = RuntimeHarness()
    #expect(throws: RigorRuntimeError.self) { try harness.state.writeArtifact(name, data: Data()) }
    #expect(throws: RigorRuntimeError.self) { try harness.state.writeFigure(name, svg: "") }
    #expect(!FileManager.default.fileExists(atPath: harness.folder.path))
  }

  @Test func writingTheSameFigureTwiceIsAnError() throws {
    let harness = RuntimeHarness()
    try harness.state.writeFigure("a.svg", svg: "<svg/>")
    #expect(throws: RigorRuntimeError.self) { try harness.state.writeFigure("a", svg: "<svg/>") }
  }

  @Test func oversizedFigureIsRejected() {
    let harness = RuntimeHarness()
    let big = String(repeating: "x", count: RigorLimits.maxFigureBytes + 1)
    #expect(throws: RigorRuntimeError.self) { try harness.state.writeFigure("big", svg: big) }
  }
}

@Suite struct RunStateSplitTests {
  @Test func splitCarriesItsIds() throws {
    let harness = RuntimeHarness()
    try harness.state.split("evaluation", ids: [5, 7, 11])
    let event = harness.events().first
    #expect(event?["ids"] as? [Int] == [5, 7, 11])
    #expect(throws: RigorRuntimeError.self) { try harness.state.split("evaluation", ids: []) }
  }
}

@Suite struct ParameterTests {
  @Test func valuesAreReadByTypeFromJSON() throws {
    let harness = RuntimeHarness(
      parametersJSON: #"{"features": 40, "sparsity": 0.5, "scale": 2, "label": "a\"b", "fast": true}"#)
    #expect(try harness.state.parameter("features")?.asInt(name: "features") == 40)
    #expect(try harness.state.parameter("sparsity")?.asDouble(name: "sparsity") == 0.5)
    #expect(try harness.state.parameter("scale")?.asDouble(name: "scale") == 2.0)
    #expect(try harness.state.parameter("label")?.asString(name: "label") == "a\"b")
    #expect(try harness.state.parameter("fast")?.asBool(name: "fast") == true)
    #expect(try harness.state.parameter("missing") == nil)
  }

  @Test func wrongTypesAreErrors() throws {
    let harness = RuntimeHarness(parametersJSON: #"{"n": 0.5, "b": 1, "s": false}"#)
    #expect(throws: RigorRuntimeError.self) { try harness.state.parameter("n")?.asInt(name: "n") }
    #expect(throws: RigorRuntimeError.self) { try harness.state.parameter("b")?.asBool(name: "b") }
    #expect(throws: RigorRuntimeError.self) { try harness.state.parameter("s")?.asString(name: "s") }
  }

  @Test func malformedParameterJSONIsAnError() {
    let harness = RuntimeHarness(parametersJSON: "[1, 2")
    #expect(throws: RigorRuntimeError.self) { try harness.state.parameter("x") }
  }
}
