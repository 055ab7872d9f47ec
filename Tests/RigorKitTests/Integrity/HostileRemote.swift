import Foundation
@testable import RigorKit

/// A bare repository built with plain git (tests only) holding the references a hostile
/// collaborator could publish: well-formed results beside refs at blobs, trees and tag
/// objects, undecodable `result.json`, missing parents, odd names and unsafe tree entries.
final class HostileRemote {
  let folder: StoreTemporaryFolder
  var url: URL { folder.url }
  var path: String { folder.url.path }

  init() throws {
    folder = try StoreTemporaryFolder()
    try git(["init", "-q", "--bare", "."])
  }

  /// A valid run document: the shipped quickstart result.
  static let validResult: Data = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return (try? Data(contentsOf: root.appendingPathComponent("Results/quickstart/result.json"))) ?? Data()
  }()

  @discardableResult
  func git(_ arguments: [String], input: Data? = nil) throws -> String {
    let output = try storeGit(arguments, in: url, input: input)
    guard output.status == 0 else {
      throw ResultStoreError.fileSystem(operation: "run git \(arguments.joined(separator: " "))", path: path, reason: output.standardError)
    }
    return output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func blob(_ data: Data) throws -> String { try git(["hash-object", "-w", "--stdin"], input: data) }

  /// A tree of `entries` (mode, name, object id), written byte for byte so that names git's
  /// own tools refuse (`..`, `.git`) can be stored too.
  func rawTree(_ entries: [(mode: String, name: [UInt8], id: String)]) throws -> String {
    var bytes = Data()
    for entry in entries.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }) {
      bytes += Data("\(entry.mode) ".utf8) + Data(entry.name) + Data([0])
      bytes += Data(stride(from: 0, to: 40, by: 2).map { offset in
        let start = entry.id.index(entry.id.startIndex, offsetBy: offset)
        return UInt8(entry.id[start...entry.id.index(after: start)], radix: 16)!
      })
    }
    let file = url.appendingPathComponent("raw-tree")
    try bytes.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    return try git(["hash-object", "-w", "-t", "tree", "--literally", file.path])
  }

  func tree(files: [String: Data]) throws -> String {
    try rawTree(files.map { ("100644", Array($0.key.utf8), try blob($0.value)) })
  }

  func commit(tree: String, parents: [String] = [], kind: String?, message: String = "run") throws -> String {
    let text = message + (kind.map { "\n\nRigor-Kind: \($0)" } ?? "")
    return try git(["commit-tree", tree] + parents.flatMap { ["-p", $0] } + ["-m", text])
  }

  /// A registration and a result whose `result.json` is `result`; returns the result commit.
  func run(result: Data, parent: String? = nil) throws -> String {
    let registration = try commit(tree: try tree(files: ["registration.json": Data("{}".utf8)]), parents: parent.map { [$0] } ?? [], kind: "registration")
    return try commit(tree: try tree(files: ["result.json": result]), parents: [registration], kind: "result")
  }

  func setReference(_ name: String, to id: String) throws { try git(["update-ref", name, id]) }

  /// Writes a loose reference file directly, for names `git update-ref` refuses.
  func writeReferenceFile(_ name: String, to id: String) throws {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data((id + "\n").utf8).write(to: file)
  }

  /// Deletes the loose object `id`, as a damaged or deliberately incomplete repository lacks it.
  func deleteObject(_ id: String) throws {
    try FileManager.default.removeItem(at: url.appendingPathComponent("objects/\(id.prefix(2))/\(id.dropFirst(2))"))
  }
}
