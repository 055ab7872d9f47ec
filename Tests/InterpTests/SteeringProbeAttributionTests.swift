import Foundation
import Testing

@testable import Interp

@Suite struct SteeringTests {
  @Test func differenceOfMeansFindsAPlantedDirection() throws {
    var rng = Xoshiro256(seed: 21)
    let planted = Tensor.randn([16], using: &rng)
    let unit = planted / planted.norm()
    let positive = Tensor.randn([200, 16], using: &rng) + unit * 2
    let negative = Tensor.randn([200, 16], using: &rng) - unit * 2
    let v = try Steering.differenceOfMeans(positive: positive, negative: negative)
    let cosine = (v * unit).sum().item() / v.norm().item()
    #expect(cosine > 0.95)
    #expect(throws: TransformerError.self) { try Steering.differenceOfMeans(positive: positive, negative: Tensor.zeros([3, 5])) }
  }

  @Test func additionShiftsTheActivationAndTheFlippedControlReversesTheEffect() throws {
    // In a one-layer attention-only model without LayerNorm, logits are linear in the final
    // residual stream, so adding −v must move the logits exactly opposite to adding v.
    let model = try TransformerFixtures.model(layers: 1, layerNorm: false, attentionOnly: true)
    let tokens = TransformerFixtures.tokens
    var rng = Xoshiro256(seed: 22)
    let v = Tensor.randn([8], using: &rng)
    let (random, flipped) = Steering.controls(for: v, using: &rng)
    #expect(abs(random.norm().item() - v.norm().item()) < 1e-4)
    let base = try model(tokens)
    let up = try model.run(tokens, hooks: [(.residPost(0), Steering.addition(v, scale: 3, position: 4))])
    let down = try model.run(tokens, hooks: [(.residPost(0), Steering.addition(flipped, scale: 3, position: 4))])
    #expect(CoreTestSupport.allClose(up - base, base - down, rtol: 1e-3, atol: 1e-4))
    // Only the steered position changes.
    #expect(CoreTestSupport.allClose(up.slice(axis: 1, 0..<4), base.slice(axis: 1, 0..<4), rtol: 0, atol: 1e-6))
    let (_, cache) = try model.runWithCache(tokens, points: [.residPost(0)], hooks: [(.residPost(0), Steering.directionalAblation(v))])
    let projection = (try cache[.residPost(0)] * (v / v.norm())).sum(axis: -1).abs().max().item()
    #expect(projection < 1e-5)
  }
}

@Suite struct LogisticProbeTests {
  @Test func probeMatchesScipyOnTheSameObjective() throws {
    var rng = Xoshiro256(seed: 31)
    let task = try SpuriousFeatureTask(dimension: 5, correlation: 0.5, noise: 1.0, rng: &rng)
    let data = task.sample(120, split: .test, using: &rng)
    let probe = try LogisticProbe.fit(data.inputs, labels: data.labels, l2: 0.1, maxIterations: 5000, tolerance: 1e-9)
    #expect(probe.converged)
    let script = """
      import sys, json, numpy as np
      from scipy.optimize import minimize
      X = np.array(json.loads(sys.stdin.readline())).reshape(120, 5); y = np.array(json.loads(sys.stdin.readline())) * 2.0 - 1
      X = (X - X.mean(0)) / X.std(0)
      def f(w): z = X @ w[:5] + w[5]; return np.logaddexp(0, -y * z).mean() + 0.05 * (w[:5] ** 2).sum()
      w = minimize(f, np.zeros(6), method="BFGS", options={"gtol": 1e-10}).x
      print(" ".join(map(str, w)))
      """
    let out = try CoreTestSupport.python(script, input: "\(data.inputs.toArray())\n\(data.labels.map { $0 ? 1 : 0 })\n")
    let expected = out.split(separator: " ").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines))! }
    for (a, b) in zip(probe.weights + [probe.bias], expected) { #expect(abs(a - b) < 1e-4, "\(a) vs \(b)") }
  }

  @Test func selectivityIsHighForARealPropertyAndLowForMemorisedTypes() throws {
    var rng = Xoshiro256(seed: 32)
    let n = 400
    let types = (0..<n).map { _ in rng.nextInt(below: 40) }
    let (train, test) = try ProbeSelectivity.split(count: n, testFraction: 0.3, using: &rng)
    #expect(Set(train).isDisjoint(with: test) && train.count + test.count == n)
    // A representation carrying the property (label) but not the type.
    let labels = (0..<n).map { _ in rng.nextDouble() < 0.5 }
    var values: [Float] = []
    for label in labels { values += [label ? 1.5 : -1.5] + (0..<3).map { _ in Float(rng.nextNormal()) } }
    let property = try ProbeSelectivity.measure(
      features: Tensor(shape: [n, 4], scalars: values), labels: labels, types: types, train: train, test: test, using: &rng)
    #expect(property.taskAccuracy > 0.85 && property.selectivity > 0.25, "\(property)")
    // A one-hot type representation with a type-determined label: the control task is as easy.
    let oneHot = Tensor.oneHot(types, depth: 40)
    let typeLabels = types.map { $0 % 2 == 0 }
    let memorised = try ProbeSelectivity.measure(
      features: oneHot, labels: typeLabels, types: types, train: train, test: test, l2: 1e-3, using: &rng)
    #expect(memorised.controlAccuracy > 0.8 && memorised.selectivity < 0.2, "\(memorised)")
  }
}

