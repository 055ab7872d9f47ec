/// One channel event as a line of JSON, built by hand so the runtime needs no encoder and
/// every event costs one small string.
struct JSONLine {
  private(set) var text: String

  init(event: String) {
    text = "{\"event\":"
    text += JSONLine.quoted(event)
  }

  mutating func add(_ key: String, _ value: String) {
    text += ",\(JSONLine.quoted(key)):\(JSONLine.quoted(value))"
  }

  mutating func add(_ key: String, _ value: Int) {
    text += ",\(JSONLine.quoted(key)):\(value)"
  }

  /// Adds a number; a non-finite value (which JSON cannot hold) becomes `null`.
  mutating func add(_ key: String, _ value: Double) {
    text += ",\(JSONLine.quoted(key)):" + (value.isFinite ? "\(value)" : "null")
  }

  mutating func add(_ key: String, ints values: [Int]) {
    text += ",\(JSONLine.quoted(key)):["
    var first = true
    for value in values {
      if !first { text += "," }
      first = false
      text += String(value)
    }
    text += "]"
  }

  /// Adds an array of flat objects whose values are strings, e.g. `[{"path": "a", "sha256": "b"}]`.
  mutating func add(_ key: String, objects: [[(String, String)]]) {
    text += ",\(JSONLine.quoted(key)):["
    text += objects.map { fields in
      "{" + fields.map { "\(JSONLine.quoted($0.0)):\(JSONLine.quoted($0.1))" }.joined(separator: ",") + "}"
    }.joined(separator: ",")
    text += "]"
  }

  /// The finished line, newline included.
  var line: String { text + "}\n" }

  static func quoted(_ string: String) -> String {
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
}
