#!/bin/sh
# Builds release `rigor` (with the notebook libraries beside it) and HistoryFill, then times
# rigor log/diff on a 1,000-result history and DVC on a 200-experiment one.
# Usage: Benchmarks/history/run.sh [RESULTS=1000] [DVC_EXPERIMENTS=200] [SAMPLES=11]
# Needs: pip install dvc
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
for product in rigor Interp RigorRuntime; do
  swift build -c release --product "$product" >/dev/null
done
# HistoryFill only writes commits through libgit2, so a debug build is as good and builds faster.
swift build -c release --package-path Benchmarks --product HistoryFill >/dev/null
fill=$(swift build -c release --package-path Benchmarks --show-bin-path)/HistoryFill
exec python3 "$root/Benchmarks/history/bench_history.py" "$root/.build/release/rigor" "$fill" \
  "${1:-1000}" "${2:-200}" "${3:-11}"
