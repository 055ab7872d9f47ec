import Foundation

/// Makes a child die with the thread that started it, through util-linux's `setpriv`.
///
/// bubblewrap's `--die-with-parent` covers sandboxed seeds; the compiler and seeds run with
/// `--no-sandbox` had nothing, so a SIGKILLed `rigor` left them running. `setpriv
/// --pdeathsig KILL` sets `PR_SET_PDEATHSIG` and then executes the command in its place (same
/// process, same group). The signal follows the *thread* that spawned the child, which is safe
/// here because that thread waits for the child until it exits. Without `setpriv` (not
/// Debian), the command runs as before.
enum ParentDeathSignal {
  static let setpriv: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: FileManager.default.isExecutableFile(atPath:))

  /// `command` (an executable path and its arguments) behind `setpriv --pdeathsig KILL`.
  ///
  /// A command that cannot be executed is returned as is, so that starting it fails with the
  /// spawn error (a missing program stays a runner error, not exit status 127 from `setpriv`).
  static func wrap(_ command: [String]) -> [String] {
    guard let setpriv, let program = command.first, FileManager.default.isExecutableFile(atPath: program)
    else { return command }
    return [setpriv, "--pdeathsig", "KILL", "--"] + command
  }
}
