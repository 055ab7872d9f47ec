import Foundation
import Testing
@testable import RigorKit

@Suite struct StepCompilerTests {
  /// The sandbox binds real folders only; an rpath through a symlink (`.build/release` is one)
  /// under a hidden folder such as /tmp would not resolve inside it.
  @Test func linksAgainstTheRealFolderOfTheLibraries() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-link-\(UUID().uuidString.prefix(8))")
    let real = base.appendingPathComponent("x86_64/release")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: base) }
    let link = base.appendingPathComponent("release")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    let toolchain = InterpToolchain(libraryFolder: link, packageRoot: base, swiftc: URL(fileURLWithPath: "/usr/bin/false"))
    let arguments = StepCompiler(toolchain: toolchain, cache: BuildCache(folder: base)).arguments
    let rpath = try #require(arguments.firstIndex(of: "-rpath")).advanced(by: 2)
    #expect(arguments[rpath] == real.resolvingSymlinksInPath().path)
    #expect(!arguments.contains(link.path))
  }

  @Test func generatedProgramMarksEveryStepAndMapsItsLines() {
    let notebook = NotebookParser().parse(
      text: "---\nparams:\n  n: 3\n---\n```swift\nlet a = params.n\n```\n\n```swift\nrecord(\"a\", Double(a))\n```\n",
      path: "Notebooks/q\"x.md"
    ).notebook
    let source = StepProgramGenerator().generate(notebook)
    #expect(source.contains("#sourceLocation(file: \"Notebooks/q\\\"x.md\", line: 6)"))
    #expect(source.contains("#sourceLocation(file: \"Notebooks/q\\\"x.md\", line: 10)"))
    #expect(source.contains("_rigorBeginStep(1)") && source.contains("_rigorEndStep(2)"))
    #expect(source.contains("let n: Int") && source.contains("_rigorParameter(\"n\", as: Int.self, default: 3)"))
  }
}
