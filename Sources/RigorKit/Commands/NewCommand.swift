import ArgumentParser
import Foundation

/// `rigor new NAME`: a notebook skeleton that runs as written, to be edited into an experiment.
struct NewCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write Notebooks/NAME.md: front matter, a step and a claim with a control, ready to run.")

  @Argument(help: "The notebook's NAME: letters, digits, '-', '_', with '/' for subfolders of Notebooks/.")
  var name: String
  @Option(name: .customLong("repo"), help: "Write into this repository (default: the one containing the current folder).")
  var repositoryPath: String?
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    guard !name.hasSuffix(".md"), !parts.isEmpty,
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed.contains) && $0.first != "-" })
    else {
      throw CommandFailure(
        .usage, "`\(name)` is not a notebook NAME: use letters, digits, '-' and '_' (and '/' for subfolders), without .md")
    }
    let here = URL(fileURLWithPath: repositoryPath ?? FileManager.default.currentDirectoryPath)
    let root = (try? GitRepository.discover(from: here).workDirectory ?? nil).flatMap { $0 } ?? here
    let relative = "Notebooks/\(name).md"
    let url = root.appendingPathComponent(relative)
    guard !FileManager.default.fileExists(atPath: url.path) else {
      throw CommandFailure(.usage, "\(relative) already exists; choose another NAME or edit it")
    }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let title = parts.last.map(String.init) ?? name
    try Data(Self.skeleton(title: title).utf8).write(to: url, options: .withoutOverwriting)
    if common.format == .json {
      console.out(try JSONOutput.encode(["notebook": relative]))
    } else {
      console.out("wrote \(relative); run it with: rigor run \(relative)")
    }
    return .success
  }

  /// A notebook whose one step records an effect and a control and whose claim compares them:
  /// it runs in about a second and shows every part a real notebook has.
  static func skeleton(title: String) -> String {
    """
    ---
    title: \(title)
    params:
      samples: 200
      effect: 0.5
    seeds: 5
    ---

    # \(title)

    State the question here. Each ```swift block is a step; every seed runs all steps in order
    with its own `seed`, and the front matter's `params` (override with `--param`). Replace the
    toy below with your experiment: it plants an effect of size `params.effect` in noisy
    measurements and measures a control that has no effect.

    ```swift
    var rng = Xoshiro256(seed: UInt64(seed))
    let measured = Tensor.randn([params.samples], using: &rng).toArray().map { Double($0) + params.effect }
    let control = Tensor.randn([params.samples], using: &rng).toArray().map(Double.init)
    let effectMean = measured.reduce(0, +) / Double(measured.count)
    let controlMean = control.reduce(0, +) / Double(control.count)
    record("effect_mean", effectMean)
    record("control_mean", controlMean)
    print("effect \\(effectMean), control \\(controlMean)")
    ```

    A claim is a prediction judged over every seed: the metric must meet `expect` and beat the
    control (a measurement where the effect should be absent).

    ```claim
    id: effect-beats-control
    says: The measured effect is positive and larger than the control's.
    metric: effect_mean
    expect: "> 0"
    control: control_mean
    ```

    Link prose to the claims it rests on, like [this](#effect-beats-control), so the audit
    can tell a supported statement from an unsupported one.

    """
  }
}
