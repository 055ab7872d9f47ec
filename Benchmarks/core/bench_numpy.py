"""numpy side of the Interp core benchmarks (sgemm and a hand-differentiated SAE step)."""
import json
import sys
import time

import numpy as np


def sgemm(n=1024, repeats=20):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    a @ b
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"impl": "numpy", "bench": "sgemm", "n": n, "seconds": best, "gflops": 2 * n**3 / best / 1e9}))


def sae(steps=200, repeats=3, label="numpy"):
    d, latents, batch, l1, lr = 64, 512, 1024, 0.3, 1e-3
    b1, b2, eps = 0.9, 0.999, 1e-8
    rng = np.random.default_rng(0)
    batches = [rng.standard_normal((batch, d), dtype=np.float32) for _ in range(8)]
    params = {
        "w_enc": (rng.standard_normal((d, latents), dtype=np.float32) * 0.1),
        "b_enc": np.zeros(latents, np.float32),
        "w_dec": (rng.standard_normal((latents, d), dtype=np.float32) * 0.1),
        "b_dec": np.zeros(d, np.float32),
    }
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v = {k: np.zeros_like(v) for k, v in params.items()}
    t = [0]
    last = [0.0]

    def step(i):
        x = batches[i % len(batches)]
        p = params
        pre = x @ p["w_enc"] + p["b_enc"]
        f = np.maximum(pre, 0)
        xhat = f @ p["w_dec"] + p["b_dec"]
        diff = xhat - x
        loss = (diff * diff).sum(1).mean() + l1 * np.abs(f).sum(1).mean()
        d_xhat = diff * (2.0 / batch)
        grads = {"w_dec": f.T @ d_xhat, "b_dec": d_xhat.sum(0)}
        df = d_xhat @ p["w_dec"].T + np.sign(f) * (l1 / batch)
        dpre = df * (pre > 0)
        grads["w_enc"] = x.T @ dpre
        grads["b_enc"] = dpre.sum(0)
        t[0] += 1
        c1 = 1 - b1 ** t[0]
        c2 = np.sqrt(1 - b2 ** t[0])
        for k in params:
            g = grads[k]
            m[k] *= b1
            m[k] += (1 - b1) * g
            v[k] *= b2
            v[k] += (1 - b2) * g * g
            params[k] -= (lr / c1) * m[k] / (np.sqrt(v[k]) / c2 + eps)
        last[0] = float(loss)

    for i in range(10):
        step(i)
    best = best_cpu = float("inf")
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        for i in range(steps):
            step(i)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(json.dumps({"impl": label, "bench": "sae", "steps": steps, "ms_per_step": best / steps * 1000,
                      "cpu_ms_per_step": best_cpu / steps * 1000,
                      "final_loss": last[0]}))


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "all"
    if mode in ("sgemm", "all"):
        sgemm()
    if mode in ("sae", "all"):
        sae(label=sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--label" else "numpy")
