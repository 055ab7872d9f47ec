/// The PCA-residual anomaly score: the squared distance of a row from the span of the top
/// principal directions of in-distribution data (the part of the input the main directions of
/// variation do not explain).
public struct PCAResidualScorer {
  public let components: PrincipalComponents

  /// Fits `count` principal directions to reference rows `[n, d]`.
  public init(fitting reference: Tensor, count: Int) throws {
    components = try PrincipalComponents(fitting: reference, count: count)
  }

  /// `‖(x − μ) − P·Pᵀ(x − μ)‖²` for each row of `x` `[m, d]`.
  public func scores(_ x: Tensor) throws -> [Double] {
    let d = components.directions.shape[1]
    guard x.rank == 2, x.shape[1] == d else { throw BaselineError.invalidArgument("expected rows [m, \(d)], got \(x.shape)") }
    let centred = x - components.mean
    let projected = centred.matmul(components.directions.T).matmul(components.directions)
    return (centred - projected).square().sum(axis: 1).toArray().map(Double.init)
  }
}
