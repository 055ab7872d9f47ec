import Foundation
import Testing

@testable import Interp

/// The toy model of superposition and its metrics, checked against numpy on the same numbers.
@Suite struct SuperpositionTests {
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

  @Test func metricsMatchNumpy() throws {
    let w = S.random([3, 7], seed: 11).toArray().map(Double.init)
    var rows = (0..<3).map { r in (0..<7).map { w[r * 7 + $0] } }
    rows[0][4] = 0
    rows[1][4] = 0
    rows[2][4] = 0  // a zero column: dimensionality and interference are 0 there
    let metrics = try SuperpositionMetrics(weightRows: rows)
    let ref = try numpyJSON(
      ["w": rows],
      """
      W = np.array(raw["w"])
      G = W.T @ W
      norms = np.linalg.norm(W, axis=0)
      out["gram"] = G.ravel().tolist()
      out["norms"] = norms.tolist()
      out["dstar"] = W.shape[0] / np.sum(W ** 2)
      dims, inter = [], []
      for i in range(W.shape[1]):
          if norms[i] == 0:
              dims.append(0.0); inter.append(0.0); continue
          unit = W[:, i] / norms[i]
          proj = (unit @ W) ** 2
          dims.append(norms[i] ** 2 / proj.sum())
          inter.append(proj.sum() - proj[i])
      out["dims"] = dims
      out["inter"] = inter
      out["represented"] = int((norms > 0.5).sum())
      """)
    func close(_ a: [Double], _ b: [Double]) -> Bool {
      a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) }
    }
    #expect(close(metrics.gram.flatMap { $0 }, ref["gram"] as! [Double]))
    #expect(close(metrics.featureNorms, ref["norms"] as! [Double]))
    #expect(close([metrics.dimensionsPerFeature], [ref["dstar"] as! Double]))
    #expect(close(metrics.featureDimensionalities, ref["dims"] as! [Double]))
    #expect(close(metrics.interference, ref["inter"] as! [Double]))
    #expect(metrics.featuresRepresented() == ref["represented"] as! Int)
  }

  @Test func antipodalPairGetsHalfADimensionEach() throws {
    // Two features sharing one dimension with opposite signs: the paper's D* = 1/2.
    let metrics = try SuperpositionMetrics(weightRows: [[1, -1, 0]])
    #expect(metrics.dimensionsPerFeature == 0.5)
    #expect(metrics.featureDimensionalities == [0.5, 0.5, 0])
    #expect(metrics.featuresRepresented() == 2)
  }

  @Test func raggedOrEmptyMatrixIsRejected() {
    #expect(throws: DataError.self) { try SuperpositionMetrics(weightRows: []) }
    #expect(throws: DataError.self) { try SuperpositionMetrics(weightRows: [[1, 2], [3]]) }
  }

  @Test func forwardAndLossMatchNumpy() throws {
    var rng = Xoshiro256(seed: 3)
    for activation in [ToyModelOfSuperposition.Activation.relu, .identity] {
      let model = try ToyModelOfSuperposition(featureCount: 6, hiddenDimension: 2, activation: activation, rng: &rng)
      try model.loadStateDict(["b": S.random([6], seed: 4, low: -0.2, high: 0.2)], strict: false)
      let x = SparseFeatureData.superpositionInputs(batch: 9, featureCount: 6, sparsity: 0.3, using: &rng)
      let importance = ToyModelOfSuperposition.importance(featureCount: 6, decay: 0.7)
      let ref = try numpyJSON(
        [
          "w": model.weight.toArray().map(Double.init), "b": model.bias.toArray().map(Double.init),
          "x": x.toArray().map(Double.init), "i": importance, "relu": activation == .relu,
        ],
        """
        W = np.array(raw["w"]).reshape(2, 6); b = np.array(raw["b"]); x = np.array(raw["x"]).reshape(9, 6)
        y = x @ W.T @ W + b
        if raw["relu"]: y = np.maximum(y, 0)
        out["y"] = y.ravel().tolist()
        out["loss"] = float((np.array(raw["i"]) * (x - y) ** 2).sum(axis=1).mean())
        out["importance"] = (0.7 ** np.arange(6)).tolist()
        """)
      #expect(S.allClose(model(x).toArray(), (ref["y"] as! [Double]).map(Float.init), rtol: 1e-5, atol: 1e-6))
      let loss = Double(model.loss(x, importance: Tensor(importance.map(Float.init))).item())
      #expect(abs(loss - (ref["loss"] as! Double)) < 1e-5)
      #expect(zip(importance, ref["importance"] as! [Double]).allSatisfy { abs($0 - $1) < 1e-12 })
    }
  }

  @Test func lossGradientMatchesFiniteDifferences() throws {
    var rng = Xoshiro256(seed: 5)
    let x = SparseFeatureData.superpositionInputs(batch: 8, featureCount: 5, sparsity: 0.2, using: &rng)
    let importance = Tensor(ToyModelOfSuperposition.importance(featureCount: 5, decay: 0.7).map(Float.init))
    let (violation, detail) = S.gradientViolation([S.random([2, 5], seed: 6), S.random([5], seed: 7, low: 0.1, high: 0.3)]) { p in
      let hidden = x.matmul(p[0].T)
      let y = hidden.matmul(p[0], adding: p[1]).relu()
      return ((x - y).square() * importance).sum(axis: 1).mean()
    }
    #expect(violation <= 1, "\(detail)")
  }

  @Test func denseTrainingKeepsTheMostImportantFeatures() throws {
    // With dense inputs the optimum is PCA-like: the m most important features get norm ≈ 1.
    var rng = Xoshiro256(seed: 1)
    let model = try ToyModelOfSuperposition(featureCount: 6, hiddenDimension: 2, activation: .identity, rng: &rng)
    let losses = try model.train(
      sparsity: 0, importance: ToyModelOfSuperposition.importance(featureCount: 6, decay: 0.5), steps: 1500,
      batch: 128, learningRate: 1e-2, rng: &rng)
    let metrics = try SuperpositionMetrics(weightRows: model.weightRows)
    #expect(losses.last! < losses.first!)
    #expect(metrics.featuresRepresented() == 2)
    #expect(metrics.featureNorms[0] > 0.8 && metrics.featureNorms[1] > 0.8)
  }

  @Test func trainingRejectsBadArguments() throws {
    var rng = Xoshiro256(seed: 1)
    let model = try ToyModelOfSuperposition(featureCount: 4, hiddenDimension: 2, rng: &rng)
    #expect(throws: DataError.self) { try model.train(sparsity: 0.5, importance: [1, 1], steps: 1, batch: 4, rng: &rng) }
    #expect(throws: DataError.self) {
      try model.train(sparsity: 1, importance: [1, 1, 1, 1], steps: 1, batch: 4, rng: &rng)
    }
  }
}

