import Foundation

/// Seconds on CLOCK_MONOTONIC, the clock the runtime stamps step events with.
enum MonotonicTime {
  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
