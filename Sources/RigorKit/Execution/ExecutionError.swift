import Foundation

/// A failure of the runner itself (not of the notebook): a folder it could not create, a
/// pipe or process it could not start, no sandbox.
public enum ExecutionError: Error, CustomStringConvertible, Sendable {
  case cannotCreateFolder(path: String, reason: String)
  case cannotCreatePipe(errno: Int32)
  case cannotWriteParameters(path: String, reason: String)
  case cannotStart(executable: String, errno: Int32)
  case sandboxUnavailable(problem: String, fix: String)

  public var description: String {
    switch self {
    case .cannotCreateFolder(let path, let reason):
      return "cannot create folder \(path): \(reason)"
    case .cannotWriteParameters(let path, let reason):
      return "cannot write the parameters file \(path): \(reason)"
    case .cannotCreatePipe(let code):
      return "cannot create a pipe to the seed's process: \(String(cString: strerror(code)))"
    case .cannotStart(let executable, let code):
      return "cannot start \(executable): \(String(cString: strerror(code)))"
    case .sandboxUnavailable(let problem, let fix):
      return "no working sandbox: \(problem)\nfix: \(fix)"
    }
  }
}
