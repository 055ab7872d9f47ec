/// One line of the runner-child channel: a JSON object whose `event` field names its kind
/// and whose other fields are those the kind lists (docs/PROTOCOL.md).
///
/// The runtime builds events and writes `line`; the supervisor reads them with `parse`,
/// which checks every field, so both sides hold the same rules.
public struct ChannelEvent: Sendable, Equatable {
  public var kind: ChannelEventKind
  public private(set) var values: [ChannelField: ChannelValue]

  public init(_ kind: ChannelEventKind, _ values: [ChannelField: ChannelValue] = [:]) {
    self.kind = kind
    self.values = values
  }

  public subscript(_ field: ChannelField) -> ChannelValue? {
    get { values[field] }
    set { values[field] = newValue }
  }

  public func integer(_ field: ChannelField) -> Int? {
    if case .integer(let value) = values[field] { return value }
    return nil
  }

  public func number(_ field: ChannelField) -> Double? { values[field]?.number }

  public func text(_ field: ChannelField) -> String? {
    if case .text(let value) = values[field] { return value }
    return nil
  }

  public func integers(_ field: ChannelField) -> [Int]? {
    if case .integers(let value) = values[field] { return value }
    return nil
  }

  /// The event as one line of JSON, newline included: `event` first, then the kind's
  /// fields in their listed order.
  public var line: String {
    var out = "{\"event\":" + JSONText.quoted(kind.rawValue)
    for (field, _) in kind.fields {
      guard let value = values[field] else { continue }
      out += ",\"" + field.rawValue + "\":" + value.json
    }
    return out + "}\n"
  }
}
