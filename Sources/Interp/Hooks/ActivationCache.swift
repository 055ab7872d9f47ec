/// Activations recorded during a run, by hook point (TransformerLens's `ActivationCache`).
///
/// Look activations up by typed point or by TransformerLens name:
///
/// ```swift
/// let (logits, cache) = try model.runWithCache(tokens)
/// let pattern = try cache[.attnPattern(0)]        // [batch, head, query, key]
/// let resid = try cache["blocks.0.hook_resid_post"]
/// ```
public struct ActivationCache {
  /// The recorded activations.
  public private(set) var activations: [HookPoint: Tensor]

  public init(_ activations: [HookPoint: Tensor] = [:]) { self.activations = activations }

  /// The recorded points in forward order.
  public var points: [HookPoint] { activations.keys.sorted() }

  /// Whether `point` was recorded.
  public func contains(_ point: HookPoint) -> Bool { activations[point] != nil }

  /// The activation at `point`.
  ///
  /// - Throws: ``TransformerError/notCached(point:cached:)`` when it was not recorded.
  public subscript(_ point: HookPoint) -> Tensor {
    get throws {
      guard let value = activations[point] else {
        throw TransformerError.notCached(point: point.name, cached: points.map(\.name))
      }
      return value
    }
  }

  /// The activation at the hook point named `name` (TransformerLens spelling).
  public subscript(_ name: String) -> Tensor {
    get throws {
      guard let point = HookPoint(name: name) else { throw TransformerError.unknownHookPointName(name) }
      return try self[point]
    }
  }

  /// Stores `value` at `point`.
  public mutating func set(_ point: HookPoint, _ value: Tensor) { activations[point] = value }
}
