/// What a channel line announces: the value of its `event` field.
///
/// Each kind lists its fields; the supervisor refuses a line that lacks a required one or
/// carries any other. To add an event: add a case here, list its fields in `fields` (adding
/// any new field to `ChannelField`), send it from RigorRuntime with `ChannelEvent(kind, ...)`,
/// handle it in RigorKit's `SeedSession.handle`, and describe it in docs/PROTOCOL.md.
public enum ChannelEventKind: String, CaseIterable, Sendable {
  /// A step starts; output from here on belongs to it.
  case stepBegin = "step_begin"
  /// A step finished normally.
  case stepEnd = "step_end"
  /// A scalar metric.
  case record
  /// The ids a data split holds.
  case split
  /// A figure written under the output folder.
  case figure
  /// An artifact written under the output folder.
  case artifact
  /// How far a long step has got.
  case progress
  /// A pretrained checkpoint from Rigor's model manifest was loaded with `checkpoint(_:)`.
  case checkpoint
  /// A step's misuse of the API, located in the notebook; the program exits after it.
  case error
  /// The program ran every step and is about to exit.
  case finish

  /// The fields this kind carries, in the order they are written, and whether each is required.
  public var fields: [(field: ChannelField, required: Bool)] {
    switch self {
    case .stepBegin: [(.step, true), (.t, true)]
    case .stepEnd: [(.step, true), (.t, true), (.maxrss, false)]
    case .record: [(.step, true), (.name, true), (.value, true), (.split, false)]
    case .split: [(.step, true), (.name, true), (.ids, true)]
    case .figure, .artifact: [(.step, true), (.name, true), (.path, true), (.bytes, true)]
    case .progress: [(.step, true), (.fraction, true), (.message, false)]
    case .checkpoint: [(.step, true), (.name, true), (.kind, true), (.source, true), (.files, true)]
    case .error: [(.step, true), (.file, false), (.line, false), (.column, false), (.message, true)]
    case .finish: [(.t, true), (.maxrss, false)]
    }
  }
}
