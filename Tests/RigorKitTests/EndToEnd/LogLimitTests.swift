import Foundation
import Testing
@testable import RigorKit

/// `rigor log --limit N` lists exactly the first N entries of the unlimited log, even when
/// registrations and results share their commit second and runs overlap.
@Suite(.serialized) struct LogLimitTests {
  /// A history made within one second: A and B register, A records (a merge, since B moved the
  /// tip), C registers and is killed, B records, D registers and records.
  func sameSecondHistory(_ repo: ScratchRepository) throws -> (results: [String: ObjectID], killed: ObjectID) {
    let store = try ResultStore(discoveringFrom: repo.root)
    store.signature = GitSignature(name: "t", email: "t@t", date: Date(timeIntervalSince1970: 1_795_000_000))
    func register(_ label: String) throws -> Registration {
      try store.register(notebook: "same", notebookPath: "Notebooks/same.md", files: ["registration.json": Data(label.utf8)], message: "register \(label)")
    }
    func record(_ registration: Registration, mean: Double) throws -> ObjectID {
      let trailers = [
        ("Source-Commit", "none"), ("Source-Dirty", "false"), ("Rigor-Summary", "1"), ("Rigor-Status", "ok"),
        ("Rigor-Seeds", "0"), ("Rigor-Metric", "value \(mean) - - 1"),
      ]
      return try store.record(registration, files: ["result.json": Data("{}".utf8)], message: "result", trailers: trailers)
    }
    let a = try register("a")
    let b = try register("b")
    let resultA = try record(a, mean: 1)
    let killed = try register("c")
    let resultB = try record(b, mean: 2)
    let d = try register("d")
    let resultD = try record(d, mean: 4)
    return (["a": resultA, "b": resultB, "d": resultD], killed.commit)
  }

  func log(_ repo: ScratchRepository, _ extra: [String] = []) throws -> [LogEntry] {
    let run = repo.rigor(["log", repo.root.appendingPathComponent("Notebooks/same.md").path, "--format", "json"] + extra)
    #expect(run.status == 0, "\(run.stderr)")
    return try JSONDecoder().decode(LogDocument.self, from: Data(run.stdout.utf8)).results
  }

  @Test func limitedLogIsThePrefixOfTheFullLog() throws {
    let repo = try ScratchRepository()
    try repo.notebook("same", "# Same\n")
    let (results, killed) = try sameSecondHistory(repo)
    let full = try log(repo)
    // Every result once, and the killed run as the only interrupted entry.
    #expect(Set(full.filter { $0.kind == "result" }.map(\.commit)) == Set(results.values.map(\.description)))
    #expect(full.filter { $0.kind == "interrupted" }.map(\.commit) == [killed.description])
    #expect(full.count == 4)
    #expect(full.allSatisfy { $0.date == "2026-11-18T11:06:40Z" })
    for limit in 0...5 {
      let limited = try log(repo, ["--limit", "\(limit)"])
      #expect(limited.map(\.commit) == full.prefix(limit).map(\.commit), "--limit \(limit)")
      #expect(limited.map(\.kind) == full.prefix(limit).map(\.kind), "--limit \(limit)")
    }
  }

  @Test func logListsChildrenBeforeParents() throws {
    let repo = try ScratchRepository()
    try repo.notebook("same", "# Same\n")
    _ = try sameSecondHistory(repo)
    let store = try ResultStore(discoveringFrom: repo.root)
    let order = try store.history(name: "same").map(\.commit.description)
    #expect(order.count == 7)
    // Parents as git itself reads them, independently of libgit2.
    let lines = try repo.git(["rev-list", "--parents", "refs/rigor/same"]).output.split(separator: "\n")
    #expect(lines.count == 7)
    for line in lines {
      let ids = line.split(separator: " ").map(String.init)
      let child = try #require(order.firstIndex(of: ids[0]))
      for parent in ids.dropFirst() {
        #expect(child < (order.firstIndex(of: parent) ?? -1), "\(ids[0]) before its parent \(parent)")
      }
    }
    for limit in 0...8 {
      #expect(try store.history(name: "same", limit: limit).map(\.commit.description) == Array(order.prefix(limit)))
    }
    // The single line from the tip is followed commit by commit, then libgit2 orders the rest:
    // together, exactly libgit2's topological order of the whole graph.
    let tip = try #require(try store.tip(name: "same"))
    #expect(order == (try store.repository.walk(from: [tip])).map(\.description))
  }

  @Test func linearHistoryWithAKilledRunIsListedInLibgit2sOrder() throws {
    let repo = try ScratchRepository()
    let store = try ResultStore(discoveringFrom: repo.root)
    store.signature = GitSignature(name: "t", email: "t@t", date: Date(timeIntervalSince1970: 1_795_000_000))
    var results: [ObjectID] = []
    var killed: [ObjectID] = []
    for run in 0..<5 {
      let registration = try store.register(notebook: "line", notebookPath: "Notebooks/line.md", files: ["r": Data("\(run)".utf8)], message: "r")
      if run == 2 {
        killed.append(registration.commit)
        continue
      }
      results.append(try store.record(registration, files: ["result.json": Data("{}".utf8)], message: "m", trailers: []))
    }
    let history = try store.history(name: "line")
    let tip = try #require(try store.tip(name: "line"))
    #expect(history.map(\.commit) == (try store.repository.walk(from: [tip])))
    #expect(history.filter(\.isInterrupted).map(\.commit) == killed)
    #expect(history.filter { $0.kind == .result }.map(\.commit) == results.reversed())
    #expect(history.filter { $0.kind == .registration }.allSatisfy { $0.isInterrupted || $0.result != nil })
    for limit in 0...10 {
      #expect(try store.history(name: "line", limit: limit).map(\.commit) == Array(history.prefix(limit)).map(\.commit))
    }
  }
}
