import RigorStatistics

extension Judge {
  /// One part of a prediction with its outcome and the sentence that explains it.
  struct PartResult {
    var outcome: PartOutcome
    var reason: String
    /// The sign-flip p of a superiority comparison.
    var p: Double? = nil
  }

  /// Step 5: `expect`, `control` and `baseline`, in that order, each when given.
  static func evaluateParts(_ claim: Claim, metric: String, data: ClaimData) -> [PartResult] {
    var parts: [PartResult] = []
    let values = data.values(metric)
    if let expect = claim.expect {
      parts.append(evaluateExpect(expect, metric: metric, values: values))
    }
    if let control = claim.control {
      parts.append(evaluateComparison(
        claim, role: "control", other: control, metricValues: values,
        otherValues: data.values(control), margin: 0, nonInferiority: false))
    }
    if let baseline = claim.baseline {
      parts.append(evaluateComparison(
        claim, role: "baseline", other: baseline, metricValues: values,
        otherValues: data.values(baseline), margin: claim.margin,
        nonInferiority: claim.competitive))
    }
    return parts
  }

  /// `expect` against CI(metric).
  static func evaluateExpect(_ expect: Expectation, metric: String, values: [Double]) -> PartResult {
    let ci = Statistics.tInterval(values, level: level)
    let outcome = expect.evaluate(ci)
    let thresholds: [Double]
    switch expect {
    case let .greaterThan(v), let .atLeast(v), let .lessThan(v), let .atMost(v): thresholds = [v]
    case let .within(a, b): thresholds = [a, b]
    }
    let t = ReasonFormat.numbers([ci.estimate, ci.lower, ci.upper] + thresholds)
    let (mean, lo, hi) = (t[0], t[1], t[2])
    let v = t[3]
    let why: String
    switch (expect, outcome) {
    case (.greaterThan, .holds): why = "lower bound \(lo) > \(v)"
    case (.greaterThan, .fails): why = "upper bound \(hi) <= \(v)"
    case (.greaterThan, .undecided): why = "lower bound \(lo) <= \(v) < upper bound \(hi)"
    case (.atLeast, .holds): why = "lower bound \(lo) >= \(v)"
    case (.atLeast, .fails): why = "upper bound \(hi) < \(v)"
    case (.atLeast, .undecided): why = "lower bound \(lo) < \(v) <= upper bound \(hi)"
    case (.lessThan, .holds): why = "upper bound \(hi) < \(v)"
    case (.lessThan, .fails): why = "lower bound \(lo) >= \(v)"
    case (.lessThan, .undecided): why = "lower bound \(lo) < \(v) <= upper bound \(hi)"
    case (.atMost, .holds): why = "upper bound \(hi) <= \(v)"
    case (.atMost, .fails): why = "lower bound \(lo) > \(v)"
    case (.atMost, .undecided): why = "lower bound \(lo) <= \(v) < upper bound \(hi)"
    case (.within, .holds): why = "the interval lies inside [\(v), \(t[4])]"
    case let (.within(a, _), .fails):
      why = ci.upper < a ? "upper bound \(hi) < \(v)" : "lower bound \(lo) > \(t[4])"
    case (.within, .undecided): why = "the interval is neither inside [\(v), \(t[4])] nor clear of it"
    }
    return PartResult(
      outcome: outcome,
      reason: "expect '\(metric)' \(expect): mean \(mean), 95% CI [\(lo), \(hi)] over "
        + "\(ReasonFormat.count(values.count, "seed")): \(word(outcome)) (\(why))")
  }

  /// `control` or `baseline`: superiority over `margin`, or non-inferiority within it.
  static func evaluateComparison(
    _ claim: Claim, role: String, other: String, metricValues: [Double], otherValues: [Double],
    margin: Double, nonInferiority: Bool
  ) -> PartResult {
    let sign: Double = claim.better == .higher ? 1 : -1
    let d = zip(metricValues, otherValues).map { sign * ($0 - $1) }
    let ci = Statistics.tInterval(d, level: level)
    let t = ReasonFormat.numbers([ci.estimate, ci.lower, ci.upper, margin, -margin, 0])
    let (mean, lo, hi, m, negM) = (t[0], t[1], t[2], t[3], t[4])
    let direction =
      claim.better == .higher
      ? "" : " (d = \(other) - \(claim.metric ?? "metric"), since lower is better)"
    var sentence = "\(role) '\(other)': mean difference \(mean)\(direction), 95% CI [\(lo), \(hi)]"
    let n = ReasonFormat.count(d.count, "seed")
    let outcome: PartOutcome
    let why: String
    var p: Double?
    if nonInferiority {
      sentence += ", \(n)"
      if ci.lower > -margin {
        outcome = .holds
        why = "non-inferior: lower bound \(lo) > \(negM), minus the margin \(m) (competitive declared)"
      } else if ci.upper < -margin {
        outcome = .fails
        why = "clearly worse: upper bound \(hi) < \(negM), minus the margin \(m)"
      } else {
        outcome = .undecided
        why = "neither non-inferior (lower bound \(lo) <= \(negM), minus the margin \(m)) nor clearly worse (upper bound \(hi) >= \(negM))"
      }
    } else {
      let test = Statistics.signFlipTest(d, id: claim.id)
      p = test.p
      sentence += ", sign-flip \(pText(test)), \(n)"
      let aboveMargin = ci.lower > margin
      let significant = test.p < alpha
      let target = role == "control" ? "beats the control" : "superior"
      if aboveMargin && significant {
        outcome = .holds
        why = "\(target): lower bound \(lo) > margin \(m) and p < \(alpha)"
      } else if ci.upper < 0 {
        outcome = .fails
        why = "clearly worse: upper bound \(hi) < 0"
      } else {
        outcome = .undecided
        var missing: [String] = []
        if !aboveMargin { missing.append("lower bound \(lo) <= margin \(m)") }
        if !significant { missing.append("p >= \(alpha)") }
        why = "not shown \(target == "superior" ? "superior" : "to beat the control"): "
          + missing.joined(separator: " and ") + "; not clearly worse: upper bound \(hi) >= 0"
      }
    }
    return PartResult(outcome: outcome, reason: "\(sentence): \(word(outcome)) (\(why))", p: p)
  }

  /// "p = 0.03125 (1 of 32 sign patterns)" or the sampled form.
  static func pText(_ test: SignFlipResult) -> String {
    // Six digits show an exact p = k / 2^N in full for N <= 12 (e.g. 0.015625 = 1/64).
    let p = ReasonFormat.format(test.p, digits: 6)
    if test.exact {
      return "p = \(p) (\(test.count) of \(test.patterns) sign patterns)"
    }
    return "p = \(p) (\(test.count) of \(test.patterns) random sign patterns)"
  }

  static func word(_ outcome: PartOutcome) -> String {
    switch outcome {
    case .holds: return "holds"
    case .fails: return "fails"
    case .undecided: return "undecided"
    }
  }
}
