/// A field of a channel event other than `event`, with the type and range its value must have.
public enum ChannelField: String, CaseIterable, Sendable {
  /// The 1-based step index (0 before the first step).
  case step
  /// Seconds on `MonotonicClock`.
  case t
  /// A metric, split, figure or artifact name (see `NameRules`).
  case name
  /// A metric's value, a finite number.
  case value
  /// A split's ids.
  case ids
  /// A written file's path relative to the output folder.
  case path
  /// A written file's size in bytes.
  case bytes
  /// Progress in 0...1.
  case fraction
  /// Text for a person: a progress message or an error.
  case message
  /// The notebook file an error is located in.
  case file
  /// The notebook line of an error.
  case line
  /// The notebook column of an error.
  case column
  /// The program's peak resident memory so far, in bytes.
  case maxrss
  /// The split a recorded metric was computed on (`record(_:_:on:)`).
  case split
  /// A checkpoint's kind in the manifest: `model` or `data`.
  case kind
  /// Where a checkpoint's original weights come from.
  case source
  /// A checkpoint's files, one `SHA256 PATH` line each (the format of `sha256sum`, one space).
  case files

  /// The JSON shape a field's value has.
  public enum Shape: Sendable { case integer, number, text, integers }

  public var shape: Shape {
    switch self {
    case .step, .bytes, .line, .column, .maxrss: .integer
    case .t, .value, .fraction: .number
    case .name, .path, .message, .file, .split, .kind, .source, .files: .text
    case .ids: .integers
    }
  }

  /// What is wrong with `value` for this field, or nil when it is acceptable.
  ///
  /// Checks the shape and the range; names and paths are checked against the event kind by
  /// the reader (`ChannelEvent.parse`).
  public func problem(with value: ChannelValue) -> String? {
    switch (shape, value) {
    case (.integer, .integer(let number)):
      let range: ClosedRange<Int> =
        switch self {
        case .step: 0...1_000_000
        case .bytes: 0...RigorLimits.maxArtifactBytes
        case .line, .column: 1...100_000_000
        default: 0...(1 << 50)  // maxrss: a petabyte is past any machine
        }
      return range.contains(number) ? nil : "\(rawValue) \(number) is outside \(range.lowerBound)...\(range.upperBound)"
    case (.number, let value):
      guard let number = value.number else { return "\(rawValue) is not a number" }
      guard number.isFinite else { return "\(rawValue) is not finite" }
      if self == .fraction, !(0...1).contains(number) { return "fraction \(number) is outside 0...1" }
      return nil
    case (.text, .text(let text)):
      let limit = self == .name || self == .split ? RigorLimits.maxNameBytes : RigorLimits.maxTextBytes
      return text.utf8.count <= limit ? nil : "\(rawValue) is longer than \(limit) bytes"
    case (.integers, .integers(let ids)):
      return ids.count <= RigorLimits.maxSplitIDs ? nil : "ids holds \(ids.count) values; the limit is \(RigorLimits.maxSplitIDs)"
    default:
      return "\(rawValue) is not \(shape.description)"
    }
  }
}

extension ChannelField.Shape: CustomStringConvertible {
  public var description: String {
    switch self {
    case .integer: "an integer"
    case .number: "a number"
    case .text: "a string"
    case .integers: "an array of integers"
    }
  }
}
