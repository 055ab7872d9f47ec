/// Why a statistic could not be computed from the inputs it was given.
public enum StatisticsError: Error, Equatable, CustomStringConvertible {
  /// Two inputs that must be paired element by element have different lengths.
  case lengthMismatch(function: String, first: Int, second: Int)
  /// A parameter is outside the range the function accepts.
  case invalidArgument(function: String, detail: String)

  public var description: String {
    switch self {
    case let .lengthMismatch(function, first, second):
      return "\(function): the inputs must have the same length, got \(first) and \(second)"
    case let .invalidArgument(function, detail):
      return "\(function): \(detail)"
    }
  }
}
