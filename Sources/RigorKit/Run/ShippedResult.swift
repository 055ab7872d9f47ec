import Foundation

/// A result shipped in the repository as `Results/NAME/result.json`, read when this clone has
/// no `refs/rigor/NAME` (a fresh clone: git does not fetch `refs/rigor/*` by default).
///
/// It is the working copy the last recording run refreshed, committed like any file, so it is
/// a reading of the newest result, not the history; commands that use it say where they read.
struct ShippedResult {
  /// The folder relative to the repository root, `Results/NAME`.
  var folder: String
  var document: RunDocument
  /// The folder's absolute location.
  var url: URL

  /// The shipped result of notebook `name`, or nil when there is none or it is unreadable.
  static func read(root: URL, name: String) -> ShippedResult? {
    // NAME comes from a path inside the repository; anything else has no shipped folder.
    guard !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else { return nil }
    let folder = "Results/\(name)"
    let url = root.appendingPathComponent(folder)
    guard let data = try? Data(contentsOf: url.appendingPathComponent("result.json")),
      let document = try? JSONOutput.decode(RunDocument.self, from: data)
    else { return nil }
    return ShippedResult(folder: folder, document: document, url: url)
  }

  /// The note commands print on standard error when they read a shipped result.
  func note(name: String) -> String {
    "read from \(folder)/result.json: this clone has no refs/rigor/\(name) "
      + "(fetch them with `rigor pull REMOTE`, or record your own with `rigor run`)"
  }

  /// A file of the folder (`report.html`), nil when absent.
  func readFile(_ path: String) -> Data? {
    try? Data(contentsOf: url.appendingPathComponent(path))
  }

  /// The files a report shows (`figure_steps.json` and everything under `seeds/`), keyed by
  /// their path in the folder, as a result commit's tree holds them.
  ///
  /// A cloned repository is untrusted data: only regular files are read (a symbolic link is
  /// skipped, never followed), at most `limit` bytes in all.
  func reportFiles(limit: Int = 256 << 20) -> [String: Data] {
    var files: [String: Data] = [:]
    var total = 0
    func add(_ relative: String) {
      // Opened without following a link, then checked on the descriptor it was read from.
      let fd = open(url.appendingPathComponent(relative).path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
      guard fd >= 0 else { return }
      let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
      var status = stat()
      guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, total + Int(status.st_size) <= limit,
        let data = try? handle.read(upToCount: limit - total)
      else { return }
      total += data.count
      files[relative] = data
    }
    add(HTMLReport.figureStepsFile)
    var pending = ["seeds"]
    while let folder = pending.popLast() {
      var status = stat()
      guard lstat(url.appendingPathComponent(folder).path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR,
        let names = try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(folder).path)
      else { continue }
      for name in names.sorted() {
        let relative = "\(folder)/\(name)"
        var entry = stat()
        guard lstat(url.appendingPathComponent(relative).path, &entry) == 0 else { continue }
        if (entry.st_mode & S_IFMT) == S_IFDIR { pending.append(relative) } else { add(relative) }
      }
    }
    return files
  }
}
