#!/usr/bin/env bash
# Modular-addition transformer training: Interp (release) vs PyTorch eager, same thread count.
#   Benchmarks/transformer/run.sh [threads=2] [epochs=200] [repeats=3]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
THREADS="${1:-2}"
EPOCHS="${2:-200}"
REPEATS="${3:-3}"
export THREADS
# Staged under a neutral name: SwiftPM names a path dependency after its folder.
swift build -c release --package-path "$ROOT/Benchmarks" --product TransformerBench >&2
BIN="$(swift build -c release --package-path "$ROOT/Benchmarks" --show-bin-path)/TransformerBench"
echo "# threads=$THREADS  load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
OPENBLAS_NUM_THREADS="$THREADS" "$BIN" "$EPOCHS" "$REPEATS"
OMP_NUM_THREADS="$THREADS" python3 "$HERE/bench_torch.py" "$EPOCHS" "$REPEATS"
