import RigorStatistics

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
    // `when` is written only when given, so claims without one keep the hashes they had
    // before the field existed.
    return Self.object(fields + (when.map { [(.when, Self.json($0))] } ?? []))
  }

  /// The fields that decide the claim's verdict (docs/JUDGING.md, the ledger check): `metric`,
  /// `expect`, `control`, `baseline`, `better`, `margin`, `competitive`, `when`, `capability`,
  /// `capability_tolerance`, as canonical JSON. `says`, `task`, `setting` and the other
  /// declarations are left out: rewording a claim or declaring a task is not a new prediction.
  public var definitionForm: String {
    Self.object([
      (.metric, Self.json(metric)),
      (.expect, Self.json(expect?.description)),
      (.control, Self.json(control)),
      (.baseline, Self.json(baseline)),
      (.better, Self.json(better.rawValue)),
      (.margin, Self.json(margin)),
      (.competitive, competitive ? "true" : "false"),
      (.when, when.map(Self.json) ?? "null"),
      (.capability, Self.json(capability)),
      (.capabilityTolerance, Self.json(capabilityTolerance)),
    ])
  }

  /// FNV-1a 64 of `definitionForm`, as 16 hex digits: two runs of a claim made the same
  /// prediction exactly when their definition hashes are equal.
  public var definitionHash: String { Self.hex(FNV1a.hash64(definitionForm)) }

  private static func object(_ fields: [(CodingKeys, String)]) -> String {
    let members = fields.sorted { $0.0.rawValue < $1.0.rawValue }
      .map { "\(Self.json($0.0.rawValue)):\($0.1)" }
    return "{" + members.joined(separator: ",") + "}"
  }

  private static func hex(_ value: UInt64) -> String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  private static func json(_ values: [String: ParameterValue]) -> String {
    let members = values.sorted { $0.key < $1.key }.map { name, value -> String in
      let text: String
      switch value {
      case .int(let v): text = String(v)
      case .double(let v): text = json(v)
      case .string(let v): text = json(v)
      case .bool(let v): text = v ? "true" : "false"
      }
      return "\(json(name)):\(text)"
    }
    return "{" + members.joined(separator: ",") + "}"
  }

  /// A stable identity of the claim's fields: FNV-1a 64 of `canonicalForm`'s UTF-8 bytes, as
  /// 16 lowercase hex digits. The ledger check compares runs of the claim with this hash.
  public var canonicalHash: String { Self.hex(FNV1a.hash64(canonicalForm)) }

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
