// One round of the SmolLM2 benchmark in a fresh process: load, forward on [4, 128] tokens,
// greedy generation of 32 tokens, sgemm peak, peak RSS. Prints one JSON line.
//   LMBench GGUF_PATH [forward_repeats=3]
import Foundation
import Interp

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write("usage: LMBench GGUF_PATH [forward_repeats]\n".data(using: .utf8)!)
  exit(2)
}
let url = URL(fileURLWithPath: arguments[1])
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3

var model: HookedTransformer!
let load = try seconds { model = try HookedTransformer(pretrained: url) }

// The same tokens as bench_torch_lm.py: a fixed pseudo-random [4, 128] batch.
var state: UInt64 = 12345
func nextToken() -> Int {
  state = state &* 6364136223846793005 &+ 1442695040888963407
  return Int((state >> 33) % 49152)
}
let batch = (0..<4).map { _ in (0..<128).map { _ in nextToken() } }
var forwardTimes: [Double] = []
try withNoGrad {
  _ = try model(batch)  // warm-up
  for _ in 0..<repeats { forwardTimes.append(try seconds { _ = try model(batch) }) }
}
let forward = forwardTimes.min()!

let prompt = [504, 3575, 282, 4649, 314, 7042, 30, 378, 3575, 282, 7335, 314]  // "The capital of France is Paris. The capital of Germany is"
var generated: [Int] = []
let generate = try seconds { generated = try model.generate(prompt, maxNewTokens: 32) }

// sgemm peak: a 1024³ product through the same matmul, best of 5.
var rng = Xoshiro256(seed: 1)
let a = Tensor.randn([1024, 1024], using: &rng)
let b = Tensor.randn([1024, 1024], using: &rng)
_ = a.matmul(b)
let gemm = (0..<5).map { _ in seconds { _ = a.matmul(b) } }.min()!
let peakGflops = 2.0 * 1024 * 1024 * 1024 / gemm / 1e9

// Forward arithmetic: 2 flops per weight per token in the projections, MLP and unembedding,
// plus the attention products (scores and mixing).
let c = model.config
let perLayer = 2 * c.modelDimension * c.headCount * c.headDimension + 2 * c.modelDimension * c.keyValueHeadCount * c.headDimension
  + 3 * c.modelDimension * c.mlpDimension
let weights = Double(c.layerCount * perLayer + c.modelDimension * c.vocabularySize)
let tokens = 4.0 * 128
let attention = Double(c.layerCount) * 4 * 4 * Double(c.headCount) * 128 * 128 * Double(c.headDimension)
let forwardGflops = (2 * weights * tokens + attention) / forward / 1e9

var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
let line: [String: Any] = [
  "engine": "interp", "load_s": load, "forward_s": forward, "forward_tokens_per_s": tokens / forward,
  "forward_gflops": forwardGflops, "sgemm_gflops": peakGflops, "fraction_of_sgemm_peak": forwardGflops / peakGflops,
  "generate_s": generate, "generated_tokens": generated.count, "generate_tokens_per_s": Double(generated.count) / generate,
  "peak_rss_mb": Double(usage.ru_maxrss) / 1024, "threads": ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] ?? "default",
]
let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
