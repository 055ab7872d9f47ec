import ArgumentParser
import Foundation

/// `rigor push`: share every `refs/rigor/*` with another repository, never forcing.
struct PushCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "push", abstract: "Push refs/rigor/* to a remote (a remote's name, a path or a URL); never forced.")

  @Argument(help: "The remote: a configured remote's name, a path to a repository, or a URL.")
  var remote: String
  @Option(help: "Only this notebook NAME (default: every notebook).") var notebook: String?
  @OptionGroup var repository: RepositoryOption
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let (_, store) = try ResultHistory.openHere(repository)
    let url = RemoteAddress.resolve(remote, in: store)
    do {
      let pushed = try store.push(to: url, names: notebook.map { [Notebook.name(forRepositoryPath: $0)] })
      let report = SharingReport(remote: remote, pushed: pushed.map { "refs/rigor/\($0)" })
      try report.print(console, format: common.format)
      return .success
    } catch ResultStoreError.pushRejected(_, let rejections) {
      let report = SharingReport(
        remote: remote, rejected: rejections.map { .init(reference: $0.reference, reason: $0.reason) })
      try report.print(console, format: common.format)
      console.err("error: the remote refused \(rejections.count) ref(s): it has results this repository lacks. Run `rigor pull \(remote)` first, then push again.")
      return .storeFailed
    }
  }
}

/// `rigor pull`: fetch `refs/rigor/*` and merge diverged histories (no result is ever dropped).
struct PullCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "pull", abstract: "Fetch refs/rigor/* from a remote and merge diverged histories.")

  @Argument(help: "The remote: a configured remote's name, a path to a repository, or a URL.")
  var remote: String
  @Option(help: "Only this notebook NAME (default: every notebook).") var notebook: String?
  @OptionGroup var repository: RepositoryOption
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let (_, store) = try ResultHistory.openHere(repository)
    let url = RemoteAddress.resolve(remote, in: store)
    let outcomes = try store.pull(from: url, names: notebook.map { [Notebook.name(forRepositoryPath: $0)] })
    _ = try? store.packIfNeeded()  // a pull can bring thousands of loose objects at once
    let report = SharingReport(
      remote: remote,
      pulled: outcomes.map { name, outcome in
        switch outcome {
        case .created(let id): .init(reference: "refs/rigor/\(name)", outcome: "created", commit: id.description)
        case .fastForwarded(let id): .init(reference: "refs/rigor/\(name)", outcome: "fast_forwarded", commit: id.description)
        case .merged(let id): .init(reference: "refs/rigor/\(name)", outcome: "merged", commit: id.description)
        case .upToDate: .init(reference: "refs/rigor/\(name)", outcome: "up_to_date", commit: nil)
        case .refused(let reason): .init(reference: "refs/rigor/\(name)", outcome: "refused", commit: nil, reason: reason)
        }
      })
    try report.print(console, format: common.format)
    let refused = report.pulled.filter { $0.outcome == "refused" }
    if !refused.isEmpty {
      console.err(
        "error: refused \(refused.count) ref(s) from \(remote) (the others were taken; nothing local changed for these): "
          + refused.map(\.reference).joined(separator: ", "))
      return .storeFailed
    }
    return .success
  }
}

enum RemoteAddress {
  static func resolve(_ remote: String, in store: ResultStore) -> String {
    store.repository.remoteURL(named: remote) ?? remote
  }
}
