import Foundation

/// One line of the channel protocol (see `docs` in the report): a JSON object whose
/// `event` says what the other fields mean.
///
/// - `step_begin`: `step`, `t` (seconds on CLOCK_MONOTONIC)
/// - `step_end`: `step`, `t`, `maxrss` (the program's peak resident memory so far, bytes)
/// - `record`: `step`, `name`, `value`
/// - `split`: `step`, `name`, `ids`
/// - `figure` / `artifact`: `step`, `name`, `path` (relative to the output folder), `bytes`
/// - `progress`: `step`, `fraction` (0...1), `message`
/// - `error`: `step`, `file`, `line`, `column`, `message`
/// - `finish`: `t`, `maxrss`
struct ChannelEvent: Decodable {
  var event: String
  var step: Int?
  var t: Double?
  var name: String?
  var value: Double?
  var ids: [Int]?
  var path: String?
  var bytes: Int?
  var fraction: Double?
  var message: String?
  var file: String?
  var line: Int?
  var column: Int?
  var maxrss: Int?
  /// The split a `record` event's value was computed on.
  var split: String?

  /// Decodes a line; nil for anything that is not a well-formed event.
  static func decode(_ line: [UInt8]) -> ChannelEvent? {
    try? JSONDecoder().decode(ChannelEvent.self, from: Data(line))
  }
}
