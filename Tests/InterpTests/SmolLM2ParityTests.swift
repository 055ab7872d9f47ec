import Foundation
import Testing

@testable import Interp

/// SmolLM2-135M-Instruct against Hugging Face transformers (fixtures from Scripts/llama-fixtures.py).
/// Enabled only when the model is installed in the model store.
@Suite("SmolLM2 parity", .enabled(if: GGUFTestSupport.smolLM2 != nil, Comment(rawValue: GGUFTestSupport.smolLM2Missing)))
struct SmolLM2ParityTests {
  static let loadedModel = GGUFTestSupport.smolLM2.map { url in Result { try HookedTransformer(pretrained: url) } }
  static let loadedTokenizer = GGUFTestSupport.smolLM2.map { url in Result { try Tokenizer(pretrained: url) } }
  static var model: HookedTransformer { get throws { try #require(loadedModel).get() } }
  static var tokenizer: Tokenizer { get throws { try #require(loadedTokenizer).get() } }

  static func json(_ name: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(contentsOf: GGUFTestSupport.fixtures.appendingPathComponent(name)))
  }

  static func floats(_ name: String) throws -> [Float] {
    let data = try Data(contentsOf: GGUFTestSupport.fixtures.appendingPathComponent(name))
    return data.withUnsafeBytes { raw in
      (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
    }
  }

  @Test("loads the configuration from the GGUF metadata and finds the file inside a model-store folder")
  func loadsConfiguration() throws {
    let model = try Self.model
    let c = model.config
    #expect(c.layerCount == 30 && c.modelDimension == 576 && c.headCount == 9 && c.keyValueHeadCount == 3)
    #expect(c.mlpDimension == 1536 && c.vocabularySize == 49152 && c.positionalEmbedding == .rotary(base: 100_000))
    #expect(abs(c.normEpsilon - 1e-5) < 1e-9 && c.normalization == .rmsNorm && c.gatedMLP && c.activation == .silu)
    #expect(model.endOfSequenceToken == 2)
    // Tied unembedding: W_U is W_Eᵀ.
    #expect(model.W_U.shape == [576, 49152] && model.W_U.scalar(at: [5, 77]) == model.W_E.scalar(at: [77, 5]))
    let folder = GGUFTestSupport.smolLM2!.deletingLastPathComponent().deletingLastPathComponent()
    #expect(try PretrainedError.locate(folder, ext: "gguf") == GGUFTestSupport.smolLM2!.resolvingSymlinksInPath())
  }

  @Test("logits on 20 prompts match transformers within 1e-3: whole vocabulary at the last position, 1,024 ids at every position")
  func logitsMatchTransformers() throws {
    let model = try Self.model
    let reference = try Self.json("smollm2-logits.json") as! [String: Any]
    let ids = reference["ids"] as! [[Int]]
    let subset = reference["subset"] as! [Int]
    let vocab = reference["vocab"] as! Int
    let last = try Self.floats("smollm2-logits-last.f32")
    let sub = try Self.floats("smollm2-logits-subset.f32")
    #expect(ids.count == 20 && last.count == 20 * vocab)
    var row = 0
    var worst: Float = 0
    for (p, prompt) in ids.enumerated() {
      let logits = try withNoGrad { try model([prompt]) }
      #expect(logits.shape == [1, prompt.count, vocab])
      let values = logits.toArray()
      let lastRow = Array(values[((prompt.count - 1) * vocab)..<(prompt.count * vocab)])
      worst = max(worst, zip(lastRow, last[(p * vocab)..<((p + 1) * vocab)]).map { abs($0 - $1) }.max()!)
      for position in 0..<prompt.count {
        for (j, id) in subset.enumerated() {
          worst = max(worst, abs(values[position * vocab + id] - sub[row * subset.count + j]))
        }
        row += 1
      }
    }
    #expect(row * subset.count == sub.count)
    #expect(worst < 1e-3, "largest difference \(worst)")
  }

  @Test("greedy 32-token continuations equal transformers' generate on 10 prompts")
  func greedyMatchesTransformers() throws {
    let model = try Self.model
    let cases = try Self.json("smollm2-greedy.json") as! [[String: Any]]
    #expect(cases.count == 10)
    for entry in cases {
      let prompt = entry["ids"] as! [Int]
      let expected = entry["continuation"] as! [Int]
      #expect(try model.generate(prompt, maxNewTokens: 32) == expected, "\(entry["prompt"]!)")
    }
  }

  @Test("answers 'The capital of France is' with ' Paris'")
  func capitalOfFrance() throws {
    let (model, tokenizer) = (try Self.model, try Self.tokenizer)
    let next = try model.generate(tokenizer.encode("The capital of France is"), maxNewTokens: 1)
    #expect(tokenizer.decode(next) == " Paris")
  }

  @Test("caching every hook point reproduces the forward pass, and the cache's pieces add up")
  func cacheReproducesForward() throws {
    let model = try Self.model
    let tokens = [[504, 3575, 282, 4649, 314]]
    let plain = try withNoGrad { try model(tokens) }
    let (logits, cache) = try withNoGrad { try model.runWithCache(tokens) }
    #expect((logits - plain).abs().max().item() == 0)
    for layer in 0..<(model.config.layerCount - 1) {
      #expect(try (cache[.residPost(layer)] - cache[.residPre(layer + 1)]).abs().max().item() == 0)
    }
    let layer = 12
    let heads = try cache[.attnResult(layer)].sum(axis: 2)
    #expect(try (heads - cache[.attnOut(layer)]).abs().max().item() < 1e-4)
    #expect(try (cache[.residMid(layer)] + cache[.mlpOut(layer)] - cache[.residPost(layer)]).abs().max().item() < 1e-5)
    let final = try cache[.lnFinalNormalized] * model.lnFinal!.required("w")
    #expect((final.matmul(model.W_U) - logits).abs().max().item() < 1e-3)
  }

  @Test("zero-ablating one head changes the logits; patching a run with its own activations changes nothing")
  func ablationAndSelfPatching() throws {
    let model = try Self.model
    let tokens = [[504, 3575, 282, 4649, 314]]
    let plain = try withNoGrad { try model(tokens) }
    let ablated = try withNoGrad { try model.run(tokens, hooks: [(.attnZ(3), Ablation.zero.hook(.head(4)))]) }
    #expect((ablated - plain).abs().max().item() > 1e-3)
    let (_, cache) = try withNoGrad { try model.runWithCache(tokens, points: [.attnZ(3), .residPre(10)]) }
    let patched = try withNoGrad {
      try model.run(tokens, hooks: [
        (.attnZ(3), { _, _ in try cache[.attnZ(3)] }), (.residPre(10), { _, _ in try cache[.residPre(10)] }),
      ])
    }
    #expect((patched - plain).abs().max().item() == 0)
  }

  @Test("tokenizer ids equal transformers' on 1,000 strings (unicode, emoji, whitespace, digits, code)")
  func tokenizerMatchesTransformers() throws {
    let tokenizer = try Self.tokenizer
    let reference = try Self.json("smollm2-tokenizer.json") as! [String: Any]
    let cases = reference["cases"] as! [[String: Any]]
    #expect(cases.count == 1000)
    var mismatches: [String] = []
    for entry in cases {
      let text = entry["text"] as! String
      if tokenizer.encode(text) != entry["ids"] as! [Int] { mismatches.append(text.debugDescription) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) differ, e.g. \(mismatches.prefix(5))")
    for entry in reference["decode"] as! [[String: Any]] {
      #expect(tokenizer.decode(entry["ids"] as! [Int]) == entry["text"] as! String)
    }
  }

  @Test("llama.cpp's smollm split (digits first) differs from transformers' only around digits")
  func digitSplit() throws {
    let file = try GGUFFile(contentsOf: try #require(GGUFTestSupport.smolLM2))
    let transformers = try Tokenizer(gguf: file)
    let llamaCpp = try Tokenizer(gguf: file, splitDigits: true)
    #expect(transformers.preTokenizerName == "smollm")
    let text = "hello   world  123456"
    #expect(transformers.encode(text) == [28120, 256, 905, 216, 216, 33, 34, 35, 36, 37, 38])
    #expect(llamaCpp.encode(text) == [28120, 256, 905, 256, 33, 34, 35, 36, 37, 38])
    #expect(llamaCpp.encode("hello world") == transformers.encode("hello world"))
  }

  @Test("the chat template writes conversations as transformers' apply_chat_template does")
  func chatTemplate() throws {
    let tokenizer = try Self.tokenizer
    let reference = try Self.json("smollm2-tokenizer.json") as! [String: Any]
    for entry in reference["chat"] as! [[String: Any]] {
      let messages = (entry["messages"] as! [[String: String]]).map { ChatMessage(role: $0["role"]!, content: $0["content"]!) }
      let text = try tokenizer.applyChatTemplate(messages, addGenerationPrompt: entry["add_generation_prompt"] as! Bool)
      #expect(text == entry["text"] as! String)
      #expect(tokenizer.encode(text) == entry["ids"] as! [Int])
    }
  }
}
