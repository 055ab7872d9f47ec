import Foundation
import Testing

@testable import Interp

/// Tiny random Llama and GPT-2 checkpoints written by transformers (Scripts/llama-fixtures-tiny.py).
@Suite("Hugging Face checkpoints")
struct HuggingFaceCheckpointTests {
  static func reference(_ name: String) throws -> (tokens: [[Int]], logits: [Float], shape: [Int]) {
    let url = GGUFTestSupport.fixtures.appendingPathComponent("\(name)/logits.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    return (json["tokens"] as! [[Int]], (json["logits"] as! [Double]).map(Float.init), json["shape"] as! [Int])
  }

  @Test("tiny Llama (grouped-query, untied, rope base 500) and GPT-2 (tied, biases) give transformers' logits within 1e-5", arguments: ["tiny-llama", "tiny-gpt2"])
  func logitsMatchTransformers(name: String) throws {
    let model = try HookedTransformer(pretrained: GGUFTestSupport.fixtures.appendingPathComponent(name))
    let (tokens, expected, shape) = try Self.reference(name)
    let logits = try model(tokens)
    #expect(logits.shape == shape)
    let worst = zip(logits.toArray(), expected).map { abs($0 - $1) }.max()!
    #expect(worst < 1e-5, "\(name): largest difference \(worst)")
    // The last-position shortcut and the key-value cache agree with the full pass.
    let last = try model.lastPositionLogits(tokens)
    #expect((last - HookedTransformer.lastPosition(logits)).abs().max().item() < 1e-5)
  }

  @Test("names the architecture when config.json describes one Interp does not build")
  func rejectsUnknownArchitecture() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(#"{"model_type": "mamba"}"#.utf8).write(to: folder.appendingPathComponent("config.json"))
    try FileManager.default.copyItem(
      at: GGUFTestSupport.fixtures.appendingPathComponent("tiny-llama/model.safetensors"),
      to: folder.appendingPathComponent("model.safetensors"))
    #expect(throws: PretrainedError.unsupportedArchitecture(file: folder.appendingPathComponent("config.json"), architecture: "mamba")) {
      try HookedTransformer(pretrained: folder)
    }
  }

  @Test("a folder with two GGUF files is ambiguous and says which files it found")
  func rejectsAmbiguousFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gguf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["a.gguf", "b.gguf"] {
      try FileManager.default.copyItem(at: GGUFTestSupport.fixtures.appendingPathComponent("types.gguf"), to: folder.appendingPathComponent(name))
    }
    #expect(throws: PretrainedError.severalModelFiles(folder: folder, files: ["a.gguf", "b.gguf"])) {
      try HookedTransformer(pretrained: folder)
    }
    #expect(throws: PretrainedError.unsupportedArchitecture(file: folder.appendingPathComponent("a.gguf"), architecture: "test")) {
      try HookedTransformer(pretrained: folder.appendingPathComponent("a.gguf"))
    }
  }
}
