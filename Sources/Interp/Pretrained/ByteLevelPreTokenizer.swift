/// GPT-2's byte-level pre-tokenizer: the split of text into words before BPE, and the map
/// from bytes to the printable characters BPE vocabularies are written in.
///
/// The split follows GPT-2's pattern
/// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`, scanned by
/// hand over Unicode scalars (every scalar is a letter, a number, whitespace or other, so a
/// match always starts where the last one ended). With `splitDigits` (llama.cpp's "smollm"
/// pre-tokenizer), each digit is first made a word of its own.
enum ByteLevelPreTokenizer {
  /// The words of `text`, as scalar ranges.
  static func split(_ text: String, splitDigits: Bool = false) -> [Substring.UnicodeScalarView] {
    let scalars = Array(text.unicodeScalars)
    let classes = scalars.map(ScalarClass.init)
    var words: [Substring.UnicodeScalarView] = []
    let view = text.unicodeScalars
    var indices: [String.UnicodeScalarView.Index] = []
    indices.reserveCapacity(scalars.count + 1)
    var index = view.startIndex
    while index < view.endIndex {
      indices.append(index)
      index = view.index(after: index)
    }
    indices.append(view.endIndex)
    func emit(_ start: Int, _ end: Int) { words.append(view[indices[start]..<indices[end]]) }
    var chunkStart = 0
    var chunks: [(Int, Int)] = []
    if splitDigits {
      for (i, c) in classes.enumerated() where c == .number && scalars[i].properties.numericType == .decimal {
        if chunkStart < i { chunks.append((chunkStart, i)) }
        chunks.append((i, i + 1))
        chunkStart = i + 1
      }
    }
    if chunkStart < scalars.count { chunks.append((chunkStart, scalars.count)) }
    for (start, end) in chunks { splitChunk(scalars, classes, start, end, emit) }
    return words
  }

  private static func splitChunk(
    _ s: [Unicode.Scalar], _ classes: [ScalarClass], _ start: Int, _ end: Int, _ emit: (Int, Int) -> Void
  ) {
    var i = start
    while i < end {
      if s[i] == "'" , let length = contraction(s, i, end) {
        emit(i, i + length)
        i += length
        continue
      }
      // ` ?\p{L}+`, ` ?\p{N}+`, ` ?[^\s\p{L}\p{N}]+`: an optional literal space, then a run of one class.
      let first = s[i] == " " && i + 1 < end && classes[i + 1] != .whitespace ? i + 1 : i
      let kind = classes[first]
      if kind != .whitespace {
        var j = first + 1
        while j < end && classes[j] == kind { j += 1 }
        emit(i, j)
        i = j
        continue
      }
      // `\s+(?!\S)`: a whitespace run, less its last scalar when a non-space follows it;
      // `\s+` takes a lone whitespace scalar before a non-space.
      var j = i + 1
      while j < end && classes[j] == .whitespace { j += 1 }
      if j < end && j - i > 1 { j -= 1 }
      emit(i, j)
      i = j
    }
  }

  /// Length of the contraction (`'s`, `'t`, `'re`, `'ve`, `'m`, `'ll`, `'d`) at `i`, if any.
  private static func contraction(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> Int? {
    guard i + 1 < end else { return nil }
    switch s[i + 1] {
    case "s", "t", "m", "d": return 2
    case "r": return i + 2 < end && s[i + 2] == "e" ? 3 : nil
    case "v": return i + 2 < end && s[i + 2] == "e" ? 3 : nil
    case "l": return i + 2 < end && s[i + 2] == "l" ? 3 : nil
    default: return nil
    }
  }

  enum ScalarClass: Equatable {
    case letter, number, whitespace, other

    init(_ scalar: Unicode.Scalar) {
      let p = scalar.properties
      if p.isWhitespace {
        self = .whitespace
        return
      }
      switch p.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: self = .letter
      case .decimalNumber, .letterNumber, .otherNumber: self = .number
      default: self = .other
      }
    }
  }

  /// GPT-2's printable stand-in for each byte: printable Latin-1 bytes stand for themselves,
  /// the rest map in order to U+0100 onwards (so a space is `Ġ`, a newline `Ċ`).
  static let byteCharacters: [Unicode.Scalar] = {
    var printable = Array(33...126) + Array(161...172) + Array(174...255)
    var map = [Unicode.Scalar](repeating: " ", count: 256)
    for b in printable { map[b] = Unicode.Scalar(UInt32(b))! }
    var next: UInt32 = 256
    for b in 0..<256 where !printable.contains(b) {
      map[b] = Unicode.Scalar(next)!
      next += 1
    }
    printable.removeAll()
    return map
  }()

  /// The byte each stand-in character denotes.
  static let characterBytes: [Unicode.Scalar: UInt8] = {
    var result: [Unicode.Scalar: UInt8] = [:]
    for (b, c) in byteCharacters.enumerated() { result[c] = UInt8(b) }
    return result
  }()
}
