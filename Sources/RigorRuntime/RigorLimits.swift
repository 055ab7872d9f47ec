/// The caps the runtime enforces, so one runaway step cannot fill the disk or the channel.
///
/// Exceeding a cap is an error of the step that did it, reported at the notebook line of the
/// call. The values are generous for interpretability experiments (thousands of metrics,
/// megabyte figures, weight dumps of a few hundred megabytes) and small enough that a loop
/// writing files by mistake stops early.
public enum RigorLimits {
  /// Longest name of a metric, split, figure or artifact, in UTF-8 bytes.
  public static let maxNameBytes = 128
  /// Most distinct metrics one seed may record.
  public static let maxMetrics = 10_000
  /// Most ids one split may hold.
  public static let maxSplitIDs = 10_000_000
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
}
