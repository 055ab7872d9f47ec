/// The JSON escaper both sides of the channel use, written by hand so the runtime needs no
/// encoder and every event costs one small string.
public enum JSONText {
  /// `string` as a JSON string literal: quotes, backslashes and every control character
  /// (C0 and DEL) escaped, everything else kept as is.
  public static func quoted(_ string: String) -> String {
    var out = "\""
    out.reserveCapacity(string.utf8.count + 2)
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// A number as JSON; a non-finite value (which JSON cannot hold) becomes `null`.
  public static func number(_ value: Double) -> String {
    value.isFinite ? "\(value)" : "null"
  }
}
