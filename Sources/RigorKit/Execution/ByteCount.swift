/// A size in bytes as people read it: "8 GiB", "16 MiB", "1.5 GiB", "512 bytes".
struct ByteCount: CustomStringConvertible {
  let bytes: Int

  init(_ bytes: Int) { self.bytes = bytes }

  var description: String {
    for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes >= 1 << shift {
      let value = Double(bytes) / Double(1 << shift)
      let rounded = (value * 10).rounded() / 10
      return rounded == rounded.rounded() ? "\(Int(rounded)) \(unit)" : "\(rounded) \(unit)"
    }
    return "\(bytes) bytes"
  }
}
