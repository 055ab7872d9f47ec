import Foundation
import Testing

@testable import Interp

/// Worst-group accuracy, SAE latent attribution and latent ablation (the pieces of SHIFT).
@Suite struct ShiftMethodTests {
  typealias S = CoreTestSupport

  @Test func worstGroupAccuracyIsTheLowestGroupShare() throws {
    let predictions = [true, true, false, false, true, false]
    let labels = [true, false, false, true, true, false]
    let groups = ["a", "a", "b", "b", "c", "c"]
    let result = try Statistics.worstGroupAccuracy(predictions: predictions, labels: labels, groups: groups)
    #expect(result.byGroup == ["a": 0.5, "b": 0.5, "c": 1])
    #expect(result.worst == 0.5)
    #expect(throws: StatisticsError.self) { try Statistics.worstGroupAccuracy(predictions: [true], labels: [], groups: [Int]()) }
  }

  @Test func latentAttributionMatchesNumpyAndAutograd() throws {
    var rng = Xoshiro256(seed: 2)
    let sae = try SparseAutoencoder(inputDimension: 4, latentCount: 6, sparsity: .reluL1(l1: 0.1), rng: &rng)
    try sae.loadStateDict(["b_enc": S.random([6], seed: 3, low: 0, high: 0.3)], strict: false)
    let h = S.random([5, 4], seed: 4)
    let readout = S.random([4], seed: 5)
    // g(h) = Σ tanh(h)·r per row; ∂g/∂h = (1 − tanh²)·r.
    let leaf = h.requiringGrad()
    (leaf.tanh() * readout).sum().backward()
    let gradient = leaf.grad!
    let attribution = try sae.latentAttribution(h, outputGradient: gradient)
    let payload: [String: Any] = [
      "we": sae.W_enc.toArray().map(Double.init), "be": sae.b_enc.toArray().map(Double.init),
      "wd": sae.W_dec.toArray().map(Double.init), "bd": sae.b_dec.toArray().map(Double.init),
      "h": h.toArray().map(Double.init), "r": readout.toArray().map(Double.init),
    ]
    let json = String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
    let text = try S.python(
      """
      import json, sys
      import numpy as np
      v = json.load(sys.stdin)
      We = np.array(v["we"]).reshape(4, 6); be = np.array(v["be"]); Wd = np.array(v["wd"]).reshape(6, 4); bd = np.array(v["bd"])
      H = np.array(v["h"]).reshape(5, 4); r = np.array(v["r"])
      f = np.maximum((H - bd) @ We + be, 0)
      g = (1 - np.tanh(H) ** 2) * r
      print(json.dumps((f * (g @ Wd.T)).mean(axis=0).tolist()))
      """, input: json)
    let reference = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [Double]
    #expect(zip(attribution, reference).allSatisfy { abs($0 - $1) < 1e-5 })
  }

  @Test func ablatingLatentsRemovesExactlyTheirDecoderContribution() throws {
    var rng = Xoshiro256(seed: 7)
    let sae = try SparseAutoencoder(inputDimension: 3, latentCount: 5, sparsity: .reluL1(l1: 0.1), rng: &rng)
    let h = S.random([4, 3], seed: 8)
    #expect(S.allClose(try sae.ablatingLatents(h, []), h))
    // Ablating every latent leaves the reconstruction error plus the decoder bias.
    let all = try sae.ablatingLatents(h, Array(0..<5))
    let expected = h - sae.decode(sae.encode(h)) + sae.b_dec
    #expect(S.allClose(all, expected, rtol: 1e-5, atol: 1e-6))
    // Ablations of disjoint sets add up.
    let a = try sae.ablatingLatents(h, [0, 1])
    let b = try sae.ablatingLatents(h, [2, 3, 4])
    #expect(S.allClose((h - a) + (h - b), h - all, rtol: 1e-5, atol: 1e-5))
    #expect(throws: DictionaryError.self) { try sae.ablatingLatents(h, [5]) }
  }
}
