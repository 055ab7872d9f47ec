/// Text made safe to write to a terminal: every control character and escape sequence that did
/// not come from Rigor's own colouring is shown as a visible escape instead of acting.
///
/// Notebook text, step output, claim ids, names from pulled results and error messages quoting
/// them can carry ESC sequences (clear the screen, move the cursor, OSC 8 hyperlinks, set the
/// window title), a carriage return that overwrites a line, or a bell. ``Console`` passes every
/// line through ``escape(_:)``, so no caller can forget it; ``Console/colored(_:_:)`` marks its
/// own colour codes so they alone survive.
public enum TerminalText {
  /// Private-use scalars that stand for ESC in the runner's own colour codes until the console
  /// writes them; the same scalars arriving in untrusted text are escaped like any control.
  static let colourStart: Unicode.Scalar = "\u{10FFF0}"
  static let colourEnd: Unicode.Scalar = "\u{10FFF1}"
  /// A per-process secret after each colour mark: text composed from notebook output or a pulled
  /// result cannot know it, so it cannot forge a mark the console would honour.
  static let colourNonce: String = String(UInt64.random(in: .min ... .max), radix: 36)

  /// `text` with C0 controls other than newline and tab, DEL, C1 controls and bidirectional
  /// formatting characters written as `\u{1b}`-style escapes.
  public static func escape(_ text: String) -> String {
    render(text, keepingColour: false)
  }

  /// A colour code made by ``Console/colored(_:_:)``: SGR `code` around already escaped `text`.
  static func coloured(_ text: String, code: Int) -> String {
    var out = String(colourStart) + colourNonce + "\(code)" + String(colourEnd)
    out += escape(text)
    out += String(colourStart) + colourNonce + "0" + String(colourEnd)
    return out
  }

  /// What the console writes: untrusted controls escaped, the runner's colour marks turned into
  /// real SGR sequences when `keepingColour`.
  static func render(_ text: String, keepingColour: Bool) -> String {
    guard text.unicodeScalars.contains(where: needsWork) else { return text }
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      if keepingColour, scalar == colourStart, let code = colourCode(&scalars) {
        out.append(contentsOf: "\u{1B}[\(code)m".unicodeScalars)
      } else if isUnsafe(scalar) || scalar == colourStart || scalar == colourEnd {
        out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// The digits after a colour mark and its nonce up to its end mark, consumed; nil (nothing
  /// consumed) when the mark is not followed by the nonce, 1-3 digits and the end mark.
  private static func colourCode(_ scalars: inout Substring.UnicodeScalarView) -> String? {
    var digits = ""
    guard scalars.starts(with: colourNonce.unicodeScalars) else { return nil }
    var rest = scalars.dropFirst(colourNonce.unicodeScalars.count)
    while let next = rest.popFirst() {
      if next == colourEnd, !digits.isEmpty {
        scalars = rest
        return digits
      }
      guard ("0"..."9").contains(next), digits.count < 3 else { return nil }
      digits.unicodeScalars.append(next)
    }
    return nil
  }

  private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
    isUnsafe(scalar) || scalar == colourStart || scalar == colourEnd
  }

  /// Controls that act on a terminal, and the bidirectional overrides and isolates that make
  /// text display in an order other than the one it has.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return false
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: return true
    default: return false
    }
  }
}
