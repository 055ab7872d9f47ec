import Foundation
import Testing

@testable import RigorStatistics

@Suite struct StatisticsStudentTTests {
  /// scipy 1.17.1: `[stats.t.ppf(p, df) for p in ps]` for each df, with
  /// ps = [0.975, 0.995, 0.9, 0.6, 0.025, 1e-6, 0.999999].
  static let probabilities = [0.975, 0.995, 0.9, 0.6, 0.025, 1e-6, 0.999999]
  static let scipyQuantiles: [(Double, [Double])] = [
    (1, [12.706204736174694, 63.656741162871526, 3.0776835371752544, 0.32491969623290634, -12.706204736174705, -318309.8861827435, 318309.88617359026]),
    (2, [4.302652729749462, 9.924843200918287, 1.8856180831641272, 0.2886751345948128, -4.302652729749464, -707.1057205259339, 707.1057205157672]),
    (3, [3.1824463052837078, 5.840909309733355, 1.637744353696209, 0.2766706623326898, -3.1824463052837086, -103.29946778041935, 103.29946777942898]),
    (4, [2.7764451051977934, 4.604094871349992, 1.533206274058944, 0.2707222947075976, -2.7764451051977943, -41.577854150450975, 41.5778541501515]),
    (5, [2.5705818356363146, 4.032142983555228, 1.4758840488244815, 0.2671808657041451, -2.5705818356363155, -24.771029720515948, 24.771029720372493]),
    (7, [2.364624251592784, 3.4994832973504924, 1.4149239276505086, 0.2631668613520229, -2.3646242515927844, -14.241469651981445, 14.241469651921154]),
    (10, [2.228138851986274, 3.16927267261695, 1.372183641110336, 0.2601848294920803, -2.2281388519862753, -9.751995490940581, 9.751995490909856]),
    (19, [2.0930240544083087, 2.8609346064649794, 1.3277282090267986, 0.25692281979615467, -2.09302405440831, -6.723394282200186, 6.7233942821860095]),
    (30, [2.0422724563012378, 2.7499956535672254, 1.3104150253913955, 0.2556053649519128, -2.042272456301238, -5.871117120418882, 5.871117120408624]),
    (50, [2.008559112100761, 2.677793270940844, 1.2987136941948096, 0.254699342988588, -2.008559112100761, -5.376673401740478, 5.376673401732294]),
    (100, [1.9839715185235518, 2.6258905214380173, 1.290074761346516, 0.25402218245822766, -1.983971518523552, -5.048830877228346, 5.048830877221446]),
    (250, [1.9694983934211532, 2.5956376304661806, 1.2849470554222564, 0.2536168815819393, -1.9694983934211538, -4.867928470361656, 4.867928470355432]),
    (500, [1.9647198374673676, 2.5856978351419415, 1.2832470207103743, 0.2534819498516658, -1.9647198374673678, -4.810085161637655, 4.8100851616316405]),
    (1000, [1.9623390808264083, 2.580754698065951, 1.2823987214609247, 0.25341451583949876, -1.9623390808264085, -4.781608620458351, 4.781608620452439]),
  ]

  @Test func quantilesMatchScipyToTenDigits() {
    for (df, expected) in Self.scipyQuantiles {
      let t = StudentT(degreesOfFreedom: df)
      for (p, want) in zip(Self.probabilities, expected) {
        let got = t.quantile(p)
        #expect(abs(got - want) <= 1e-10 * abs(want), "df \(df), p \(p): \(got) vs \(want)")
      }
    }
  }

  @Test func cdfInvertsQuantile() {
    for df in [1.0, 2.5, 6, 40, 900] {
      let t = StudentT(degreesOfFreedom: df)
      for p in [1e-9, 0.01, 0.3, 0.5, 0.77, 0.99] {
        #expect(abs(t.cdf(t.quantile(p)) - p) <= 1e-12 * max(p, 1e-3))
      }
    }
  }

  /// Both tails agree with the closed form for ν = 1 (Cauchy): P(T > t) = 1/2 − atan(t)/π.
  @Test func cauchyTailsMatchClosedForm() {
    let t = StudentT(degreesOfFreedom: 1)
    for x in [-30.0, -1, 0.2, 3, 1e4] {
      #expect(abs(t.survival(x) - (0.5 - atan(x) / Double.pi)) <= 1e-14)
    }
  }

  @Test func edgeProbabilitiesGiveInfinitiesAndInvalidInputsNaN() {
    let t = StudentT(degreesOfFreedom: 4)
    #expect(t.quantile(0) == -.infinity)
    #expect(t.quantile(1) == .infinity)
    #expect(t.quantile(0.5) == 0)
    #expect(t.quantile(1.2).isNaN)
    #expect(StudentT(degreesOfFreedom: 0).quantile(0.9).isNaN)
    #expect(StudentT(degreesOfFreedom: -3).cdf(1).isNaN)
  }

  /// Every integer ν from 1 to 1000 at the 0.975 and 0.995 points, against scipy run live.
  @Test(.enabled(if: Python.hasScipy, "needs python3 with scipy"))
  func everyDegreeOfFreedomUpToAThousandMatchesScipy() throws {
    let output = try Python.run(
      "from scipy import stats\n"
        + "for df in range(1, 1001): print(repr(float(stats.t.ppf(0.975, df))), "
        + "repr(float(stats.t.ppf(0.995, df))))")
    let rows = output.split(separator: "\n")
    #expect(rows.count == 1000)
    for (index, row) in rows.enumerated() {
      let df = Double(index + 1)
      let values = row.split(separator: " ").compactMap { Double($0) }
      let t = StudentT(degreesOfFreedom: df)
      #expect(abs(t.quantile(0.975) - values[0]) <= 1e-10 * values[0], "df \(df)")
      #expect(abs(t.quantile(0.995) - values[1]) <= 1e-10 * values[1], "df \(df)")
    }
  }
}
