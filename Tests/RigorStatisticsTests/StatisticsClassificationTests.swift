import Testing

@testable import RigorStatistics

@Suite struct StatisticsClassificationTests {
  @Test func aurocWithTiesMatchesMannWhitney() throws {
    // stats.mannwhitneyu(pos, neg).statistic / (6 * 7) = 0.8571428571428571
    let pos = [0.9, 0.8, 0.8, 0.4, 0.7, 0.55]
    let neg = [0.1, 0.8, 0.4, 0.3, 0.2, 0.55, 0.05]
    let scores = pos + neg
    let labels = pos.map { _ in true } + neg.map { _ in false }
    #expect(abs(try Statistics.auroc(scores: scores, labels: labels) - 0.8571428571428571) <= 1e-15)
    let floats = scores.map(Float.init)
    #expect(abs(try Statistics.auroc(scores: floats, labels: labels) - 0.8571428571428571) <= 1e-15)
  }

  @Test func aurocOfPerfectAndReversedRankings() throws {
    #expect(try Statistics.auroc(scores: [3, 4, 1, 2], labels: [true, true, false, false]) == 1)
    #expect(try Statistics.auroc(scores: [1, 2, 3, 4], labels: [true, true, false, false]) == 0)
    #expect(try Statistics.auroc(scores: [5, 5, 5], labels: [true, false, true]) == 0.5)
  }

  @Test func aurocNeedsBothClassesAndPairedInputs() {
    #expect((try? Statistics.auroc(scores: [1, 2], labels: [true, true]))?.isNaN == true)
    #expect(throws: StatisticsError.self) {
      try Statistics.auroc(scores: [1, 2, 3], labels: [true, false])
    }
  }

  @Test func averageRanksMatchScipyRankdata() {
    // stats.rankdata([10, 20, 10, 5, 20, 20]) -> [2.5, 5, 2.5, 1, 5, 5]
    #expect(Statistics.averageRanks([10, 20, 10, 5, 20, 20]) == [2.5, 5, 2.5, 1, 5, 5])
  }

  @Test func accuracyCountsMatches() throws {
    #expect(try Statistics.accuracy(predictions: [1, 0, 1, 1], labels: [1, 1, 1, 0]) == 0.5)
    #expect(throws: StatisticsError.self) {
      try Statistics.accuracy(predictions: [1], labels: [1, 2])
    }
  }

  @Test func cosineSimilarityMatchesNumpy() throws {
    // a @ b / norm(a) / norm(b) for a = [1,-2,3.5,0.25], b = [0.5,1,3,-1]
    let a = [1.0, -2.0, 3.5, 0.25]
    let b = [0.5, 1.0, 3.0, -1.0]
    #expect(abs(try Statistics.cosineSimilarity(a, b) - 0.6269774173838688) <= 1e-15)
    let af = a.map(Float.init)
    let bf = b.map(Float.init)
    #expect(abs(try Statistics.cosineSimilarity(af, bf) - 0.6269774173838688) <= 1e-7)
    #expect(try Statistics.cosineSimilarity([0, 0], [1, 2]).isNaN)
  }

  @Test func explainedVarianceUsesPerColumnMeans() throws {
    // X, Xh 4x3; 1 - ((X-Xh)**2).sum() / ((X - X.mean(0))**2).sum() = 0.9539799331103679
    let x = [1.0, 2, 3, 2, 0.5, 1, 0, 1, 4, 3, 3, 0]
    let xh = [1.1, 1.8, 2.9, 1.7, 0.7, 1.2, 0.2, 1.1, 3.5, 2.9, 2.6, 0.4]
    let fve = try Statistics.explainedVariance(target: x, reconstruction: xh, dimension: 3)
    #expect(abs(fve - 0.9539799331103679) <= 1e-14)
    // First column alone: 0.97
    let col = try Statistics.explainedVariance(target: [1, 2, 0, 3], reconstruction: [1.1, 1.7, 0.2, 2.9])
    #expect(abs(col - 0.97) <= 1e-14)
    #expect(throws: StatisticsError.self) {
      try Statistics.explainedVariance(target: x, reconstruction: xh, dimension: 5)
    }
  }
}
