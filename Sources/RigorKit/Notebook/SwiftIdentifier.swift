/// Checks names that become Swift identifiers in generated code.
enum SwiftIdentifier {
  static let reservedWords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
    "init", "inout", "internal", "let", "open", "operator", "private", "protocol", "public",
    "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "continue",
    "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
    "return", "switch", "where", "while", "as", "Any", "catch", "false", "is", "nil", "super",
    "self", "Self", "throw", "throws", "true", "try", "_",
  ]

  /// True for an ASCII identifier that is not a keyword.
  static func isValid(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, !reservedWords.contains(name) else { return false }
    let isHead = { (c: Unicode.Scalar) in c == "_" || (c.isASCII && c.properties.isAlphabetic) }
    return isHead(first)
      && name.unicodeScalars.allSatisfy { isHead($0) || ("0"..."9").contains($0) }
  }
}
