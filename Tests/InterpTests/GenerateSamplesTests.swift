import Foundation
import Testing

@testable import Interp

/// Batched sampled generation (`generate(_:samples:maxNewTokens:sampling:hooks:)`) on a small
/// random Llama-family model.
@Suite("HookedTransformer.generate(samples:)")
struct GenerateSamplesTests {
  @Test("a one-sequence cache repeated over a batch continues every row as the full forward pass does")
  func repeatedCacheMatchesFullForward() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    let prompt = [3, 17, 5, 8]
    let next = [[9], [1], [22]]
    let cache = KVCache()
    _ = try model.forward([prompt], runner: nil, cache: cache)
    cache.repeatBatch(3)
    #expect(cache.length(layer: 1) == prompt.count)
    let stepped = try model.forward(next, runner: nil, cache: cache)
    let full = try model(next.map { prompt + $0 }).slice(axis: 1, prompt.count..<(prompt.count + 1))
    #expect(stepped.shape == [3, 1, model.config.vocabularySize])
    #expect((stepped - full).abs().max().item() < 1e-5)
  }

  @Test("one sample equals the single-sequence generation with the same seed")
  func oneSampleMatchesGenerate() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    let sampling = Sampling.sample(temperature: 1.5, seed: 11)
    let single = try model.generate([3, 4, 5], maxNewTokens: 10, sampling: sampling)
    #expect(try model.generate([3, 4, 5], samples: 1, maxNewTokens: 10, sampling: sampling) == [single])
  }

  @Test("greedy rows all equal greedy generation, and every row's tokens follow its own prefix")
  func greedyRowsMatch() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    let greedy = try model.generate([9, 1], maxNewTokens: 7)
    #expect(try model.generate([9, 1], samples: 3, maxNewTokens: 7, sampling: .greedy) == [greedy, greedy, greedy])
    // Sampling with top-k 1 must be greedy row by row even though the rows share a batch.
    let topOne = try model.generate([9, 1], samples: 4, maxNewTokens: 7, sampling: .sample(topK: 1, seed: 5))
    #expect(topOne == Array(repeating: greedy, count: 4))
  }

  @Test("sampled rows are reproducible for a seed, differ from each other and across seeds")
  func seededRows() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    let a = try model.generate([1, 2], samples: 5, maxNewTokens: 12, sampling: .sample(temperature: 2, seed: 1))
    let b = try model.generate([1, 2], samples: 5, maxNewTokens: 12, sampling: .sample(temperature: 2, seed: 1))
    let c = try model.generate([1, 2], samples: 5, maxNewTokens: 12, sampling: .sample(temperature: 2, seed: 2))
    #expect(a == b)
    #expect(a != c)
    #expect(Set(a).count > 1)
    #expect(a.allSatisfy { $0.count == 12 })
  }

  @Test("a steering hook applies to every row at every step; a zero vector changes nothing")
  func steeringApplies() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    let sampling = Sampling.sample(temperature: 1, seed: 3)
    let plain = try model.generate([5, 6, 7], samples: 4, maxNewTokens: 8, sampling: sampling)
    let zero = Tensor.zeros([model.config.modelDimension])
    let unmoved = try model.generate(
      [5, 6, 7], samples: 4, maxNewTokens: 8, sampling: sampling, hooks: [(.residPost(1), Steering.addition(zero))])
    #expect(unmoved == plain)
    // The unembedding column of token 13, added with a large scale after the last block,
    // makes 13 the likeliest token everywhere (the final RMSNorm bounds how likely, so sample
    // cold).
    let toward = model.W_U.select(axis: 1, 13)
    let steered = try model.generate(
      [5, 6, 7], samples: 4, maxNewTokens: 8, sampling: .sample(temperature: 0.01, seed: 3),
      hooks: [(.residPost(1), Steering.addition(toward / toward.norm(), scale: 500))])
    #expect(steered == Array(repeating: Array(repeating: 13, count: 8), count: 4))
    #expect(plain != steered)
  }

  @Test("a row ends after the end-of-sequence token; the others go on to the limit")
  func rowsEndSeparately() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    let sampling = Sampling.sample(temperature: 3, seed: 8)
    let free = try model.generate([2, 3], samples: 6, maxNewTokens: 10, sampling: sampling)
    // A token some rows draw early and some never draw.
    let counts = Dictionary(free.map { Set($0) }.flatMap { $0 }.map { ($0, 1) }, uniquingKeysWith: +)
    let end = try #require(counts.filter { $0.value > 0 && $0.value < 6 }.keys.sorted().first)
    model.endOfSequenceToken = end
    let stopped = try model.generate([2, 3], samples: 6, maxNewTokens: 10, sampling: sampling)
    #expect(stopped.contains { $0.count < 10 })
    for (row, tokens) in stopped.enumerated() {
      if let first = free[row].firstIndex(of: end) {
        #expect(tokens == Array(free[row].prefix(through: first)))
      } else {
        #expect(tokens == free[row])
      }
    }
  }
}
