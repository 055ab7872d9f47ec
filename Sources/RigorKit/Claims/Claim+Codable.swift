extension Claim: Codable {
  /// The schema's field names, as written in claim blocks and in JSON.
  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id, says, metric, expect, control, task, baseline, better, margin, competitive, setting
    case heldOut = "held_out"
    case safety, capability
    case capabilityTolerance = "capability_tolerance"
    case when
  }

  /// Decodes the schema's JSON form; absent optional fields take their defaults.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(String.self, forKey: .id),
      says: try c.decode(String.self, forKey: .says),
      metric: try c.decodeIfPresent(String.self, forKey: .metric),
      expect: try c.decodeIfPresent(Expectation.self, forKey: .expect),
      control: try c.decodeIfPresent(String.self, forKey: .control),
      task: try c.decodeIfPresent(String.self, forKey: .task),
      baseline: try c.decodeIfPresent(String.self, forKey: .baseline),
      better: try c.decodeIfPresent(Direction.self, forKey: .better) ?? .higher,
      margin: try c.decodeIfPresent(Double.self, forKey: .margin) ?? 0,
      competitive: try c.decodeIfPresent(Bool.self, forKey: .competitive) ?? false,
      setting: try c.decodeIfPresent(Setting.self, forKey: .setting) ?? .toy,
      heldOut: try c.decodeIfPresent(Bool.self, forKey: .heldOut) ?? false,
      safety: try c.decodeIfPresent(Bool.self, forKey: .safety) ?? false,
      capability: try c.decodeIfPresent(String.self, forKey: .capability),
      capabilityTolerance: try c.decodeIfPresent(Double.self, forKey: .capabilityTolerance) ?? 0,
      when: try c.decodeIfPresent([String: ParameterValue].self, forKey: .when))
  }

  /// Encodes every field, absent optionals as null, so the JSON shows the resolved claim.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(says, forKey: .says)
    try c.encode(metric, forKey: .metric)
    try c.encode(expect, forKey: .expect)
    try c.encode(control, forKey: .control)
    try c.encode(task, forKey: .task)
    try c.encode(baseline, forKey: .baseline)
    try c.encode(better, forKey: .better)
    try c.encode(margin, forKey: .margin)
    try c.encode(competitive, forKey: .competitive)
    try c.encode(setting, forKey: .setting)
    try c.encode(heldOut, forKey: .heldOut)
    try c.encode(safety, forKey: .safety)
    try c.encode(capability, forKey: .capability)
    try c.encode(capabilityTolerance, forKey: .capabilityTolerance)
    try c.encodeIfPresent(when, forKey: .when)
  }
}
