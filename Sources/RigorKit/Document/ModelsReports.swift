import Foundation

/// `rigor models install --format json` (docs/CLI-JSON.md).
struct ModelsInstallReport: Encodable {
  struct Installed: Encodable {
    var name: String
    /// installed | already_installed | adopted | replaced
    var outcome: String
    /// What was wrong with a replaced folder.
    var detail: String?
    var path: String

    init(name: String, outcome: ModelInstaller.Outcome, folder: String) {
      self.name = name
      path = folder
      switch outcome {
      case .installed: self.outcome = "installed"
      case .alreadyInstalled: self.outcome = "already_installed"
      case .adopted: self.outcome = "adopted"
      case .replaced(let reason):
        self.outcome = "replaced"
        detail = reason
      }
    }
  }

  struct Failure: Encodable {
    var name: String
    var message: String
  }

  var store: String
  var installed: [Installed] = []
  var errors: [Failure] = []

  func print(_ console: Console, format: OutputFormat) {
    if format == .json {
      console.out((try? JSONOutput.encode(self)) ?? "{}")
      return
    }
    for item in installed {
      let what: String =
        switch item.outcome {
        case "already_installed": "already installed and verified"
        case "adopted": "files already in place, verified and adopted"
        case "replaced": "replaced a damaged install (\(item.detail ?? ""))"
        default: "installed and verified"
        }
      console.out("\(item.name): \(what): \(item.path)")
    }
    for failure in errors { console.err("error: \(failure.name): \(failure.message)") }
  }
}

/// `rigor models list --format json` (docs/CLI-JSON.md).
struct ModelsListReport: Encodable {
  struct Model: Encodable {
    var name: String
    var kind: ModelKind
    var package: String
    var version: String
    var source: String
    var licence: String
    var weightsLicence: String
    var sha256: String
    var bytes: Int
    /// installed | not_installed | unmarked | damaged
    var state: String
    var problem: String?
    var path: String

    init(entry: ModelEntry, state: ModelState, folder: String) {
      name = entry.name
      kind = entry.kind
      package = entry.package
      version = entry.version
      source = entry.source
      licence = entry.licence
      weightsLicence = entry.weightsLicence
      sha256 = entry.sha256
      bytes = entry.totalBytes
      self.state = state.word
      if case .damaged(let reason) = state { problem = reason }
      path = folder
    }

    enum CodingKeys: String, CodingKey {
      case name, kind, package, version, source, licence, sha256, bytes, state, problem, path
      case weightsLicence = "weights_licence"
    }

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(kind, forKey: .kind)
      try c.encode(package, forKey: .package)
      try c.encode(version, forKey: .version)
      try c.encode(source, forKey: .source)
      try c.encode(licence, forKey: .licence)
      try c.encode(weightsLicence, forKey: .weightsLicence)
      try c.encode(sha256, forKey: .sha256)
      try c.encode(bytes, forKey: .bytes)
      try c.encode(state, forKey: .state)
      try c.encode(problem, forKey: .problem)  // explicit null
      try c.encode(path, forKey: .path)
    }
  }

  var store: String
  var models: [Model]

  func printText(_ console: Console) {
    let width = max(4, models.map(\.name.count).max() ?? 0)
    console.out("\("NAME".padding(toLength: width, withPad: " ", startingAt: 0))  KIND   STATE          SIZE      PACKAGE")
    for model in models {
      let size = String(format: "%.1f MB", Double(model.bytes) / 1_000_000)
      console.out(
        [
          model.name.padding(toLength: width, withPad: " ", startingAt: 0),
          model.kind.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0),
          model.state.replacingOccurrences(of: "_", with: " ").padding(toLength: 14, withPad: " ", startingAt: 0),
          size.padding(toLength: 9, withPad: " ", startingAt: 0),
          "\(model.package) \(model.version)",
        ].joined(separator: "  "))
      if let problem = model.problem { console.out("  \(problem): `rigor models install \(model.name)` replaces it") }
      if model.state == "unmarked" { console.out("  files verified but not installed by rigor: `rigor models install \(model.name)` adopts them") }
    }
    console.out("store: \(store)")
  }
}
