import Foundation

/// The repository a notebook lives in, and how paths are printed relative to its root.
struct Workspace {
  /// The repository's work tree root, or the current folder outside git (`--no-commit`).
  var root: URL
  /// The result store, or nil outside any git repository.
  var store: ResultStore?

  /// Finds the repository holding `notebook`; creates one when `initialize` is set.
  static func locate(notebook: URL, needsStore: Bool, initialize: Bool) throws -> Workspace {
    let folder = notebook.deletingLastPathComponent()
    do {
      let repository = try GitRepository.discover(from: folder)
      guard let root = repository.workDirectory else {
        throw CommandFailure(.storeFailed, "\(repository.gitDirectory.path) is a bare repository; run notebooks from a clone with a work tree")
      }
      return Workspace(root: root.standardizedFileURL, store: ResultStore(repository: repository))
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      if initialize {
        do {
          let repository = try GitRepository.create(at: folder)
          return Workspace(
            root: (repository.workDirectory ?? folder).standardizedFileURL,
            store: ResultStore(repository: repository))
        } catch {
          throw CommandFailure(.storeFailed, "cannot create a git repository in \(folder.path): \(error)")
        }
      }
      if needsStore {
        throw CommandFailure(
          .storeFailed,
          "\(notebook.path) is not inside a git repository, so its result cannot be recorded.\n"
            + "Run it inside a repository, pass --init to create one in \(folder.path), or pass --no-commit.")
      }
      return Workspace(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), store: nil)
    }
  }

  /// `url` relative to the repository root (as docs/COMMAND-LINE.md prints paths), or absolute outside it.
  func relativePath(_ url: URL) -> String {
    let path = url.standardizedFileURL.resolvingSymlinksInPath().path
    let base = root.resolvingSymlinksInPath().path
    if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
    return path
  }
}
