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
}
