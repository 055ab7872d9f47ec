extension Plot {
  /// An opaque sRGB colour.
  public struct Color: Sendable, Hashable {
    /// The red channel, 0–255.
    public var red: UInt8
    /// The green channel, 0–255.
    public var green: UInt8
    /// The blue channel, 0–255.
    public var blue: UInt8

    /// Creates a colour from 8-bit sRGB channels.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
      self.red = red
      self.green = green
      self.blue = blue
    }

    /// Creates a colour from a 24-bit `0xRRGGBB` value.
    public init(hex: UInt32) {
      self.init(
        red: UInt8(truncatingIfNeeded: hex >> 16), green: UInt8(truncatingIfNeeded: hex >> 8),
        blue: UInt8(truncatingIfNeeded: hex))
    }

    /// The colour as written in SVG: `#rrggbb`, lower case.
    public var hex: String {
      let digits = Array("0123456789abcdef")
      var text = "#"
      for channel in [red, green, blue] {
        text.append(digits[Int(channel >> 4)])
        text.append(digits[Int(channel & 0xF)])
      }
      return text
    }

    /// The colour a fraction `t` of the way from `self` to `other` (sRGB, clamped to [0, 1]).
    public func mixed(with other: Color, _ t: Double) -> Color {
      let t = t.isNaN ? 0 : min(max(t, 0), 1)
      func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
        UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
      }
      return Color(
        red: channel(red, other.red), green: channel(green, other.green),
        blue: channel(blue, other.blue))
    }

    /// Series colours, safe for colour-blind readers: the Okabe–Ito palette (Okabe & Ito
    /// 2008), ordered so the first few are the most distinct on white, yellow last.
    public static let palette: [Color] = [
      0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000, 0xF0E442,
    ].map { Color(hex: $0) }

    /// The `index`-th palette colour, cycling.
    public static func palette(_ index: Int) -> Color {
      palette[((index % palette.count) + palette.count) % palette.count]
    }

    static let black = Color(hex: 0x000000)
    static let axis = Color(hex: 0x333333)
    static let grid = Color(hex: 0xE5E5E5)
    static let note = Color(hex: 0x777777)
    static let missing = Color(hex: 0xBDBDBD)
  }
}
