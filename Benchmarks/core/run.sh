#!/usr/bin/env bash
# Runs the Interp core benchmarks and their numpy / PyTorch counterparts with one thread count.
#   Benchmarks/core/run.sh [threads] [rounds]   (defaults 2 and 3)
# Needs python3 with numpy, and torch for the PyTorch side. Release build only.
# The sides run in turn, `rounds` times, and summarize.py reports each side's best, so a burst
# of load from other processes does not decide the comparison. Raw lines go to results-<threads>.jsonl.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
THREADS="${1:-2}"
ROUNDS="${2:-3}"
export THREADS

swift build -c release --package-path "$ROOT/Benchmarks" --product InterpBench >&2
BIN="$(swift build -c release --package-path "$ROOT/Benchmarks" --show-bin-path)/InterpBench"

# numpy ships its own OpenBLAS; machine-wide tuning variables are unset for it only.
numpy_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS")
# The same numpy with glibc told to keep freed memory (what Interp's buffer pool does), so
# that page-fault cost of fresh temporaries is separated from the arithmetic.
numpy_pooled_env=("${numpy_env[@]}" MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=4294967296
  MALLOC_TOP_PAD_=268435456)
have_torch=0
python3 -c "import torch" 2>/dev/null && have_torch=1

OUT="$HERE/results-$THREADS.jsonl"
: > "$OUT"
echo "# threads=$THREADS rounds=$ROUNDS load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq "$ROUNDS"); do
  OPENBLAS_NUM_THREADS="$THREADS" "$BIN" sgemm 1024 20 | tee -a "$OUT"
  "${numpy_env[@]}" python3 "$HERE/bench_numpy.py" sgemm | tee -a "$OUT"
  OPENBLAS_NUM_THREADS="$THREADS" "$BIN" sae 200 3 | tee -a "$OUT"
  "${numpy_env[@]}" python3 "$HERE/bench_numpy.py" sae | tee -a "$OUT"
  "${numpy_pooled_env[@]}" python3 "$HERE/bench_numpy.py" sae --label numpy-pooled | tee -a "$OUT"
  if [ "$have_torch" = 1 ]; then
    OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS" python3 "$HERE/bench_torch.py" fused | tee -a "$OUT"
    OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS" python3 "$HERE/bench_torch.py" plain | tee -a "$OUT"
  fi
done
[ "$have_torch" = 1 ] || echo "# torch not installed; PyTorch side skipped (pip install torch)" >&2
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$HERE/summarize.py" "$OUT" "$THREADS"
