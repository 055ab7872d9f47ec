import Foundation

/// A parsed notebook: front matter, steps and claim blocks, with their Markdown lines.
public struct Notebook: Sendable {
  /// The path as printed in messages and JSON: relative to the repository root where possible.
  public var path: String
  /// The file's exact text.
  public var text: String
  public var frontMatter: FrontMatter
  public var steps: [NotebookStep]
  public var claimBlocks: [ClaimBlock]

  public init(
    path: String, text: String, frontMatter: FrontMatter, steps: [NotebookStep],
    claimBlocks: [ClaimBlock]
  ) {
    self.path = path
    self.text = text
    self.frontMatter = frontMatter
    self.steps = steps
    self.claimBlocks = claimBlocks
  }

  /// Seeds to run when neither front matter nor the command line says: five, because no claim
  /// can be judged on fewer (docs/JUDGING.md).
  public static let defaultSeeds = Array(0..<5)
  /// Seconds allowed for one seed's run when front matter does not say.
  public static let defaultTimeout: Double = 600

  /// The notebook's NAME (docs/COMMAND-LINE.md): its path relative to `Notebooks/` (or to the repository
  /// root when it is elsewhere) without `.md`.
  public static func name(forRepositoryPath relativePath: String) -> String {
    var name = relativePath
    if name.hasPrefix("./") { name.removeFirst(2) }
    if name.hasPrefix("Notebooks/") { name.removeFirst("Notebooks/".count) }
    if name.hasSuffix(".md") { name.removeLast(3) }
    return name
  }
}
