/// The `FILE:LINE:COLUMN: error: MESSAGE` lines a run prints on standard error, one per
/// distinct error rather than one per seed.
///
/// Five seeds that trap on the same line with the same message are one mistake; printing it
/// five times buries it. The JSON keeps every seed's error; this is only the human view.
enum ErrorLines {
  struct Line: Equatable {
    var error: ErrorDocument
    var seeds: [Int]
  }

  /// Errors grouped by place and message, in the order each first appeared.
  static func group(_ errors: [ErrorDocument]) -> [Line] {
    var lines: [Line] = []
    for error in errors {
      var key = error
      key.seed = nil
      if let index = lines.firstIndex(where: { $0.error == key }) {
        if let seed = error.seed { lines[index].seeds.append(seed) }
      } else {
        lines.append(Line(error: key, seeds: error.seed.map { [$0] } ?? []))
      }
    }
    return lines
  }

  /// What follows the message: which seeds, and how many of the run's `seedCount` they are.
  static func seedNote(_ seeds: [Int], of seedCount: Int) -> String {
    switch seeds.count {
    case 0: return ""
    case 1: return seedCount > 1 ? " [seed \(seeds[0])]" : ""
    case seedCount: return " [\(seeds.count) of \(seedCount) seeds failed the same way]"
    default: return " [seeds \(SeedList.describe(seeds.sorted())): \(seeds.count) of \(seedCount) seeds failed the same way]"
    }
  }
}
