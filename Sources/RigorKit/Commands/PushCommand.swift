import ArgumentParser

/// `rigor push`: share every `refs/rigor/*` with another repository.
struct PushCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "push", abstract: "Push refs/rigor/* to a remote (a name, a path or a URL).")

  @Argument(help: "The remote.") var remote: String
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let (_, store) = try ResultHistory.openHere(name: nil)
    let report = try ResultSharing(store: store).push(to: remote)
    try report.print(console, format: common.format)
    return report.rejected.isEmpty ? .success : .storeFailed
  }
}

/// `rigor pull`: fetch `refs/rigor/*` and merge diverged histories (no result is ever dropped).
struct PullCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "pull", abstract: "Fetch refs/rigor/* from a remote and merge diverged histories.")

  @Argument(help: "The remote.") var remote: String
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let (_, store) = try ResultHistory.openHere(name: nil)
    let report = try ResultSharing(store: store).pull(from: remote)
    try report.print(console, format: common.format)
    return report.rejected.isEmpty ? .success : .storeFailed
  }
}
