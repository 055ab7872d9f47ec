/// Directional ablation across the whole model (Arditi et al. 2024).
extension HookedTransformer {
  /// Hooks that remove `direction` from the residual stream at every layer and position:
  /// `x ← x − (x·r̂) r̂` on the stream entering each block (`hook_resid_pre`) and on everything
  /// each block writes to it (`hook_attn_out`, `hook_mlp_out`).
  ///
  /// Projecting out both the input and every write, as Arditi et al. do, means no residual
  /// activation of the run (`resid_pre`, `resid_mid`, `resid_post` of every block) has a
  /// component along `direction`, so no later component can read it. The hooks apply on every
  /// step of ``generate(_:maxNewTokens:sampling:hooks:)`` too.
  ///
  /// ```swift
  /// let hooks = model.directionalAblationHooks(refusalDirection)
  /// let ids = try model.generate(prompt, maxNewTokens: 32, hooks: hooks)
  /// ```
  ///
  /// A `direction` whose shape is not `[d_model]`, or whose norm is zero (no direction to
  /// remove), stops the program with a message.
  public func directionalAblationHooks(_ direction: Tensor) -> [(HookPoint, HookFunction)] {
    let width = config.modelDimension
    check(direction.shape == [width], "the ablated direction must have shape [\(width)] (d_model), got \(direction.shape)")
    check(direction.norm().item() > 0, "the ablated direction is zero: there is no direction to remove")
    let ablate = Steering.directionalAblation(direction)
    var hooks: [(HookPoint, HookFunction)] = []
    for layer in 0..<config.layerCount {
      hooks.append((.residPre(layer), ablate))
      hooks.append((.attnOut(layer), ablate))
      if !config.attentionOnly { hooks.append((.mlpOut(layer), ablate)) }
    }
    return hooks
  }
}
