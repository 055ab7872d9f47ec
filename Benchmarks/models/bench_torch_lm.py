#!/usr/bin/env python3
"""One round of the SmolLM2 benchmark on PyTorch eager fp32 (transformers), mirroring LMBench.
   python3 bench_torch_lm.py GGUF_PATH [forward_repeats=3]   (OMP_NUM_THREADS sets the threads)"""
import json, os, resource, sys, time
import torch
from transformers import AutoModelForCausalLM

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
t = time.perf_counter()
model = AutoModelForCausalLM.from_pretrained(os.path.dirname(path), gguf_file=os.path.basename(path), dtype=torch.float32).eval()
load = time.perf_counter() - t

state = 12345
def next_token():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 33) % 49152
batch = torch.tensor([[next_token() for _ in range(128)] for _ in range(4)])
times = []
with torch.no_grad():
    model(batch)
    for _ in range(repeats):
        t = time.perf_counter(); model(batch); times.append(time.perf_counter() - t)
forward = min(times)
prompt = torch.tensor([[504, 3575, 282, 4649, 314, 7042, 30, 378, 3575, 282, 7335, 314]])
with torch.no_grad():
    t = time.perf_counter()
    out = model.generate(prompt, max_new_tokens=32, do_sample=False, pad_token_id=2)
    generate = time.perf_counter() - t
generated = out.shape[1] - prompt.shape[1]
print(json.dumps({"engine": "torch", "load_s": load, "forward_s": forward, "forward_tokens_per_s": 512 / forward,
                  "generate_s": generate, "generated_tokens": int(generated),
                  "generate_tokens_per_s": generated / generate,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "threads": torch.get_num_threads()}, sort_keys=True))
