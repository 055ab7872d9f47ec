import Foundation
import RigorStatistics

/// Jittered, growing pauses between compare-and-swap retries.
///
/// Jitter keeps writers that lost together from colliding again in lockstep; it comes from a
/// SplitMix64 seeded by the caller (Rigor uses the commit id being published, which differs
/// between writers), so no system randomness is involved.
struct ReferenceRetryBackoff {
  private var generator: SplitMix64
  private(set) var attempts = 0

  init(seed: UInt64) {
    generator = SplitMix64(seed: seed)
  }

  /// The next pause: uniform in [0, cap) where cap doubles from 0.2 ms up to 50 ms.
  mutating func nextDelay() -> TimeInterval {
    attempts += 1
    let cap = min(0.0002 * pow(2, Double(min(attempts, 12))), 0.05)
    let unit = Double(generator.next() >> 11) / Double(1 << 53)
    return cap * unit
  }

  mutating func pause() {
    let delay = nextDelay()
    if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
  }
}
