import ArgumentParser

/// `--format text|json`: text for people (default), JSON for scripts.
public enum OutputFormat: String, ExpressibleByArgument, Sendable {
  case text, json
}

/// The options every command takes.
public struct CommonOptions: ParsableArguments {
  @Option(help: "Output format: text or json (JSON on stdout, chatter on stderr).")
  public var format: OutputFormat = .text

  public init() {}
}

/// `--repo PATH`: the repository to read results from (default: the one around the current folder).
public struct RepositoryOption: ParsableArguments {
  @Option(name: .customLong("repo"), help: "The repository (default: the one containing the current folder).")
  public var path: String?

  public init() {}
}
