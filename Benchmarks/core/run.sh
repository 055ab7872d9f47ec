#!/usr/bin/env bash
# Runs the Interp core benchmarks and their numpy / PyTorch counterparts with one thread count.
#   Benchmarks/core/run.sh [threads]   (default 2; needs python3 with numpy, and torch for that side)
# Release build only. The machine should be otherwise idle; every figure is a best of N.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
THREADS="${1:-2}"
export THREADS

# SwiftPM names a path dependency after its directory. When the checkout itself is called
# "core" it would clash with this package's directory name, so the package is staged under
# a neutral name with the root given as an absolute path.
STAGE="${TMPDIR:-/tmp}/interp-core-bench"
mkdir -p "$STAGE/Sources"
rm -rf "$STAGE/Sources/InterpBench"
cp -R "$HERE/Sources/InterpBench" "$STAGE/Sources/"
sed "s#path: \"../..\"#path: \"$ROOT\"#" "$HERE/Package.swift" > "$STAGE/Package.swift"
swift build -c release --package-path "$STAGE" --product InterpBench >&2
BIN="$(swift build -c release --package-path "$STAGE" --show-bin-path)/InterpBench"

# numpy ships its own OpenBLAS; machine-wide tuning variables are unset for it only.
numpy_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS")

echo "# threads=$THREADS  load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
OPENBLAS_NUM_THREADS="$THREADS" "$BIN" sgemm 1024 20
"${numpy_env[@]}" python3 "$HERE/bench_numpy.py" sgemm
OPENBLAS_NUM_THREADS="$THREADS" "$BIN" sae 200 5
"${numpy_env[@]}" python3 "$HERE/bench_numpy.py" sae
if python3 -c "import torch" 2>/dev/null; then
  OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS" python3 "$HERE/bench_torch.py"
else
  echo "# torch not installed; skipping the PyTorch side (pip install torch)" >&2
fi
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
