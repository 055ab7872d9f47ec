extension ChannelEvent {
  /// Reads one channel line (without its newline) and checks it against the protocol: a flat
  /// JSON object, a known `event`, exactly the kind's fields, each of the right shape and in
  /// range, names that pass `NameRules`, and file paths that match their names.
  public static func parse(_ line: some Collection<UInt8>) throws(ChannelViolation) -> ChannelEvent {
    let bytes = Array(line)
    guard bytes.count <= RigorLimits.maxLineBytes else {
      throw ChannelViolation("a channel line of \(bytes.count) bytes is longer than \(RigorLimits.maxLineBytes)")
    }
    var reader = JSONObjectReader(bytes: bytes)
    let object = try reader.readObject()
    guard case .text(let kindName)? = object["event"] else {
      throw ChannelViolation("a channel line has no \"event\" string")
    }
    guard let kind = ChannelEventKind(rawValue: kindName) else {
      throw ChannelViolation("unknown channel event '\(NameRules.printable(String(kindName.prefix(40))))'")
    }
    var event = ChannelEvent(kind)
    let allowed = kind.fields
    for (key, value) in object where key != "event" {
      guard let field = ChannelField(rawValue: key), allowed.contains(where: { $0.field == field }) else {
        throw ChannelViolation("'\(kind.rawValue)' event has an unexpected field '\(NameRules.printable(String(key.prefix(40))))'")
      }
      if let problem = field.problem(with: value) {
        throw ChannelViolation("'\(kind.rawValue)' event: \(problem)")
      }
      event[field] = field.shape == .number ? value.number.map(ChannelValue.number) : value
    }
    for (field, required) in allowed where required && event.values[field] == nil {
      throw ChannelViolation("'\(kind.rawValue)' event lacks its '\(field.rawValue)' field")
    }
    try event.checkNames()
    return event
  }

  private func checkNames() throws(ChannelViolation) {
    switch kind {
    case .record, .split:
      if let problem = NameRules.problem(name: text(.name) ?? "", kind: kind == .record ? "metric" : "split") {
        throw ChannelViolation(problem)
      }
      if let split = text(.split), let problem = NameRules.problem(name: split, kind: "split") {
        throw ChannelViolation(problem)
      }
    case .checkpoint:
      if let problem = NameRules.problem(name: text(.name) ?? "", kind: "checkpoint") { throw ChannelViolation(problem) }
    case .figure, .artifact:
      let name = text(.name) ?? ""
      if let problem = NameRules.problem(fileName: name, kind: kind.rawValue) { throw ChannelViolation(problem) }
      let expected = NameRules.relativePath(of: kind, name: name)
      guard text(.path) == expected else {
        throw ChannelViolation(
          "\(kind.rawValue) '\(name)' claims path '\(NameRules.printable(text(.path) ?? ""))', not '\(expected ?? "")'")
      }
      let cap = kind == .figure ? RigorLimits.maxFigureBytes : RigorLimits.maxArtifactBytes
      if let bytes = integer(.bytes), bytes > cap {
        throw ChannelViolation("\(kind.rawValue) '\(name)' is \(bytes) bytes; the limit is \(cap)")
      }
    default:
      break
    }
  }
}

/// A reader for the flat JSON objects the channel carries: string keys; values that are
/// numbers, strings or arrays of integers. Anything else (nesting, `null`, booleans, a
/// duplicate key, trailing bytes, invalid UTF-8) is refused.
struct JSONObjectReader {
  let bytes: [UInt8]
  var index = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func readObject() throws(ChannelViolation) -> [String: ChannelValue] {
    var object: [String: ChannelValue] = [:]
    skipSpace()
    try expect(UInt8(ascii: "{"))
    skipSpace()
    if peek == UInt8(ascii: "}") {
      index += 1
    } else {
      while true {
        skipSpace()
        let key = try readString()
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        let value = try readValue()
        guard object.updateValue(value, forKey: key) == nil else {
          throw ChannelViolation("a channel line repeats the key '\(NameRules.printable(String(key.prefix(40))))'")
        }
        skipSpace()
        if peek == UInt8(ascii: ",") {
          index += 1
          continue
        }
        try expect(UInt8(ascii: "}"))
        break
      }
    }
    skipSpace()
    guard index == bytes.count else { throw ChannelViolation("a channel line has bytes after its object") }
    return object
  }

