import Foundation
import Testing

@testable import RigorKit

@Suite struct ExecutionOutputCaptureTests {
  @Test func shortOutputIsKeptWhole() {
    var capture = OutputCapture(capBytes: 16)
    capture.append(Array("hello\n".utf8))
    capture.append(Array("world\n".utf8))
    #expect(capture.text == "hello\nworld\n")
    #expect(capture.droppedBytes == 0)
  }

  @Test func longOutputKeepsHeadAndTailAcrossChunkSizes() {
    // 1000 bytes "0123456789" repeated, fed in chunks of 1, 7 and 333 bytes.
    let bytes = Array(String(repeating: "0123456789", count: 100).utf8)
    for chunk in [1, 7, 333] {
      var capture = OutputCapture(capBytes: 20)
      var start = 0
      while start < bytes.count {
        capture.append(Array(bytes[start..<min(bytes.count, start + chunk)]))
        start += chunk
      }
      #expect(capture.head == Array("0123456789".utf8))
      #expect(capture.tailBytes == Array("0123456789".utf8))
      #expect(capture.droppedBytes == 980)
      #expect(capture.text == "0123456789\n[... 980 bytes of output dropped ...]\n0123456789")
    }
  }

  @Test func outputJustOverTheHeadIsNotReportedAsDropped() {
    var capture = OutputCapture(capBytes: 10)
    capture.append(Array("abcdefgh".utf8))
    #expect(capture.text == "abcdefgh")
    #expect(capture.droppedBytes == 0)
  }

  @Test func invalidUTF8IsReplacedNotFatal() {
    var capture = OutputCapture(capBytes: 100)
    capture.append([0x61, 0xFF, 0x62])
    #expect(capture.text == "a\u{FFFD}b")
  }
}

@Suite struct ExecutionLineSplitterTests {
  @Test func linesSplitAcrossReadsAreJoined() {
    var splitter = LineSplitter()
    var lines: [String] = []
    for piece in ["{\"a\":", "1}\n{\"b\"", ":2}\n\n{\"c\":3"] {
      let found = Array(piece.utf8).withUnsafeBytes { splitter.append($0) }
      lines += found.map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(lines == ["{\"a\":1}", "{\"b\":2}", ""])
  }

  @Test func overlongLineIsDiscardedAndTheNextOneStillArrives() {
    var splitter = LineSplitter(maxLineBytes: 8)
    var lines: [String] = []
    for piece in ["0123456789", "abcdef\nok\n"] {
      let found = Array(piece.utf8).withUnsafeBytes { splitter.append($0) }
      lines += found.map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(lines == ["ok"])
    #expect(splitter.discardedLines == 1)
  }
}

@Suite struct ExecutionCrashReportTests {
  /// Printed by Swift 6.3.1's backtracer for an index out of range on line 15 of a file
  /// compiled under `#sourceLocation(file: "Notebooks/x.md", line: 14)`.
  static let realTrace = """
    Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

    *** Signal 4: Backtracing from 0x7f5a2fb6df7f... done ***

    *** Program crashed: Illegal instruction at 0x00007f5a2fb6df7f ***

    Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

    Thread 0 "prog" crashed:

      0      0x00007f5a2fb6df7f closure #1 in closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
      1 [ra] 0x00007f5a2fcf961f _assertionFailure(_:_:file:line:flags:) + 302 in libswiftCore.so
      2 [ra] 0x00007f5a3032af65 specialized Array.subscript.getter + 84 in libswiftSwiftOnoneSupport.so
      3 [ra] 0x0000555ae0bad0c1 f(_:) + 32 in prog at /tmp/exbt/main.swift:3:37
      4 [ra] 0x0000555ae0bad203 main + 290 in prog at Notebooks/x.md:15:9
    ...

    Backtrace took 0.02s
    """

  @Test func realBacktraceGivesTheNotebookLineAndTheFatalMessage() {
    let report = CrashReport.parse(Self.realTrace, sourcePath: "Notebooks/x.md")
    #expect(report.location == SourceLocation(file: "Notebooks/x.md", line: 15, column: 9))
    #expect(report.message == "Fatal error: Index out of range")
  }

  @Test func absoluteFramePathsMatchTheRelativeSourcePath() {
    let trace = "Thread 2 crashed:\n\n0 [ra] 0x1 main + 2 in prog at /home/u/repo/Notebooks/x.md:7:3\n"
    let report = CrashReport.parse(trace, sourcePath: "Notebooks/x.md")
    #expect(report.location == SourceLocation(file: "Notebooks/x.md", line: 7, column: 3))
  }

  @Test func framesOfOtherFilesOrOtherThreadsAreIgnored() {
    let trace = """
      Thread 0 "main" crashed:
      0 [ra] 0x1 f + 2 in prog at Notebooks/other.md:7:3

      Thread 1:
      0 [ra] 0x1 g + 2 in prog at Notebooks/x.md:9:1
      """
    #expect(CrashReport.parse(trace, sourcePath: "Notebooks/x.md").location == nil)
  }

  @Test func coreCheckMessageIsTakenWithoutTheRuntimePrefix() {
    let output = "Interp/Tensor+Matmul.swift:14: Fatal error: matmul: shapes [2, 3] and [4, 5] do not chain\n"
    let report = CrashReport.parse(output, sourcePath: "Notebooks/x.md")
    #expect(report.coreMessage == "matmul: shapes [2, 3] and [4, 5] do not chain")
    #expect(report.message == "Fatal error: matmul: shapes [2, 3] and [4, 5] do not chain")
  }

  @Test func userAndStandardLibraryTrapsAreNotCoreChecks() {
    for output in ["Notebooks/x.md:30: Fatal error: Interp broke", "Swift/Array.swift:692: Fatal error: Index out of range", "Interpolation: Fatal error: x"] {
      #expect(CrashReport.parse(output, sourcePath: "Notebooks/x.md").coreMessage == nil)
    }
  }

  @Test func userFatalErrorMessageIsFound() {
    let output = "Notebooks/x.md:30: Fatal error: weights did not converge\n"
    #expect(CrashReport.parse(output, sourcePath: "Notebooks/x.md").message == "Fatal error: weights did not converge")
  }
}
