import Foundation
import Testing

@testable import Interp

/// Mutated files never crash the reader: each is either read whole or rejected with a
/// ``SafeTensorsError``. `RIGOR_FUZZ_COUNT` raises the count (Scripts/fuzz-safetensors runs 10,000).
@Suite struct SafeTensorsFuzzTests {
  /// A valid file holding several dtypes, integer tensors and metadata.
  static func seedFile() throws -> Data {
    var rng = Xoshiro256(seed: 11)
    let floats = try SafeTensors.encode(
      ["a.weight": Tensor.randn([3, 4], using: &rng), "b": Tensor([1, 2]), "scalar": Tensor(7)], metadata: ["format": "pt"])
    // Append integer and half tensors by rewriting the header around the encoded data.
    let length = Int(floats.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
    var header = String(decoding: floats[8..<(8 + length)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
    var data = [UInt8](floats[(8 + length)...])
    for (name, dtype, bytes) in [
      ("position_ids", "I64", (0..<4).flatMap { i in withUnsafeBytes(of: Int64(i).littleEndian, Array.init) }),
      ("mask", "BOOL", [1, 0, 1] as [UInt8]), ("h", "F16", [0x00, 0x3C, 0x00, 0xC0] as [UInt8]),
    ] {
      let count = bytes.count / (dtype == "I64" ? 8 : dtype == "F16" ? 2 : 1)
      header.removeLast()
      header += ",\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":[\(count)],\"data_offsets\":[\(data.count),\(data.count + bytes.count)]}}"
      data += bytes
    }
    var file = Data()
    withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { file.append(contentsOf: $0) }
    file.append(contentsOf: Array(header.utf8) + data)
    return file
  }

  /// One random mutation of `bytes`: byte flips, truncation, a changed length prefix, an edited
  /// number or token in the header, or inserted and deleted runs.
  static func mutate(_ original: [UInt8], _ rng: inout Xoshiro256) -> [UInt8] {
    var bytes = original
    let headerLength = Int(original.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.1) << UInt64(8 * $1.0) })
    let headerRange = 8..<min(8 + headerLength, original.count)
    for _ in 0...rng.nextInt(below: 3) {
      guard !bytes.isEmpty else { break }
      switch rng.nextInt(below: 8) {
      case 0: bytes[rng.nextInt(below: bytes.count)] ^= UInt8(1 << rng.nextInt(below: 8))
      case 1: bytes = Array(bytes.prefix(rng.nextInt(below: bytes.count)))
      case 2 where bytes.count >= 8:
        bytes[rng.nextInt(below: 8)] = UInt8(truncatingIfNeeded: rng.next())
      case 3, 4:
        // Replace a run of digits in the header by another number, often absurd.
        let digits = headerRange.filter { $0 < bytes.count && (48...57).contains(bytes[$0]) }
        guard let at = digits.randomElement(using: &rng) else { break }
        var end = at
        while end < bytes.count && (48...57).contains(bytes[end]) { end += 1 }
        let choices = ["0", "1", "-1", "1.5", "1e400", "18446744073709551616", "9223372036854775807", "4294967296", "\(rng.nextInt(below: 1000))"]
        bytes.replaceSubrange(at..<end, with: Array(choices[rng.nextInt(below: choices.count)].utf8))
      case 5:
        // Replace a header byte by JSON punctuation or a dtype-breaking letter.
        let tokens: [UInt8] = Array("{}[]\":,\\ Z0".utf8)
        let at = headerRange.lowerBound + rng.nextInt(below: max(1, headerRange.count))
        if at < bytes.count { bytes[at] = tokens[rng.nextInt(below: tokens.count)] }
      case 6:
        let at = rng.nextInt(below: bytes.count)
        bytes.insert(contentsOf: (0..<rng.nextInt(below: 9)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
      default:
        let at = rng.nextInt(below: bytes.count)
        bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.nextInt(below: 16)))
      }
    }
    return bytes
  }

  @Test func mutatedFilesAreReadOrRejectedWithoutCrashing() throws {
    let count = ProcessInfo.processInfo.environment["RIGOR_FUZZ_COUNT"].flatMap(Int.init) ?? 600
    let seed = try [UInt8](Self.seedFile())
    let reference = try SafeTensorsFile(data: Data(seed))
    #expect(try reference.integers("position_ids") == [0, 1, 2, 3])
    var rng = Xoshiro256(seed: 2026)
    var (accepted, rejected) = (0, 0)
    for _ in 0..<count {
      let mutated = Self.mutate(seed, &rng)
      do {
        let file = try SafeTensorsFile(data: Data(mutated), path: "fuzz.safetensors")
        for (name, entry) in file.entries {
          let tensor = try file.tensor(name)
          #expect(tensor.shape == entry.shape)
          if entry.dtype.isInteger { #expect(try file.integers(name).count == tensor.count) }
        }
        accepted += 1
      } catch let error as SafeTensorsError {
        #expect(error.path == "fuzz.safetensors")
        rejected += 1
      }
    }
    // Both outcomes occur, so the mutations reach past the first check.
    #expect(accepted > count / 50 && rejected > count / 2)
  }
}
