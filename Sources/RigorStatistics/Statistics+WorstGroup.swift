extension Statistics {
  /// The lowest per-group accuracy (Sagawa et al. 2020), with every group's accuracy: the
  /// measure of a classifier that leans on a spurious feature, which fails on the groups where
  /// the spurious feature and the label disagree.
  ///
  /// - Throws: `StatisticsError.lengthMismatch` when the inputs differ in length, and
  ///   `StatisticsError.invalidArgument` when there are no examples.
  public static func worstGroupAccuracy<Group: Hashable>(predictions: [Bool], labels: [Bool], groups: [Group]) throws
    -> (worst: Double, byGroup: [Group: Double])
  {
    guard predictions.count == labels.count else {
      throw StatisticsError.lengthMismatch(function: "worstGroupAccuracy", first: predictions.count, second: labels.count)
    }
    guard groups.count == labels.count else {
      throw StatisticsError.lengthMismatch(function: "worstGroupAccuracy", first: groups.count, second: labels.count)
    }
    var correct: [Group: Int] = [:]
    var total: [Group: Int] = [:]
    for i in labels.indices {
      total[groups[i], default: 0] += 1
      if predictions[i] == labels[i] { correct[groups[i], default: 0] += 1 }
    }
    let byGroup = Dictionary(uniqueKeysWithValues: total.map { ($0.key, Double(correct[$0.key] ?? 0) / Double($0.value)) })
    guard let worst = byGroup.values.min() else {
      throw StatisticsError.invalidArgument(function: "worstGroupAccuracy", detail: "no examples")
    }
    return (worst, byGroup)
  }
}
