import Interp

extension Claim {
  /// The claim as canonical JSON: every field (defaults resolved, absent optionals null), keys
  /// sorted, no whitespace, numbers in Swift's shortest round-trip form, `expect` in its
  /// canonical text. Written by hand so it cannot change with Foundation's encoder.
  public var canonicalForm: String {
    let fields: [(CodingKeys, String)] = [
      (.id, Self.json(id)),
      (.says, Self.json(says)),
      (.metric, Self.json(metric)),
      (.expect, Self.json(expect?.description)),
      (.control, Self.json(control)),
      (.task, Self.json(task)),
      (.baseline, Self.json(baseline)),
      (.better, Self.json(better.rawValue)),
      (.margin, Self.json(margin)),
      (.competitive, competitive ? "true" : "false"),
      (.setting, Self.json(setting.rawValue)),
      (.heldOut, heldOut ? "true" : "false"),
      (.safety, safety ? "true" : "false"),
      (.capability, Self.json(capability)),
      (.capabilityTolerance, Self.json(capabilityTolerance)),
    ]
    let members = fields.sorted { $0.0.rawValue < $1.0.rawValue }
      .map { "\(Self.json($0.0.rawValue)):\($0.1)" }
    return "{" + members.joined(separator: ",") + "}"
  }

  /// A stable identity of the claim's fields: FNV-1a 64 of `canonicalForm`'s UTF-8 bytes, as
  /// 16 lowercase hex digits. The ledger check compares runs of the claim with this hash.
  public var canonicalHash: String {
    let hex = String(FNV1a.hash64(canonicalForm), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  private static func json(_ value: Double) -> String {
    // Shortest round-trip digits; -0 and 0 are the same margin.
    value == 0 ? "0" : Expectation.format(value)
  }

  private static func json(_ value: String?) -> String {
    guard let value else { return "null" }
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
