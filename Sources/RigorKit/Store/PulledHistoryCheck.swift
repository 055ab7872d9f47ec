import Foundation

/// Checks what `rigor pull` fetched before any of it is taken: a cloned repository is untrusted
/// data, so a reference must name a commit whose new history is complete and whose trees hold
/// only what Rigor itself records.
///
/// The checks, per reference: its notebook name follows ``checkName(_:)``; it points at a commit
/// (not a blob, tree or tag object); every commit not already reachable locally exists with all
/// its parents; every tree entry is a regular file or a folder with a name git can check out
/// (no `.`, `..`, `.git`, backslash or control character) and every file is at most
/// ``maxFileBytes``; and every result commit (`Rigor-Kind: result`) carries a `result.json` that
/// decodes as a run document whose summary trailers (what `log` and the ledger read) agree with
/// it, so a forged or damaged result is never counted as a verdict.
struct PulledHistoryCheck {
  /// The largest file a pulled tree may hold: the largest artifact a seed may record.
  static let maxFileBytes = RigorLimits.maxArtifactBytes
  /// The most entries one tree of a pulled commit may hold.
  static let maxTreeEntries = 100_000
  /// The longest notebook name, in UTF-8 bytes, a pulled reference may carry.
  static let maxNameBytes = 512

  let repository: GitRepository
  /// Trees already checked (pulled histories share most of their trees).
  private var checkedTrees: Set<ObjectID> = []

  init(repository: GitRepository) {
    self.repository = repository
  }

