#!/bin/sh
# Creates a DVC repository in DIR with COUNT experiments of a trivial stage (one `dvc exp run`
# each, ~2-3 s apiece), for bench_history.py to time `dvc exp show` and `dvc metrics diff`.
# Usage: dvc_fill.sh DIR [COUNT=200]. Resumes: experiments already in DIR count.
set -eu
dir=$1
count=${2:-200}
if [ ! -d "$dir/.dvc" ]; then
  mkdir -p "$dir"
  cd "$dir"
  git init -q
  git config user.name Bench
  git config user.email bench@example.com
  dvc init -q
  dvc config core.autostage true
  printf 'seed: 0\n' > params.yaml
  cat > train.py <<'PY'
import json, yaml
seed = yaml.safe_load(open("params.yaml"))["seed"]
json.dump({"accuracy": 0.9 + (seed % 50) * 0.001, "loss": 0.1 + seed * 1e-4}, open("metrics.json", "w"))
PY
  cat > dvc.yaml <<'YML'
stages:
  train:
    cmd: python3 train.py
    deps: [train.py]
    params: [seed]
    metrics: [{metrics.json: {cache: false}}]
YML
  dvc repro -q
  git add -A
  git commit -q -m baseline
fi
cd "$dir"
have=$(git for-each-ref refs/exps --format=x | grep -c x || true)
i=$have
while [ "$i" -lt "$count" ]; do
  dvc exp run -q -S "seed=$((i + 1))" -n "e$i" >/dev/null
  i=$((i + 1))
done
echo "experiments: $(git for-each-ref refs/exps --format=x | grep -c x)"
