/// Disjoint splits and control-task selectivity for probes (Hewitt & Liang 2019).
///
/// A control task gives every *type* (for example a token id) a random label fixed for that
/// type. A probe that scores well on the control task is memorising types rather than reading
/// the property; selectivity = real-task accuracy − control-task accuracy, both on the test split.
public enum ProbeSelectivity {
  /// A seeded split of `0..<count` into disjoint train and test index sets.
  public static func split(count: Int, testFraction: Double, using rng: inout Xoshiro256) throws -> (train: [Int], test: [Int]) {
    guard count >= 2, testFraction > 0, testFraction < 1 else {
      throw ProbeError.invalidArgument("split needs count ≥ 2 and 0 < testFraction < 1")
    }
    let order = rng.permutation(count)
    let testCount = Swift.min(count - 1, Swift.max(1, Int((Double(count) * testFraction).rounded())))
    return (Array(order[testCount...]).sorted(), Array(order[..<testCount]).sorted())
  }

  /// The result of a selectivity measurement.
  public struct Result: Sendable {
    public var taskAccuracy: Double
    public var controlAccuracy: Double
    public var selectivity: Double { taskAccuracy - controlAccuracy }
  }

  /// Fits a probe on the real labels and one on control labels (a random label per type) over
  /// the same train rows, and compares their test accuracies.
  public static func measure(
    features: Tensor, labels: [Bool], types: [Int], train: [Int], test: [Int], l2: Double = 1e-2,
    using rng: inout Xoshiro256
  ) throws -> Result {
    guard labels.count == features.shape.first, types.count == labels.count else {
      throw ProbeError.invalidArgument("features, labels and types must have one entry per row")
    }
    guard Set(train).isDisjoint(with: test) else { throw ProbeError.invalidArgument("train and test rows overlap") }
    var controlOf: [Int: Bool] = [:]
    for type in Set(types).sorted() { controlOf[type] = rng.nextDouble() < 0.5 }
    let control = types.map { controlOf[$0]! }
    let xTrain = features.indexSelect(axis: 0, train)
    let xTest = features.indexSelect(axis: 0, test)
    let real = try LogisticProbe.fit(xTrain, labels: train.map { labels[$0] }, l2: l2)
    let fake = try LogisticProbe.fit(xTrain, labels: train.map { control[$0] }, l2: l2)
    return Result(
      taskAccuracy: try real.accuracy(xTest, labels: test.map { labels[$0] }),
      controlAccuracy: try fake.accuracy(xTest, labels: test.map { control[$0] }))
  }
}
