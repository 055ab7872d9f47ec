import Foundation

/// The repository files a notebook's `data:` front matter names, with their SHA-256, for the
/// result's provenance (docs/NOTEBOOK-FORMAT.md): a folder stands for every regular file under it.
enum DataProvenance {
  /// At most this many files are hashed per notebook; a larger folder is a notebook error.
  static let maximumFiles = 10_000

  /// Each `data` path's files (sorted, relative to the repository root) with their hashes;
  /// a path that does not exist in the repository, or leaves it through a link, is an error
  /// at its front matter line.
  static func hash(_ notebook: Notebook, root: URL) -> (files: [DataFileDocument], errors: [Diagnostic]) {
    var files: [DataFileDocument] = []
    var errors: [Diagnostic] = []
    let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
    for path in notebook.frontMatter.data {
      let at = notebook.frontMatter.dataLocations[path] ?? SourceLocation(file: notebook.path, line: 1)
      let url = root.appendingPathComponent(path)
      let real = url.standardizedFileURL.resolvingSymlinksInPath().path
      var isFolder: ObjCBool = false
      guard real == rootPath || real.hasPrefix(rootPath + "/") else {
        errors.append(Diagnostic("`data` path `\(path)` leads outside the repository", at: at))
        continue
      }
      guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else {
        errors.append(Diagnostic("`data` path `\(path)` does not exist in the repository", at: at))
        continue
      }
      var members: [String] = []
      if isFolder.boolValue {
        let enumerator = FileManager.default.enumerator(
          at: URL(fileURLWithPath: real), includingPropertiesForKeys: [.isRegularFileKey], options: [])
        while let next = enumerator?.nextObject() as? URL {
          guard (try? next.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
          members.append(path + "/" + String(next.path.dropFirst(real.count + 1)))
        }
      } else {
        members = [path]
      }
      for member in members.sorted() {
        guard files.count < maximumFiles else {
          errors.append(Diagnostic("`data` names more than \(maximumFiles) files", at: at))
          return (files, errors)
        }
        do {
          files.append(DataFileDocument(path: member, sha256: try FileDigest.sha256(of: root.appendingPathComponent(member))))
        } catch {
          errors.append(Diagnostic("`data` file `\(member)` cannot be read: \(error)", at: at))
        }
      }
    }
    return (files, errors)
  }
}
