import Foundation
import Testing

@testable import RigorKit

/// `data:` in the front matter: repository paths a seed may read, hashed into provenance.
@Suite struct DataFrontMatterTests {
  func parse(_ text: String) -> NotebookParse {
    NotebookParser().parse(text: text, path: "Notebooks/d.md")
  }

  @Test func dataListsRelativePathsWithTheirLines() {
    let parse = parse("---\ndata: [data/words.txt, ./lexicon/]\n---\n")
    #expect(parse.diagnostics.isEmpty)
    #expect(parse.notebook.frontMatter.data == ["data/words.txt", "lexicon"])
    #expect(parse.notebook.frontMatter.dataLocations["lexicon"]?.line == 2)
  }

  @Test(arguments: ["/etc/passwd", "../secret", "data/../../x", "~/x", "."])
  func pathsOutsideTheRepositoryAreErrors(path: String) {
    let found = parse("---\ndata: [\"\(path)\"]\n---\n").diagnostics
    #expect(found.count == 1 && found.first?.location.line == 2, "\(found)")
  }

  @Test func dataMustBeAList() {
    #expect(parse("---\ndata: words.txt\n---\n").diagnostics.first?.message.contains("must be a list") == true)
  }

  @Test func filesAndFoldersAreHashedAndMissingOnesAreErrors() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-data-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("lex/sub"), withIntermediateDirectories: true)
    try Data("abc".utf8).write(to: root.appendingPathComponent("words.txt"))
    try Data("".utf8).write(to: root.appendingPathComponent("lex/sub/empty.txt"))
    let notebook = parse("---\ndata: [words.txt, lex, missing.csv]\n---\n").notebook
    let (files, errors) = DataProvenance.hash(notebook, root: root)
    // sha256("abc") and sha256("") (FIPS 180-2 test vectors).
    #expect(files == [
      DataFileDocument(path: "words.txt", sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      DataFileDocument(path: "lex/sub/empty.txt", sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ])
    #expect(errors.map(\.message) == ["`data` path `missing.csv` does not exist in the repository"])
    #expect(errors.first?.location.line == 2)
  }
}
