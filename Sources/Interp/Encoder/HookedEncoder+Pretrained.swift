import Foundation

/// Loading Hugging Face BERT checkpoints (`config.json` and `model.safetensors`).
extension HookedEncoder {
  /// Loads the BERT checkpoint in `url` (a model-store entry or any folder above the model's
  /// files; see ``EncoderCheckpoint``).
  ///
  /// Weights are converted from Hugging Face's `[out, in]` linear layout to TransformerLens's
  /// per-head layout. `embeddings.position_ids` and the pooler are not used; a `bert.` prefix
  /// (as in `BertForMaskedLM`) is accepted.
  ///
  /// - Throws: ``EncoderError`` for a missing or unsupported configuration or a missing or
  ///   misshapen weight (naming the file and tensor), ``SafeTensorsError`` for a malformed file.
  public convenience init(pretrained url: URL) throws {
    let checkpoint = try EncoderCheckpoint(locating: url)
    let config = try EncoderConfig(huggingFace: checkpoint.config)
    try self.init(config, seed: 0)
    try loadHuggingFace(SafeTensorsFile(contentsOf: checkpoint.weights))
  }

  /// Copies the weights of a Hugging Face `BertModel` state from `file` into this model.
  public func loadHuggingFace(_ file: SafeTensorsFile) throws {
    let prefix = file.entries["embeddings.word_embeddings.weight"] == nil && file.entries["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
    let (d, h, e) = (config.modelDimension, config.headCount, config.headDimension)
    func read(_ name: String, _ shape: [Int]) throws -> Tensor {
      guard file.entries[prefix + name] != nil else {
        throw EncoderError(file: file.path, problem: "the checkpoint has no tensor '\(prefix + name)'")
      }
      let tensor = try file.tensor(prefix + name)
      guard tensor.shape == shape else {
        throw EncoderError(
          file: file.path, problem: "tensor '\(prefix + name)' has shape \(tensor.shape); the configuration needs \(shape)")
      }
      return tensor
    }
    // Linear weights are [out, in]; a head's W_Q is the head's column block of the transpose.
    func perHeadIn(_ name: String) throws -> Tensor {
      try read(name, [d, d]).mT.contiguous().reshaped([d, h, e]).permuted([1, 0, 2]).contiguous()
    }
    var state: [String: Tensor] = [
      "embed.W_E": try read("embeddings.word_embeddings.weight", [config.vocabularySize, d]),
      "embed.W_pos": try read("embeddings.position_embeddings.weight", [config.contextLength, d]),
      "embed.W_token_type": try read("embeddings.token_type_embeddings.weight", [config.tokenTypeCount, d]),
      "embed.ln.w": try read("embeddings.LayerNorm.weight", [d]),
      "embed.ln.b": try read("embeddings.LayerNorm.bias", [d]),
    ]
    for layer in 0..<config.layerCount {
      let hf = "encoder.layer.\(layer)."
      let tl = "blocks.\(layer)."
      for (short, long) in [("Q", "query"), ("K", "key"), ("V", "value")] {
        state[tl + "attn.W_\(short)"] = try perHeadIn(hf + "attention.self.\(long).weight")
        state[tl + "attn.b_\(short)"] = try read(hf + "attention.self.\(long).bias", [d]).reshaped([h, e])
      }
      state[tl + "attn.W_O"] = try read(hf + "attention.output.dense.weight", [d, d]).mT.contiguous().reshaped([h, e, d])
      state[tl + "attn.b_O"] = try read(hf + "attention.output.dense.bias", [d])
      state[tl + "ln1.w"] = try read(hf + "attention.output.LayerNorm.weight", [d])
      state[tl + "ln1.b"] = try read(hf + "attention.output.LayerNorm.bias", [d])
      state[tl + "mlp.W_in"] = try read(hf + "intermediate.dense.weight", [config.mlpDimension, d]).mT.contiguous()
      state[tl + "mlp.b_in"] = try read(hf + "intermediate.dense.bias", [config.mlpDimension])
      state[tl + "mlp.W_out"] = try read(hf + "output.dense.weight", [d, config.mlpDimension]).mT.contiguous()
      state[tl + "mlp.b_out"] = try read(hf + "output.dense.bias", [d])
      state[tl + "ln2.w"] = try read(hf + "output.LayerNorm.weight", [d])
      state[tl + "ln2.b"] = try read(hf + "output.LayerNorm.bias", [d])
    }
    try loadStateDict(state, strict: true)
  }
}
