/// One file a seed could read through `data:`, as recorded in `result.json`.
public struct DataFileDocument: Codable, Sendable, Equatable {
  /// Relative to the repository root.
  public var path: String
  public var sha256: String
}
