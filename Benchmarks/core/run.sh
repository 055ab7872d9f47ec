#!/usr/bin/env bash
# Runs the Interp core benchmarks and their numpy / PyTorch counterparts with one thread count.
#   Benchmarks/core/run.sh [threads]      (default 2; needs python3 with numpy, and torch for that side)
# Release build only. The machine should be otherwise idle: report best-of-N, never a single run.
set -euo pipefail
cd "$(dirname "$0")"
THREADS="${1:-2}"
export THREADS

swift build -c release --product InterpBench >&2
BIN="$(swift build -c release --show-bin-path)/InterpBench"

echo "# threads=$THREADS" >&2
OPENBLAS_NUM_THREADS="$THREADS" "$BIN" sgemm 1024 10
# numpy ships its own OpenBLAS; machine-wide tuning variables are unset for it only.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS" \
  python3 bench_numpy.py sgemm
OPENBLAS_NUM_THREADS="$THREADS" "$BIN" sae 200 3
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS" \
  python3 bench_numpy.py sae
if python3 -c "import torch" 2>/dev/null; then
  OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS" python3 bench_torch.py
else
  echo "# torch not installed; skipping the PyTorch side (pip install torch)" >&2
fi
