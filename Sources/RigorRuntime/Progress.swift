/// Reports how far a long step has got, shown live by `rigor run`.
///
/// `fraction` is clamped to 0...1 (a non-finite value counts as 0); the message is cut to
/// `RigorLimits.maxProgressMessageCharacters`. Calls are cheap: at most ten per second reach
/// the runner. Outside Rigor this does nothing.
public func progress(_ fraction: Double, _ message: String = "") {
  RunState.shared.progress(fraction, message)
}
