import Foundation
@_spi(Benchmarks) import RigorKit

// Result assembly must be linear in metrics × seeds: 10× the metrics should cost about 10×.
// The ratio against the 1,000-metric peer is the speed measure; the absolute time is checked
// against the budget of 0.5 s.
func best(_ metrics: Int, seeds: Int) -> Double {
  (0..<5).map { _ in ResultAssembler.timeSyntheticAssembly(metrics: metrics, seeds: seeds) }.min()!
}
let small = best(1_000, seeds: 5)
let large = best(10_000, seeds: 5)
print(String(format: "assembly 1,000 metrics x 5 seeds: %.4f s", small))
print(String(format: "assembly 10,000 metrics x 5 seeds: %.4f s (budget 0.5 s)", large))
print(String(format: "ratio 10,000 / 1,000: %.1f (linear: about 10)", large / small))
exit(large < 0.5 ? 0 : 1)
