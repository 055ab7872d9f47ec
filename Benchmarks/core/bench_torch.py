"""PyTorch eager side of the Interp core benchmarks (autograd + torch.optim.Adam)."""
import json
import os
import sys
import time

import torch


def sae(steps=200, repeats=3, variant="fused"):
    d, latents, batch, l1 = 64, 512, 1024, 0.3
    g = torch.Generator().manual_seed(0)
    batches = [torch.randn(batch, d, generator=g) for _ in range(8)]
    w_enc = (torch.randn(d, latents, generator=g) * 0.1).requires_grad_()
    b_enc = torch.zeros(latents, requires_grad=True)
    w_dec = (torch.randn(latents, d, generator=g) * 0.1).requires_grad_()
    b_dec = torch.zeros(d, requires_grad=True)
    # "fused" is PyTorch's fastest eager form of this step: the single-kernel Adam (CPU since
    # 2.4) and addmm for product plus bias, as nn.Linear does. "plain" is the step as usually
    # written: `x @ w + b` and the default Adam.
    fused = variant == "fused"
    opt = torch.optim.Adam([w_enc, b_enc, w_dec, b_dec], lr=1e-3, fused=fused)
    last = [0.0]

    def step(i):
        x = batches[i % len(batches)]
        opt.zero_grad()
        if fused:
            f = torch.relu(torch.addmm(b_enc, x, w_enc))
            xhat = torch.addmm(b_dec, f, w_dec)
        else:
            f = torch.relu(x @ w_enc + b_enc)
            xhat = f @ w_dec + b_dec
        loss = (xhat - x).pow(2).sum(1).mean() + l1 * f.abs().sum(1).mean()
        loss.backward()
        opt.step()
        last[0] = loss.item()

    for i in range(10):
        step(i)
    best = best_cpu = float("inf")
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        for i in range(steps):
            step(i)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(json.dumps({"impl": "torch" if fused else "torch-plain", "bench": "sae", "steps": steps, "ms_per_step": best / steps * 1000,
                      "cpu_ms_per_step": best_cpu / steps * 1000,
                      "final_loss": last[0], "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    torch.set_num_threads(int(os.environ.get("THREADS", "2")))
    sae(variant=sys.argv[1] if len(sys.argv) > 1 else "fused")
