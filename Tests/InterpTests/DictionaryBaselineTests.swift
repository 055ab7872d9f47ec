import Foundation
import Testing

@testable import Interp

/// Spherical k-means, FastICA and the recovery score, against numpy and planted structure.
@Suite struct DictionaryBaselineTests {
  typealias S = CoreTestSupport

  private func numpyJSON(_ payload: [String: Any], _ body: String) throws -> [String: Any] {
    let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
    let script = """
      import json, sys
      import numpy as np
      raw = json.load(sys.stdin)
      out = {}
      \(body)
      print(json.dumps(out))
      """
    let text = try S.python(script, input: json)
    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
  }

  @Test func recoveryMatchesNumpy() throws {
    let learned = S.random([7, 5], seed: 1)
    let truth = S.random([4, 5], seed: 2)
    let recovery = try DictionaryRecovery(learned: learned, truth: truth)
    let ref = try numpyJSON(
      ["l": learned.toArray().map(Double.init), "t": truth.toArray().map(Double.init)],
      """
      L = np.array(raw["l"]).reshape(7, 5); T = np.array(raw["t"]).reshape(4, 5)
      L /= np.linalg.norm(L, axis=1, keepdims=True); T /= np.linalg.norm(T, axis=1, keepdims=True)
      best = np.abs(T @ L.T).max(axis=1)
      out["best"] = best.tolist(); out["mmcs"] = float(best.mean()); out["frac"] = float((best > 0.6).mean())
      """)
    let best = ref["best"] as! [Double]
    #expect(zip(recovery.maxCosines, best).allSatisfy { abs($0 - $1) < 1e-5 })
    #expect(abs(recovery.meanMaxCosine - (ref["mmcs"] as! Double)) < 1e-5)
    #expect(recovery.fractionRecovered(above: 0.6) == ref["frac"] as! Double)
  }

  @Test func recoveryRejectsMismatchedWidths() {
    #expect(throws: DictionaryError.self) { try DictionaryRecovery(learned: .zeros([3, 4]), truth: .zeros([3, 5])) }
  }

  @Test func sphericalKMeansMatchesNumpyLloydFromTheSameStart() throws {
    var rng = Xoshiro256(seed: 9)
    let x = S.random([60, 4], seed: 3)
    let start = S.random([3, 4], seed: 4)
    let fit = try SphericalKMeans(fitting: x, k: 3, maxIterations: 5, initial: start, rng: &rng)
    let ref = try numpyJSON(
      ["x": x.toArray().map(Double.init), "c": start.toArray().map(Double.init)],
      """
      X = np.array(raw["x"]).reshape(60, 4); C = np.array(raw["c"]).reshape(3, 4)
      X /= np.linalg.norm(X, axis=1, keepdims=True); C /= np.linalg.norm(C, axis=1, keepdims=True)
      prev = None
      for it in range(5):
          a = (X @ C.T).argmax(axis=1)
          for c in range(3):
              s = X[a == c].sum(axis=0)
              if np.linalg.norm(s) > 0: C[c] = s / np.linalg.norm(s)
          if prev is not None and (prev == a).all(): break
          prev = a
      out["c"] = C.ravel().tolist(); out["a"] = a.tolist()
      """)
    #expect(S.allClose(fit.centroids.toArray(), (ref["c"] as! [Double]).map(Float.init), rtol: 1e-4, atol: 1e-5))
    #expect(fit.assignments == ref["a"] as! [Int])
  }

  @Test func sphericalKMeansFindsPlantedDirections() throws {
    // Rows are noisy copies of 4 planted unit directions (with random sign-free scale).
    var rng = Xoshiro256(seed: 5)
    let planted = DictionaryRecovery.unitRows(Tensor.randn([4, 16], using: &rng))
    let picks = (0..<400).map { $0 % 4 }
    let scales = Tensor(shape: [400, 1], scalars: (0..<400).map { _ in Float(0.5 + rng.nextDouble()) })
    let x = planted.indexSelect(axis: 0, picks) * scales + Tensor.randn([400, 16], std: 0.05, using: &rng)
    let fit = try SphericalKMeans(fitting: x, k: 4, rng: &rng)
    let recovery = try DictionaryRecovery(learned: fit.centroids, truth: planted)
    #expect(recovery.fractionRecovered(above: 0.99) == 1)
    #expect(Set(fit.assignments).count == 4)
  }

  @Test func sphericalKMeansRejectsTooManyClusters() {
    var rng = Xoshiro256(seed: 1)
    #expect(throws: DictionaryError.self) { try SphericalKMeans(fitting: .ones([3, 2]), k: 4, rng: &rng) }
  }

  @Test func symmetricEigenMatchesNumpy() throws {
    let a = S.random([6, 6], seed: 8).toArray().map(Double.init)
    var sym = a
    for i in 0..<6 { for j in 0..<6 { sym[i * 6 + j] = a[i * 6 + j] + a[j * 6 + i] } }
    let eigen = SymmetricEigen(sym, 6)
    let ref = try numpyJSON(
      ["a": sym],
      """
      A = np.array(raw["a"]).reshape(6, 6)
      w = np.linalg.eigvalsh(A)[::-1]
      out["w"] = w.tolist()
      """)
    #expect(zip(eigen.values, ref["w"] as! [Double]).allSatisfy { abs($0 - $1) < 1e-9 })
    // A·v = λ·v for every returned pair.
    for k in 0..<6 {
      for i in 0..<6 {
        var av = 0.0
        for j in 0..<6 { av += sym[i * 6 + j] * eigen.vectors[j * 6 + k] }
        #expect(abs(av - eigen.values[k] * eigen.vectors[i * 6 + k]) < 1e-9)
      }
    }
  }

  @Test func fastICAUnmixesLaplacianSources() throws {
    // Three Laplacian sources mixed by a random matrix: ICA's mixing rows match A's columns.
    var rng = Xoshiro256(seed: 21)
    let n = 4000
    let sources = Tensor(shape: [n, 3], scalars: (0..<(n * 3)).map { _ in
      let u = rng.nextDouble() - 0.5
      return Float(-(u < 0 ? -1.0 : 1.0) * Foundation.log(1 - 2 * Swift.abs(u) + 1e-12))
    })
    let mixing = Tensor.randn([3, 5], using: &rng)  // rows are the source directions in 5 dims
    let x = sources.matmul(mixing) + 0.3
    let ica = try FastICA(fitting: x, components: 3, rng: &rng)
    #expect(ica.converged)
    let recovery = try DictionaryRecovery(learned: ica.mixing, truth: mixing)
    #expect(recovery.fractionRecovered(above: 0.99) == 1, "\(recovery.maxCosines)")
    // Reconstruction: x ≈ s·A + μ.
    let rebuilt = ica.sources(x).matmul(ica.mixing) + ica.mean
    #expect(S.allClose(rebuilt, x, rtol: 1e-3, atol: 1e-3))
  }

  @Test func fastICARejectsMoreComponentsThanDimensions() {
    var rng = Xoshiro256(seed: 1)
    #expect(throws: BaselineError.self) { try FastICA(fitting: .ones([10, 3]), components: 4, rng: &rng) }
  }
}
