import Foundation

/// Reads the figures and artifacts the seeds reported from their output folders, taking only
/// each seed's own regular files.
///
/// The runner reads these files outside the sandbox, so a step that swapped its figure for a
/// symbolic link (to a secret, `/proc/self/environ`, `.git/config`) must not get that content
/// committed. Every file is opened relative to the seed's folder with `O_NOFOLLOW` at each
/// component, must be a regular file, must carry the name the protocol allows, and is read
/// only up to its cap. A refused file is dropped from the seed's files and the reason is added
/// to the seed's errors, which fails the seed: it is never silently dropped.
struct SeedFileCollector {
  /// The collected bytes by path in the result tree (`seeds/SEED/figures/NAME.svg`), and the
  /// step that wrote each.
  struct Collected {
    var files: [String: Data] = [:]
    var steps: [String: Int] = [:]
  }

  /// Collects the files of every outcome from `seedsFolder/SEED/`, updating outcomes whose
  /// files were refused.
  static func collect(_ outcomes: inout [SeedOutcome], seedsFolder: URL, sourcePath: String) -> Collected {
    var collected = Collected()
    for index in outcomes.indices {
      let folder = seedsFolder.appendingPathComponent(String(outcomes[index].seed))
      collect(&outcomes[index], folder: folder, sourcePath: sourcePath, into: &collected)
    }
    return collected
  }

  private static func collect(_ outcome: inout SeedOutcome, folder: URL, sourcePath: String, into collected: inout Collected) {
    guard !outcome.files.isEmpty else { return }
    let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    defer { if root >= 0 { close(root) } }
    var kept: [WrittenFile] = []
    var total = 0
    for file in outcome.files {
      let result = root < 0 ? .failure(Refusal("the seed's output folder cannot be opened: \(String(cString: strerror(errno)))")) : read(file, in: root, budget: RigorLimits.maxTotalFileBytes - total)
      switch result {
      case .success(let data):
        total += data.count
        let path = "seeds/\(outcome.seed)/\(file.path)"
        collected.files[path] = data
        collected.steps[path] = file.step
        var file = file
        file.bytes = data.count
        kept.append(file)
      case .failure(let refusal):
        let line = outcome.steps.first { $0.index == file.step }?.line ?? 1
        outcome.errors.append(
          StepError(
            step: file.step > 0 ? file.step : nil,
            diagnostic: Diagnostic(
              "\(file.kind.rawValue) '\(NameRules.printable(file.name))' was not collected: \(refusal.reason)",
              at: SourceLocation(file: sourcePath, line: line))))
        if outcome.status == .ok { outcome.status = .failed }
      }
    }
    outcome.files = kept
  }

  struct Refusal: Error { var reason: String; init(_ reason: String) { self.reason = reason } }

  /// Reads one reported file relative to the seed folder `root`, refusing anything but a
  /// regular file at the path its name implies, or one larger than its cap or `budget`.
  static func read(_ file: WrittenFile, in root: Int32, budget: Int) -> Result<Data, Refusal> {
    let kind: ChannelEventKind = file.kind == .figure ? .figure : .artifact
    if let problem = NameRules.problem(fileName: file.name, kind: kind.rawValue) { return .failure(Refusal(problem)) }
    guard let expected = NameRules.relativePath(of: kind, name: file.name), expected == file.path else {
      return .failure(Refusal("its path '\(NameRules.printable(file.path))' is not where its name puts it"))
    }
    let parts = expected.split(separator: "/").map(String.init)
    let folder = openat(root, parts[0], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard folder >= 0 else {
      return .failure(Refusal(errno == ELOOP || errno == ENOTDIR ? "\(parts[0])/ is not a plain folder (a symbolic link?)" : "\(parts[0])/ cannot be opened: \(String(cString: strerror(errno)))"))
    }
    defer { close(folder) }
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    let fd = openat(folder, parts[1], O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else {
      return .failure(Refusal(errno == ELOOP ? "it is a symbolic link" : "it cannot be opened: \(String(cString: strerror(errno)))"))
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(Refusal("it cannot be examined: \(String(cString: strerror(errno)))")) }
    guard info.st_mode & S_IFMT == S_IFREG else { return .failure(Refusal("it is \(describe(info.st_mode)), not a regular file")) }
    let cap = min(kind == .figure ? RigorLimits.maxFigureBytes : RigorLimits.maxArtifactBytes, max(0, budget))
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(Refusal("it cannot be read: \(String(cString: strerror(errno)))"))
      }
      if count == 0 { break }
      data.append(contentsOf: chunk[0..<count])
      // Capped while reading: a file that grows without end stops here.
      if data.count > cap {
        return .failure(Refusal("it is larger than \(cap) bytes (the \(kind.rawValue) cap, or what is left of the seed's \(RigorLimits.maxTotalFileBytes) bytes)"))
      }
    }
    return .success(data)
  }

  static func describe(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: "a FIFO"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFDIR: "a folder"
    case S_IFLNK: "a symbolic link"
    default: "not a plain file"
    }
  }
}