/// The Fourier basis of Z_p, against numpy's FFT.
@Suite struct FourierBasisTests {
  typealias S = CoreTestSupport

  @Test func basisIsOrthonormal() throws {
    for p in [7, 8] {
      let basis = try FourierBasis(p: p)
      #expect(basis.vectors.count == p)
      for i in 0..<p {
        for j in 0..<p {
          let dot = zip(basis.vectors[i], basis.vectors[j]).map(*).reduce(0, +)
          #expect(abs(dot - (i == j ? 1 : 0)) < 1e-12)
        }
      }
    }
  }

  @Test func frequencyPowerMatchesNumpyFFT() throws {
    let p = 11
    let values = S.random([p, 3], seed: 12).toArray().map(Double.init)
    let rows = (0..<p).map { r in (0..<3).map { values[r * 3 + $0] } }
    let power = try FourierBasis(p: p).frequencyPower(of: rows)
    let json = String(decoding: try JSONSerialization.data(withJSONObject: rows), as: UTF8.self)
    let text = try S.python(
      """
      import json, sys
      import numpy as np
      X = np.array(json.load(sys.stdin))
      F = np.fft.rfft(X, axis=0)
      power = (2.0 / X.shape[0]) * (np.abs(F[1:]) ** 2).sum(axis=1)
      print(json.dumps(power.tolist()))
      """, input: json)
    let reference = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [Double]
    #expect(power.count == reference.count)
    #expect(zip(power, reference).allSatisfy { abs($0 - $1) < 1e-9 })
  }

  @Test func pureFrequencyHasAllItsPowerAtThatFrequency() throws {
    let p = 13
    let rows = (0..<p).map { x in [cos(2 * Double.pi * Double(3 * x) / Double(p)), 0.5] }
    let power = try FourierBasis(p: p).frequencyPower(of: rows)
    #expect(FourierBasis.topShare(power, k: 1) > 0.999999)
    #expect(power.firstIndex(of: power.max()!) == 2)
  }

  @Test func wrongRowCountIsRejected() throws {
    #expect(throws: DataError.self) { try FourierBasis(p: 5).frequencyPower(of: [[1], [2]]) }
    #expect(throws: DataError.self) { try FourierBasis(p: 1) }
  }
}
