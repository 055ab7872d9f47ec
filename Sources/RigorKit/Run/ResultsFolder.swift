import Foundation

/// The working folder `Results/NAME/` of a notebook, checked to lie inside the repository.
///
/// A committed symbolic link (`Results/sl -> /somewhere`) would make the refresh replace and
/// delete a folder outside the repository, so every component from the repository root down
/// to `Results/NAME` is examined with `lstat`: a symbolic link, or anything but a folder where a
/// folder is needed, is refused by name.
enum ResultsFolder {
  /// Why the working folder cannot be written; the result commit is made regardless.
  struct Unsafe: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String {
      "not refreshing the working folder: \(path) \(reason); rigor writes results only inside the repository (the result is committed: rigor show NOTEBOOK)"
    }
  }

  /// `root/Results/NAME`, after checking that no existing component is a symbolic link.
  static func locate(root: URL, name: String) throws -> URL {
    var url = root
    var relative = ""
    for component in ["Results"] + name.split(separator: "/").map(String.init) {
      guard component != "..", component != ".", !component.isEmpty else {
        throw Unsafe(path: relative + component, reason: "is not a plain folder name")
      }
      url.appendPathComponent(component)
      relative += (relative.isEmpty ? "" : "/") + component
      var info = stat()
      if lstat(url.path, &info) != 0 {
        if errno == ENOENT { continue }
        throw Unsafe(path: relative, reason: "cannot be examined (\(String(cString: strerror(errno))))")
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR: continue
      case S_IFLNK: throw Unsafe(path: relative, reason: "is a symbolic link")
      default: throw Unsafe(path: relative, reason: "is not a folder")
      }
    }
    return url
  }
}
