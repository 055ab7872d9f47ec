/// The per-run state behind hooks and caching: which functions run where, and what is kept.
final class HookRunner {
  let hooks: [HookPoint: [HookFunction]]
  let shouldCache: (HookPoint) -> Bool
  let detachCache: Bool
  private(set) var cached: [HookPoint: Tensor] = [:]

  init(hooks: [HookPoint: [HookFunction]], shouldCache: @escaping (HookPoint) -> Bool, detachCache: Bool) {
    self.hooks = hooks
    self.shouldCache = shouldCache
    self.detachCache = detachCache
  }

  /// Runs the hooks at `point` in order, checks each result's shape, and caches the final value.
  func apply(_ point: HookPoint, _ activation: Tensor) throws -> Tensor {
    var value = activation
    for function in hooks[point] ?? [] {
      let replaced = try function(value, point)
      guard replaced.shape == value.shape else {
        throw TransformerError.hookShapeMismatch(point: point.name, expected: value.shape, found: replaced.shape)
      }
      value = replaced
    }
    if shouldCache(point) { cached[point] = detachCache ? value.detached() : value }
    return value
  }
}

extension Optional where Wrapped == HookRunner {
  /// The activation after hooks, or unchanged when no runner is attached.
  func apply(_ point: HookPoint, _ activation: Tensor) throws -> Tensor {
    guard let runner = self else { return activation }
    return try runner.apply(point, activation)
  }
}

extension HookRunner {
  /// Whether anything happens at `point` (a hook or caching), so optional work is needed there.
  func wants(_ point: HookPoint) -> Bool { hooks[point] != nil || shouldCache(point) }
}
