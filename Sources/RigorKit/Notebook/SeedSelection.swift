import Foundation

/// The seeds `--seeds` names, in the forms docs/COMMAND-LINE.md gives: a count `5` (seeds 0-4), a list
/// `0,3,7` (one seed as `7,`), a range `5-9`, or a list mixing seeds and ranges (`0-2,7`).
public enum SeedSelection {
  public static func parse(_ text: String) throws -> [Int] {
    let limit = FrontMatterParser.maximumSeeds
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let count = Int(trimmed) {
      guard (1...limit).contains(count) else {
        throw usage(text, "give a count from 1 to \(limit), a list like 0,3,7 (one seed as 7,) or a range like 5-9")
      }
      return Array(0..<count)
    }
    var parts = trimmed.split(separator: ",", omittingEmptySubsequences: false)
    // `7,` is how a single seed is told apart from the count 7.
    if parts.count > 1, parts.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { parts.removeLast() }
    var seeds: [Int] = []
    for part in parts {
      let item = part.trimmingCharacters(in: .whitespaces)
      for seed in try items(in: item, of: text) {
        guard !seeds.contains(seed) else { throw usage(text, "seed \(seed) is listed twice") }
        seeds.append(seed)
      }
      guard seeds.count <= limit else { throw usage(text, "more than \(limit) seeds") }
    }
    return seeds
  }

  /// One list item: a seed `7` or an inclusive range `5-9`.
  private static func items(in item: String, of text: String) throws -> [Int] {
    if let seed = Int(item) {
      guard seed >= 0 else { throw usage(text, "`\(item)` is not a non-negative integer") }
      return [seed]
    }
    let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
    guard bounds.count == 2, let low = Int(bounds[0].trimmingCharacters(in: .whitespaces)),
      let high = Int(bounds[1].trimmingCharacters(in: .whitespaces))
    else {
      let shown = item.isEmpty ? "an empty item" : "`\(item)`"
      throw usage(text, "\(shown) is neither a seed nor a range like 5-9")
    }
    guard low <= high else { throw usage(text, "the range \(item) runs backwards; write \(high)-\(low)") }
    guard high - low < FrontMatterParser.maximumSeeds else {
      throw usage(text, "more than \(FrontMatterParser.maximumSeeds) seeds")
    }
    return Array(low...high)
  }

  private static func usage(_ text: String, _ problem: String) -> CommandFailure {
    CommandFailure(.usage, "--seeds \(text): \(problem)")
  }
}
