extension Statistics {
  /// The area under the ROC curve: the probability that a random positive scores above a
  /// random negative, ties counting one half (the Mann–Whitney U statistic / (n₊ n₋)).
  ///
  /// Computed from average ranks, so ties cost nothing extra. NaN when either class is empty
  /// or a score is NaN.
  /// - Throws: `StatisticsError.lengthMismatch` when scores and labels differ in length.
  public static func auroc(scores: [Double], labels: [Bool]) throws -> Double {
    guard scores.count == labels.count else {
      throw StatisticsError.lengthMismatch(
        function: "auroc", first: scores.count, second: labels.count)
    }
    let positives = labels.filter { $0 }.count
    let negatives = labels.count - positives
    guard positives > 0, negatives > 0, !scores.contains(where: \.isNaN) else { return .nan }
    let ranks = averageRanks(scores)
    let positiveRankSum = zip(ranks, labels).reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) }
    let u = positiveRankSum - Double(positives) * Double(positives + 1) / 2
    return u / (Double(positives) * Double(negatives))
  }

  /// AUROC of other floating-point scores (e.g. `Float`).
  public static func auroc<T: BinaryFloatingPoint>(scores: [T], labels: [Bool]) throws -> Double {
    try auroc(scores: scores.map { Double($0) }, labels: labels)
  }

  /// 1-based ranks, tied values sharing the mean of the ranks they span (scipy `rankdata`).
  public static func averageRanks(_ x: [Double]) -> [Double] {
    let order = x.indices.sorted { x[$0] < x[$1] }
    var ranks = [Double](repeating: 0, count: x.count)
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && x[order[end]] == x[order[start]] { end += 1 }
      // Positions start..<end (0-based) hold ranks start+1 ... end; their mean:
      let shared = Double(start + 1 + end) / 2
      for k in start..<end { ranks[order[k]] = shared }
      start = end
    }
    return ranks
  }

  /// The share of predictions equal to their labels; NaN for empty inputs.
  /// - Throws: `StatisticsError.lengthMismatch` when the inputs differ in length.
  public static func accuracy<Label: Equatable>(predictions: [Label], labels: [Label]) throws
    -> Double
  {
    guard predictions.count == labels.count else {
      throw StatisticsError.lengthMismatch(
        function: "accuracy", first: predictions.count, second: labels.count)
    }
    guard !labels.isEmpty else { return .nan }
    let correct = zip(predictions, labels).filter { $0 == $1 }.count
    return Double(correct) / Double(labels.count)
  }
}
