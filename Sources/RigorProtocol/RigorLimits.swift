/// The caps on what one seed may send and write, shared by the runtime (which refuses a call
/// that would pass one, at the notebook line of the call) and the supervisor (which stops a
/// seed whose channel passes one, since only a forged or broken writer can).
///
/// The values are generous for interpretability experiments (thousands of metrics,
/// megabyte figures, weight dumps of a few hundred megabytes) and small enough that a loop
/// writing files by mistake stops early.
public enum RigorLimits {
  /// Longest name of a metric, split, figure or artifact, in UTF-8 bytes.
  public static let maxNameBytes = 128
  /// Most distinct metrics one seed may record.
  public static let maxMetrics = 10_000
  /// Most ids one split may hold.
  public static let maxSplitIDs = 10_000_000
  /// Most splits one seed may declare.
  public static let maxSplits = 100
  /// Largest figure (its SVG text), in bytes: 16 MiB.
  public static let maxFigureBytes = 16 << 20
  /// Largest single artifact, in bytes: 256 MiB.
  public static let maxArtifactBytes = 256 << 20
  /// Most bytes of figures and artifacts together per seed: 1 GiB.
  public static let maxTotalFileBytes = 1 << 30
  /// Most files (figures plus artifacts) per seed.
  public static let maxFiles = 1_000
  /// Longest progress message kept, in characters; longer ones are cut.
  public static let maxProgressMessageCharacters = 200
  /// Longest text field (an error message, a file path) on the channel, in UTF-8 bytes.
  public static let maxTextBytes = 64 * 1024
  /// Most `error` events one seed may send (a program stops at its first).
  public static let maxErrors = 16
  /// Longest channel line, in bytes: a split at its id cap (20 digits and a comma per id)
  /// plus room for the other fields.
  public static let maxLineBytes = maxSplitIDs * 21 + 64 * 1024
  /// Largest parameters file the runtime reads, in bytes: 64 MiB.
  public static let maxParametersBytes = 64 << 20
}
