import Foundation
import Testing

@testable import Interp

/// Helpers shared by the core tensor tests.
enum CoreTestSupport {
  /// Runs `python3 -c script` with `input` on stdin and returns stdout (fails the test on error).
  static func python(_ script: String, input: String = "") throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(input.data(using: .utf8)!)
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus != 0 {
      throw PythonError(message: String(decoding: err, as: UTF8.self))
    }
    return String(decoding: out, as: UTF8.self)
  }

  struct PythonError: Error, CustomStringConvertible {
    var message: String
    var description: String { "python3 failed: \(message)" }
  }

  /// A deterministic random tensor.
  static func random(_ shape: [Int], seed: UInt64, low: Float = -1, high: Float = 1) -> Tensor {
    var rng = Xoshiro256(seed: seed)
    return Tensor.uniform(shape, low: low, high: high, using: &rng)
  }

  /// Whether every element of `a` is within `atol + rtol·|b|` of `b`, shapes equal.
  static func allClose(_ a: Tensor, _ b: Tensor, rtol: Float = 1e-5, atol: Float = 1e-5) -> Bool {
    guard a.shape == b.shape else { return false }
    return zip(a.toArray(), b.toArray()).allSatisfy { x, y in Swift.abs(x - y) <= atol + rtol * Swift.abs(y) }
  }

  static func allClose(_ a: [Float], _ b: [Float], rtol: Float = 1e-5, atol: Float = 1e-5) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { x, y in Swift.abs(x - y) <= atol + rtol * Swift.abs(y) }
  }

  /// Compares autograd gradients of `f` with central finite differences.
  ///
  /// The scalar checked is `Σ f(inputs) · R` for a fixed random `R`, evaluated in `Double`, so
  /// every output element contributes with a distinct weight. Returns the largest violation
  /// `|analytic − numeric| − (atol + rtol·|numeric|)` (≤ 0 means all gradients agree).
  static func gradientViolation(
    _ inputs: [Tensor], eps: Float = 1e-2, rtol: Float = 2e-2, atol: Float = 2e-3,
    _ f: ([Tensor]) -> Tensor
  ) -> (violation: Float, detail: String) {
    let params = inputs.map { $0.requiringGrad() }
    let out = f(params)
    let weights = random(out.shape, seed: 99, low: 0.5, high: 1.5)
    (out * weights).sum().backward()
    let weightValues = weights.toArray().map(Double.init)
    func objective(_ values: [Tensor]) -> Double {
      let y = withNoGrad { f(values) }.toArray()
      var total = 0.0
      for (v, w) in zip(y, weightValues) { total += Double(v) * w }
      return total
    }
    var worst: Float = -.infinity
    var detail = ""
    for (i, input) in inputs.enumerated() {
      let analytic = params[i].grad?.toArray() ?? [Float](repeating: 0, count: input.count)
      let base = input.toArray()
      for j in 0..<base.count {
        var plus = base
        plus[j] += eps
        var minus = base
        minus[j] -= eps
        var up = inputs
        up[i] = Tensor(shape: input.shape, scalars: plus)
        var down = inputs
        down[i] = Tensor(shape: input.shape, scalars: minus)
        let numeric = Float((objective(up) - objective(down)) / Double(2 * eps))
        let excess = Swift.abs(analytic[j] - numeric) - (atol + rtol * Swift.abs(numeric))
        if excess > worst {
          worst = excess
          detail = "input \(i) element \(j): autograd \(analytic[j]) vs numeric \(numeric)"
        }
      }
    }
    return (worst, detail)
  }
}
