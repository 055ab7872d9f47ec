import Testing
@testable import RigorKit

/// `--seeds` in each form docs/COMMAND-LINE.md names, and the usage errors for the rest.
@Suite struct SeedSelectionTests {
  @Test func countListSingleSeedAndRange() throws {
    #expect(try SeedSelection.parse("5") == [0, 1, 2, 3, 4])
    #expect(try SeedSelection.parse("0,3,7") == [0, 3, 7])
    #expect(try SeedSelection.parse("7,") == [7])
    #expect(try SeedSelection.parse("5-9") == [5, 6, 7, 8, 9])
    #expect(try SeedSelection.parse("0-2, 7") == [0, 1, 2, 7])
    #expect(try SeedSelection.parse("4-4") == [4])
  }

  @Test(arguments: ["0", "7,,", ",", "9-5", "a", "1,1", "0-2,2", "-3", "1-", "3,-1", "0-20000"])
  func malformedSeedsAreUsageErrorsNamingTheText(_ text: String) {
    #expect {
      try SeedSelection.parse(text)
    } throws: { error in
      guard let failure = error as? CommandFailure else { return false }
      return failure.status == .usage && failure.message.hasPrefix("--seeds \(text):")
    }
  }
}

/// `--param` given twice is refused instead of the last one silently winning.
@Suite struct ParameterOverridesTests {
  @Test func repeatedParameterIsAUsageErrorNamingBothValues() {
    #expect {
      try ParameterOverrides(["offset=1", "width=3", "offset=2"])
    } throws: { error in
      guard let failure = error as? CommandFailure else { return false }
      return failure.status == .usage && failure.message.contains("offset=1") && failure.message.contains("offset=2")
    }
  }

  @Test func distinctParametersAreKeptInOrder() throws {
    let overrides = try ParameterOverrides(["offset=1", "width=3"])
    #expect(overrides.assignments.map(\.name) == ["offset", "width"])
  }
}
