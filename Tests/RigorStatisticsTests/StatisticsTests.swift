import Testing

@testable import RigorStatistics

@Suite struct StatisticsTests {
  // x = np.array([0.3, 1.7, -2.2, 4.4, 0.9]) throughout.
  static let x = [0.3, 1.7, -2.2, 4.4, 0.9]

  @Test func meanAndSampleStandardDeviationMatchNumpy() {
    // np.mean(x) = 1.02, np.std(x, ddof=1) = 2.3868389137099304
    #expect(abs(Statistics.mean(Self.x) - 1.02) <= 1e-15)
    #expect(abs(Statistics.sampleStandardDeviation(Self.x) - 2.3868389137099304) <= 1e-14)
    #expect(abs(Statistics.mean(Self.x.map(Float.init)) - 1.02) <= 1e-6)
  }

  @Test func undefinedMomentsAreNaN() {
    #expect(Statistics.mean([]).isNaN)
    #expect(Statistics.sampleStandardDeviation([3]).isNaN)
  }

  @Test func tIntervalMatchesScipy() {
    // stats.ttest_1samp(x, 0).confidence_interval(0.95) -> (-1.943651948665401, 3.983651948665401)
    let ci = Statistics.tInterval(Self.x)
    #expect(abs(ci.lower - -1.943651948665401) <= 1e-12)
    #expect(abs(ci.upper - 3.983651948665401) <= 1e-12)
    #expect(ci.estimate == Statistics.mean(Self.x))
    // ... .confidence_interval(0.9) -> (-1.2555904198231769, 3.2955904198231756)
    let ci90 = Statistics.tInterval(Self.x, level: 0.9)
    #expect(abs(ci90.lower - -1.2555904198231769) <= 1e-12)
    #expect(abs(ci90.upper - 3.2955904198231756) <= 1e-12)
    // y = [0.61,0.58,0.64,0.66,0.59,0.63,0.60,0.62,0.65,0.57,0.61,0.60]:
    // stats.ttest_1samp(y, 0.5).confidence_interval(0.95) -> (0.5957060096349784, 0.6309606570316884)
    let y = [0.61, 0.58, 0.64, 0.66, 0.59, 0.63, 0.60, 0.62, 0.65, 0.57, 0.61, 0.60]
    let ciy = Statistics.tInterval(y)
    #expect(abs(ciy.lower - 0.5957060096349784) <= 1e-13)
    #expect(abs(ciy.upper - 0.6309606570316884) <= 1e-13)
  }

  @Test func tIntervalOfConstantSampleHasZeroWidth() {
    let ci = Statistics.tInterval([0.25, 0.25, 0.25, 0.25, 0.25])
    #expect(ci.lower == 0.25 && ci.upper == 0.25 && ci.width == 0)
  }

  @Test func tIntervalOfOneValueIsUndefined() {
    let ci = Statistics.tInterval([1.5])
    #expect(ci.lower.isNaN && ci.upper.isNaN)
  }

  @Test func quantilesMatchNumpyLinearMethod() {
    // np.quantile(x, [0, 0.1, 0.25, 0.5, 0.9, 1])
    let expected = [-2.2, -1.2000000000000002, 0.3, 0.9, 3.3200000000000003, 4.4]
    #expect(Statistics.quantiles(Self.x, [0, 0.1, 0.25, 0.5, 0.9, 1]) == expected)
    // np.quantile([3.0,1.0,2.0,2.0,10.0,-4.0], [0.3,0.5,0.75,0.99]) -> [1.5, 2.0, 2.75, 9.650000000000002]
    let z = [3.0, 1.0, 2.0, 2.0, 10.0, -4.0]
    #expect(Statistics.quantiles(z, [0.3, 0.5, 0.75, 0.99]) == [1.5, 2.0, 2.75, 9.650000000000002])
    #expect(Statistics.median(z) == 2)
    #expect(Statistics.quantile([], 0.5).isNaN)
    #expect(Statistics.quantile(z, 1.5).isNaN)
  }

  @Test func bootstrapMatchesAnIndependentPythonResampler() {
    // Python: SplitMix64(12345); 2000 resamples of x2, index = (u * n) >> 64;
    // np.quantile(means, [0.025, 0.975]) -> (-0.31428571428571433, 2.5142857142857147)
    let x2 = [0.3, 1.7, -2.2, 4.4, 0.9, 0.1, 2.5]
    let ci = Statistics.bootstrapInterval(x2, resamples: 2000, seed: 12345)
    #expect(abs(ci.lower - -0.31428571428571433) <= 1e-12)
    #expect(abs(ci.upper - 2.5142857142857147) <= 1e-12)
  }

  @Test func fnv1aMatchesPublishedVectors() {
    // FNV-1a 64 of "" is the offset basis; of "a" is 0xaf63dc4c8601ec8c (FNV test suite).
    #expect(FNV1a.hash64("") == 14_695_981_039_346_656_037)
    #expect(FNV1a.hash64("a") == 0xAF63_DC4C_8601_EC8C)
    // Python reimplementation: fnv("sae-beats-mahalanobis")
    #expect(FNV1a.hash64("sae-beats-mahalanobis") == 6_979_991_888_617_568_552)
  }
}
