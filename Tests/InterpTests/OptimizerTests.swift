import Foundation
import Testing

@testable import Interp

/// Optimiser updates against an independent numpy implementation of the PyTorch update rules.
@Suite struct OptimizerTests {
  typealias S = CoreTestSupport

  /// Runs three steps of `optimizer` on `p0` with gradient sequence `grads`.
  private func run(_ make: ([Tensor]) -> any Optimizer, p0: [Float], grads: [[Float]]) -> [Float] {
    let p = Tensor(p0).requiringGrad()
    let optimizer = make([p])
    for g in grads {
      p.grad = Tensor(g)
      optimizer.step()
    }
    return p.toArray()
  }

  private let numpyRules = """
    import json, sys
    import numpy as np
    cfg = json.load(sys.stdin)
    p0 = np.array(cfg["p0"], dtype=np.float64)
    grads = [np.array(g, dtype=np.float64) for g in cfg["grads"]]
    out = {}
    # SGD, momentum 0.9, nesterov, weight decay 0.1 (torch.optim.SGD rules)
    p = p0.copy(); buf = None
    for g in grads:
        d = g + 0.1 * p
        buf = d.copy() if buf is None else 0.9 * buf + d
        p = p - 0.05 * (d + 0.9 * buf)
    out["sgd"] = p.tolist()
    def adam(decoupled, wd):
        p = p0.copy(); m = np.zeros_like(p); v = np.zeros_like(p)
        for t, g in enumerate(grads, 1):
            if decoupled:
                p = p * (1 - 0.01 * wd)
            else:
                g = g + wd * p
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            mh = m / (1 - 0.9 ** t); vh = v / (1 - 0.999 ** t)
            p = p - 0.01 * mh / (np.sqrt(vh) + 1e-8)
        return p.tolist()
    out["adam"] = adam(False, 0.05)
    out["adamw"] = adam(True, 0.5)
    g = np.concatenate([np.array(x) for x in cfg["clip"]])
    out["clipnorm"] = float(np.sqrt((g ** 2).sum()))
    out["clipped"] = (g * 1.0 / (out["clipnorm"] + 1e-6)).tolist()
    print(json.dumps(out))
    """

  @Test func adamOnLongParametersMatchesNumpyInVectorAndTailLanes() throws {
    // 19 elements: two eight-lane blocks and a scalar tail of three.
    let p0: [Float] = (0..<19).map { Float($0) * 0.25 - 2 }
    let grads: [[Float]] = (1...3).map { t in (0..<19).map { i in Float((i * 7 + t * 3) % 11) * 0.1 - 0.5 } }
    let input: [String: Any] = ["p0": p0, "grads": grads, "clip": [[1]]]
    let json = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
    let ref = try JSONSerialization.jsonObject(with: Data(try S.python(numpyRules, input: json).utf8)) as! [String: Any]
    func floats(_ key: String) -> [Float] { (ref[key] as! [Double]).map { Float($0) } }
    let adam = run({ Adam(parameters: $0, learningRate: 0.01, weightDecay: 0.05) }, p0: p0, grads: grads)
    #expect(S.allClose(adam, floats("adam"), rtol: 1e-5, atol: 1e-6))
    let adamW = run({ AdamW(parameters: $0, learningRate: 0.01, weightDecay: 0.5) }, p0: p0, grads: grads)
    #expect(S.allClose(adamW, floats("adamw"), rtol: 1e-5, atol: 1e-6))
  }

