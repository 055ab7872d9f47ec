/// Which part of an activation an intervention touches: everything, one position, one head, or both.
///
/// Positions index the sequence axis (the query axis for attention scores and patterns); heads
/// index the head axis of sites that have one (`hook_q/k/v/z/result`, scores, pattern).
public struct ActivationRegion: Sendable, Equatable, CustomStringConvertible {
  public var position: Int?
  public var head: Int?

  public init(position: Int? = nil, head: Int? = nil) {
    self.position = position
    self.head = head
  }

  /// The whole activation.
  public static let all = ActivationRegion()
  public static func position(_ p: Int) -> ActivationRegion { ActivationRegion(position: p) }
  public static func head(_ h: Int) -> ActivationRegion { ActivationRegion(head: h) }

  public var description: String {
    switch (position, head) {
    case (nil, nil): return "all"
    case (let p?, nil): return "position \(p)"
    case (nil, let h?): return "head \(h)"
    case (let p?, let h?): return "head \(h) at position \(p)"
    }
  }

  /// The axes holding positions and heads for activations at `site`.
  static func axes(for site: HookPoint.Site) -> (position: Int, head: Int?) {
    switch site {
    case .attnScores, .attnPattern: return (2, 1)
    case .attnQ, .attnK, .attnV, .attnRotQ, .attnRotK, .attnZ, .attnResult: return (1, 2)
    default: return (1, nil)
    }
  }

  /// `activation` with this region taken from `replacement` (same shape) and the rest kept.
  func blend(_ activation: Tensor, _ replacement: Tensor, at point: HookPoint) throws -> Tensor {
    guard replacement.shape == activation.shape else {
      throw TransformerError.hookShapeMismatch(point: point.name, expected: activation.shape, found: replacement.shape)
    }
    if position == nil && head == nil { return replacement }
    let axes = ActivationRegion.axes(for: point.site)
    var maskShape = [Int](repeating: 1, count: activation.rank)
    if let position {
      let size = activation.shape[axes.position]
      guard position >= 0 && position < size else {
        throw TransformerError.invalidIntervention("position \(position) is outside 0..<\(size) at \(point.name)")
      }
      maskShape[axes.position] = size
    }
    if let head {
      guard let headAxis = axes.head else {
        throw TransformerError.invalidIntervention("\(point.name) has no head axis; choose a site such as attn.hook_z")
      }
      let size = activation.shape[headAxis]
      guard head >= 0 && head < size else {
        throw TransformerError.invalidIntervention("head \(head) is outside 0..<\(size) at \(point.name)")
      }
      maskShape[headAxis] = size
    }
    var maskValues = [Float](repeating: 0, count: maskShape.reduce(1, *))
    for index in 0..<maskValues.count {
      var rest = index
      var inside = true
      for axis in (0..<maskShape.count).reversed() {
        let coordinate = rest % maskShape[axis]
        rest /= maskShape[axis]
        if axis == axes.position, let position, coordinate != position { inside = false }
        if axis == axes.head, let head, coordinate != head { inside = false }
      }
      maskValues[index] = inside ? 1 : 0
    }
    let mask = Tensor(shape: maskShape, scalars: maskValues)
    return activation * (1 - mask) + replacement * mask
  }
}
