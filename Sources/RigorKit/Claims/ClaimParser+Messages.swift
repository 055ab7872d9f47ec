import Yams

/// Words for the parser's diagnostics: what a field expects, what a node is, near misses.
extension ClaimParser {
  func unknownFieldMessage(_ key: String) -> String {
    let known = Claim.CodingKeys.allCases.map(\.rawValue)
    var message = "unknown claim field '\(key)'"
    let close = known.map { ($0, Self.editDistance($0, key)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
    if let (suggestion, _) = close {
      message += "; did you mean '\(suggestion)'?"
    } else {
      message += " (known fields: \(known.joined(separator: ", ")))"
    }
    return message
  }

  static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
  static let booleans: [String: Bool] = [
    "true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false,
  ]

  static func expectedKind(_ key: Claim.CodingKeys) -> String {
    switch key {
    case .margin, .capabilityTolerance: return "a number"
    case .competitive, .heldOut, .safety: return "true or false"
    case .better: return "higher or lower"
    case .setting: return "toy or realistic"
    case .expect: return "an expectation such as \">= 0.8\""
    case .metric, .control, .baseline, .capability: return "a metric name"
    case .id, .says, .task: return "text"
    case .when: return "a mapping of parameter names to values"
    }
  }

  static func kind(of node: Node) -> String {
    switch node {
    case .scalar: return "single value"
    case .sequence: return "list"
    case .mapping: return "mapping"
    case .alias: return "alias"
    }
  }

  static func quoted(_ scalar: Node.Scalar) -> String {
    switch scalar.style {
    case .singleQuoted, .doubleQuoted: return "the quoted text \"\(scalar.string)\""
    default: return "'\(scalar.string)'"
    }
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
