/// The value of one channel field as read from JSON.
public enum ChannelValue: Sendable, Equatable {
  case integer(Int)
  case number(Double)
  case text(String)
  case integers([Int])

  /// The value as a number: integers convert (JSON does not tell `2` from `2.0`).
  public var number: Double? {
    switch self {
    case .number(let value): value
    case .integer(let value): Double(value)
    default: nil
    }
  }

  /// The value as JSON text.
  var json: String {
    switch self {
    case .integer(let value): return String(value)
    case .number(let value): return JSONText.number(value)
    case .text(let value): return JSONText.quoted(value)
    case .integers(let values):
      var out = "["
      out.reserveCapacity(values.count * 8 + 2)
      var first = true
      for value in values {
        if !first { out += "," }
        first = false
        out += String(value)
      }
      return out + "]"
    }
  }
}