  private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipSpace() {
    while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { index += 1 }
  }

  private mutating func expect(_ byte: UInt8) throws(ChannelViolation) {
    guard peek == byte else {
      throw ChannelViolation("a channel line is not a JSON object (expected '\(Character(Unicode.Scalar(byte)))' at byte \(index))")
    }
    index += 1
  }

  private mutating func readValue() throws(ChannelViolation) -> ChannelValue {
    switch peek ?? 0 {
    case UInt8(ascii: "\""): return .text(try readString())
    case UInt8(ascii: "["): return .integers(try readIntegers())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
    default: throw ChannelViolation("a channel line holds a value that is not a number, string or array of integers")
    }
  }

  private mutating func readIntegers() throws(ChannelViolation) -> [Int] {
    try expect(UInt8(ascii: "["))
    var values: [Int] = []
    skipSpace()
    if peek == UInt8(ascii: "]") {
      index += 1
      return values
    }
    while true {
      skipSpace()
      guard case .integer(let value) = try readNumber() else {
        throw ChannelViolation("a channel array holds something other than integers")
      }
      values.append(value)
      skipSpace()
      if peek == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "]"))
      return values
    }
  }

  /// A JSON number: an integer when it has no fraction or exponent and fits an Int.
  private mutating func readNumber() throws(ChannelViolation) -> ChannelValue {
    let start = index
    var isInteger = true
    if peek == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while let byte = peek, byte >= 0x30, byte <= 0x39 { index += 1 }
    guard index > digitsStart, index - digitsStart == 1 || bytes[digitsStart] != 0x30 else {
      throw ChannelViolation("a channel line holds a malformed number")
    }
    if peek == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      let fractionStart = index
      while let byte = peek, byte >= 0x30, byte <= 0x39 { index += 1 }
      guard index > fractionStart else { throw ChannelViolation("a channel line holds a malformed number") }
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
      let exponentStart = index
      while let byte = peek, byte >= 0x30, byte <= 0x39 { index += 1 }
      guard index > exponentStart else { throw ChannelViolation("a channel line holds a malformed number") }
    }
    guard index - start <= 400 else { throw ChannelViolation("a channel line holds a number of \(index - start) digits") }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let value = Int(text) { return .integer(value) }
    guard let value = Double(text), value.isFinite else {
      throw ChannelViolation("a channel line holds a number out of range")
    }
    return .number(value)
  }

  private mutating func readString() throws(ChannelViolation) -> String {
    try expect(UInt8(ascii: "\""))
    var out: [UInt8] = []
    while true {
      guard let byte = peek else { throw ChannelViolation("a channel line ends inside a string") }
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let text = String(validating: out, as: UTF8.self) else {
          throw ChannelViolation("a channel line holds a string that is not valid UTF-8")
        }
        return text
      case UInt8(ascii: "\\"):
        guard let escape = peek else { throw ChannelViolation("a channel line ends inside a string") }
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"): try appendEscapedScalar(to: &out)
        default: throw ChannelViolation("a channel line holds an unknown string escape")
        }
      case 0..<0x20:
        throw ChannelViolation("a channel line holds a raw control character in a string")
      default:
        out.append(byte)
      }
    }
  }

  private mutating func readHex4() throws(ChannelViolation) -> UInt32 {
    guard index + 4 <= bytes.count else { throw ChannelViolation("a channel line ends inside a \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      index += 1
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 0x30
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 0x61 + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 0x41 + 10
      default: throw ChannelViolation("a channel line holds a malformed \\u escape")
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  private mutating func appendEscapedScalar(to out: inout [UInt8]) throws(ChannelViolation) {
    var value = try readHex4()
    if (0xD800..<0xDC00).contains(value) {
      guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
        throw ChannelViolation("a channel line holds an unpaired surrogate")
      }
      index += 2
      let low = try readHex4()
      guard (0xDC00..<0xE000).contains(low) else { throw ChannelViolation("a channel line holds an unpaired surrogate") }
      value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(value) else { throw ChannelViolation("a channel line holds an unpaired surrogate") }
    out.append(contentsOf: Array(String(Character(scalar)).utf8))
  }
}
