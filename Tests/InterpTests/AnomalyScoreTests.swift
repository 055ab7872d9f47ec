import Foundation
import Testing

@testable import Interp

/// SAE anomaly scores, the PCA-residual baseline and the anomaly families.
@Suite struct AnomalyScoreTests {
  typealias S = CoreTestSupport

  @Test func saeScoresMatchNumpy() throws {
    var rng = Xoshiro256(seed: 4)
    let sae = try SparseAutoencoder(inputDimension: 5, latentCount: 7, sparsity: .reluL1(l1: 0.1), rng: &rng)
    try sae.loadStateDict(["b_enc": S.random([7], seed: 2, low: -0.3, high: 0.3)], strict: false)
    let reference = S.random([40, 5], seed: 5)
    let x = S.random([6, 5], seed: 6)
    let scorer = try SAEAnomalyScorer(sae, reference: reference)
    func values(_ t: Tensor) -> [Double] { t.toArray().map(Double.init) }
    let payload: [String: Any] = [
      "we": values(sae.W_enc), "be": values(sae.b_enc), "wd": values(sae.W_dec), "bd": values(sae.b_dec),
      "r": values(reference), "x": values(x),
    ]
    let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
    let text = try S.python(
      """
      import json, sys
      import numpy as np
      v = json.load(sys.stdin)
      We = np.array(v["we"]).reshape(5, 7); be = np.array(v["be"]); Wd = np.array(v["wd"]).reshape(7, 5); bd = np.array(v["bd"])
      enc = lambda a: np.maximum((a - bd) @ We + be, 0)
      R = np.array(v["r"]).reshape(40, 5); X = np.array(v["x"]).reshape(6, 5)
      p = ((enc(R) > 0).sum(axis=0) + 1) / (40 + 2)
      err = ((enc(X) @ Wd + bd - X) ** 2).sum(axis=1)
      rare = ((enc(X) > 0) * -np.log(p)).sum(axis=1)
      print(json.dumps({"err": err.tolist(), "rare": rare.tolist(), "p": p.tolist()}))
      """, input: json)
    let ref = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: [Double]]
    func close(_ a: [Double], _ b: [Double], _ tol: Double) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol } }
    #expect(close(scorer.firingRates, ref["p"]!, 1e-12))
    #expect(close(try scorer.reconstructionErrors(x), ref["err"]!, 1e-4))
    #expect(close(try scorer.rareLatentScores(x), ref["rare"]!, 1e-4))
  }

  @Test func pcaResidualIsZeroInsideTheSpanAndMatchesNumpyOutside() throws {
    var rng = Xoshiro256(seed: 8)
    // Reference rows in a 2-dimensional subspace of 4 dimensions.
    let basis = Tensor.randn([2, 4], using: &rng)
    let reference = Tensor.randn([200, 2], using: &rng).matmul(basis)
    let scorer = try PCAResidualScorer(fitting: reference, count: 2)
    let inside = Tensor.randn([5, 2], using: &rng).matmul(basis)
    #expect(try scorer.scores(inside).allSatisfy { $0 < 1e-6 })
    let outside = S.random([3, 4], seed: 9)
    let json = String(decoding: try JSONSerialization.data(withJSONObject: [
      "r": reference.toArray().map(Double.init), "x": outside.toArray().map(Double.init)]), as: UTF8.self)
    let text = try S.python(
      """
      import json, sys
      import numpy as np
      v = json.load(sys.stdin)
      R = np.array(v["r"]).reshape(200, 4); X = np.array(v["x"]).reshape(3, 4)
      mu = R.mean(axis=0); _, _, Vt = np.linalg.svd(R - mu, full_matrices=False); P = Vt[:2]
      C = X - mu
      print(json.dumps((((C - C @ P.T @ P) ** 2).sum(axis=1)).tolist()))
      """, input: json)
    let ref = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [Double]
    #expect(zip(try scorer.scores(outside), ref).allSatisfy { abs($0 - $1) < 1e-3 })
  }

  @Test func forbiddenPairsNeverFireTogetherInNormalRowsAndAlwaysInAnomalies() throws {
    var rng = Xoshiro256(seed: 3)
    // Orthonormal features (d = n) let the coefficients be read back exactly.
    let data = try SparseFeatureData(featureCount: 6, dimension: 6, expectedActive: 4, decay: 1, rng: &rng)
    let pairs = [(0, 1), (2, 3)]
    let normal = data.sample(500, forbiddenPairs: pairs, using: &rng).matmul(data.features.T)  // c·F·Fᵀ
    let direct = try coefficientsBack(normal, data)
    for row in direct { for (i, j) in pairs { #expect(!(row[i] > 1e-3 && row[j] > 1e-3)) } }
    let anomalies = try coefficientsBack(
      try data.sampleForbiddenPairs(200, forbiddenPairs: pairs, using: &rng).matmul(data.features.T), data)
    for row in anomalies { #expect(pairs.contains { row[$0.0] >= 0.49 && row[$0.1] >= 0.49 }) }
  }

  /// Solves `y = c·F·Fᵀ` for the coefficients `c` (F square and invertible with probability 1).
  private func coefficientsBack(_ y: Tensor, _ data: SparseFeatureData) throws -> [[Double]] {
    let gram = data.features.matmul(data.features.T).toArray().map(Double.init)
    let n = data.probabilities.count
    guard let inverse = DenseLinearAlgebra.inverseSymmetricPositiveDefinite(gram, n) else { throw DataError.invalidArgument("singular") }
    let values = y.toArray().map(Double.init)
    return (0..<y.shape[0]).map { r in
      (0..<n).map { j in (0..<n).reduce(0.0) { $0 + values[r * n + $1] * inverse[$1 * n + j] } }
    }
  }

  @Test func offDictionaryRowsKeepTypicalNormsButLeaveTheDictionary() throws {
    var rng = Xoshiro256(seed: 12)
    let data = try SparseFeatureData(featureCount: 40, dimension: 16, expectedActive: 3, rng: &rng)
    let normal = data.sample(2000, forbiddenPairs: [], using: &rng)
    let off = data.sampleOffDictionary(2000, forbiddenPairs: [], using: &rng)
    let normalNorm = Double(normal.norm(axes: [1]).mean().item())
    let offNorm = Double(off.norm(axes: [1]).mean().item())
    #expect(abs(offNorm - normalNorm) / normalNorm < 0.1)
    let noise = SparseFeatureData.normMatchedNoise(like: normal, using: &rng)
    #expect(S.allClose(noise.norm(axes: [1]), normal.norm(axes: [1]), rtol: 1e-4, atol: 1e-5))
  }
}
