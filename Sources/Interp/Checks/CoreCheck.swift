/// The core's checks on how it is called: a misuse (shapes that do not chain, an axis out of
/// range) stops the program with a message, in release builds too.
///
/// `precondition` is compiled out of its message under `-O`, and notebooks link a release
/// build of the core, so a failed check would reach the user as a bare trap. These helpers go
/// through `fatalError`, which the runtime prints in every build as
/// `Interp/FILE.swift:LINE: Fatal error: MESSAGE` on standard error before trapping; the runner
/// reads that line and shows MESSAGE at the notebook line that called the core
/// (`CrashReport` in RigorKit). Tensor operations keep trapping rather than throwing, so
/// notebook code stays plain.
@inlinable @inline(__always)
func check(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if _slowPath(!condition()) { failCheck(message(), file: file, line: line) }
}

/// Stops the program because the core was misused; see ``check(_:_:file:line:)``.
@usableFromInline @inline(never)
func failCheck(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
  fatalError(message, file: file, line: line)
}
