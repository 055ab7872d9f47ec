import Foundation

/// Rotary position embeddings (Su et al. 2021) in Hugging Face's rotate-half layout.
///
/// Dimension `i < d/2` of a head is paired with dimension `i + d/2` and the pair is rotated by
/// `position · base^(−2i/d)`. The frequencies and angles are formed in fp32 as transformers
/// forms them, so rotated queries and keys agree with it to float rounding.
struct RotaryEmbedding {
  /// `cos` and `sin` of each angle, `[pos, 1, d_head]`, broadcasting over heads.
  let cos: Tensor
  let sin: Tensor

  init(positions: Range<Int>, dimension: Int, base: Float) {
    let half = dimension / 2
    let inverseFrequencies = (0..<half).map { 1 / Foundation.pow(base, Float(2 * $0) / Float(dimension)) }
    var cosines = [Float](repeating: 0, count: positions.count * dimension)
    var sines = cosines
    for (row, position) in positions.enumerated() {
      for i in 0..<half {
        let angle = Double(Float(position) * inverseFrequencies[i])
        let (c, s) = (Float(Foundation.cos(angle)), Float(Foundation.sin(angle)))
        cosines[row * dimension + i] = c
        cosines[row * dimension + i + half] = c
        sines[row * dimension + i] = s
        sines[row * dimension + i + half] = s
      }
    }
    cos = Tensor(shape: [positions.count, 1, dimension], scalars: cosines)
    sin = Tensor(shape: [positions.count, 1, dimension], scalars: sines)
  }

  /// `x` `[batch, pos, head, d_head]` rotated: `x·cos + rotate_half(x)·sin`.
  func apply(_ x: Tensor) -> Tensor {
    let d = x.shape[x.rank - 1]
    let first = x.slice(axis: -1, 0..<(d / 2))
    let second = x.slice(axis: -1, (d / 2)..<d)
    let rotated = Tensor.concat([second * -1, first], axis: x.rank - 1)
    return x * cos + rotated * sin
  }
}
