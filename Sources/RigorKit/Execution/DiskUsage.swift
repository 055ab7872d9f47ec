import Foundation

/// What a seed's folders hold on disk: allocated bytes and entries, counted without
/// following symbolic links.
///
/// Allocated blocks, not file lengths, so a sparse file counts what it really takes. The walk
/// opens each folder relative to its parent with `O_NOFOLLOW`, so a link the seed plants
/// cannot lead it elsewhere, and it stops early once `entryLimit` is passed.
struct DiskUsage: Equatable {
  var bytes = 0
  var entries = 0

  /// The usage of `folders` together.
  static func measure(_ folders: [URL], entryLimit: Int) -> DiskUsage {
    var usage = DiskUsage()
    for folder in folders {
      let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      usage.add(folder: descriptor, entryLimit: entryLimit, depth: 0)
    }
    return usage
  }

  /// Adds the entries under the open folder `descriptor`, which this closes.
  private mutating func add(folder descriptor: Int32, entryLimit: Int, depth: Int) {
    guard let directory = fdopendir(descriptor) else {
      close(descriptor)
      return
    }
    defer { closedir(directory) }
    while entries <= entryLimit, let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name == "." || name == ".." { continue }
      entries += 1
      var info = stat()
      guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
      bytes += Int(info.st_blocks) * 512
      // Deep nesting is counted but not followed past a depth no honest seed reaches.
      if info.st_mode & S_IFMT == S_IFDIR, depth < 64 {
        let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if child >= 0 { add(folder: child, entryLimit: entryLimit, depth: depth + 1) }
      }
    }
  }
}
