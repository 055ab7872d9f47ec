import Foundation

/// Substring search over UTF-8 bytes, for pages and figures of hundreds of kilobytes where
/// `String.range(of:)` (through NSString and UTF-16) dominated `rigor site`.
enum ByteSearch {
  /// The offset of the first `needle` in `haystack` at or after `start`, or nil.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
    guard let first = needle.first, start >= 0, haystack.count - max(start, 0) >= needle.count else { return nil }
    return haystack.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pattern in
        let last = hay.count - pattern.count
        var index = start
        while index <= last {
          if hay[index] == first, memcmp(hay.baseAddress! + index, pattern.baseAddress!, pattern.count) == 0 {
            return index
          }
          index += 1
        }
        return nil
      }
    }
  }
}
