extension Claim {
  /// A rule of the claim schema that this claim breaks, and the field it concerns.
  public struct Problem: Hashable, Sendable, CustomStringConvertible {
    /// The field to point at, nil when the problem concerns the claim as a whole.
    public var field: CodingKeys?
    public var message: String

    public var description: String { message }
  }

  /// The schema rules this claim breaks; empty for a valid claim.
  ///
  /// The rules that need no source text live here so that a claim built in code is checked
  /// the same way as one parsed from a notebook: the id's alphabet, non-empty `says` and
  /// `task`, metric names the runtime can record, a `metric` for every prediction to be about,
  /// a finite margin >= 0, and `competitive: true` only with a baseline and a margin > 0
  /// (docs/JUDGING.md: otherwise the claim is invalid).
  public var problems: [Problem] {
    var found: [Problem] = []
    if !Self.isValidID(id) {
      found.append(Problem(field: .id, message: "claim id '\(id)' must match [a-z0-9-]+"))
    }
    if says.allSatisfy(\.isWhitespace) {
      found.append(Problem(field: .says, message: "'says' must state the claim in words"))
    }
    if let task, task.allSatisfy(\.isWhitespace) {
      found.append(Problem(field: .task, message: "'task' must name the task"))
    }
    let metricFields: [(CodingKeys, String?)] = [
      (.metric, metric), (.control, control), (.baseline, baseline), (.capability, capability),
    ]
    for (field, name) in metricFields {
      if let name, !Self.isValidMetricName(name) {
        found.append(Problem(
          field: field,
          message: "'\(field.rawValue)' names metric '\(name)', but metric names match [A-Za-z0-9_.-]+"))
      }
    }
    if metric == nil {
      let parts: [(CodingKeys, Bool)] = [
        (.expect, expect != nil), (.control, control != nil), (.baseline, baseline != nil),
      ]
      for (field, given) in parts where given {
        found.append(Problem(
          field: field, message: "'\(field.rawValue)' needs a 'metric' to be about"))
      }
    }
    for (field, name) in [(CodingKeys.control, control), (.baseline, baseline)] {
      if let name, name == metric {
        found.append(Problem(
          field: field,
          message: "'\(field.rawValue)' names the claim's own metric '\(name)'; it must be another method's metric"))
      }
    }
    if !margin.isFinite || margin < 0 {
      found.append(Problem(field: .margin, message: "margin must be a number >= 0"))
    }
    if !capabilityTolerance.isFinite {
      found.append(Problem(
        field: .capabilityTolerance, message: "capability_tolerance must be a finite number"))
    }
    if baseline == nil && margin > 0 {
      found.append(Problem(
        field: .margin, message: "margin applies to a baseline; a control is judged with margin 0"))
    }
    if competitive && !(margin > 0) {
      found.append(Problem(
        field: .competitive,
        message: "competitive: true (non-inferiority) needs margin > 0, but margin is \(Expectation.format(margin))"))
    }
    if competitive && baseline == nil {
      found.append(Problem(
        field: .competitive, message: "competitive: true needs a baseline to be competitive with"))
    }
    return found
  }

  /// Whether `id` matches `[a-z0-9-]+`.
  public static func isValidID(_ id: String) -> Bool {
    !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// Whether `name` matches `[A-Za-z0-9_.-]+`, the names `record(_:_:)` accepts.
  public static func isValidMetricName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || $0 == "_" || $0 == "." || $0 == "-"
      }
  }
}
