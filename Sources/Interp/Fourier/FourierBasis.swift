import Foundation

/// The real Fourier basis of functions on Z_p (Nanda et al. 2023, "Progress measures for
/// grokking via mechanistic interpretability"): an orthonormal set of `p` vectors, the constant
/// `1/√p` and, for each frequency `k` in `1...(p−1)/2`, `√(2/p)·cos(2πkx/p)` and
/// `√(2/p)·sin(2πkx/p)` (plus the alternating vector for even `p`).
///
/// A matrix whose rows are indexed by residues (an embedding `W_E[:p]`) is sparse in this basis
/// after grokking: a few key frequencies hold most of its power.
public struct FourierBasis: Sendable {
  public let p: Int
  /// Basis vectors `[p][p]`: row 0 is the constant, then cos k, sin k for k = 1, 2, ….
  public let vectors: [[Double]]
  /// The frequency of each basis vector (0 for the constant; p/2 for the alternating one).
  public let frequencies: [Int]

  /// - Throws: ``DataError`` for `p < 2`.
  public init(p: Int) throws {
    guard p >= 2 else { throw DataError.invalidArgument("a Fourier basis needs p ≥ 2, got \(p)") }
    self.p = p
    var vectors = [[Double]((0..<p).map { _ in 1 / Double(p).squareRoot() })]
    var frequencies = [0]
    let scale = (2 / Double(p)).squareRoot()
    for k in 1...Swift.max(1, (p - 1) / 2) where k <= (p - 1) / 2 {
      vectors.append((0..<p).map { scale * cos(2 * .pi * Double(k * $0 % p) / Double(p)) })
      vectors.append((0..<p).map { scale * sin(2 * .pi * Double(k * $0 % p) / Double(p)) })
      frequencies += [k, k]
    }
    if p % 2 == 0 {
      vectors.append((0..<p).map { ($0 % 2 == 0 ? 1 : -1) / Double(p).squareRoot() })
      frequencies.append(p / 2)
    }
    self.vectors = vectors
    self.frequencies = frequencies
  }

  /// The number of non-constant frequencies, `⌊p/2⌋`.
  public var frequencyCount: Int { p / 2 }

  /// The power of `rows` (`p` rows of any width, e.g. `W_E[:p]`) at each frequency `1...⌊p/2⌋`:
  /// the squared norm of its projection on that frequency's basis vectors, summed over columns.
  /// The constant component is left out (it carries no information about the residue).
  ///
  /// - Throws: ``DataError`` unless `rows` has exactly `p` rows of equal width.
  public func frequencyPower(of rows: [[Double]]) throws -> [Double] {
    guard rows.count == p, let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else {
      throw DataError.invalidArgument("frequency power needs \(p) rows of equal width, got \(rows.count)")
    }
    var power = [Double](repeating: 0, count: frequencyCount)
    for (vector, frequency) in zip(vectors, frequencies) where frequency > 0 {
      for column in 0..<width {
        var projection = 0.0
        for x in 0..<p { projection += vector[x] * rows[x][column] }
        power[frequency - 1] += projection * projection
      }
    }
    return power
  }

  /// The share of the total (non-constant) power held by the `k` strongest frequencies.
  public static func topShare(_ power: [Double], k: Int) -> Double {
    let total = power.reduce(0, +)
    guard total > 0 else { return 0 }
    return power.sorted(by: >).prefix(Swift.max(0, k)).reduce(0, +) / total
  }
}
