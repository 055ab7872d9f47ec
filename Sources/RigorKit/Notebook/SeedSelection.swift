import Foundation
/// `--seeds N` (seeds 0..<N) or `--seeds a,b,c` (exactly these).
public enum SeedSelection {
  public static func parse(_ text: String) throws -> [Int] {
    if let count = Int(text) {
      guard (1...FrontMatterParser.maximumSeeds).contains(count) else {
        throw CommandFailure(.usage, "--seeds \(text): give a count from 1 to \(FrontMatterParser.maximumSeeds) or a list like 0,3,7")
      }
      return Array(0..<count)
    }
    var seeds: [Int] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let seed = Int(part.trimmingCharacters(in: .whitespaces)), seed >= 0 else {
        throw CommandFailure(.usage, "--seeds \(text): `\(part)` is not a non-negative integer")
      }
      guard !seeds.contains(seed) else {
        throw CommandFailure(.usage, "--seeds \(text): seed \(seed) is listed twice")
      }
      seeds.append(seed)
    }
    return seeds
  }
}
