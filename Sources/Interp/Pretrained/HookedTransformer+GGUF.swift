import Foundation

/// Loading Llama-family checkpoints from GGUF files.
extension HookedTransformer {
  /// A pretrained model from a GGUF file, or from a folder (a model-store entry) holding exactly one.
  ///
  /// The Llama family (SmolLM2, Llama 2/3, TinyLlama, …) becomes a ``HookedTransformer`` with
  /// RMSNorm, rotary embeddings, grouped-query attention and a SwiGLU MLP, so every hook,
  /// cache and intervention works on it. Weights are dequantized to fp32 and frozen (no
  /// gradients flow into them; gradients with respect to activations still do). Queries and
  /// keys are returned to Hugging Face's layout (GGUF permutes their rows for llama.cpp's
  /// interleaved rotary form), so `hook_q`/`hook_k` match transformers and TransformerLens.
  ///
  /// ```swift
  /// let model = try HookedTransformer(pretrained: try checkpoint("smollm2-135m-instruct"))
  /// let logits = try model([[504, 3575, 282, 4649, 314]])   // "The capital of France is"
  /// ```
  ///
  /// - Throws: ``PretrainedError`` for a missing or ambiguous file or an unsupported
  ///   architecture, ``GGUFError`` for a malformed file or missing tensors.
  ///
  /// A folder without a GGUF file but with Hugging Face's `config.json` and `model.safetensors`
  /// (Llama or GPT-2) loads through ``init(huggingFace:)``.
  public convenience init(pretrained url: URL) throws {
    var isFolder: ObjCBool = false
    let config = url.appendingPathComponent("config.json")
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue,
      FileManager.default.fileExists(atPath: config.path),
      (try? PretrainedError.locate(url, ext: "gguf")) == nil
    {
      try self.init(huggingFace: url)
      return
    }
    try self.init(gguf: GGUFFile(contentsOf: PretrainedError.locate(url, ext: "gguf")))
  }

