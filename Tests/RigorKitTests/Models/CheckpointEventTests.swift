import Foundation
import RigorProtocol
import Testing
@testable import RigorKit

/// The `checkpoint` channel event: what the runtime sends reaches the outcome as a report the
/// runner then verifies; malformed or repeated reports stop the seed like any violation.
@Suite("Checkpoint event")
struct CheckpointEventTests {
  static let launch = ExecutionSeedSessionTests.launch
  static let files = "\(String(repeating: "ab", count: 32)) pkg/weights.bin\n\(String(repeating: "cd", count: 32)) pkg/vocab/words.txt\n"

  static func line(name: String = "tiny-model") -> [UInt8] {
    let event = ChannelEvent(
      .checkpoint,
      [.step: .integer(1), .name: .text(name), .kind: .text("model"), .source: .text("https://example.org"), .files: .text(files)])
    return Array(event.line.dropLast().utf8)
  }

  @Test("a checkpoint event becomes a report with its files parsed")
  func reportReachesOutcome() {
    var session = SeedSession(launch: Self.launch)
    _ = session.handle(line: Array(#"{"event":"step_begin","step":1,"t":100}"#.utf8))
    _ = session.handle(line: Self.line())
    #expect(session.violation == nil)
    let outcome = session.outcome(ExecutionSeedSessionTests.ending(.exited(0)))
    let report = outcome.checkpoints.first
    #expect(outcome.checkpoints.count == 1)
    #expect(report?.name == "tiny-model" && report?.kind == "model" && report?.step == 1)
    #expect(report?.files == [
      .init(path: "pkg/weights.bin", sha256: String(repeating: "ab", count: 32)),
      .init(path: "pkg/vocab/words.txt", sha256: String(repeating: "cd", count: 32)),
    ])
  }

  @Test("the same checkpoint reported twice is a protocol violation")
  func duplicateIsViolation() {
    var session = SeedSession(launch: Self.launch)
    _ = session.handle(line: Self.line())
    _ = session.handle(line: Self.line())
    #expect(session.violation?.message == "checkpoint 'tiny-model' was reported twice")
  }

  @Test("a checkpoint name breaking the name rules, or a missing field, is refused")
  func malformedIsRefused() {
    var session = SeedSession(launch: Self.launch)
    _ = session.handle(line: Self.line(name: "../etc"))
    #expect(session.violation != nil)
    var other = SeedSession(launch: Self.launch)
    _ = other.handle(line: Array(#"{"event":"checkpoint","step":1,"name":"a","kind":"model","source":"s"}"#.utf8))
    #expect(other.violation?.message.contains("lacks its 'files' field") == true)
  }
}
