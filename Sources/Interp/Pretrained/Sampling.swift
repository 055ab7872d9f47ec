/// How ``HookedTransformer/generate(_:maxNewTokens:sampling:hooks:)`` picks each next token.
public enum Sampling: Sendable, Equatable {
  /// The most likely token (the lowest id among equals), as transformers' greedy search.
  case greedy
  /// A draw from the softmax of `logits / temperature`, restricted to the `topK` most likely
  /// tokens and then to the smallest set whose probability reaches `topP` (nucleus sampling),
  /// from a ``Xoshiro256`` stream seeded with `seed`, so a generation is reproducible.
  case sample(temperature: Float = 1, topK: Int? = nil, topP: Float? = nil, seed: UInt64)

  /// The token chosen from one row of logits.
  func choose(_ logits: [Float], rng: inout Xoshiro256) -> Int {
    guard case .sample(let temperature, let topK, let topP, _) = self, temperature > 0 else {
      var best = 0
      for i in logits.indices where logits[i] > logits[best] { best = i }
      return best
    }
    var order = logits.indices.sorted { logits[$0] > logits[$1] || (logits[$0] == logits[$1] && $0 < $1) }
    if let topK, topK > 0, topK < order.count { order = Array(order.prefix(topK)) }
    let top = Double(logits[order[0]] / temperature)
    var weights = order.map { Foundation.exp(Double(logits[$0] / temperature) - top) }
    let total = weights.reduce(0, +)
    weights = weights.map { $0 / total }
    if let topP, topP < 1 {
      var cumulative = 0.0
      var keep = 0
      while keep < weights.count {
        cumulative += weights[keep]
        keep += 1
        if cumulative >= Double(topP) { break }
      }
      order = Array(order.prefix(keep))
      weights = Array(weights.prefix(keep))
    }
    let kept = weights.reduce(0, +)
    var u = rng.nextDouble() * kept
    for (token, weight) in zip(order, weights) {
      u -= weight
      if u < 0 { return token }
    }
    return order[order.count - 1]
  }
}

import Foundation
