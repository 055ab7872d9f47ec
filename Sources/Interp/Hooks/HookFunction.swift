/// A function run at a hook point: it receives the activation and returns the activation to
/// use from then on (return the input unchanged to only read it).
///
/// The returned tensor must have the input's shape; otherwise the run fails with
/// ``TransformerError/hookShapeMismatch(point:expected:found:)``.
public typealias HookFunction = (_ activation: Tensor, _ point: HookPoint) throws -> Tensor

/// Ready-made hook functions.
public enum Hooks {
  /// Replaces the activation by `value` (which must have the activation's shape).
  public static func replace(with value: Tensor) -> HookFunction { { _, _ in value } }

  /// Calls `body` with the activation and passes it on unchanged.
  public static func read(_ body: @escaping (Tensor) -> Void) -> HookFunction {
    { activation, _ in
      body(activation)
      return activation
    }
  }

  /// Adds `vector` (broadcast against the activation) to the activation.
  public static func add(_ vector: Tensor, scale: Float = 1) -> HookFunction {
    { activation, _ in activation + vector * scale }
  }
}
