import Foundation
import Testing
@_spi(Benchmarks) @testable import RigorKit

/// Random and mutated event streams fed to the supervisor's reader: no crash, no hang, and every
/// stream ends in an outcome that assembles into a result document.
///
/// The suite runs `RIGOR_FUZZ_STREAMS` streams (2,000 by default); `Scripts/fuzz-channel` runs
/// 100,000.
@Suite struct ChannelFuzzTests {
  static let launch = SeedLaunch(
    binary: URL(fileURLWithPath: "/bin/true"), seed: 0, outputDirectory: URL(fileURLWithPath: "/nonexistent/out"),
    scratchDirectory: URL(fileURLWithPath: "/nonexistent/scratch"), timeoutSeconds: 5, sandboxed: false,
    sourcePath: "Notebooks/x.md", steps: [.init(index: 1, line: 5), .init(index: 2, line: 9)])

  static let honest: [String] = [
    #"{"event":"step_begin","step":1,"t":1.5}"#,
    #"{"event":"record","step":1,"name":"loss","value":0.25}"#,
    #"{"event":"split","step":1,"name":"evaluation","ids":[3,1,4]}"#,
    #"{"event":"figure","step":1,"name":"curve","path":"figures/curve.svg","bytes":120}"#,
    #"{"event":"progress","step":1,"fraction":0.5,"message":"half"}"#,
    #"{"event":"step_end","step":1,"t":2.5,"maxrss":1048576}"#,
    #"{"event":"step_begin","step":2,"t":2.5}"#,
    #"{"event":"artifact","step":2,"name":"w.bin","path":"artifacts/w.bin","bytes":8}"#,
    #"{"event":"error","step":2,"file":"Notebooks/x.md","line":11,"column":3,"message":"boom"}"#,
    #"{"event":"step_end","step":2,"t":3,"maxrss":2097152}"#,
    #"{"event":"finish","t":3,"maxrss":2097152}"#,
  ]

  static let tokens: [String] = [
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "-", "1e999", "0.5",
    "9223372036854775808", "\"event\"", "\"record\"", "\"step\"", "\"name\"", "\"../x\"", "\"value\"", "\n",
    "\u{0}", "\u{1B}[2J", "é", "\u{FFFF}",
  ]

  /// A stream: honest lines, mutated (bytes flipped, cut, spliced, duplicated), or random bytes.
  static func stream(_ rng: inout SystemRandomNumberGeneratorSeeded) -> [UInt8] {
    var lines = honest.map { Array($0.utf8) }
    switch rng.next() % 4 {
    case 0:  // byte mutations
      for _ in 0..<(1 + rng.next() % 6) {
        let line = Int(rng.next() % UInt64(lines.count))
        guard !lines[line].isEmpty else { continue }
        let at = Int(rng.next() % UInt64(lines[line].count))
        switch rng.next() % 3 {
        case 0: lines[line][at] = UInt8(truncatingIfNeeded: rng.next())
        case 1: lines[line].remove(at: at)
        default: lines[line].insert(contentsOf: Array(tokens[Int(rng.next() % UInt64(tokens.count))].utf8), at: at)
        }
      }
    case 1:  // reorder, duplicate, drop
      for _ in 0..<(1 + rng.next() % 5) {
        let a = Int(rng.next() % UInt64(lines.count))
        let b = Int(rng.next() % UInt64(lines.count))
        switch rng.next() % 3 {
        case 0: lines.swapAt(a, b)
        case 1: lines.insert(lines[a], at: b)
        default: if lines.count > 1 { lines.remove(at: a) }
        }
      }
    case 2:  // token soup
      lines = (0..<(1 + rng.next() % 8)).map { _ in
        Array((0..<(rng.next() % 24)).map { _ in tokens[Int(rng.next() % UInt64(tokens.count))] }.joined().utf8)
      }
    default:  // random bytes
      lines = [(0..<(rng.next() % 512)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }]
    }
    return Array(lines.joined(separator: [0x0A]))
  }

  @Test func randomAndMutatedStreamsAlwaysEndInARecordedResult() throws {
    let count = ProcessInfo.processInfo.environment["RIGOR_FUZZ_STREAMS"].flatMap(Int.init) ?? 2_000
    var rng = SystemRandomNumberGeneratorSeeded(seed: 12)
    var violations = 0
    let notebook = Notebook(path: "Notebooks/x.md", text: "", frontMatter: FrontMatter(), steps: [], claimBlocks: [])
    for _ in 0..<count {
      let bytes = Self.stream(&rng)
      var session = SeedSession(launch: Self.launch)
      var splitter = LineSplitter(maxLineBytes: RigorLimits.maxLineBytes)
      // Fed in random chunk sizes, as a pipe delivers them.
      var offset = 0
      while offset < bytes.count {
        let size = min(bytes.count - offset, 1 + Int(rng.next() % 97))
        let lines = bytes[offset..<(offset + size)].withUnsafeBytes { splitter.append($0) }
        for line in lines { _ = session.handle(line: line) }
        offset += size
      }
      if session.violation != nil { violations += 1 }
      let outcome = session.outcome(
        SeedSession.Ending(termination: .exited(0), timedOut: false, startTime: 0, endTime: 1, peakMemoryBytes: 0))
      #expect(outcome.status != .ok || session.violation == nil)
      var document = RunDocument(notebook: "Notebooks/x.md", status: .ok, resultsRef: "refs/rigor/x", seeds: [0])
      document.steps = Self.launch.steps.map { StepDocument(index: $0.index, line: $0.line, status: nil, code: "") }
      ResultAssembler.fill(&document, notebook: notebook, outcomes: [outcome])
      _ = try JSONOutput.data(document)
    }
    // The mutations must actually reach the reader's refusals, not just pass through.
    #expect(violations > count / 4)
  }
}

/// A small deterministic generator (SplitMix64), so a failing stream can be replayed.
struct SystemRandomNumberGeneratorSeeded: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
