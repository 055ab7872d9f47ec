import Foundation
import RigorStatistics
import Testing

/// `rigor run` killed with SIGKILL at seeded random moments (a smaller `Scripts/kill-test`):
/// the store stays consistent, no result commit is partial, no process outlives the run, and
/// stale lock files do not stop the next run.
@Suite(.serialized) struct KilledRunTests {
  static let kills = 8

  @Test func killedRunsLeaveAConsistentStoreAndNoOrphans() throws {
    guard let rigor = KilledRunRepository.builtRigor() else {
      // Building it here would take SwiftPM's lock while `swift test` holds it.
      print("KilledRunTests: skipped, no `rigor` beside the test bundle; run `swift build` first")
      return
    }
    let repo = try KilledRunRepository(rigor: rigor)
    // A first full run builds what is missing (the notebook toolchain, the cache entry) and
    // says how long a run takes; kills land anywhere from startup to past that.
    let first = try repo.run(cache: "cache")
    try #require(first.status == 0, "the first run of the kill-test notebook failed")
    let warm = try repo.run(cache: "cache")
    try #require(warm.status == 0)

    var rng = SplitMix64(seed: 0x6B696C6C)
    var killed = 0
    for index in 0..<Self.kills {
      // Every fourth run compiles from an empty cache, so kills also land in the compiler.
      let cold = index % 4 == 3
      let span = cold ? max(first.seconds, warm.seconds * 3) : warm.seconds
      let delay = Double(rng.next() % 1000) / 1000 * span * 1.05
      if try repo.runAndKill(after: delay, cache: cold ? "cache-cold-\(index)" : "cache") { killed += 1 }

      // A compiler still there half a second after the kill outlived its parent; seeds get two
      // seconds to die with their sandbox.
      let compilers = repo.orphans(after: 0.5).filter { KilledRunRepository.isCompiler($0.command) }
      for pid in compilers.map(\.pid) { kill(pid, SIGKILL) }
      let left = repo.orphans(after: 2)
      let seeds = left.filter { !KilledRunRepository.isCompiler($0.command) }
      // Seeds run under bubblewrap with --die-with-parent: nothing may survive the runner.
      #expect(seeds.isEmpty, "kill \(index) after \(delay) s left \(seeds.map(\.command))")
      // The compiler runs behind `setpriv --pdeathsig KILL`, so it dies with the runner too.
      #expect(compilers.isEmpty, "kill \(index) after \(delay) s left \(compilers.map(\.command))")
      for pid in left.map(\.pid) { kill(pid, SIGKILL) }
      let fsck = try repo.git(["fsck", "--strict"])
      #expect(fsck.status == 0, "kill \(index): \(fsck.output)")
      for commit in try repo.resultCommits() {
        let problem = try repo.incompleteness(of: commit)
        #expect(problem == nil, "kill \(index) after \(delay) s: result \(commit): \(problem ?? "")")
      }
    }
    #expect(killed > 0)

    try repo.plantStaleLock("refs/rigor/\(KilledRunRepository.name).lock")
    try repo.plantStaleLock("packed-refs.lock")
    let before = Set(try repo.resultCommits())
    #expect(try repo.run(cache: "cache").status == 0)
    let recorded = try repo.resultCommits().filter { !before.contains($0) }
    #expect(recorded.count == 1)
    for commit in recorded { #expect(try repo.incompleteness(of: commit) == nil) }
    #expect(!repo.exists(".git/refs/rigor/\(KilledRunRepository.name).lock"))
    #expect(!repo.exists(".git/packed-refs.lock"))
    #expect(try repo.git(["fsck", "--strict"]).status == 0)
    #expect(repo.orphans(after: 2).isEmpty)
  }
}
