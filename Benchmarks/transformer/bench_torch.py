# PyTorch eager counterpart of TransformerBench: same architecture, data size and optimiser.
# Usage: python3 bench_torch.py [epochs=200] [repeats=3]   (threads from THREADS, default 2)
import os, sys, time, torch
epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
torch.set_num_threads(int(os.environ.get("THREADS", "2")))
p, d, H, dh, m = 59, 128, 4, 32, 512
g = torch.Generator().manual_seed(0)
pairs = torch.randperm(p * p, generator=g)[: round(p * p * 0.3)]
a, b = pairs // p, pairs % p
x = torch.stack([a, b, torch.full_like(a, p)], 1)
y = (a + b) % p
def param(*shape, fan):
    return torch.nn.Parameter(torch.randn(*shape, generator=g) / fan ** 0.5)
def measure(label, last_only):
    best = float("inf")
    for r in range(repeats):
        W_E, W_pos = param(p + 1, d, fan=d), param(3, d, fan=d)
        W_Q, W_K, W_V = (param(H, d, dh, fan=d) for _ in range(3))
        W_O = param(H, dh, d, fan=H * dh)
        b_Q, b_K, b_V = (torch.nn.Parameter(torch.zeros(H, dh)) for _ in range(3))
        b_O = torch.nn.Parameter(torch.zeros(d))
        W_in, W_out = param(d, m, fan=d), param(m, d, fan=m)
        b_in, b_out = torch.nn.Parameter(torch.zeros(m)), torch.nn.Parameter(torch.zeros(d))
        W_U, b_U = param(d, p + 1, fan=d), torch.nn.Parameter(torch.zeros(p + 1))
        params = [W_E, W_pos, W_Q, W_K, W_V, W_O, b_Q, b_K, b_V, b_O, W_in, b_in, W_out, b_out, W_U, b_U]
        opt = torch.optim.AdamW(params, lr=1e-3, betas=(0.9, 0.98), weight_decay=1.0)
        mask = torch.triu(torch.ones(3, 3, dtype=torch.bool), 1)
        def proj(r, W, b, n):  # all heads in one product, as the Swift side does
            return (r @ W.permute(1, 0, 2).reshape(d, H * dh) + b.reshape(-1)).reshape(len(x), n, H, dh).transpose(1, 2)
        def forward_full():
            r = W_E[x] + W_pos[None]
            q, k, v = proj(r, W_Q, b_Q, 3), proj(r, W_K, b_K, 3), proj(r, W_V, b_V, 3)
            s = (q @ k.transpose(-1, -2) / dh ** 0.5).masked_fill(mask, float("-inf")).softmax(-1)
            z = (s @ v).transpose(1, 2).reshape(len(x), 3, H * dh)
            r = r + z @ W_O.reshape(H * dh, d) + b_O
            r = r + torch.relu(r @ W_in + b_in) @ W_out + b_out
            return (r @ W_U + b_U)[:, -1]
        def forward_last():  # the same pruning by hand: queries, MLP and unembedding at the last position only
            r = W_E[x] + W_pos[None]
            last = r[:, -1:]
            q, k, v = proj(last, W_Q, b_Q, 1), proj(r, W_K, b_K, 3), proj(r, W_V, b_V, 3)
            s = (q @ k.transpose(-1, -2) / dh ** 0.5).softmax(-1)
            z = (s @ v).transpose(1, 2).reshape(len(x), H * dh)
            r = last[:, 0] + z @ W_O.reshape(H * dh, d) + b_O
            r = r + torch.relu(r @ W_in + b_in) @ W_out + b_out
            return r @ W_U + b_U
        forward = forward_last if last_only else forward_full
        start = time.perf_counter()
        for _ in range(epochs):
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(forward(), y)
            loss.backward()
            opt.step()
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        print(f"{label} repeat {r}: {elapsed:.3f} s, final loss {loss.item():.4f}", file=sys.stderr)
    print(f"{label} modadd p=59 train={len(x)}  {epochs} epochs  best {best:.3f} s  {epochs / best:.1f} epochs/s  {best / epochs * 1000:.2f} ms/epoch  loss {loss.item():.4f}")

measure("torch-full", False)
measure("torch-last", True)
