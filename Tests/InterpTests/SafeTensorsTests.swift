import Foundation
import Testing

@testable import Interp

/// Interoperability with a minimal independent Python (numpy) reader and writer.
@Suite struct SafeTensorsTests {
  typealias S = CoreTestSupport

  private func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("interp-\(UUID().uuidString)-\(name)")
  }

  /// Parses the file the way the format's specification describes, prints JSON.
  private let pythonReader = """
    import json, struct, sys
    import numpy as np
    path = sys.stdin.read().strip()
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    out = {"__header_len__": n, "__metadata__": header.pop("__metadata__", {})}
    for name, e in header.items():
        assert e["dtype"] == "F32"
        b, end = e["data_offsets"]
        arr = np.frombuffer(data[b:end], dtype="<f4").reshape(e["shape"])
        out[name] = {"shape": list(arr.shape), "data": arr.astype(np.float64).ravel().tolist()}
    print(json.dumps(out))
    """

  @Test func swiftWrittenFileReadsInPython() throws {
    let url = temporaryFile("w.safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    let a = S.random([2, 3], seed: 1)
    let b = Tensor([1.5, -2, 1e-8])
    let scalar = Tensor(42)
    try SafeTensors.write(["layer.a": a, "b": b, "s": scalar], to: url, metadata: ["format": "pt", "note": "q\"x"])
    let out = try JSONSerialization.jsonObject(with: Data(try S.python(pythonReader, input: url.path).utf8)) as! [String: Any]
    #expect((out["__header_len__"] as! Int) % 8 == 0)
    #expect((out["__metadata__"] as! [String: String]) == ["format": "pt", "note": "q\"x"])
    func tensor(_ key: String) -> Tensor {
      let e = out[key] as! [String: Any]
      return Tensor(shape: e["shape"] as! [Int], scalars: (e["data"] as! [Double]).map { Float($0) })
    }
    #expect(tensor("layer.a").shape == [2, 3])
    #expect(tensor("layer.a").toArray() == a.toArray())
    #expect(tensor("b").toArray() == b.toArray())
    #expect(tensor("s").shape == [] && tensor("s").item() == 42)
  }

  @Test func pythonWrittenFileReadsInSwift() throws {
    let url = temporaryFile("p.safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    // Unsorted names, several dtypes, a metadata block and an unpadded header.
    _ = try S.python(
      """
      import json, struct, sys
      import numpy as np
      path = sys.stdin.read().strip()
      w = np.arange(12, dtype="<f4").reshape(3, 4) / 7
      d = np.array([1.25, -3.5], dtype="<f8")
      h = np.array([0.5, -2.0, 65504.0, 6e-8], dtype="<f2")
      bf = (np.array([1.0, -0.15625], dtype="<f4").view("<u4") >> 16).astype("<u2")
      blobs = [("weight", "F32", w), ("double", "F64", d), ("half", "F16", h), ("brain", "BF16", bf)]
      header, data = {"__metadata__": {"source": "numpy"}}, b""
      for name, dt, arr in blobs:
          b = arr.tobytes()
          header[name] = {"dtype": dt, "shape": list(arr.shape), "data_offsets": [len(data), len(data) + len(b)]}
          data += b
      hb = json.dumps(header).encode()
      open(path, "wb").write(struct.pack("<Q", len(hb)) + hb + data)
      """, input: url.path)
    let (tensors, metadata) = try SafeTensors.readWithMetadata(from: url)
    #expect(metadata == ["source": "numpy"])
    #expect(tensors["weight"]?.shape == [3, 4])
    #expect(tensors["weight"]!.toArray() == (0..<12).map { Float($0) / 7 })
    #expect(tensors["double"]!.toArray() == [1.25, -3.5])
    let half = tensors["half"]!.toArray()
    #expect(half[0] == 0.5 && half[1] == -2 && half[2] == 65504)
    #expect(Swift.abs(half[3] - 5.96e-8) < 1e-9)
    #expect(tensors["brain"]!.toArray() == [1, -0.15625])
  }

  @Test func malformedFilesFailWithReasons() throws {
    func reason(_ bytes: [UInt8]) -> SafeTensorsError.Reason? {
      do {
        _ = try SafeTensors.decode(Data(bytes))
        return nil
      } catch let error as SafeTensorsError {
        return error.reason
      } catch {
        return nil
      }
    }
    func file(_ header: String, data: [UInt8] = []) -> [UInt8] {
      var out: [UInt8] = []
      withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { out += $0 }
      return out + Array(header.utf8) + data
    }
    #expect(reason([1, 2, 3]) == .truncated(needed: 8, available: 3))
    #expect(reason([200, 0, 0, 0, 0, 0, 0, 0, 0x7B]) == .truncated(needed: 208, available: 9))
    #expect(reason([255, 255, 255, 255, 255, 255, 255, 255]) != nil)
    if case .invalidHeader = reason(file("{not json")) {} else { Issue.record("expected invalidHeader") }
    #expect(
      reason(file(#"{"x":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}}"#, data: [0]))
        == .unsupportedDType(tensor: "x", dtype: "Q4"))
    if case .badOffsets = reason(file(#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: [0, 0, 0, 0])) {
    } else {
      Issue.record("expected badOffsets for a range past the end")
    }
    if case .badOffsets = reason(file(#"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])) {
    } else {
      Issue.record("expected badOffsets for a size mismatch")
    }
    let error = SafeTensorsError(path: "m.safetensors", reason: .unsupportedDType(tensor: "x", dtype: "Q4"))
    #expect(error.description.hasPrefix("safetensors: m.safetensors: tensor 'x' has dtype Q4; supported are F64, F32, F16, BF16"))
  }

  @Test func missingFileReportsPath() {
    let url = URL(fileURLWithPath: "/nonexistent/dir/w.safetensors")
    do {
      _ = try SafeTensors.read(from: url)
      Issue.record("expected an error")
    } catch let error as SafeTensorsError {
      #expect(error.path == url.path)
      if case .io = error.reason {} else { Issue.record("expected io, got \(error.reason)") }
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func moduleSavesAndLoadsWeights() throws {
    let url = temporaryFile("mlp.safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    var rng = Xoshiro256(seed: 4)
    let a = MLP([3, 5, 2], rng: &rng)
    let b = MLP([3, 5, 2], rng: &rng)
    try a.save(to: url)
    try b.load(from: url)
    let x = S.random([4, 3], seed: 5)
    #expect(a(x).toArray() == b(x).toArray())
    let c = MLP([3, 6, 2], rng: &rng)
    #expect(throws: ModuleError.shapeMismatch(name: "fc1.weight", expected: [6, 3], found: [5, 3])) {
      try c.load(from: url)
    }
  }

  @Test func encodingIsDeterministic() throws {
    let t = ["b": Tensor([1, 2]), "a": Tensor([[3]])]
    #expect(try SafeTensors.encode(t) == SafeTensors.encode(t))
  }
}
