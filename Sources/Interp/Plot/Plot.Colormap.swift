extension Plot {
  /// A continuous map from [0, 1] to colours, interpolated linearly in sRGB between anchors.
  public struct Colormap: Sendable, Hashable {
    /// A short name, written into the SVG's description.
    public var name: String
    /// Evenly spaced colours from t = 0 to t = 1 (at least two).
    public var anchors: [Color]
    /// True when the middle of the map means zero: the value range is made symmetric.
    public var isDiverging: Bool

    /// Creates a colormap from at least two evenly spaced anchors.
    public init(name: String, anchors: [Color], isDiverging: Bool) {
      self.name = name
      self.anchors = anchors.count >= 2 ? anchors : (anchors + [Color.black, Color.black])
      self.isDiverging = isDiverging
    }

    /// The colour at `t`, clamped to [0, 1]; NaN gives the first anchor.
    public func color(at t: Double) -> Color {
      let t = t.isNaN ? 0 : min(max(t, 0), 1)
      let position = t * Double(anchors.count - 1)
      let index = min(Int(position), anchors.count - 2)
      return anchors[index].mixed(with: anchors[index + 1], position - Double(index))
    }

    /// Viridis (van der Walt & Smith, matplotlib 2.0 default, CC0): perceptually uniform and
    /// readable in grey scale, for sequential data. 33 anchors, every 8th entry of the
    /// published 256-entry table plus the last; linear interpolation between them stays
    /// within 2/255 of the full table.
    public static let viridis = Colormap(
      name: "viridis",
      anchors: [
        0x440154, 0x470D60, 0x48186A, 0x482374, 0x472D7B, 0x453781, 0x424086, 0x3E4989,
        0x3B528B, 0x375B8D, 0x33638D, 0x2F6B8E, 0x2C728E, 0x297A8E, 0x26828E, 0x23898E,
        0x21918C, 0x1F988B, 0x1FA088, 0x22A785, 0x28AE80, 0x32B67A, 0x3FBC73, 0x4EC36B,
        0x5EC962, 0x70CF57, 0x84D44B, 0x98D83E, 0xADDC30, 0xC2DF23, 0xD8E219, 0xECE51B,
        0xFDE725,
      ].map { Color(hex: $0) },
      isDiverging: false)

    /// Blue–white–red for signed data (ColorBrewer RdBu, 11 classes, Brewer 2003, reversed
    /// so negative is blue): white is exactly zero when the range is symmetric.
    public static let diverging = Colormap(
      name: "blue-white-red",
      anchors: [
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582,
        0xD6604D, 0xB2182B, 0x67001F,
      ].map { Color(hex: $0) },
      isDiverging: true)
  }
}