@Suite struct AttributionTests {
  func smallNetwork() -> Attribution.Function {
    var rng = Xoshiro256(seed: 41)
    let w1 = Tensor.randn([6, 5], using: &rng)
    let w2 = Tensor.randn([5], using: &rng)
    return { x in x.matmul(w1).tanh().matmul(w2).sum() }
  }

  @Test func integratedGradientsAreCompleteWithinOnePercent() throws {
    let f = smallNetwork()
    var rng = Xoshiro256(seed: 42)
    let x = Tensor.randn([6], using: &rng)
    let (attributions, delta) = try Attribution.integratedGradients(f, input: x, steps: 50)
    let difference = Double(try f(x).item() - f(Tensor.zeros([6])).item())
    #expect(abs(Double(attributions.sum().item()) - difference) <= 0.01 * abs(difference), "delta \(delta)")
    #expect(abs(delta) <= 0.01 * abs(difference))
  }

  @Test func gradientMatchesFiniteDifferencesAndLinearCasesAreExact() throws {
    let f = smallNetwork()
    var rng = Xoshiro256(seed: 43)
    let x = Tensor.randn([6], using: &rng)
    let g = try Attribution.gradient(f, at: x).toArray()
    for i in 0..<6 {
      var up = x.toArray()
      var down = up
      up[i] += 1e-2
      down[i] -= 1e-2
      let numeric = (try f(Tensor(up)).item() - f(Tensor(down)).item()) / 2e-2
      #expect(abs(g[i] - numeric) < 2e-3 + 2e-2 * abs(numeric))
    }
    // For f(x) = w·x, gradient×input, occlusion (baseline 0) and integrated gradients all equal w∘x.
    let w = Tensor([1, -2, 3, 0.5, -1, 2])
    let linear: Attribution.Function = { ($0 * w).sum() }
    let expected = (w * x).toArray()
    #expect(CoreTestSupport.allClose(try Attribution.gradientTimesInput(linear, input: x).toArray(), expected, rtol: 1e-5, atol: 1e-5))
    #expect(CoreTestSupport.allClose(try Attribution.occlusion(linear, input: x).toArray(), expected, rtol: 1e-4, atol: 1e-5))
    #expect(CoreTestSupport.allClose(try Attribution.integratedGradients(linear, input: x, steps: 3).attributions.toArray(), expected, rtol: 1e-5, atol: 1e-5))
    #expect(throws: AttributionError.self) { try Attribution.gradient({ $0 * 2 }, at: x) }
  }
}

@Suite struct BaselineTests {
  @Test func mahalanobisKNearestAndPCAMatchNumpy() throws {
    var rng = Xoshiro256(seed: 51)
    let mix = Tensor.randn([4, 4], using: &rng)
    let reference = Tensor.randn([60, 4], using: &rng).matmul(mix)
    let queries = Tensor.randn([5, 4], using: &rng) * 2
    let mahalanobis = try MahalanobisScorer(fitting: reference, ridge: 0).scores(queries)
    let knn = try KNearestScorer(fitting: reference, k: 3).scores(queries)
    let pca = try PrincipalComponents(fitting: reference, count: 2)
    let script = """
      import sys, json, numpy as np
      R = np.array(json.loads(sys.stdin.readline())).reshape(60, 4); Q = np.array(json.loads(sys.stdin.readline())).reshape(5, 4)
      P = np.linalg.inv(np.cov(R.T)); D = Q - R.mean(0)
      m = np.sqrt(np.einsum("ij,jk,ik->i", D, P, D))
      dist = np.sqrt(((Q[:, None, :] - R[None]) ** 2).sum(-1)); k = np.sort(dist, 1)[:, :3].mean(1)
      vals, vecs = np.linalg.eigh(np.cov(R.T)); top = vecs[:, ::-1][:, :2].T
      print(json.dumps({"m": m.tolist(), "k": k.tolist(), "pc": top.reshape(-1).tolist(), "var": vals[::-1][:2].tolist()}))
      """
    let out = try CoreTestSupport.python(script, input: "\(reference.toArray())\n\(queries.toArray())\n")
    let expected = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: [Double]]
    for (a, b) in zip(mahalanobis, expected["m"]!) { #expect(abs(a - b) < 1e-3 * max(1, b)) }
    for (a, b) in zip(knn, expected["k"]!) { #expect(abs(a - b) < 1e-4 * max(1, b)) }
    let directions = pca.directions.toArray()
    for c in 0..<2 {
      let dot = (0..<4).reduce(0.0) { $0 + Double(directions[c * 4 + $1]) * expected["pc"]![c * 4 + $1] }
      #expect(abs(abs(dot) - 1) < 1e-3, "component \(c)")
      #expect(abs(pca.variances[c] - expected["var"]![c]) < 1e-3 * expected["var"]![c])
    }
  }
}
