import Foundation
import Testing
@testable import RigorKit

/// A result commit whose `result.json` does not decode (damaged, or made by hand) is shown as
/// unreadable with the reason by log, show and site, never a crash and never a verdict.
@Suite("Unreadable results")
struct UnreadableResultTests {
  /// Records, with plain git, a result commit holding `result` on `refs/rigor/NAME`.
  private func recordByHand(_ result: String, name: String, in repo: ScratchRepository) throws {
    let blob = try gitOutput(["hash-object", "-w", "--stdin"], in: repo, input: result)
    let tree = try gitOutput(["mktree"], in: repo, input: "100644 blob \(blob)\tresult.json\n")
    let commit = try gitOutput(["commit-tree", tree, "-m", "run\n\nRigor-Kind: result"], in: repo, input: nil)
    _ = try gitOutput(["update-ref", "refs/rigor/\(name)", commit], in: repo, input: nil)
  }

  private func gitOutput(_ arguments: [String], in repo: ScratchRepository, input: String?) throws -> String {
    let output = try storeGit(arguments, in: repo.root, input: input.map { Data($0.utf8) })
    #expect(output.status == 0, "\(output.standardError)")
    return output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func logListsTheResultAsUnreadableWithTheReason() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("damaged", "# Damaged\n")
    try recordByHand("{\"status\": \"ok\"", name: "damaged", in: repo)
    let text = repo.rigor(["log", path])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("unreadable: result.json is not valid JSON; not taken as a verdict"), "\(text.stdout)")
    let json = repo.rigor(["log", path, "--format", "json"])
    let log = try JSONDecoder().decode(LogDocument.self, from: Data(json.stdout.utf8))
    #expect(log.results.map(\.status) == ["unreadable"])
    #expect(log.results.first?.unreadable == "result.json is not valid JSON")
    #expect(log.results.first?.claims.isEmpty == true)
  }

  @Test func showNamesTheUnreadableResultInsteadOfADecodingDump() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("schema", "# Schema\n")
    try recordByHand("{\"status\": 12}", name: "schema", in: repo)
    let shown = repo.rigor(["show", path])
    #expect(shown.status == ExitStatus.storeFailed.rawValue)
    #expect(shown.stderr.contains("is unreadable:"), "\(shown.stderr)")
    #expect(shown.stderr.contains("not taken as a verdict"), "\(shown.stderr)")
    #expect(!shown.stderr.contains("DecodingError"), "\(shown.stderr)")
  }

  @Test func theSiteMarksTheResultUnreadable() throws {
    let repo = try ScratchRepository()
    try repo.notebook("garbled", "# Garbled\n")
    try recordByHand("][", name: "garbled", in: repo)
    let site = repo.root.appendingPathComponent("site")
    let built = repo.rigor(["site", "--repo", repo.root.path, "-o", site.path])
    #expect(built.status == 0, "\(built.stderr)")
    let page = try String(contentsOf: site.appendingPathComponent("n/garbled/index.html"), encoding: .utf8)
    #expect(page.contains("unreadable</span>: result.json is not valid JSON; not taken as a verdict"), "\(page)")
  }

  @Test func decodingFailuresReadAsOneLineNamingTheField() throws {
    func reason(_ json: String) -> String {
      do {
        _ = try JSONOutput.decode(RunDocument.self, from: Data(json.utf8))
        return "decoded"
      } catch { return UnreadableResult.reason(error) }
    }
    #expect(reason("{") == "result.json is not valid JSON")
    #expect(!reason("{}").contains("\n"))
    #expect(reason("{}").hasSuffix("is missing"))
  }
}
