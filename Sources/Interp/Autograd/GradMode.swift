/// Whether operations record the autograd graph in the current task.
///
/// Recording is on by default. ``withNoGrad(_:)`` turns it off for a scope, like
/// `torch.no_grad()`; the setting is task-local, so concurrent tests and tasks don't see each
/// other's scopes.
public enum GradMode {
  @TaskLocal static var enabled = true

  /// Whether operations in the current task currently record gradients.
  public static var isEnabled: Bool { enabled }
}

/// Runs `body` without recording the autograd graph (evaluation, optimiser updates).
///
/// ```swift
/// let logits = withNoGrad { model(x) }  // no graph, no gradient memory
/// ```
public func withNoGrad<R>(_ body: () throws -> R) rethrows -> R {
  try GradMode.$enabled.withValue(false) { try body() }
}
