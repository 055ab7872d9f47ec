import Foundation

/// Seconds on `CLOCK_MONOTONIC`, the clock the supervisor reads too, so step times measured
/// in the child and deadlines kept by the supervisor agree.
enum MonotonicClock {
  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