  /// Why the pulled notebook name cannot be taken, or nil when it can.
  ///
  /// Beyond git's own rules: no component starting with `.` or `-` (a hidden file or an option
  /// in a derived path), and no control, format (bidirectional overrides) or whitespace
  /// character, which would make the name print as something it is not.
  static func checkName(_ name: String) -> String? {
    if name.utf8.count > maxNameBytes { return "the name is longer than \(maxNameBytes) bytes" }
    do { _ = try ResultStore.referenceName(for: name) } catch let error as ResultStoreError {
      if case .invalidNotebookName(_, let reason) = error { return reason }
      return "\(error)"
    } catch { return "\(error)" }
    for component in name.split(separator: "/", omittingEmptySubsequences: false) {
      if component.isEmpty { return "it has an empty path component" }
      if component.hasPrefix(".") || component.hasPrefix("-") {
        return "a path component starts with '\(component.first!)'"
      }
    }
    for scalar in name.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .unassigned,
        .privateUse, .surrogate:
        return "it contains the character U+\(String(scalar.value, radix: 16, uppercase: true))"
      default: continue
      }
    }
    return nil
  }

  /// Why the history at `tip` cannot be taken, or nil when it can; commits reachable from
  /// `known` (the local tip) were checked when they were recorded or pulled, and are skipped.
  mutating func check(tip: ObjectID, known: ObjectID?) -> String? {
    do {
      let kind = try repository.objectHeader(tip).kind
      guard kind == .commit else { return "it points at a \(kind.rawValue) object (\(tip.shortDescription)), not a commit" }
      // The local tip may be absent from a remote being read directly: then all is new.
      let hidden = known.flatMap { (try? repository.objectHeader($0).kind) == .commit ? [$0] : nil } ?? []
      let commits = try repository.newCommits(from: tip, hiding: hidden)
      for commit in commits {
        if let problem = try checkCommit(commit) { return "commit \(commit.shortDescription): \(problem)" }
      }
      return nil
    } catch let error as GitError {
      return "its history is incomplete or damaged: \(error.message)"
    } catch {
      return "\(error)"
    }
  }

  private mutating func checkCommit(_ id: ObjectID) throws -> String? {
    let header = try repository.commitHeader(id)
    for parent in header.parents where try repository.objectHeader(parent).kind != .commit {
      return "its parent \(parent.shortDescription) is not a commit"
    }
    if let problem = try checkTree(header.tree, path: "") { return problem }
    let trailers = CommitTrailer.parse(message: header.message)
    let kind = trailers.last { CommitTrailer.keysMatch($0.key, ResultCommitMessage.kindKey) }?.value
    guard kind == RecordedRun.Kind.result.rawValue else { return nil }
    guard let data = try repository.readFile(at: "result.json", inCommit: id) else {
      return "it is a result commit without result.json"
    }
    let document: RunDocument
    do {
      document = try JSONOutput.decode(RunDocument.self, from: data)
    } catch {
      return "its result.json is unreadable: \(UnreadableResult.reason(error))"
    }
    return Self.checkSummary(trailers, against: document)
  }

  /// The summary trailers `rigor log`, the site and the ledger read instead of `result.json`
  /// must say what `result.json` says, or a forged message would show verdicts the result does
  /// not hold. A result without a summary (recorded before summaries) is read from its file.
  static func checkSummary(_ trailers: [CommitTrailer], against document: RunDocument) -> String? {
    let summaryKeys: Set<TrailerKey> = [.summary, .status, .seeds, .origin, .parameters, .tier, .metric]
    func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }
    let recorded = trailers.compactMap { trailer -> (TrailerKey, String)? in
      guard let key = TrailerKey(matching: trailer.key), summaryKeys.contains(key) else { return nil }
      return (key, trimmed(trailer.value))
    }
    guard !recorded.isEmpty else { return nil }
    let expected = ResultSummaryTrailers.trailers(for: document).compactMap { key, value in
      TrailerKey(rawValue: key).map { ($0, trimmed(value)) }
    }
    for index in 0..<max(recorded.count, expected.count) {
      let have = index < recorded.count ? recorded[index] : nil
      let want = index < expected.count ? expected[index] : nil
      if have?.0 != want?.0 || have?.1 != want?.1 {
        let shown = have.map { "'\($0.0.rawValue): \(TerminalText.escape($0.1))'" } ?? "nothing"
        let needed = want.map { "'\($0.0.rawValue): \($0.1)'" } ?? "nothing"
        return "its summary trailers disagree with its result.json (\(shown) where result.json gives \(needed))"
      }
    }
    return nil
  }

  private mutating func checkTree(_ id: ObjectID, path: String) throws -> String? {
    guard checkedTrees.insert(id).inserted else { return nil }
    let entries = try repository.treeEntries(id)
    if entries.count > Self.maxTreeEntries {
      return "the folder '\(path)' has \(entries.count) entries (at most \(Self.maxTreeEntries))"
    }
    for entry in entries {
      let entryPath = path.isEmpty ? entry.name : path + "/" + entry.name
      if let problem = Self.checkEntryName(entry.nameBytes) {
        return "the tree entry '\(TerminalText.escape(entryPath))' \(problem)"
      }
      switch entry.mode {
      case 0o100644, 0o100755:
        let (kind, size) = try repository.objectHeader(entry.id)
        guard kind == .blob else { return "'\(entryPath)' is a \(kind.rawValue) stored as a file" }
        if size > Self.maxFileBytes {
          return "the file '\(entryPath)' is \(size) bytes (at most \(Self.maxFileBytes))"
        }
      case 0o40000:
        if let problem = try checkTree(entry.id, path: entryPath) { return problem }
      case 0o120000:
        return "'\(entryPath)' is a symbolic link (results hold regular files only)"
      case 0o160000:
        return "'\(entryPath)' is a submodule link (results hold regular files only)"
      default:
        return "'\(entryPath)' has the unknown mode \(String(entry.mode, radix: 8))"
      }
    }
    return nil
  }

  /// Why a tree entry's name cannot be checked out safely, or nil.
  static func checkEntryName(_ bytes: [UInt8]) -> String? {
    let name = String(decoding: bytes, as: UTF8.self)
    if bytes.isEmpty { return "has an empty name" }
    if name == "." || name == ".." { return "is named '\(name)'" }
    if name.lowercased() == ".git" || name.lowercased().hasPrefix(".git ") || name.lowercased() == "git~1" {
      return "is named like the .git folder"
    }
    if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "/") }) {
      return "contains a control character, a slash or a backslash"
    }
    if String(validatingUTF8: bytes.map { CChar(bitPattern: $0) } + [0]) == nil { return "is not valid UTF-8" }
    return nil
  }
}
