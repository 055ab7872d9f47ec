/// A named activation site of a ``HookedTransformer``, with TransformerLens's name.
///
/// A hook point is a ``Site`` and, for sites inside a block, the layer. Its ``name`` is the
/// TransformerLens string (`"blocks.0.attn.hook_pattern"`), and ``init(name:)`` parses one back,
/// so code can use either the typed form or the familiar string.
///
/// ```swift
/// let point = HookPoint.attnPattern(0)
/// print(point.name)  // blocks.0.attn.hook_pattern
/// ```
public struct HookPoint: Hashable, Sendable, CustomStringConvertible, Comparable {
  /// The kind of activation, independent of the layer.
  public enum Site: String, CaseIterable, Sendable {
    /// Token embeddings, `[batch, pos, d_model]`.
    case embed = "hook_embed"
    /// Positional embeddings, `[batch, pos, d_model]`.
    case posEmbed = "hook_pos_embed"
    /// The residual stream entering a block, `[batch, pos, d_model]`.
    case residPre = "hook_resid_pre"
    /// LayerNorm output before attention, `[batch, pos, d_model]`.
    case ln1Normalized = "ln1.hook_normalized"
    /// Queries, `[batch, pos, head, d_head]`.
    case attnQ = "attn.hook_q"
    /// Keys, `[batch, pos, kv_head, d_head]` (key-value heads: as many as query heads unless
    /// the model uses grouped-query attention).
    case attnK = "attn.hook_k"
    /// Values, `[batch, pos, kv_head, d_head]`.
    case attnV = "attn.hook_v"
    /// Queries after the rotary embedding, `[batch, pos, head, d_head]` (rotary models only).
    case attnRotQ = "attn.hook_rot_q"
    /// Keys after the rotary embedding, `[batch, pos, kv_head, d_head]` (rotary models only).
    case attnRotK = "attn.hook_rot_k"
    /// Scaled, masked attention scores, `[batch, head, query_pos, key_pos]`.
    case attnScores = "attn.hook_attn_scores"
    /// Attention probabilities, `[batch, head, query_pos, key_pos]`.
    case attnPattern = "attn.hook_pattern"
    /// Pattern-weighted values, `[batch, pos, head, d_head]`.
    case attnZ = "attn.hook_z"
    /// Each head's output in the residual basis (before the bias), `[batch, pos, head, d_model]`.
    case attnResult = "attn.hook_result"
    /// The attention layer's output, `[batch, pos, d_model]`.
    case attnOut = "hook_attn_out"
    /// The residual stream between attention and MLP, `[batch, pos, d_model]`.
    case residMid = "hook_resid_mid"
    /// LayerNorm output before the MLP, `[batch, pos, d_model]`.
    case ln2Normalized = "ln2.hook_normalized"
    /// MLP pre-activations, `[batch, pos, d_mlp]`.
    case mlpPre = "mlp.hook_pre"
    /// The linear (ungated) branch of a gated MLP, `x·W_in`, `[batch, pos, d_mlp]`.
    case mlpPreLinear = "mlp.hook_pre_linear"
    /// MLP activations after the nonlinearity (times the linear branch when gated), `[batch, pos, d_mlp]`.
    case mlpPost = "mlp.hook_post"
    /// The MLP's output, `[batch, pos, d_model]`.
    case mlpOut = "hook_mlp_out"
    /// The residual stream leaving a block, `[batch, pos, d_model]`.
    case residPost = "hook_resid_post"
    /// Final LayerNorm output before the unembedding, `[batch, pos, d_model]`.
    case lnFinalNormalized = "ln_final.hook_normalized"

    /// Whether the site belongs to a block (and so needs a layer).
    public var isPerLayer: Bool {
      switch self {
      case .embed, .posEmbed, .lnFinalNormalized: return false
      default: return true
      }
    }
  }

  /// The kind of activation.
  public let site: Site
  /// The block index for per-layer sites; `nil` for embeddings and the final LayerNorm.
  public let layer: Int?

  /// A hook point at `site` in block `layer` (pass `nil` for sites outside the blocks).
  public init(_ site: Site, layer: Int?) {
    self.site = site
    self.layer = site.isPerLayer ? layer : nil
  }

  /// The TransformerLens name, e.g. `blocks.1.hook_resid_post` or `hook_embed`.
  public var name: String {
    guard let layer else { return site.rawValue }
    return "blocks.\(layer).\(site.rawValue)"
  }

  public var description: String { name }

  /// Orders by layer (embeddings first, final LayerNorm last), then by position in the forward pass.
  public static func < (a: HookPoint, b: HookPoint) -> Bool {
    a.forwardOrder < b.forwardOrder
  }

  var forwardOrder: (Int, Int) {
    let siteIndex = Site.allCases.firstIndex(of: site) ?? 0
    if site == .lnFinalNormalized { return (Int.max, siteIndex) }
    return ((layer ?? -1), siteIndex)
  }
}

extension HookPoint {
  public static let embed = HookPoint(.embed, layer: nil)
  public static let posEmbed = HookPoint(.posEmbed, layer: nil)
  public static let lnFinalNormalized = HookPoint(.lnFinalNormalized, layer: nil)
  public static func residPre(_ layer: Int) -> HookPoint { HookPoint(.residPre, layer: layer) }
  public static func attnQ(_ layer: Int) -> HookPoint { HookPoint(.attnQ, layer: layer) }
  public static func attnK(_ layer: Int) -> HookPoint { HookPoint(.attnK, layer: layer) }
  public static func attnV(_ layer: Int) -> HookPoint { HookPoint(.attnV, layer: layer) }
  public static func attnRotQ(_ layer: Int) -> HookPoint { HookPoint(.attnRotQ, layer: layer) }
  public static func attnRotK(_ layer: Int) -> HookPoint { HookPoint(.attnRotK, layer: layer) }
  public static func mlpPreLinear(_ layer: Int) -> HookPoint { HookPoint(.mlpPreLinear, layer: layer) }
  public static func attnScores(_ layer: Int) -> HookPoint { HookPoint(.attnScores, layer: layer) }
  public static func attnPattern(_ layer: Int) -> HookPoint { HookPoint(.attnPattern, layer: layer) }
  public static func attnZ(_ layer: Int) -> HookPoint { HookPoint(.attnZ, layer: layer) }
  public static func attnResult(_ layer: Int) -> HookPoint { HookPoint(.attnResult, layer: layer) }
  public static func attnOut(_ layer: Int) -> HookPoint { HookPoint(.attnOut, layer: layer) }
  public static func residMid(_ layer: Int) -> HookPoint { HookPoint(.residMid, layer: layer) }
  public static func mlpPre(_ layer: Int) -> HookPoint { HookPoint(.mlpPre, layer: layer) }
  public static func mlpPost(_ layer: Int) -> HookPoint { HookPoint(.mlpPost, layer: layer) }
  public static func mlpOut(_ layer: Int) -> HookPoint { HookPoint(.mlpOut, layer: layer) }
  public static func residPost(_ layer: Int) -> HookPoint { HookPoint(.residPost, layer: layer) }

  /// Parses a TransformerLens name such as `blocks.0.attn.hook_z`; `nil` when it is not one.
  public init?(name: String) {
    if let site = Site(rawValue: name), !site.isPerLayer {
      self.init(site, layer: nil)
      return
    }
    let parts = name.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == "blocks", let layer = Int(parts[1]), layer >= 0,
      let site = Site(rawValue: String(parts[2])), site.isPerLayer
    else { return nil }
    self.init(site, layer: layer)
  }
}
