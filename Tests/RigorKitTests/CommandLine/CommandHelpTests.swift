import Foundation
import Testing
@testable import RigorKit

/// `--help`, `-h` and `help NAME` print the named command's own options, never the overview.
@Suite struct CommandHelpTests {
  /// One command and the long names of its options, read from ArgumentParser's JSON dump of
  /// the command tree (a different path through the library than the help renderer).
  struct CommandOptions {
    var path: [String]
    var options: [String]
  }

  static func commandTree() throws -> [CommandOptions] {
    let dump = RigorCLIOutput.capture(["--experimental-dump-help"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
    var found: [CommandOptions] = []
    func walk(_ command: [String: Any], _ path: [String]) {
      for sub in command["subcommands"] as? [[String: Any]] ?? [] {
        guard let name = sub["commandName"] as? String, name != "help" else { continue }
        let options = (sub["arguments"] as? [[String: Any]] ?? []).compactMap { argument -> String? in
          guard (argument["shouldDisplay"] as? Bool) != false,
            let names = argument["names"] as? [[String: Any]],
            let long = names.first(where: { ($0["kind"] as? String) == "long" })?["name"] as? String
          else { return nil }
          return long
        }
        found.append(CommandOptions(path: path + [name], options: options))
        walk(sub, path + [name])
      }
    }
    walk(try #require(object["command"] as? [String: Any]), [])
    return found
  }

  @Test func everyCommandsHelpListsItsOwnOptions() throws {
    let commands = try Self.commandTree()
    #expect(commands.map(\.path.first).contains("run"))
    #expect(commands.count >= 10)
    let overview = RigorCLIOutput.capture([]).stdout
    for command in commands {
      for arguments in [command.path + ["--help"], command.path + ["-h"], ["help"] + command.path] {
        let help = RigorCLIOutput.capture(arguments)
        #expect(help.status == 0, "rigor \(arguments.joined(separator: " ")) exited \(help.status)")
        #expect(help.stdout != overview, "rigor \(arguments.joined(separator: " ")) printed the overview")
        #expect(help.stdout.contains("USAGE: rigor \(command.path.joined(separator: " "))"))
        for option in command.options {
          #expect(help.stdout.contains("--\(option)"), "rigor \(arguments.joined(separator: " ")) lacks --\(option)")
        }
      }
    }
  }

  @Test func runHelpNamesTheSeedsFormsAndParam() {
    let help = RigorCLIOutput.capture(["run", "--help"]).stdout
    #expect(help.contains("--seeds"))
    #expect(help.contains("--param"))
    #expect(help.contains("--no-commit"))
  }

  @Test func bareRigorPrintsTheOverviewListingEveryCommand() throws {
    let overview = RigorCLIOutput.capture([])
    #expect(overview.status == 0)
    #expect(overview.stdout.contains("SUBCOMMANDS"))
    for command in try Self.commandTree() where command.path.count == 1 {
      #expect(overview.stdout.contains(command.path[0]))
    }
  }

  @Test func completionScriptIsGeneratedForEachShell() {
    for shell in ["bash", "zsh", "fish"] {
      let script = RigorCLIOutput.capture(["--generate-completion-script", shell])
      #expect(script.status == 0)
      #expect(script.stdout.contains("rigor"))
      #expect(script.stdout.contains("verify"))
    }
  }

  @Test func usageErrorExitsTwoAndPointsAtTheCommandsHelp() {
    let missing = RigorCLIOutput.capture(["log"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("rigor log --help"))
    let followed = RigorCLIOutput.capture(["log", "--help"])
    #expect(followed.stdout.contains("--metric"))
  }
}

/// `rigor ARGUMENTS` run in-process outside any repository, both streams captured.
enum RigorCLIOutput {
  static func capture(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
    let out = Captured()
    let err = Captured()
    let status = RigorCLI.run(arguments, console: Console(out: { out.append($0) }, err: { err.append($0) }))
    return (status, out.text, err.text)
  }
}
