/// Trains a ``SparseAutoencoder`` with Adam, unit-norm decoder rows and dead-latent resampling.
///
/// A latent is *dead* when it has not fired on any training example for ``deadWindow`` steps.
/// Every ``resampleEvery`` steps dead latents are re-initialised towards the inputs the SAE
/// currently reconstructs worst (Bricken et al. 2023): the decoder row becomes the normalised
/// residual `x − x̂` of a high-loss input, the encoder column a scaled copy, and the bias zero.
public final class SAETrainer {
  public let sae: SparseAutoencoder
  public let optimizer: Adam
  /// Steps without firing after which a latent counts as dead.
  public var deadWindow: Int
  /// How often dead latents are resampled (0 turns resampling off).
  public var resampleEvery: Int
  /// Steps since each latent last fired.
  public private(set) var stepsSinceFired: [Int]
  /// Total latents resampled so far.
  public private(set) var resampledCount = 0
  public private(set) var step = 0

  public init(
    _ sae: SparseAutoencoder, learningRate: Float = 1e-3, deadWindow: Int = 200, resampleEvery: Int = 250
  ) {
    self.sae = sae
    optimizer = Adam(parameters: sae.parameters, learningRate: learningRate)
    self.deadWindow = deadWindow
    self.resampleEvery = resampleEvery
    stepsSinceFired = [Int](repeating: 0, count: sae.latentCount)
  }

  /// One optimiser step on `batch` `[n, d]`; returns the loss before the step.
  @discardableResult
  public func train(on batch: Tensor, rng: inout Xoshiro256) throws -> Float {
    guard batch.rank == 2, batch.shape[1] == sae.inputDimension else {
      throw DictionaryError.shapeMismatch(what: "training batch", expected: [batch.shape.first ?? 0, sae.inputDimension], found: batch.shape)
    }
    optimizer.zeroGrad()
    let (loss, reconstruction, latents) = sae.loss(batch)
    loss.backward()
    optimizer.step()
    sae.normalizeDecoder()
    step += 1
    let fired = latents.detached().greater(0).sum(axis: 0).toArray()
    for j in 0..<fired.count { stepsSinceFired[j] = fired[j] > 0 ? 0 : stepsSinceFired[j] + 1 }
    if resampleEvery > 0 && step % resampleEvery == 0 {
      resampleDead(batch: batch, reconstruction: reconstruction.detached(), rng: &rng)
    }
    return loss.item()
  }

  /// Indices of latents that have not fired for ``deadWindow`` steps.
  public var deadLatents: [Int] { stepsSinceFired.indices.filter { stepsSinceFired[$0] >= deadWindow } }

  func resampleDead(batch: Tensor, reconstruction: Tensor, rng: inout Xoshiro256) {
    let dead = deadLatents
    guard !dead.isEmpty else { return }
    let residual = batch.detached() - reconstruction
    let losses = residual.square().sum(axis: 1).toArray().map(Double.init)
    let total = losses.reduce(0, +)
    guard total > 0 else { return }
    withNoGrad {
      var decoder = sae.W_dec.clone()
      var encoder = sae.W_enc.clone()
      var bias = sae.b_enc.clone()
      for latent in dead {
        // Sample an input with probability proportional to its squared reconstruction error.
        var u = rng.nextDouble() * total
        var chosen = losses.count - 1
        for (i, l) in losses.enumerated() {
          u -= l
          if u <= 0 { chosen = i; break }
        }
        let direction = residual.select(axis: 0, chosen)
        let unit = direction / (direction.norm() + 1e-8)
        decoder[latent] = unit
        encoder[TensorIndex.all, latent] = unit * 0.2
        bias[latent] = Tensor(0)
        stepsSinceFired[latent] = 0
      }
      var w = sae.W_dec
      w.assign(decoder)
      var e = sae.W_enc
      e.assign(encoder)
      var b = sae.b_enc
      b.assign(bias)
    }
    resampledCount += dead.count
  }
}
