/// The plain decimal numbers the claim schema accepts: `0.8`, `-1`, `.5`, `1e-3`.
///
/// Deliberately narrower than YAML's or Swift's number syntax: no `inf`, `nan`, hex, `_`
/// separators or sexagesimal `1:30`, so a value means the same to every reader.
enum DecimalNumber {
  /// The value of `text` if all of it is a finite decimal number, else nil.
  static func parse(_ text: Substring) -> Double? {
    var index = text.startIndex
    func digits() -> Int {
      var count = 0
      while index < text.endIndex, text[index].isASCII, text[index].isNumber {
        index = text.index(after: index)
        count += 1
      }
      return count
    }
    if index < text.endIndex, text[index] == "+" || text[index] == "-" {
      index = text.index(after: index)
    }
    var mantissaDigits = digits()
    if index < text.endIndex, text[index] == "." {
      index = text.index(after: index)
      mantissaDigits += digits()
    }
    guard mantissaDigits > 0 else { return nil }
    if index < text.endIndex, text[index] == "e" || text[index] == "E" {
      index = text.index(after: index)
      if index < text.endIndex, text[index] == "+" || text[index] == "-" {
        index = text.index(after: index)
      }
      guard digits() > 0 else { return nil }
    }
    guard index == text.endIndex, let value = Double(String(text)), value.isFinite else {
      return nil
    }
    return value
  }

  /// The value of `text` if all of it is a finite decimal number, else nil.
  static func parse(_ text: String) -> Double? { parse(text[...]) }
}
