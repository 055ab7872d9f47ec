/// One query head of one attention layer, as circuit papers name them (`L9H6` is layer 9, head 6).
///
/// With grouped-query attention the head is a *query* head: several query heads share one
/// key-value head, but each has its own pattern, its own slot of `attn.hook_z` and its own
/// rows of `W_O`, so each can be patched or ablated alone.
public struct AttentionHead: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var layer: Int
  public var head: Int

  public init(layer: Int, head: Int) {
    self.layer = layer
    self.head = head
  }

  public var description: String { "L\(layer)H\(head)" }

  public static func < (a: AttentionHead, b: AttentionHead) -> Bool {
    (a.layer, a.head) < (b.layer, b.head)
  }

  /// Every query head of a model with `layers` layers of `heads` heads, layer by layer.
  public static func all(layers: Int, heads: Int) -> [AttentionHead] {
    (0..<layers).flatMap { l in (0..<heads).map { AttentionHead(layer: l, head: $0) } }
  }

  /// The heads of `layers` × `heads` that are not in `kept`, in layer order.
  public static func complement(of kept: some Sequence<AttentionHead>, layers: Int, heads: Int) -> [AttentionHead] {
    let keep = Set(kept)
    return all(layers: layers, heads: heads).filter { !keep.contains($0) }
  }
}