  /// A pretrained Llama-family model from an opened GGUF file.
  public convenience init(gguf file: GGUFFile) throws {
    let architecture = try file.requiredString("general.architecture")
    guard architecture == "llama" else {
      throw PretrainedError.unsupportedArchitecture(file: file.url, architecture: architecture)
    }
    let embedding = try file.tensor("token_embd.weight")
    let a = "llama."
    let d = try file.requiredInt(a + "embedding_length")
    let heads = try file.requiredInt(a + "attention.head_count")
    let kvHeads = try file.metadata[a + "attention.head_count_kv"] == nil ? heads : file.requiredInt(a + "attention.head_count_kv")
    guard heads > 0, d % heads == 0, kvHeads > 0, heads % kvHeads == 0, embedding.rank == 2, embedding.shape[1] == d else {
      throw GGUFError(file: file.url, key: a + "attention.head_count", reason: .invalidValue("\(heads) heads and \(kvHeads) key-value heads do not fit d_model \(d)"))
    }
    let headDim = d / heads
    if let rope = file.metadata[a + "rope.dimension_count"]?.int, rope != headDim {
      throw PretrainedError.unsupportedFeature(file: file.url, feature: "rotary embeddings over \(rope) of \(headDim) head dimensions")
    }
    if file.metadata[a + "rope.scaling.type"] != nil || file.metadata[a + "rope.scaling.factor"] != nil {
      throw PretrainedError.unsupportedFeature(file: file.url, feature: "rotary scaling")
    }
    let base = file.metadata[a + "rope.freq_base"] == nil ? 10_000 : try file.requiredFloat(a + "rope.freq_base")
    let config = TransformerConfig(
      vocabularySize: embedding.shape[0], contextLength: try file.requiredInt(a + "context_length"), modelDimension: d,
      headCount: heads, headDimension: headDim, mlpDimension: try file.requiredInt(a + "feed_forward_length"),
      layerCount: try file.requiredInt(a + "block_count"), activation: .silu, normalization: .rmsNorm,
      normEpsilon: try file.requiredFloat(a + "attention.layer_norm_rms_epsilon"), positionalEmbedding: .rotary(base: base),
      keyValueHeadCount: kvHeads, gatedMLP: true)
    if let problem = config.validationProblem() { throw TransformerError.invalidConfig(problem) }
    let (m, kvWidth) = (config.mlpDimension, kvHeads * headDim)
    func frozen(_ tensors: [(String, Tensor)]) -> TransformerWeights { TransformerWeights(tensors, trainable: false) }
    func norm(_ name: String) throws -> TransformerWeights {
      TransformerWeights([("w", try file.tensor(name, shape: [d]))], trainable: false, normalization: (.rmsNorm, config.normEpsilon))
    }
    var blocks: [TransformerBlock] = []
    for layer in 0..<config.layerCount {
      let p = "blk.\(layer)."
      // TransformerLens's [head, d_model, d_head] weights are views of one [d_model, head·d_head]
      // matrix, so the attention projects all heads with one product and no copy.
      let wq = GGUFLlamaLayout.queryKeyColumns(try file.tensor(p + "attn_q.weight", shape: [d, d]), heads: heads)
      let wk = GGUFLlamaLayout.queryKeyColumns(try file.tensor(p + "attn_k.weight", shape: [kvWidth, d]), heads: kvHeads)
      let wv = try file.tensor(p + "attn_v.weight", shape: [kvWidth, d]).mT.contiguous()
      let wo = try file.tensor(p + "attn_output.weight", shape: [d, d]).mT.contiguous()
      let attn = AttentionLayer(
        W_Q: wq.reshaped([d, heads, headDim]).permuted([1, 0, 2]),
        W_K: wk.reshaped([d, kvHeads, headDim]).permuted([1, 0, 2]),
        W_V: wv.reshaped([d, kvHeads, headDim]).permuted([1, 0, 2]), W_O: wo.reshaped([heads, headDim, d]),
        b_Q: Tensor.zeros([heads, headDim]), b_K: Tensor.zeros([kvHeads, headDim]), b_V: Tensor.zeros([kvHeads, headDim]),
        b_O: Tensor.zeros([d]), rotaryBase: base)
      let mlp = TransformerMLP(
        W_in: try file.tensor(p + "ffn_up.weight", shape: [m, d]).mT, b_in: Tensor.zeros([m]),
        W_gate: try file.tensor(p + "ffn_gate.weight", shape: [m, d]).mT,
        W_out: try file.tensor(p + "ffn_down.weight", shape: [d, m]).mT, b_out: Tensor.zeros([d]), activation: .silu)
      blocks.append(
        TransformerBlock(layer: layer, ln1: try norm(p + "attn_norm.weight"), attn: attn, ln2: try norm(p + "ffn_norm.weight"), mlp: mlp))
    }
    // Without an output matrix the unembedding is tied to the embedding: W_U is a view of W_E.
    let unembedding = file.info("output.weight") == nil ? embedding : try file.tensor("output.weight", shape: embedding.shape)
    self.init(
      config: config, embed: frozen([("W_E", embedding)]), posEmbed: frozen([]), blocks: blocks,
      lnFinal: try norm("output_norm.weight"),
      unembed: frozen([("W_U", unembedding.mT), ("b_U", Tensor.zeros([config.vocabularySize]))]))
    endOfSequenceToken = file.metadata["tokenizer.ggml.eos_token_id"]?.int
  }
}

/// GGUF's storage of Llama query and key weights.
enum GGUFLlamaLayout {
  /// The `[d_model, heads·d_head]` matrix `x·W` of a GGUF query or key weight `[heads·d_head, d_model]`,
  /// with each head's rows returned to Hugging Face's order.
  ///
  /// llama.cpp rotates adjacent pairs `(2i, 2i+1)`, so its converter reorders each head's rows
  /// from Hugging Face's halves `(i, i + d_head/2)`: GGUF row `2i + j` is HF row `j·d_head/2 + i`.
  static func queryKeyColumns(_ weight: Tensor, heads: Int) -> Tensor {
    let (rows, d) = (weight.shape[0], weight.shape[1])
    let headDim = rows / heads
    let half = headDim / 2
    let source = weight.contiguous()
    let out = Tensor(uninitializedShape: [d, rows])
    let (src, dst) = (source.basePointer, out.storage.pointer)
    for h in 0..<heads {
      for i in 0..<half {
        for j in 0..<2 {
          let ggufRow = h * headDim + 2 * i + j
          let hfRow = h * headDim + j * half + i
          for c in 0..<d { dst[c * rows + hfRow] = src[ggufRow * d + c] }
        }
      }
    }
    return out
  }
}
