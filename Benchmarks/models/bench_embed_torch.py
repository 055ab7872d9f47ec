"""sentence-transformers side of the embedding benchmark: the same sentences, model and batch
size, best of `repeats` timed calls, one JSON line like EmbedBench's.

  python3 bench_embed_torch.py MODEL_FOLDER SENTENCES_FILE [repeats] [batch]
"""
import json, os, sys, time
import torch
from sentence_transformers import SentenceTransformer

folder, path = sys.argv[1], sys.argv[2]
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
batch = int(sys.argv[4]) if len(sys.argv) > 4 else 32
torch.set_num_threads(int(os.environ.get("THREADS", "2")))
model = SentenceTransformer(folder, device="cpu")
sentences = open(path, encoding="utf-8").read().split("\n")
sentences = [s for s in sentences if s]
model.encode(sentences[:64], batch_size=batch)  # warm-up
best, checksum = float("inf"), 0.0
with torch.inference_mode():
    for _ in range(repeats):
        start = time.perf_counter()
        embeddings = model.encode(sentences, batch_size=batch, convert_to_numpy=True)
        best = min(best, time.perf_counter() - start)
        checksum = float(embeddings.sum())
print(json.dumps({"side": "sentence-transformers", "sentences": len(sentences), "seconds": best, "checksum": checksum}))
