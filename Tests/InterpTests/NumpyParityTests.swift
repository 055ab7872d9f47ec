import Foundation
import Testing

@testable import Interp

/// Results checked against numpy on the same inputs (python3 runs in a subprocess).
@Suite struct NumpyParityTests {
  typealias S = CoreTestSupport

  /// Sends named tensors to numpy, runs `body` (which sets `out[name] = array`), returns them.
  private func numpy(_ inputs: [String: Tensor], _ body: String) throws -> [String: Tensor] {
    var payload: [String: Any] = [:]
    for (name, t) in inputs { payload[name] = ["shape": t.shape, "data": t.toArray().map(Double.init)] }
    let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
    let script = """
      import json, sys
      import numpy as np
      raw = json.load(sys.stdin)
      x = {k: np.array(v["data"], dtype=np.float32).reshape(v["shape"]) for k, v in raw.items()}
      out = {}
      \(body.split(separator: "\n").joined(separator: "\n"))
      print(json.dumps({k: {"shape": list(np.shape(v)), "data": np.asarray(v, dtype=np.float64).ravel().tolist()} for k, v in out.items()}))
      """
    let text = try S.python(script, input: json)
    let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: [String: Any]]
    var result: [String: Tensor] = [:]
    for (name, entry) in decoded {
      let shape = entry["shape"] as! [Int]
      let data = (entry["data"] as! [Double]).map { Float($0) }
      result[name] = Tensor(shape: shape, scalars: data)
    }
    return result
  }

  @Test func matmulMatchesNumpy() throws {
    let a = S.random([5, 7], seed: 1)
    let b = S.random([7, 3], seed: 2)
    let batchA = S.random([2, 1, 4, 7], seed: 3)
    let batchB = S.random([3, 7, 2], seed: 4)
    let v = S.random([7], seed: 5)
    let ref = try numpy(
      ["a": a, "b": b, "ba": batchA, "bb": batchB, "v": v],
      """
      out["ab"] = x["a"] @ x["b"]
      out["batched"] = x["ba"] @ x["bb"]
      out["av"] = x["a"] @ x["v"]
      out["vb"] = x["v"] @ x["b"]
      out["tt"] = x["b"].T @ x["a"].T
      out["sliced"] = x["a"][1:4, 2:6] @ x["b"][2:6, :]
      out["bias"] = x["ba"] @ x["b"] + x["b"][0]
      """)
    #expect(S.allClose(batchA.matmul(b, adding: b[0]), ref["bias"]!, rtol: 1e-5, atol: 1e-5))
    #expect(S.allClose(a.matmul(b), ref["ab"]!, rtol: 1e-5, atol: 1e-5))
    #expect(S.allClose(batchA.matmul(batchB), ref["batched"]!, rtol: 1e-5, atol: 1e-5))
    #expect(S.allClose(a.matmul(v), ref["av"]!, rtol: 1e-5, atol: 1e-5))
    #expect(S.allClose(v.matmul(b), ref["vb"]!, rtol: 1e-5, atol: 1e-5))
    #expect(S.allClose(b.T.matmul(a.T), ref["tt"]!, rtol: 1e-5, atol: 1e-5))
    #expect(S.allClose(a[1..<4, 2..<6].matmul(b[2..<6]), ref["sliced"]!, rtol: 1e-5, atol: 1e-5))
  }

  @Test func broadcastingArithmeticMatchesNumpy() throws {
    let a = S.random([2, 3, 4], seed: 6)
    let b = S.random([3, 1], seed: 7, low: 0.5, high: 2)
    let c = S.random([4], seed: 8)
    let ref = try numpy(
      ["a": a, "b": b, "c": c],
      """
      out["add"] = x["a"] + x["b"]
      out["mul"] = x["a"] * x["c"]
      out["div"] = x["c"] / x["b"]
      out["sub"] = x["b"] - x["a"].transpose(0, 2, 1)[:, :, :1].transpose(0, 2, 1)[0]
      out["mix"] = (x["a"] - 1.5) * 2 / x["b"]
      """)
    #expect(S.allClose(a + b, ref["add"]!))
    #expect(S.allClose(a * c, ref["mul"]!))
    #expect(S.allClose(c / b, ref["div"]!))
    #expect(S.allClose(b - a.permuted([0, 2, 1])[.all, .all, 0..<1].permuted([0, 2, 1])[0], ref["sub"]!))
    #expect(S.allClose((a - 1.5) * 2 / b, ref["mix"]!))
  }

  @Test func reductionsMatchNumpy() throws {
    let a = S.random([3, 4, 5], seed: 9)
    let ref = try numpy(
      ["a": a],
      """
      out["sum"] = x["a"].sum()
      out["sum1"] = x["a"].sum(axis=1)
      out["sum02k"] = x["a"].sum(axis=(0, 2), keepdims=True)
      out["mean2"] = x["a"].mean(axis=2)
      out["max0"] = x["a"].max(axis=0)
      out["min12"] = x["a"].min(axis=(1, 2))
      out["argmax1"] = x["a"].argmax(axis=1).astype(np.float32)
      out["sumT"] = x["a"].transpose(2, 0, 1).sum(axis=-1)
      """)
    #expect(S.allClose(a.sum(), ref["sum"]!, rtol: 1e-5, atol: 1e-4))
    #expect(S.allClose(a.sum(axis: 1), ref["sum1"]!))
    #expect(S.allClose(a.sum(axes: [0, 2], keepDims: true), ref["sum02k"]!))
    #expect(S.allClose(a.mean(axis: 2), ref["mean2"]!))
    #expect(S.allClose(a.max(axis: 0), ref["max0"]!))
    #expect(S.allClose(a.min(axes: [1, 2]), ref["min12"]!))
    #expect(a.argmax(axis: 1).toArray() == ref["argmax1"]!.toArray())
    #expect(S.allClose(a.permuted([2, 0, 1]).sum(axis: -1), ref["sumT"]!))
  }

  @Test func nonlinearitiesMatchNumpy() throws {
    let a = S.random([4, 6], seed: 10, low: -3, high: 3)
    let ref = try numpy(
      ["a": a],
      """
      from math import erf
      a = x["a"].astype(np.float64)
      e = np.exp(a - a.max(axis=1, keepdims=True))
      out["softmax"] = e / e.sum(axis=1, keepdims=True)
      out["logsoftmax0"] = a - np.log(np.exp(a).sum(axis=0, keepdims=True))
      out["gelu"] = 0.5 * a * (1 + np.vectorize(erf)(a / np.sqrt(2)))
      out["gelutanh"] = 0.5 * a * (1 + np.tanh(np.sqrt(2 / np.pi) * (a + 0.044715 * a ** 3)))
      out["sigmoid"] = 1 / (1 + np.exp(-a))
      mu = a.mean(axis=1, keepdims=True)
      var = a.var(axis=1, keepdims=True)
      out["layernorm"] = (a - mu) / np.sqrt(var + 1e-5)
      """)
    #expect(S.allClose(a.softmax(axis: 1), ref["softmax"]!, rtol: 1e-5, atol: 1e-6))
    #expect(S.allClose(a.logSoftmax(axis: 0), ref["logsoftmax0"]!, rtol: 1e-5, atol: 1e-5))
    #expect(S.allClose(a.gelu(), ref["gelu"]!, rtol: 1e-5, atol: 1e-6))
    #expect(S.allClose(a.gelu(approximation: .tanh), ref["gelutanh"]!, rtol: 1e-5, atol: 1e-6))
    #expect(S.allClose(a.sigmoid(), ref["sigmoid"]!, rtol: 1e-5, atol: 1e-6))
    #expect(S.allClose(a.layerNorm(), ref["layernorm"]!, rtol: 1e-4, atol: 1e-5))
  }
}
