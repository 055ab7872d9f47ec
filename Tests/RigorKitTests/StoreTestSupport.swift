import Foundation
@testable import RigorKit

/// A folder under the system temporary directory, removed when the value is released.
final class StoreTemporaryFolder {
  let url: URL

  init() throws {
    var template = Array((NSTemporaryDirectory() + "/rigor-store-test-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw ResultStoreError.fileSystem(operation: "create", path: "a temporary folder", reason: "mkdtemp failed")
    }
    url = URL(fileURLWithPath: String(cString: made), isDirectory: true).resolvingSymlinksInPath()
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func write(_ text: String, to path: String) throws {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }
}

/// The output of a `git` command run in tests to check what the store wrote.
struct StoreGitOutput {
  var status: Int32
  var standardOutput: String
  var standardError: String
}

/// Runs the git CLI in `folder` (only tests do this; the store never shells out).
@discardableResult
func storeGit(_ arguments: [String], in folder: URL, input: Data? = nil) throws -> StoreGitOutput {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
  process.arguments = arguments
  process.currentDirectoryURL = folder
  var environment = ProcessInfo.processInfo.environment
  environment["GIT_AUTHOR_NAME"] = "Test"
  environment["GIT_AUTHOR_EMAIL"] = "test@example.org"
  environment["GIT_COMMITTER_NAME"] = "Test"
  environment["GIT_COMMITTER_EMAIL"] = "test@example.org"
  environment["GIT_CONFIG_NOSYSTEM"] = "1"
  process.environment = environment
  let output = Pipe()
  let errors = Pipe()
  let inputPipe = Pipe()
  process.standardOutput = output
  process.standardError = errors
  process.standardInput = inputPipe
  try process.run()
  if let input { inputPipe.fileHandleForWriting.write(input) }
  try inputPipe.fileHandleForWriting.close()
  let outData = output.fileHandleForReading.readDataToEndOfFile()
  let errData = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return StoreGitOutput(
    status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
    standardError: String(decoding: errData, as: UTF8.self))
}

/// A fresh repository with one commit on its branch, as a user's project would have.
func makeStoreProjectRepository(in folder: StoreTemporaryFolder) throws -> GitRepository {
  try storeGit(["init", "-q", "-b", "main"], in: folder.url)
  try folder.write("# Notes\n", to: "README.md")
  try folder.write("claim text\n", to: "Notebooks/quickstart.md")
  try storeGit(["add", "-A"], in: folder.url)
  try storeGit(["commit", "-q", "-m", "Initial"], in: folder.url)
  return try GitRepository.open(at: folder.url)
}

extension Data {
  init(storeText text: String) { self = Data(text.utf8) }
}

/// Collects values from several threads.
final class StoreCollected<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [T] = []
  func append(_ value: T) { lock.lock(); values.append(value); lock.unlock() }
  var all: [T] { lock.lock(); defer { lock.unlock() }; return values }
}

