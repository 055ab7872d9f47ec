import Testing

@testable import RigorKit

@Suite struct ClaimExpectationTests {
  @Test(arguments: [
    (">= 0.8", RigorKit.Expectation.atLeast(0.8)), ("> -1", .greaterThan(-1)), ("<0.5", .lessThan(0.5)),
    ("  <=  1e-3 ", .atMost(0.001)), ("in [0.2, 0.4]", .within(0.2, 0.4)), ("in[1,1]", .within(1, 1)),
    (">= .5", .atLeast(0.5)), ("> +2", .greaterThan(2)), (">= 0.8\n", .atLeast(0.8)),
  ])
  func parsesTheGrammar(text: String, expected: RigorKit.Expectation) throws {
    #expect(try RigorKit.Expectation(parsing: text) == expected)
  }

  @Test func canonicalTextRoundTrips() throws {
    for text in [">= 0.8", "> -1", "< 0.5", "<= 0.001", "in [0.2, 0.4]", "> 3"] {
      #expect(try RigorKit.Expectation(parsing: text).description == text)
    }
  }

  // Each rule of docs/JUDGING.md at its boundary: (lo, hi) just inside and just outside.
  @Test func greaterThanHoldsOnlyWhenLowerBoundIsAbove() {
    let e = RigorKit.Expectation.greaterThan(0.8)
    #expect(e.evaluate(lower: 0.8000001, upper: 0.9) == .holds)
    #expect(e.evaluate(lower: 0.8, upper: 0.9) == .undecided)
    #expect(e.evaluate(lower: 0.7, upper: 0.8) == .fails)
    #expect(e.evaluate(lower: 0.7, upper: 0.8000001) == .undecided)
  }

  @Test func atLeastHoldsWhenLowerBoundTouches() {
    let e = RigorKit.Expectation.atLeast(0.8)
    #expect(e.evaluate(lower: 0.8, upper: 0.9) == .holds)
    #expect(e.evaluate(lower: 0.7999999, upper: 0.9) == .undecided)
    #expect(e.evaluate(lower: 0.7, upper: 0.7999999) == .fails)
    #expect(e.evaluate(lower: 0.7, upper: 0.8) == .undecided)
  }

  @Test func lessThanMirrorsGreaterThan() {
    let e = RigorKit.Expectation.lessThan(0.2)
    #expect(e.evaluate(lower: 0.1, upper: 0.1999999) == .holds)
    #expect(e.evaluate(lower: 0.1, upper: 0.2) == .undecided)
    #expect(e.evaluate(lower: 0.2, upper: 0.3) == .fails)
    #expect(e.evaluate(lower: 0.1999999, upper: 0.3) == .undecided)
  }

  @Test func atMostMirrorsAtLeast() {
    let e = RigorKit.Expectation.atMost(0.2)
    #expect(e.evaluate(lower: 0.1, upper: 0.2) == .holds)
    #expect(e.evaluate(lower: 0.1, upper: 0.2000001) == .undecided)
    #expect(e.evaluate(lower: 0.2000001, upper: 0.3) == .fails)
    #expect(e.evaluate(lower: 0.2, upper: 0.3) == .undecided)
  }

  @Test func withinNeedsTheWholeIntervalInside() {
    let e = RigorKit.Expectation.within(0.2, 0.4)
    #expect(e.evaluate(lower: 0.2, upper: 0.4) == .holds)
    #expect(e.evaluate(lower: 0.1999999, upper: 0.4) == .undecided)
    #expect(e.evaluate(lower: 0.2, upper: 0.4000001) == .undecided)
    #expect(e.evaluate(lower: 0.0, upper: 0.1999999) == .fails)
    #expect(e.evaluate(lower: 0.4000001, upper: 0.5) == .fails)
    #expect(e.evaluate(lower: 0.1, upper: 0.2) == .undecided)
  }

  @Test func zeroWidthIntervalIsOrdinary() {
    #expect(RigorKit.Expectation.atLeast(0.5).evaluate(lower: 0.5, upper: 0.5) == .holds)
    #expect(RigorKit.Expectation.greaterThan(0.5).evaluate(lower: 0.5, upper: 0.5) == .fails)
  }
}
