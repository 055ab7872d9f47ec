extension HookRunner {
  /// A runner for `hooks` and the `cache` points, after checking that the model has every point.
  ///
  /// Decoder and encoder models share this, so a hook on a point a model lacks fails the same way
  /// on both: `absenceReason` says why a point is absent, or nil when the model has it.
  ///
  /// - Throws: ``TransformerError/absentHookPoint(point:reason:)`` for the first absent point.
  static func checked(
    hooks: [(HookPoint, HookFunction)], cache: [HookPoint], detach: Bool, absenceReason: (HookPoint) -> String?
  ) throws -> HookRunner {
    var table: [HookPoint: [HookFunction]] = [:]
    for (point, function) in hooks {
      if let reason = absenceReason(point) { throw TransformerError.absentHookPoint(point: point.name, reason: reason) }
      table[point, default: []].append(function)
    }
    for point in cache {
      if let reason = absenceReason(point) { throw TransformerError.absentHookPoint(point: point.name, reason: reason) }
    }
    let wanted = Set(cache)
    return HookRunner(hooks: table, shouldCache: { wanted.contains($0) }, detachCache: detach)
  }
}
