/// The names by which the runner hands a seed its channel, seed, output folder and parameters.
///
/// These names are stable: tests and outside tools (hostile-input tests among them) speak the
/// protocol by them. See docs/PROTOCOL.md.
public enum ChannelEnvironment {
  /// The channel's file descriptor number in the child (always `channelDescriptor`).
  public static let channelFD = "RIGOR_CHANNEL_FD"
  /// The seed, a decimal integer.
  public static let seed = "RIGOR_SEED"
  /// The seed's output folder: `figures/` and `artifacts/` are written under it.
  public static let outputDirectory = "RIGOR_OUTPUT_DIR"
  /// Path of a file holding the parameters as one JSON object (see `ParameterValue`).
  ///
  /// A file rather than the environment, so a long string parameter cannot overflow the
  /// kernel's argument and environment limit.
  public static let parametersFile = "RIGOR_PARAMS_FILE"
  /// The parameters as one JSON object, inline. Read only when `parametersFile` is unset,
  /// for tools that start a notebook program by hand; the runner never sets it.
  public static let parametersInline = "RIGOR_PARAMS"
  /// The repository root, where the front matter's `data:` paths are bound read-only.
  public static let dataRoot = "RIGOR_DATA_ROOT"
  /// The front matter's `data:` paths, one per line, relative to `dataRoot`.
  public static let dataPaths = "RIGOR_DATA_PATHS"
  /// The descriptor number the runner gives the channel in the child.
  public static let channelDescriptor: Int32 = 3
}
