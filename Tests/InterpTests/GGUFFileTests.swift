import Foundation
import Testing

@testable import Interp

@Suite("GGUFFile")
struct GGUFFileTests {
  @Test("reads metadata of every value type and the alignment from general.alignment")
  func readsMetadata() throws {
    let file = try GGUFFile(contentsOf: GGUFTestSupport.fixtures.appendingPathComponent("types.gguf"))
    #expect(file.version == 3)
    #expect(file.alignment == 64)
    #expect(file.metadata["t.u8"] == .uint8(200))
    #expect(file.metadata["t.i8"] == .int8(-100))
    #expect(file.metadata["t.u16"] == .uint16(60000))
    #expect(file.metadata["t.i16"] == .int16(-30000))
    #expect(file.metadata["t.u32"] == .uint32(4_000_000_000))
    #expect(file.metadata["t.i32"] == .int32(-2_000_000_000))
    #expect(file.metadata["t.f32"] == .float32(1.5))
    #expect(file.metadata["t.bool"] == .bool(true))
    #expect(file.metadata["t.str"] == .string("héllo 😀"))
    #expect(file.metadata["t.arr"] == .array([.string("a"), .string("b")]))
    #expect(file.metadata["t.u64"] == .uint64(1 << 40))
    #expect(file.metadata["t.i64"] == .int64(-(1 << 40)))
    #expect(file.metadata["t.f64"] == .float64(0.1))
    #expect(file.metadata["t.nested"]?.array?.count == 2)
    #expect(file.metadata["t.nested"]?.array?[0].array?.compactMap(\.int) == [1, 2])
    #expect(try file.requiredString("general.architecture") == "test")
    #expect(file.tensors.allSatisfy { $0.offset % 64 == 0 })
  }

