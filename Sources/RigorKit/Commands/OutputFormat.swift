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
