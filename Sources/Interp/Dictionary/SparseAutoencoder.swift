/// A sparse autoencoder (dictionary learner) on activation vectors, as in SAELens's standard and
/// TopK architectures.
///
/// `f = σ((x − b_dec)·W_enc + b_enc)`, `x̂ = f·W_dec + b_dec`, where σ is ReLU (trained with an
/// L1 penalty on `f`, weighted by decoder norms being held at 1) or TopK (keep the `k` largest
/// pre-activations per example). Decoder rows (`W_dec`, `[latents, d]`) are the dictionary
/// atoms; ``normalizeDecoder()`` keeps them unit-norm.
public final class SparseAutoencoder: Module {
  /// How latents are made sparse.
  public enum Sparsity: Sendable, Equatable {
    /// ReLU latents with loss `‖x − x̂‖² + l1·‖f‖₁` (summed over features, averaged over examples).
    case reluL1(l1: Float)
    /// The `k` largest pre-activations per example are kept (after ReLU); no sparsity penalty.
    case topK(Int)
  }

  public let W_enc: Tensor
  public let b_enc: Tensor
  public let W_dec: Tensor
  public let b_dec: Tensor
  public let sparsity: Sparsity

  /// The width of the input activations.
  public var inputDimension: Int { W_dec.shape[1] }
  /// The number of latents (dictionary atoms).
  public var latentCount: Int { W_dec.shape[0] }

  /// An SAE with unit-norm random decoder rows and the encoder initialised to their transpose.
  ///
  /// - Throws: ``DictionaryError`` for non-positive sizes or a `k` outside `1...latentCount`.
  public init(inputDimension: Int, latentCount: Int, sparsity: Sparsity, rng: inout Xoshiro256) throws {
    guard inputDimension > 0, latentCount > 0 else {
      throw DictionaryError.invalidArgument("SAE sizes must be positive, got d = \(inputDimension), latents = \(latentCount)")
    }
    if case .topK(let k) = sparsity, k < 1 || k > latentCount {
      throw DictionaryError.invalidArgument("TopK needs 1 ≤ k ≤ \(latentCount), got k = \(k)")
    }
    let decoder = Tensor.randn([latentCount, inputDimension], using: &rng)
    let unit = decoder / decoder.norm(axes: [1], keepDims: true)
    W_dec = unit.clone().requiringGrad()
    W_enc = unit.T.clone().requiringGrad()
    b_enc = Tensor.zeros([latentCount]).requiringGrad()
    b_dec = Tensor.zeros([inputDimension]).requiringGrad()
    self.sparsity = sparsity
  }

  public var localParameters: [(name: String, tensor: Tensor)] {
    [("W_enc", W_enc), ("b_enc", b_enc), ("W_dec", W_dec), ("b_dec", b_dec)]
  }

  /// Latent activations `[batch, latents]` for inputs `[batch, d]`.
  public func encode(_ x: Tensor) -> Tensor {
    let pre = (x - b_dec).matmul(W_enc, adding: b_enc)
    switch sparsity {
    case .reluL1: return pre.relu()
    case .topK(let k):
      let (_, indices) = pre.topK(k, axis: -1)
      let rows = pre.shape[0]
      let width = pre.shape[1]
      var mask = [Float](repeating: 0, count: rows * width)
      for (i, index) in indices.enumerated() { mask[(i / k) * width + index] = 1 }
      return pre.relu() * Tensor(shape: [rows, width], scalars: mask)
    }
  }

  /// Reconstructions `[batch, d]` from latents `[batch, latents]`.
  public func decode(_ f: Tensor) -> Tensor { f.matmul(W_dec, adding: b_dec) }

  /// The training loss, the reconstruction and the latents for a batch `[batch, d]`.
  public func loss(_ x: Tensor) -> (loss: Tensor, reconstruction: Tensor, latents: Tensor) {
    let f = encode(x)
    let reconstruction = decode(f)
    let mse = (reconstruction - x).square().sum(axis: 1).mean()
    switch sparsity {
    case .reluL1(let l1): return (mse + f.abs().sum(axis: 1).mean() * l1, reconstruction, f)
    case .topK: return (mse, reconstruction, f)
    }
  }

  /// Rescales every decoder row to unit norm (call after each optimiser step).
  public func normalizeDecoder() {
    withNoGrad {
      var target = W_dec
      target.assign(W_dec / (W_dec.norm(axes: [1], keepDims: true) + 1e-8))
    }
  }
}

/// A failure to build, train or evaluate a dictionary.
public enum DictionaryError: Error, Equatable, CustomStringConvertible {
  case invalidArgument(String)
  case shapeMismatch(what: String, expected: [Int], found: [Int])

  public var description: String {
    switch self {
    case .invalidArgument(let detail): return "sparse autoencoder: \(detail)"
    case .shapeMismatch(let what, let expected, let found):
      return "sparse autoencoder: \(what) has shape \(found), expected \(expected)"
    }
  }
}
