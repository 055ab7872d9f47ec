import Foundation
import RigorProtocol

/// The location of a repository file or folder the front matter's `data:` lists, for reading
/// in a step: `try String(contentsOf: dataFile("data/words.txt"), encoding: .utf8)`.
///
/// Seeds start in their own scratch folder, and only the listed paths of the repository are
/// visible (read-only, hashed into the result's provenance), so this is the way to name one.
/// A path the front matter does not list is an error of the calling step at this line; outside
/// Rigor (no runner) it is thrown.
public func dataFile(
  _ path: String, file: String = #file, line: Int = #line, column: Int = #column
) throws -> URL {
  do {
    return try DataFiles(environment: ProcessInfo.processInfo.environment).url(path)
  } catch let error as RigorRuntimeError {
    guard RunState.shared.channel != nil else { throw error }
    RunState.shared.fail(error, file: file, line: line, column: column)
  }
}

/// The `data:` paths the runner bound into this seed, and where.
struct DataFiles {
  var root: URL?
  var listed: [String]

  init(environment: [String: String]) {
    root = environment[ChannelEnvironment.dataRoot].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
    listed = (environment[ChannelEnvironment.dataPaths] ?? "").split(separator: "\n").map(String.init)
  }

  /// `path` under the repository root when it is listed or lies inside a listed folder.
  func url(_ path: String) throws -> URL {
    let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    let inside = listed.contains { trimmed == $0 || trimmed.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    guard let root, inside, !trimmed.split(separator: "/").contains("..") else {
      let declared = listed.isEmpty ? "the front matter lists no `data:` paths" : "it lists \(listed.joined(separator: ", "))"
      throw RigorRuntimeError("dataFile: `\(path)` is not a path the front matter's `data:` lists (\(declared)); list it there to read it")
    }
    return root.appendingPathComponent(trimmed)
  }
}
