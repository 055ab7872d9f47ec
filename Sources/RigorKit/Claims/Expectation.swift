import RigorStatistics

/// A claim's prediction about its metric: `> v`, `>= v`, `< v`, `<= v` or `in [a, b]`.
///
/// It is judged on the 95% t interval (lo, hi) of the metric's mean over seeds (docs/JUDGING.md):
/// `> v` holds when lo > v and fails when hi <= v; `>= v` holds when lo >= v and fails when
/// hi < v; `<` and `<=` mirror these; `in [a, b]` holds when a <= lo and hi <= b and fails when
/// hi < a or lo > b. Anything else is undecided.
public enum Expectation: Hashable, Sendable, CustomStringConvertible {
  case greaterThan(Double)
  case atLeast(Double)
  case lessThan(Double)
  case atMost(Double)
  /// The closed interval [lower, upper], lower <= upper.
  case within(Double, Double)

  /// Parses the grammar above; spaces around the tokens are optional.
  ///
  /// - Throws: `ExpectationError` saying what was wrong and at which character offset.
  public init(parsing text: String) throws {
    let core = Substring(text).trimmingSpaces
    func offset(_ index: String.Index) -> Int { text.distance(from: text.startIndex, to: index) }
    func number(_ s: Substring) throws -> Double {
      let token = s.trimmingSpaces
      guard let value = DecimalNumber.parse(token) else {
        throw ExpectationError(
          message: token.isEmpty ? "a number is missing" : "'\(token)' is not a number",
          offset: offset(token.isEmpty ? s.startIndex : token.startIndex))
      }
      return value
    }
    for (symbol, make) in Self.comparisons where core.hasPrefix(symbol) {
      self = make(try number(core.dropFirst(symbol.count)))
      return
    }
    if core.hasPrefix("in") {
      let rest = core.dropFirst(2).drop(while: \.isWhitespace)
      guard rest.first == "[", rest.last == "]", rest.count >= 2 else {
        throw ExpectationError(
          message: "an interval is written in [a, b]", offset: offset(rest.startIndex))
      }
      let inside = rest.dropFirst().dropLast()
      let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 2 else {
        throw ExpectationError(
          message: "an interval needs two numbers: in [a, b]", offset: offset(inside.startIndex))
      }
      let a = try number(parts[0])
      let b = try number(parts[1])
      guard a <= b else {
        throw ExpectationError(
          message: "the interval [\(Self.format(a)), \(Self.format(b))] is empty: a must be <= b",
          offset: offset(inside.startIndex))
      }
      self = .within(a, b)
      return
    }
    throw ExpectationError(
      message: "'\(core)' is not an expectation: write > v, >= v, < v, <= v or in [a, b]",
      offset: offset(core.startIndex))
  }

  /// Longest symbols first, so `>=` is not read as `>` followed by `= v`.
  private static let comparisons: [(String, (Double) -> Expectation)] = [
    (">=", Expectation.atLeast), ("<=", Expectation.atMost),
    (">", Expectation.greaterThan), ("<", Expectation.lessThan),
  ]

  /// The outcome on the interval (lo, hi) of the metric's mean.
  public func evaluate(lower lo: Double, upper hi: Double) -> PartOutcome {
    switch self {
    case let .greaterThan(v): return lo > v ? .holds : hi <= v ? .fails : .undecided
    case let .atLeast(v): return lo >= v ? .holds : hi < v ? .fails : .undecided
    case let .lessThan(v): return hi < v ? .holds : lo >= v ? .fails : .undecided
    case let .atMost(v): return hi <= v ? .holds : lo > v ? .fails : .undecided
    case let .within(a, b):
      if a <= lo && hi <= b { return .holds }
      return hi < a || lo > b ? .fails : .undecided
    }
  }

  /// The outcome on a confidence interval.
  public func evaluate(_ interval: ConfidenceInterval) -> PartOutcome {
    evaluate(lower: interval.lower, upper: interval.upper)
  }

  /// The canonical text: one space after the operator, numbers in Swift's shortest form.
  public var description: String {
    switch self {
    case let .greaterThan(v): return "> \(Self.format(v))"
    case let .atLeast(v): return ">= \(Self.format(v))"
    case let .lessThan(v): return "< \(Self.format(v))"
    case let .atMost(v): return "<= \(Self.format(v))"
    case let .within(a, b): return "in [\(Self.format(a)), \(Self.format(b))]"
    }
  }

  /// Shortest round-trip form, with integers written without a trailing ".0".
  static func format(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return "\(v)"
  }
}

extension Expectation: Codable {
  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do {
      try self.init(parsing: text)
    } catch let error as ExpectationError {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.message))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension Substring {
  /// Without leading and trailing blanks and line breaks (a block scalar ends with one).
  var trimmingSpaces: Substring {
    let start = drop(while: \.isWhitespace)
    var end = start
    while let last = end.last, last.isWhitespace { end = end.dropLast() }
    return end
  }
}
