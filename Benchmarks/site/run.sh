#!/bin/sh
# Builds release `rigor` (with the notebook libraries beside it) and Benchmarks/history's
# HistoryFill, then times `rigor site` over a 1,000-result history: a full build into an empty
# folder and an incremental rebuild after one more result.
# Usage: Benchmarks/site/run.sh [RESULTS=1000] [SAMPLES=5]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
for product in rigor Interp RigorRuntime; do
  swift build -c release --product "$product" >/dev/null
done
swift build -c release --package-path Benchmarks --product HistoryFill >/dev/null
fill=$(swift build -c release --package-path Benchmarks --show-bin-path)/HistoryFill
exec python3 "$root/Benchmarks/site/bench_site.py" "$root/.build/release/rigor" "$fill" "${1:-1000}" "${2:-5}"
