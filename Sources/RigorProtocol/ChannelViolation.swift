/// Why a channel line was refused: it is not JSON, not an event, or an event whose fields
/// break the protocol's rules. The supervisor stops a seed that sends one.
public struct ChannelViolation: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong, for the seed's error message.
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