  @Test("dequantizes F32, F16, BF16, Q8_0, Q4_0 and Q4_1 as the gguf package does")
  func dequantizesEveryType() throws {
    let file = try GGUFFile(contentsOf: GGUFTestSupport.fixtures.appendingPathComponent("types.gguf"))
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: GGUFTestSupport.fixtures.appendingPathComponent("types.json"))) as! [String: [String: Any]]
    #expect(Set(file.tensors.map(\.type)) == Set(GGUFTensorType.allCases))
    for (name, entry) in json {
      let expected = (entry["values"] as! [Double]).map(Float.init)
      let tensor = try file.tensor(name)
      #expect(tensor.shape == entry["shape"] as! [Int], "\(name)")
      let values = tensor.toArray()
      let worst = zip(values, expected).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
      #expect(worst <= 1e-6, "\(name): largest difference \(worst)")
    }
  }

  @Test("rejects every truncation of a valid file with a truncation or bounds error, never a crash")
  func rejectsTruncations() throws {
    let url = GGUFTestSupport.fixtures.appendingPathComponent("types.gguf")
    let bytes = try [UInt8](Data(contentsOf: url))
    let file = try GGUFFile(contentsOf: url)
    // Padding after the last tensor's data may go; nothing before its end may.
    let end = file.dataStart + file.tensors.map { $0.offset + $0.byteCount }.max()!
    for length in Array(stride(from: 0, to: end, by: 7)) + [end - 1] {
      let url = try GGUFTestSupport.write(Array(bytes[0..<length]))
      defer { GGUFTestSupport.remove(url) }
      #expect(throws: GGUFError.self, "length \(length)") { try GGUFFile(contentsOf: url) }
    }
  }

  @Test("names the file and the tensor for a misaligned offset, an absurd shape, an unknown type and data past the end")
  func namesTensorInErrors() throws {
    let data = GGUFBytes.floats([1, 2, 3, 4])
    let cases: [((String, [UInt64], UInt32, UInt64), GGUFError.Reason)] = [
      (("w", [4], 0, 4), .misalignedOffset(offset: 4, alignment: 32)),
      (("w", [1 << 40, 1 << 40], 0, 0), .absurdShape([1 << 40, 1 << 40])),
      (("w", [0], 0, 0), .absurdShape([0])),
      (("w", [33], 2, 0), .absurdShape([33])),
      (("w", [4], 14, 0), .unknownTensorType(14)),
      (("w", [64], 0, 0), .dataOutOfBounds(offset: 0, bytes: 256, available: 16)),
    ]
    for ((name, dims, type, offset), reason) in cases {
      let url = try GGUFTestSupport.write(GGUFBytes.file(tensors: [(name, dims, type, offset)], data: data))
      defer { GGUFTestSupport.remove(url) }
      do {
        _ = try GGUFFile(contentsOf: url)
        Issue.record("accepted \(dims) type \(type) offset \(offset)")
      } catch let error as GGUFError {
        #expect(error.reason == reason)
        #expect(error.tensor == name)
        #expect(error.description.contains(url.path) && error.description.contains("tensor 'w'"))
      }
    }
  }

  @Test("rejects a bad magic, an unknown version, an unknown value type and a non-power-of-two alignment")
  func rejectsBadHeaderAndMetadata() throws {
    func reason(_ bytes: [UInt8]) throws -> GGUFError.Reason? {
      let url = try GGUFTestSupport.write(bytes)
      defer { GGUFTestSupport.remove(url) }
      do { _ = try GGUFFile(contentsOf: url) } catch let error as GGUFError { return error.reason }
      return nil
    }
    var wrongMagic = GGUFBytes.file(tensors: [], data: [])
    wrongMagic[0] = 0x47 + 1
    #expect(try reason(wrongMagic) == .notGGUF)
    #expect(try reason(GGUFBytes.file(tensors: [], data: [], version: 7)) == .unsupportedVersion(7))
    #expect(try reason(GGUFBytes.file(keys: [("k", 99, [0])], tensors: [], data: [])) == .unknownValueType(99))
    #expect(try reason(GGUFBytes.file(keys: [("general.alignment", 4, [24, 0, 0, 0])], tensors: [], data: [])) == .invalidAlignment(24))
    var hugeArray = GGUFBytes()
    hugeArray.u32(4)
    hugeArray.u64(1 << 60)
    #expect(try reason(GGUFBytes.file(keys: [("k", 9, hugeArray.bytes)], tensors: [], data: [])) == .absurdCount(1 << 60))
    let twice = GGUFBytes.file(tensors: [("w", [4], 0, 0), ("w", [4], 0, 0)], data: GGUFBytes.floats([1, 2, 3, 4]))
    #expect(try reason(twice) == .duplicateTensor)
  }

  @Test("reads a 3-D tensor with ggml's axis order reversed to row-major")
  func readsRowMajorShape() throws {
    let values: [Float] = (0..<24).map(Float.init)
    let url = try GGUFTestSupport.write(GGUFBytes.file(tensors: [("w", [4, 3, 2], 0, 0)], data: GGUFBytes.floats(values)))
    defer { GGUFTestSupport.remove(url) }
    let tensor = try GGUFFile(contentsOf: url).tensor("w")
    #expect(tensor.shape == [2, 3, 4])
    #expect(tensor.scalar(at: [1, 2, 3]) == 23)
    #expect(tensor.scalar(at: [0, 1, 0]) == 4)
  }

  @Test("survives mutated files: every outcome is a file or a GGUFError (GGUF_FUZZ_COUNT sets the count)")
  func survivesFuzzing() throws {
    let count = ProcessInfo.processInfo.environment["GGUF_FUZZ_COUNT"].flatMap(Int.init) ?? 300
    let original = try [UInt8](Data(contentsOf: GGUFTestSupport.fixtures.appendingPathComponent("types.gguf")))
    var rng = Xoshiro256(seed: 2026)
    var (opened, rejected) = (0, 0)
    for _ in 0..<count {
      var bytes = original
      let edits = 1 + Int(rng.next() % 4)
      for _ in 0..<edits {
        let at = Int(rng.next() % UInt64(bytes.count))
        switch rng.next() % 5 {
        case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
        case 1: bytes[at] ^= 1 << UInt8(rng.next() % 8)
        case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(rng.next() % 16)))
        case 3: bytes.insert(contentsOf: (0..<(1 + rng.next() % 8)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
        default: bytes = Array(bytes[0..<at])
        }
        if bytes.isEmpty { bytes = [0] }
      }
      let url = try GGUFTestSupport.write(bytes)
      defer { GGUFTestSupport.remove(url) }
      do {
        let file = try GGUFFile(contentsOf: url)
        for info in file.tensors { _ = try file.tensor(info.name) }
        opened += 1
      } catch is GGUFError {
        rejected += 1
      }
    }
    #expect(opened + rejected == count)
    #expect(rejected > 0)
  }
}
