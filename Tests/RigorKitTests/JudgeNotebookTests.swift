import Testing

@testable import RigorKit

/// Judging all of a notebook's claims at once.
@Suite struct JudgeNotebookTests {
  typealias F = JudgeFixture

  @Test func eachClaimGetsItsOwnEarlierVerdictsByHash() {
    var other = F.tierFour
    other.id = "other"
    let judgements = Judge.judge(
      [F.tierFour, other], evidence: F.run(F.strong),
      earlierVerdicts: [other.canonicalHash: [.refuted]])
    #expect(judgements.map(\.id) == ["tier-four", "other"])
    #expect(judgements.map(\.tier) == [4, 3])
    #expect(judgements[1].says("unstable: 1 of 2 recorded runs supported"))
  }
}
