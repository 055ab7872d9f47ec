import Foundation

/// Loading Hugging Face checkpoints (`config.json` and `model.safetensors`) of the Llama and GPT-2 families.
extension HookedTransformer {
  /// A model from a folder written by transformers' `save_pretrained` (fp32, bf16 or fp16 safetensors).
  ///
  /// Llama (`model_type` `llama`: RMSNorm, rotary, grouped-query attention, SwiGLU) and GPT-2
  /// (`gpt2`: LayerNorm, learned positions, GELU with the tanh approximation, biases) become
  /// ``HookedTransformer`` configurations with TransformerLens's weight layout; weights are frozen.
  ///
  /// - Throws: ``PretrainedError`` for a missing file or an unsupported architecture,
  ///   ``SafeTensorsError`` for a malformed or incomplete weights file.
  public convenience init(huggingFace folder: URL) throws {
    let configURL = folder.appendingPathComponent("config.json")
    let data: Data
    do { data = try Data(contentsOf: configURL) } catch { throw PretrainedError.notFound(configURL) }
    guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw PretrainedError.unsupportedFeature(file: configURL, feature: "a config.json that is not a JSON object")
    }
    let weights = try SafeTensorsFile(contentsOf: PretrainedError.locate(folder, ext: "safetensors"))
    func int(_ key: String) throws -> Int {
      guard let value = json[key] as? Int else {
        throw PretrainedError.unsupportedFeature(file: configURL, feature: "a config without an integer '\(key)'")
      }
      return value
    }
    func double(_ key: String, _ fallback: Double) -> Double { (json[key] as? NSNumber)?.doubleValue ?? fallback }
    func frozen(_ tensors: [(String, Tensor)], _ norm: (TransformerConfig.Normalization, Float) = (.layerNorm, 1e-5)) -> TransformerWeights {
      TransformerWeights(tensors, trainable: false, normalization: norm)
    }
    func tensor(_ name: String, _ shape: [Int]) throws -> Tensor {
      let value = try weights.tensor(name)
      guard value.shape == shape else {
        throw PretrainedError.unsupportedFeature(file: configURL, feature: "tensor '\(name)' of shape \(value.shape) (expected \(shape))")
      }
      return value
    }
    /// TransformerLens's [head, d_model, d_head] as a view of one [d_model, head·d_head] matrix.
    func heads(_ columns: Tensor, _ count: Int, _ width: Int) -> Tensor {
      columns.contiguous().reshaped([columns.shape[0], count, width]).permuted([1, 0, 2])
    }
    let modelType = json["model_type"] as? String ?? "?"
    switch modelType {
    case "llama":
      let (d, h, layers) = (try int("hidden_size"), try int("num_attention_heads"), try int("num_hidden_layers"))
      let kv = json["num_key_value_heads"] as? Int ?? h
      let e = json["head_dim"] as? Int ?? d / h
      let m = try int("intermediate_size")
      let v = try int("vocab_size")
      let ropeParameters = json["rope_parameters"] as? [String: Any]
      if let type = ropeParameters?["rope_type"] as? String, type != "default" {
        throw PretrainedError.unsupportedFeature(file: configURL, feature: "rope_type '\(type)'")
      }
      let base = Float((ropeParameters?["rope_theta"] as? NSNumber)?.doubleValue ?? double("rope_theta", 10_000))
      let eps = Float(double("rms_norm_eps", 1e-6))
      let config = TransformerConfig(
        vocabularySize: v, contextLength: try int("max_position_embeddings"), modelDimension: d, headCount: h,
        headDimension: e, mlpDimension: m, layerCount: layers, activation: .silu, normalization: .rmsNorm,
        normEpsilon: eps, positionalEmbedding: .rotary(base: base), keyValueHeadCount: kv, gatedMLP: true)
      if let problem = config.validationProblem() { throw TransformerError.invalidConfig(problem) }
      let norm = (TransformerConfig.Normalization.rmsNorm, eps)
      var blocks: [TransformerBlock] = []
      for layer in 0..<layers {
        let p = "model.layers.\(layer)."
        let attn = AttentionLayer(
          W_Q: heads(try tensor(p + "self_attn.q_proj.weight", [h * e, d]).mT, h, e),
          W_K: heads(try tensor(p + "self_attn.k_proj.weight", [kv * e, d]).mT, kv, e),
          W_V: heads(try tensor(p + "self_attn.v_proj.weight", [kv * e, d]).mT, kv, e),
          W_O: try tensor(p + "self_attn.o_proj.weight", [d, h * e]).mT.contiguous().reshaped([h, e, d]),
          b_Q: Tensor.zeros([h, e]), b_K: Tensor.zeros([kv, e]), b_V: Tensor.zeros([kv, e]), b_O: Tensor.zeros([d]),
          rotaryBase: base)
        let mlp = TransformerMLP(
          W_in: try tensor(p + "mlp.up_proj.weight", [m, d]).mT, b_in: Tensor.zeros([m]),
          W_gate: try tensor(p + "mlp.gate_proj.weight", [m, d]).mT,
          W_out: try tensor(p + "mlp.down_proj.weight", [d, m]).mT, b_out: Tensor.zeros([d]), activation: .silu)
        blocks.append(TransformerBlock(
          layer: layer, ln1: frozen([("w", try tensor(p + "input_layernorm.weight", [d]))], norm), attn: attn,
          ln2: frozen([("w", try tensor(p + "post_attention_layernorm.weight", [d]))], norm), mlp: mlp))
      }
      let embedding = try tensor("model.embed_tokens.weight", [v, d])
      let output = weights.entries["lm_head.weight"] == nil ? embedding : try tensor("lm_head.weight", [v, d])
      self.init(
        config: config, embed: frozen([("W_E", embedding)]), posEmbed: frozen([]), blocks: blocks,
        lnFinal: frozen([("w", try tensor("model.norm.weight", [d]))], norm),
        unembed: frozen([("W_U", output.mT), ("b_U", Tensor.zeros([v]))]))
      endOfSequenceToken = json["eos_token_id"] as? Int
    case "gpt2":
      let (d, h, layers, v) = (try int("n_embd"), try int("n_head"), try int("n_layer"), try int("vocab_size"))
      let m = json["n_inner"] as? Int ?? 4 * d
      let e = d / h
      let eps = Float(double("layer_norm_epsilon", 1e-5))
      let activation: Activation
      switch json["activation_function"] as? String ?? "gelu_new" {
      case "gelu_new", "gelu_pytorch_tanh": activation = .geluTanh
      case "gelu": activation = .gelu
      case "relu": activation = .relu
      case let other: throw PretrainedError.unsupportedFeature(file: configURL, feature: "activation '\(other)'")
      }
      let config = TransformerConfig(
        vocabularySize: v, contextLength: try int("n_positions"), modelDimension: d, headCount: h, headDimension: e,
        mlpDimension: m, layerCount: layers, activation: activation, normEpsilon: eps)
      if let problem = config.validationProblem() { throw TransformerError.invalidConfig(problem) }
      func layerNorm(_ prefix: String) throws -> TransformerWeights {
        frozen([("w", try tensor(prefix + ".weight", [d])), ("b", try tensor(prefix + ".bias", [d]))], (.layerNorm, eps))
      }
      var blocks: [TransformerBlock] = []
      for layer in 0..<layers {
        let p = "transformer.h.\(layer)."
        // GPT-2's Conv1D weights are [in, out]: x·W + b, so its columns are already TransformerLens's.
        let qkv = try tensor(p + "attn.c_attn.weight", [d, 3 * d])
        let qkvBias = try tensor(p + "attn.c_attn.bias", [3 * d])
        func part(_ i: Int) -> (Tensor, Tensor) {
          (heads(qkv.slice(axis: 1, (i * d)..<((i + 1) * d)), h, e), qkvBias.slice(axis: 0, (i * d)..<((i + 1) * d)).contiguous().reshaped([h, e]))
        }
        let ((wq, bq), (wk, bk), (wv, bv)) = (part(0), part(1), part(2))
        let attn = AttentionLayer(
          W_Q: wq, W_K: wk, W_V: wv, W_O: try tensor(p + "attn.c_proj.weight", [d, d]).reshaped([h, e, d]),
          b_Q: bq, b_K: bk, b_V: bv, b_O: try tensor(p + "attn.c_proj.bias", [d]), rotaryBase: nil)
        let mlp = TransformerMLP(
          W_in: try tensor(p + "mlp.c_fc.weight", [d, m]), b_in: try tensor(p + "mlp.c_fc.bias", [m]), W_gate: nil,
          W_out: try tensor(p + "mlp.c_proj.weight", [m, d]), b_out: try tensor(p + "mlp.c_proj.bias", [d]),
          activation: activation)
        blocks.append(TransformerBlock(layer: layer, ln1: try layerNorm(p + "ln_1"), attn: attn, ln2: try layerNorm(p + "ln_2"), mlp: mlp))
      }
      let embedding = try tensor("transformer.wte.weight", [v, d])
      let output = weights.entries["lm_head.weight"] == nil ? embedding : try tensor("lm_head.weight", [v, d])
      self.init(
        config: config, embed: frozen([("W_E", embedding)]),
        posEmbed: frozen([("W_pos", try tensor("transformer.wpe.weight", [config.contextLength, d]))]), blocks: blocks,
        lnFinal: try layerNorm("transformer.ln_f"), unembed: frozen([("W_U", output.mT), ("b_U", Tensor.zeros([v]))]))
      endOfSequenceToken = json["eos_token_id"] as? Int
    default:
      throw PretrainedError.unsupportedArchitecture(file: configURL, architecture: modelType)
    }
  }
}