  @Test func adamVectorLanesComputeExactlyWhatTheScalarTailComputes() {
    let kernel = AdamKernel(
      beta1: 0.9, beta2: 0.98, epsilon: 1e-8, l2: 0.01, shrink: 0.999, stepSize: 0.003, correction2Root: 0.2)
    let n = 24
    func state(_ seed: Float) -> [Float] { (0..<n).map { Float($0) * seed - 1.3 } }
    var (p1, m1, v1) = (state(0.11), state(0.013), state(0.02).map { $0 * $0 })
    var (p2, m2, v2) = (p1, m1, v1)
    let g = state(0.07)
    kernel.apply(p: &p1, m: &m1, v: &v1, g: g, count: n)
    for i in 0..<n {
      p2.withUnsafeMutableBufferPointer { p in
        m2.withUnsafeMutableBufferPointer { m in
          v2.withUnsafeMutableBufferPointer { v in
            g.withUnsafeBufferPointer { gp in
              kernel.apply(p: p.baseAddress! + i, m: m.baseAddress! + i, v: v.baseAddress! + i, g: gp.baseAddress! + i, count: 1)
            }
          }
        }
      }
    }
    #expect(p1 == p2 && m1 == m2 && v1 == v2)
  }

  @Test func updatesMatchPyTorchRulesComputedInNumpy() throws {
    let p0: [Float] = [0.5, -1.0, 2.0]
    let grads: [[Float]] = [[0.1, -0.2, 0.3], [0.05, 0.4, -0.1], [-0.3, 0.1, 0.2]]
    let clip: [[Float]] = [[3, 4], [0, 12]]
    let input: [String: Any] = ["p0": p0, "grads": grads, "clip": clip]
    let json = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
    let ref = try JSONSerialization.jsonObject(with: Data(try S.python(numpyRules, input: json).utf8)) as! [String: Any]
    func floats(_ key: String) -> [Float] { (ref[key] as! [Double]).map { Float($0) } }

    let sgd = run({ SGD(parameters: $0, learningRate: 0.05, momentum: 0.9, weightDecay: 0.1, nesterov: true) }, p0: p0, grads: grads)
    #expect(S.allClose(sgd, floats("sgd"), rtol: 1e-5, atol: 1e-6))
    let adam = run({ Adam(parameters: $0, learningRate: 0.01, weightDecay: 0.05) }, p0: p0, grads: grads)
    #expect(S.allClose(adam, floats("adam"), rtol: 1e-5, atol: 1e-6))
    let adamW = run({ AdamW(parameters: $0, learningRate: 0.01, weightDecay: 0.5) }, p0: p0, grads: grads)
    #expect(S.allClose(adamW, floats("adamw"), rtol: 1e-5, atol: 1e-6))

    let a = Tensor([0, 0]).requiringGrad()
    let b = Tensor([0, 0]).requiringGrad()
    a.grad = Tensor(clip[0])
    b.grad = Tensor(clip[1])
    let norm = clipGradientNorm([a, b], maxNorm: 1)
    #expect(Swift.abs(norm - Float(ref["clipnorm"] as! Double)) < 1e-5)
    #expect(S.allClose(a.grad!.toArray() + b.grad!.toArray(), floats("clipped"), rtol: 1e-5, atol: 1e-6))
  }

  @Test func clippingLeavesSmallGradientsAlone() {
    let a = Tensor([0, 0]).requiringGrad()
    a.grad = Tensor([0.3, 0.4])
    #expect(Swift.abs(clipGradientNorm([a], maxNorm: 1) - 0.5) < 1e-6)
    #expect(a.grad?.toArray() == [0.3, 0.4])
  }

  @Test func parametersWithoutGradientsAreSkipped() {
    let a = Tensor([1, 2]).requiringGrad()
    let optimizer = Adam(parameters: [a], learningRate: 0.1)
    optimizer.step()
    #expect(a.toArray() == [1, 2])
  }

  @Test func sgdMinimisesAQuadratic() {
    let x = Tensor([3, -2]).requiringGrad()
    let optimizer = SGD(parameters: [x], learningRate: 0.1, momentum: 0.5)
    for _ in 0..<100 {
      optimizer.zeroGrad()
      (x - Tensor([1, 1])).square().sum().backward()
      optimizer.step()
    }
    #expect(S.allClose(x.toArray(), [1, 1], rtol: 0, atol: 1e-3))
  }
}
