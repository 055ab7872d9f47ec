// Benchmarks for the Interp core, printed as one JSON object per line.
//
//   InterpBench sgemm [n] [repeats]  – best-of-N GFLOP/s of Tensor.matmul on n×n
//   InterpBench sae [steps] [repeats] – ms/step of SAE training through autograd + Adam
//   InterpBench profile [repeats]     – per-operation times on the SAE shapes
import Foundation
import Interp

func now() -> Double { clock(CLOCK_MONOTONIC) }

/// CPU time of the whole process (all threads); less sensitive than wall time to other jobs.
func cpuNow() -> Double { clock(CLOCK_PROCESS_CPUTIME_ID) }

func clock(_ id: clockid_t) -> Double {
  var ts = timespec()
  clock_gettime(id, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func sgemm(n: Int, repeats: Int) {
  var rng = Xoshiro256(seed: 1)
  let a = Tensor.randn([n, n], using: &rng)
  let b = Tensor.randn([n, n], using: &rng)
  _ = a.matmul(b)
  var best = Double.infinity
  for _ in 0..<repeats {
    let start = now()
    let c = a.matmul(b)
    best = min(best, now() - start)
    precondition(c.count == n * n)
  }
  let gflops = 2 * Double(n * n * n) / best / 1e9
  print(#"{"impl": "interp", "bench": "sgemm", "n": \#(n), "seconds": \#(best), "gflops": \#(gflops)}"#)
}

/// A ReLU SAE with L1 penalty, as in the numpy and PyTorch scripts next to this package.
func sae(steps: Int, repeats: Int) {
  let d = 64
  let latents = 512
  let batch = 1024
  let l1: Float = 0.3
  var rng = Xoshiro256(seed: 0)
  let batches = (0..<8).map { _ in Tensor.randn([batch, d], using: &rng) }
  let wEnc = (Tensor.randn([d, latents], using: &rng) * 0.1).requiringGrad()
  let bEnc = Tensor.zeros([latents]).requiringGrad()
  let wDec = (Tensor.randn([latents, d], using: &rng) * 0.1).requiringGrad()
  let bDec = Tensor.zeros([d]).requiringGrad()
  let optimizer = Adam(parameters: [wEnc, bEnc, wDec, bDec], learningRate: 1e-3)
  var lastLoss: Float = 0
  func step(_ i: Int) {
    let x = batches[i % batches.count]
    optimizer.zeroGrad()
    let f = x.matmul(wEnc, adding: bEnc).relu()
    let reconstruction = f.matmul(wDec, adding: bDec)
    let loss = (reconstruction - x).square().sum(axis: 1).mean() + l1 * f.abs().sum(axis: 1).mean()
    loss.backward()
    optimizer.step()
    lastLoss = loss.item()
  }
  for i in 0..<10 { step(i) }
  var best = Double.infinity
  var bestCPU = Double.infinity
  for _ in 0..<repeats {
    let start = now()
    let startCPU = cpuNow()
    for i in 0..<steps { step(i) }
    best = min(best, now() - start)
    bestCPU = min(bestCPU, cpuNow() - startCPU)
  }
  let ms = best / Double(steps) * 1000
  let cpuMs = bestCPU / Double(steps) * 1000
  print(#"{"impl": "interp", "bench": "sae", "steps": \#(steps), "ms_per_step": \#(ms), "cpu_ms_per_step": \#(cpuMs), "final_loss": \#(lastLoss)}"#)
}

let args = CommandLine.arguments
let mode = args.count > 1 ? args[1] : "all"
let first = args.count > 2 ? Int(args[2]) : nil
let second = args.count > 3 ? Int(args[3]) : nil
switch mode {
case "sgemm": sgemm(n: first ?? 1024, repeats: second ?? 10)
case "sae": sae(steps: first ?? 200, repeats: second ?? 3)
case "profile": profile(repeats: first ?? 50)
case "phases": saePhases(steps: first ?? 400)
default:
  sgemm(n: 1024, repeats: 10)
  sae(steps: 200, repeats: 3)
}

/// Per-operation timings on the SAE shapes (best of `repeats`), to see where a step goes.
func profile(repeats: Int) {
  var rng = Xoshiro256(seed: 0)
  let x = Tensor.randn([1024, 64], using: &rng)
  let w = Tensor.randn([64, 512], using: &rng) * 0.1
  let b = Tensor.zeros([512])
  let wd = Tensor.randn([512, 64], using: &rng) * 0.1
  let pre = x.matmul(w, adding: b)
  let f = pre.relu()
  let d = Tensor.randn([1024, 64], using: &rng)
  func time(_ name: String, _ body: () -> Tensor) {
    _ = body()
    var best = Double.infinity
    for _ in 0..<repeats {
      let start = now()
      let r = body()
      best = min(best, now() - start)
      precondition(r.count > 0)
    }
    print(#"{"impl": "interp", "bench": "op", "op": "\#(name)", "ms": \#(best * 1000)}"#)
  }
  time("x@W") { x.matmul(w) }
  time("x@W+b") { x.matmul(w, adding: b) }
  time("relu") { pre.relu() }
  time("abs") { f.abs() }
  time("abs.sum(1)") { f.abs().sum(axis: 1) }
  time("f@Wd") { f.matmul(wd) }
  time("d@Wd.T") { d.matmul(wd.mT) }
  time("f.T@d") { f.mT.matmul(d) }
  time("x.T@pre") { x.mT.matmul(pre) }
  time("add") { pre + f }
  time("mul") { pre * f }
  time("sum(0)") { pre.sum(axis: 0) }
}

/// Wall time of an SAE step's phases (forward to the loss, backward, optimiser), summed over `steps`.
func saePhases(steps: Int) {
  var rng = Xoshiro256(seed: 0)
  let batches = (0..<8).map { _ in Tensor.randn([1024, 64], using: &rng) }
  let wEnc = (Tensor.randn([64, 512], using: &rng) * 0.1).requiringGrad()
  let bEnc = Tensor.zeros([512]).requiringGrad()
  let wDec = (Tensor.randn([512, 64], using: &rng) * 0.1).requiringGrad()
  let bDec = Tensor.zeros([64]).requiringGrad()
  let optimizer = Adam(parameters: [wEnc, bEnc, wDec, bDec], learningRate: 1e-3)
  var phase = [Double](repeating: 0, count: 8)
  for i in 0..<(steps + 20) {
    let x = batches[i % batches.count]
    let t0 = now()
    optimizer.zeroGrad()
    let tz = now()
    let pre = x.matmul(wEnc, adding: bEnc)
    let tm = now()
    let f = pre.relu()
    let t1 = now()
    let reconstruction = f.matmul(wDec, adding: bDec)
    let t2 = now()
    let loss = (reconstruction - x).square().sum(axis: 1).mean() + 0.3 * f.abs().sum(axis: 1).mean()
    let t3 = now()
    loss.backward()
    let t4 = now()
    optimizer.step()
    let t5 = now()
    _ = loss.item()
    if i >= 20 {
      for (k, v) in [tz - t0, tm - tz, t1 - tm, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0].enumerated() { phase[k] += v }
    }
  }
  for (name, v) in zip(["zeroGrad", "encode matmul", "encode relu", "decode", "loss", "backward", "adam", "total"], phase) {
    print(name, String(format: "%.3f ms", v / Double(steps) * 1000))
  }
}
