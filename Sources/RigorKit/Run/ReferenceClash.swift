import Foundation

/// Finds another notebook file that records on the same result reference.
///
/// `dup.md` and `Notebooks/dup.md` are both named `dup` and would both write `refs/rigor/dup`:
/// each one's runs would enter the other's ledger. Such a pair is refused (exit 3) naming both
/// files, so one can be renamed.
enum ReferenceClash {
  /// The other repository paths that map to `name`, existing as files under `root`.
  static func others(of path: String, name: String, root: URL) -> [String] {
    let own = normalized(path)
    let candidates = [name + ".md", "Notebooks/" + name + ".md", name, "Notebooks/" + name]
    var found: [String] = []
    for candidate in candidates where candidate != own && Notebook.name(forRepositoryPath: candidate) == name {
      var info = stat()
      let full = root.appendingPathComponent(candidate).path
      if stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG, !found.contains(candidate) {
        found.append(candidate)
      }
    }
    return found
  }

  /// The error for a clash, located at the notebook's first line.
  static func diagnostic(path: String, others: [String], reference: String) -> Diagnostic {
    let all = ([path] + others).map { "'\(NameRules.printable($0))'" }.joined(separator: " and ")
    return Diagnostic(
      "\(all) would both record their runs on \(reference); rename one of them so each has its own ledger",
      at: SourceLocation(file: path, line: 1))
  }

  private static func normalized(_ path: String) -> String {
    path.hasPrefix("./") ? String(path.dropFirst(2)) : path
  }
}
