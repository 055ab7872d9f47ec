#!/bin/sh
# Builds release `rigor` with the notebook libraries beside it, then times `rigor run` against
# papermill on the same three trivial cells. Usage: Benchmarks/run/run.sh [SAMPLES=9]
# Needs: pip install papermill ipykernel
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
for product in rigor Interp RigorRuntime; do
  swift build -c release --product "$product" >/dev/null
done
exec python3 "$root/Benchmarks/run/bench_run.py" "$root/.build/release/rigor" "${1:-9}"
