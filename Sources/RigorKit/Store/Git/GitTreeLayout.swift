import CLibGit2
import Foundation

/// A folder of a tree being built in memory from a flat `[path: content]` map.
struct GitTreeLayout {
  enum Child {
    case file(Data)
    case folder(GitTreeLayout)
  }

  var children: [String: Child] = [:]

  /// Groups `files` into nested folders, rejecting paths git could not store or check out.
  static func build(_ files: [String: Data]) throws -> GitTreeLayout {
    var root = GitTreeLayout()
    // Sorted so the same conflict is reported whatever the dictionary order.
    for (path, data) in files.sorted(by: { $0.key < $1.key }) {
      let components = try validComponents(of: path)
      try root.insert(data, at: components[...], fullPath: path)
    }
    return root
  }

  private mutating func insert(_ data: Data, at components: ArraySlice<String>, fullPath: String) throws {
    let name = components.first!
    if components.count == 1 {
      guard children[name] == nil else { throw conflict(fullPath) }
      children[name] = .file(data)
      return
    }
    var folder: GitTreeLayout
    switch children[name] {
    case nil: folder = GitTreeLayout()
    case .folder(let existing): folder = existing
    case .file: throw conflict(fullPath)
    }
    try folder.insert(data, at: components.dropFirst(), fullPath: fullPath)
    children[name] = .folder(folder)
  }

  private static func validComponents(of path: String) throws -> [String] {
    let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    for component in components {
      let problem: String?
      if component.isEmpty {
        problem = "has an empty component (a leading, trailing or doubled '/')"
      } else if component == "." || component == ".." {
        problem = "contains '\(component)'"
      } else if component.lowercased() == ".git" {
        problem = "contains '.git'"
      } else if component.utf8.contains(0) || component.contains("\\") {
        problem = "contains a NUL or a backslash"
      } else {
        problem = nil
      }
      if let problem {
        throw GitError(
          code: GIT_EINVALIDSPEC.rawValue, errorClass: 0, message: "the path '\(path)' \(problem)",
          operation: "build a tree")
      }
    }
    return components
  }

  private func conflict(_ path: String) -> GitError {
    GitError(
      code: GIT_EINVALIDSPEC.rawValue, errorClass: 0,
      message: "the path '\(path)' is both a file and a folder", operation: "build a tree")
  }
}
