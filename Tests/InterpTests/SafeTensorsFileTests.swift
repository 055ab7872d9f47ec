import Foundation
import Testing

@testable import Interp

/// Every dtype of the format, reading by name, and malformed headers naming the tensor.
@Suite struct SafeTensorsFileTests {
  typealias S = CoreTestSupport

  /// A file with one tensor per dtype written by numpy, and the expected values as JSON.
  static func numpyFile() throws -> (url: URL, expected: [String: Any]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("interp-\(UUID().uuidString).safetensors")
    let json = try S.python(
      """
      import json, struct, sys
      import numpy as np
      path = sys.stdin.read().strip()
      i64 = np.array([[0, 1, 511], [-5, 2**40 + 3, -(2**62)]], dtype="<i8")
      blobs = [
          ("f64", "F64", np.array([1.5, -2.25e-3], dtype="<f8")),
          ("f32", "F32", np.array([3.0, -0.125], dtype="<f4")),
          ("f16", "F16", np.array([0.5, -65504.0, 6e-8], dtype="<f2")),
          ("bf16", "BF16", (np.array([1.0, -3.140625], dtype="<f4").view("<u4") >> 16).astype("<u2")),
          ("f8e5m2", "F8_E5M2", (np.array([1.5, -0.0625, 57344.0], dtype="<f2").view("<u2") >> 8).astype("u1")),
          ("f8e4m3", "F8_E4M3", np.array([0x38, 0xC4, 0x7E, 0x01], dtype="u1")),
          ("i64", "I64", i64),
          ("i32", "I32", np.array([-(2**31), 2**31 - 1], dtype="<i4")),
          ("i16", "I16", np.array([-32768, 7], dtype="<i2")),
          ("i8", "I8", np.array([-128, 127], dtype="i1")),
          ("u64", "U64", np.array([2**53], dtype="<u8")),
          ("u32", "U32", np.array([4294967295], dtype="<u4")),
          ("u16", "U16", np.array([65535], dtype="<u2")),
          ("u8", "U8", np.array([0, 255], dtype="u1")),
          ("bool", "BOOL", np.array([True, False, True], dtype="?")),
          ("empty", "F32", np.zeros((0, 3), dtype="<f4")),
      ]
      header, data = {}, b""
      for name, dt, arr in blobs:
          b = arr.tobytes()
          header[name] = {"dtype": dt, "shape": list(arr.shape), "data_offsets": [len(data), len(data) + len(b)]}
          data += b
      hb = json.dumps(header).encode()
      open(path, "wb").write(struct.pack("<Q", len(hb)) + hb + data)
      print(json.dumps({"i64": i64.ravel().tolist()}))
      """, input: url.path)
    return (url, try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any])
  }

  @Test func everyDTypeConvertsToFloat() throws {
    let (url, _) = try Self.numpyFile()
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try SafeTensorsFile(contentsOf: url)
    #expect(Set(file.entries.values.map(\.dtype)) == Set(SafeTensors.DType.allCases))
    #expect(try file.tensor("f64").toArray() == [1.5, Float(-2.25e-3)])
    #expect(try file.tensor("f32").toArray() == [3, -0.125])
    let half = try file.tensor("f16").toArray()
    #expect(half[0] == 0.5 && half[1] == -65504 && Swift.abs(half[2] - 5.96e-8) < 1e-9)
    #expect(try file.tensor("bf16").toArray() == [1, -3.140625])
    #expect(try file.tensor("f8e5m2").toArray() == [1.5, -0.0625, 57344])
    // E4M3: 0x38 = 1.0, 0xC4 = -3.0 (exponent 8, mantissa 4/8), 0x7E = 448 (largest), 0x01 = 2⁻⁹.
    #expect(try file.tensor("f8e4m3").toArray() == [1, -3, 448, 0x1p-9])
    #expect(try file.tensor("i32").toArray() == [-2_147_483_648, 2_147_483_647])
    #expect(try file.tensor("i16").toArray() == [-32768, 7])
    #expect(try file.tensor("i8").toArray() == [-128, 127])
    #expect(try file.tensor("u64").toArray() == [9_007_199_254_740_992])
    #expect(try file.tensor("u16").toArray() == [65535])
    #expect(try file.tensor("u8").toArray() == [0, 255])
    #expect(try file.tensor("bool").toArray() == [1, 0, 1])
    #expect(try file.tensor("empty").shape == [0, 3])
    #expect(try file.tensor("i64").shape == [2, 3])
    #expect(try SafeTensors.read(from: url).count == 16)
  }

  @Test func integerTensorsReadExactly() throws {
    let (url, expected) = try Self.numpyFile()
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try SafeTensorsFile(contentsOf: url)
    // 2⁴⁰ + 3 and -2⁶² are not representable as Float; the integer reader keeps them.
    #expect(try file.integers("i64") == (expected["i64"] as! [NSNumber]).map(\.int64Value))
    #expect(try file.integers("u32") == [4_294_967_295])
    #expect(try file.integers("bool") == [1, 0, 1])
    #expect(throws: SafeTensorsError(path: url.path, reason: .notInteger(tensor: "f32", dtype: "F32"))) {
      try file.integers("f32")
    }
    #expect(throws: SafeTensorsError(path: url.path, reason: .missingTensor("nope"))) { try file.tensor("nope") }
  }

  @Test func tensorsCanBeSkippedByEntry() throws {
    let (url, _) = try Self.numpyFile()
    defer { try? FileManager.default.removeItem(at: url) }
    let floats = try SafeTensorsFile(contentsOf: url).tensors(where: { !$0.dtype.isInteger })
    #expect(floats.keys.sorted() == ["bf16", "empty", "f16", "f32", "f64", "f8e4m3", "f8e5m2"])
  }

  /// The reason a file with `header` and `data` is rejected, or `nil` when it is accepted.
  private func reason(_ header: String, data: [UInt8] = []) -> SafeTensorsError.Reason? {
    var bytes: [UInt8] = []
    withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes += $0 }
    do {
      _ = try SafeTensorsFile(data: Data(bytes + Array(header.utf8) + data), path: "bad.safetensors")
      return nil
    } catch let error as SafeTensorsError {
      #expect(error.path == "bad.safetensors")
      return error.reason
    } catch {
      Issue.record("unexpected error type \(error)")
      return nil
    }
  }

  @Test func absurdShapesAreRejectedNamingTheTensor() {
    let huge = #"{"w":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,4]}}"#
    #expect(reason(huge, data: [0, 0, 0, 0]) == .absurdShape(tensor: "w", shape: [4_294_967_296, 4_294_967_296, 16]))
    let wide = #"{"w":{"dtype":"F64","shape":[2305843009213693952],"data_offsets":[0,8]}}"#
    #expect(reason(wide, data: Array(repeating: 0, count: 8)) == .absurdShape(tensor: "w", shape: [2_305_843_009_213_693_952]))
    if case .invalidEntry(let tensor, _) = reason(#"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}"#) {
      #expect(tensor == "w")
    } else {
      Issue.record("a negative size must be an invalid entry")
    }
    if case .invalidEntry("w", _) = reason(#"{"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]) {
    } else {
      Issue.record("a fractional size must be an invalid entry")
    }
  }

  @Test func malformedEntriesNameTheTensor() {
    if case .invalidEntry("a", _) = reason(#"{"a":{"shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]) {
    } else {
      Issue.record("a missing dtype must be an invalid entry")
    }
    if case .invalidEntry("a", _) = reason(#"{"a":[1,2]}"#) {} else { Issue.record("a non-object entry") }
    if case .badOffsets("a", _) = reason(#"{"a":{"dtype":"U8","shape":[1],"data_offsets":["0",1]}}"#, data: [0]) {
    } else {
      Issue.record("string offsets must be bad offsets")
    }
    if case .badOffsets("a", _) = reason(#"{"a":{"dtype":"U8","shape":[1],"data_offsets":[1,0]}}"#, data: [0]) {
    } else {
      Issue.record("reversed offsets must be bad offsets")
    }
    if case .badOffsets("a", _) = reason(#"{"a":{"dtype":"I64","shape":[1],"data_offsets":[0,9223372036854775807]}}"#) {
    } else {
      Issue.record("offsets past the end must be bad offsets")
    }
    #expect(reason(#"{"a":{"dtype":"I4","shape":[1],"data_offsets":[0,1]}}"#, data: [0]) == .unsupportedDType(tensor: "a", dtype: "I4"))
    if case .invalidHeader = reason("[1, 2]") {} else { Issue.record("a non-object header") }
    if case .invalidHeader = reason(#"{"__metadata__":{"k":1}}"#) {} else { Issue.record("non-string metadata") }
  }

  @Test func errorsDescribeFileAndTensor() {
    let error = SafeTensorsError(path: "/m/model.safetensors", reason: .absurdShape(tensor: "w", shape: [1 << 40, 1 << 40]))
    #expect(error.description == "safetensors: /m/model.safetensors: tensor 'w': shape [1099511627776, 1099511627776] is too large to address")
    let entry = SafeTensorsError(path: "x.safetensors", reason: .invalidEntry(tensor: "b", detail: "needs a string dtype"))
    #expect(entry.description == "safetensors: x.safetensors: tensor 'b': invalid header entry: needs a string dtype")
  }
}
