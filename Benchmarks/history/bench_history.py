#!/usr/bin/env python3
"""Times `rigor log` and `rigor diff` on a 1,000-result history, and DVC's `exp show` and
`metrics diff` on a 200-experiment history, in one run.

Usage: bench_history.py RIGOR HISTORYFILL [RESULTS=1000] [DVC_EXPERIMENTS=200] [SAMPLES=11]
(run.sh builds both executables and calls this.)

rigor: one real `rigor run` (5 seeds, committed) of a 3-step notebook recording two metrics
and judging one claim, then HistoryFill records RESULTS-1 copies of it through the store API,
each with shifted metric values: RESULTS results, 2*RESULTS commits on refs/rigor/probe.

DVC: a trivial stage (writes metrics.json from params.yaml). The first DVC_REAL experiments
(default 5) are real `dvc exp run`s, timed; the rest are made with git plumbing exactly as
`dvc exp run` lays them out (a commit on the baseline changing params.yaml, metrics.json and
dvc.lock, under refs/exps/<baseline>/NAME), because a real one costs 2-16 s on this shared
machine. `dvc exp show` and `dvc metrics diff` read both kinds identically.

RIGOR_BEFORE=/path/to/an/earlier/rigor also times every rigor command with that build, interleaved
with the current one. KEEP=1 keeps the scratch repositories (their folder is printed), e.g. for `perf record`.

Every command runs SAMPLES times (DVC ones DVC_SAMPLES, default 5), interleaved; the table
gives the wall median, p10, p90 and the median CPU (user + system) of the process tree.
"""
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RIGOR = os.path.abspath(sys.argv[1])
FILL = os.path.abspath(sys.argv[2])
RESULTS = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
DVC_EXPERIMENTS = int(sys.argv[4]) if len(sys.argv) > 4 else 200
SAMPLES = int(sys.argv[5]) if len(sys.argv) > 5 else 11
DVC_SAMPLES = int(os.environ.get("DVC_SAMPLES", "5"))
DVC_REAL = int(os.environ.get("DVC_REAL", "5"))

NOTEBOOK = """---
title: Probe history benchmark
seeds: 5
---

# Probe

```swift
let base = 0.9 + Double(seed) * 0.01
```

```swift
record("accuracy", base)
record("control", 0.5 + Double(seed) * 0.005)
```

```swift
print("accuracy", base)
```

```claim
id: probe-beats-control
says: The probe beats the random-direction control.
metric: accuracy
expect: ">= 0.8"
control: control
```
"""


def run(command, cwd, env=None, check=True):
  result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
  if check and result.returncode != 0:
    sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
  return result


def timed(command, cwd, env=None):
  before = resource.getrusage(resource.RUSAGE_CHILDREN)
  start = time.perf_counter()
  run(command, cwd, env)
  wall = time.perf_counter() - start
  after = resource.getrusage(resource.RUSAGE_CHILDREN)
  return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def quantile(values, q):
  ordered = sorted(values)
  return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(rows, samples):
  """rows: [(label, command, cwd, prepare)]; interleaved samples; prints the table."""
  walls = {r[0]: [] for r in rows}
  cpus = {r[0]: [] for r in rows}
  for label, command, cwd, prepare in rows:  # warm-up
    if prepare: prepare()
    timed(command, cwd)
  for _ in range(samples):
    for label, command, cwd, prepare in rows:
      if prepare: prepare()
      wall, cpu = timed(command, cwd)
      walls[label].append(wall)
      cpus[label].append(cpu)
  for label, *_ in rows:
    w = walls[label]
    print(f"  {label:<71} {statistics.median(w) * 1000:>8.1f} ms  p10 {quantile(w, 0.1) * 1000:>7.1f}"
          f"  p90 {quantile(w, 0.9) * 1000:>7.1f}  CPU {statistics.median(cpus[label]) * 1000:>7.1f} ms")
  print(f"  ({samples} samples each; load average {os.getloadavg()[0]:.1f})", flush=True)


def rigor_part(scratch):
  repo = os.path.join(scratch, "rigor")
  os.makedirs(os.path.join(repo, "Notebooks"))
  run(["git", "init", "-q"], repo)
  run(["git", "config", "user.name", "Bench"], repo)
  run(["git", "config", "user.email", "bench@example.com"], repo)
  with open(os.path.join(repo, "Notebooks", "probe.md"), "w") as f:
    f.write(NOTEBOOK)
  run(["git", "add", "-A"], repo)
  run(["git", "commit", "-q", "-m", "probe notebook"], repo)
  env = dict(os.environ, RIGOR_CACHE=os.path.join(scratch, "cache"))
  run([RIGOR, "run", "Notebooks/probe.md"], repo, env)
  start = time.perf_counter()
  out = run([FILL, repo, "probe", str(RESULTS - 1)], repo).stdout.strip()
  print(f"rigor: 1 real run + HistoryFill: {out} ({time.perf_counter() - start:.1f} s with build check)")
  commits = int(run(["git", "rev-list", "--count", "refs/rigor/probe"], repo).stdout)
  log = json.loads(run([RIGOR, "log", "Notebooks/probe.md", "--format", "json"], repo).stdout)
  newest, oldest = log["results"][0]["commit"], log["results"][-1]["commit"]
  middle = log["results"][len(log["results"]) // 2]["commit"]
  print(f"rigor: refs/rigor/probe holds {commits} commits, {len(log['results'])} results; "
        f"loose objects: {run(['git', 'count-objects'], repo).stdout.strip()}")
  rows = [
    ("rigor --version (process floor)", [RIGOR, "--version"], repo, None),
    ("git log --format=%H%n%B refs/rigor/probe (floor: same walk)", ["git", "log", "--format=%H%n%B", "refs/rigor/probe"], repo, None),
    ("rigor log Notebooks/probe.md", [RIGOR, "log", "Notebooks/probe.md"], repo, None),
    ("rigor log Notebooks/probe.md --format json", [RIGOR, "log", "Notebooks/probe.md", "--format", "json"], repo, None),
    ("rigor log Notebooks/probe.md --limit 20", [RIGOR, "log", "Notebooks/probe.md", "--limit", "20"], repo, None),
    ("rigor log Notebooks/probe.md --metric accuracy", [RIGOR, "log", "Notebooks/probe.md", "--metric", "accuracy"], repo, None),
    ("rigor diff OLDEST NEWEST --notebook probe", [RIGOR, "diff", oldest[:12], newest[:12], "--notebook", "probe"], repo, None),
    ("rigor diff MIDDLE NEWEST --notebook probe --format json", [RIGOR, "diff", middle[:12], newest[:12], "--notebook", "probe", "--format", "json"], repo, None),
    ("rigor show --notebook probe", [RIGOR, "show", "--notebook", "probe"], repo, None),
    # The ledger over every result (commit trailers only) plus one result.json: the peer is
    # `show` above, which reads that one result and no ledger.
    ("rigor check Notebooks/probe.md (ledger + newest result)", [RIGOR, "check", "Notebooks/probe.md"], repo, None),
  ]
  before = os.environ.get("RIGOR_BEFORE")
  if before:
    # The same commands with an earlier build, interleaved with these: a fair before/after on a
    # machine whose load changes from minute to minute.
    rows += [(label + " [before]", [os.path.abspath(before)] + command[1:], cwd, prepare)
             for label, command, cwd, prepare in rows if command[0] == RIGOR]
  print("rigor, whole processes:")
  measure(rows, SAMPLES)
  # How the history's length reaches `rigor run`: its ledger reads every earlier result.
  run_rows = [("rigor run Notebooks/probe.md --no-commit (cached binary)",
               [RIGOR, "run", "Notebooks/probe.md", "--no-commit"], repo, None)]
  measure_env = os.environ.get("RIGOR_CACHE")
  os.environ["RIGOR_CACHE"] = env["RIGOR_CACHE"]
  print(f"rigor run on this {len(log['results'])}-result history:")
  measure(run_rows, max(3, SAMPLES // 2))
  if measure_env is None: os.environ.pop("RIGOR_CACHE")
  else: os.environ["RIGOR_CACHE"] = measure_env


def git_out(repo, *args, input=None, env=None):
  return subprocess.run(["git", *args], cwd=repo, input=input, capture_output=True, text=True,
                        check=True, env=env).stdout.strip()


def dvc_part(scratch):
  repo = os.path.join(scratch, "dvc")
  os.makedirs(repo)
  run(["git", "init", "-q"], repo)
  run(["git", "config", "user.name", "Bench"], repo)
  run(["git", "config", "user.email", "bench@example.com"], repo)
  run(["dvc", "init", "-q"], repo)
  run(["dvc", "config", "core.autostage", "true"], repo)
  with open(os.path.join(repo, "params.yaml"), "w") as f:
    f.write("seed: 0\n")
  with open(os.path.join(repo, "train.py"), "w") as f:
    f.write("import json, yaml\nseed = yaml.safe_load(open('params.yaml'))['seed']\n"
            "json.dump({'accuracy': 0.9 + (seed % 50) * 0.001, 'loss': 0.1 + seed * 1e-4},"
            " open('metrics.json', 'w'))\n")
  with open(os.path.join(repo, "dvc.yaml"), "w") as f:
    f.write("stages:\n  train:\n    cmd: python3 train.py\n    deps: [train.py]\n"
            "    params: [seed]\n    metrics: [{metrics.json: {cache: false}}]\n")
  run(["dvc", "repro", "-q"], repo)
  run(["git", "add", "-A"], repo)
  run(["git", "commit", "-q", "-m", "baseline"], repo)
  baseline = git_out(repo, "rev-parse", "HEAD")
  real = min(DVC_REAL, DVC_EXPERIMENTS)
  times = []
  for i in range(real):
    start = time.perf_counter()
    run(["dvc", "exp", "run", "-q", "-S", f"seed={i + 1}", "-n", f"e{i}"], repo)
    times.append(time.perf_counter() - start)
  if times:
    print(f"dvc: {real} real `dvc exp run` (trivial stage): median {statistics.median(times):.2f} s each")
  # The rest: the same commits `dvc exp run` makes, written with git plumbing.
  template = json.loads(json.dumps(__import__("yaml").safe_load(
    git_out(repo, "show", f"refs/exps/{baseline[:2]}/{baseline[2:]}/e0:dvc.lock")))) if real else None
  index = os.path.join(scratch, "dvc-index")
  start = time.perf_counter()
  for i in range(real, DVC_EXPERIMENTS):
    seed = i + 1
    metrics = json.dumps({"accuracy": 0.9 + (seed % 50) * 0.001, "loss": 0.1 + seed * 1e-4})
    lock = json.loads(json.dumps(template))
    lock["stages"]["train"]["params"]["params.yaml"]["seed"] = seed
    lock["stages"]["train"]["outs"][0]["md5"] = hashlib.md5(metrics.encode()).hexdigest()
    lock["stages"]["train"]["outs"][0]["size"] = len(metrics)
    lock_text = __import__("yaml").safe_dump(lock, sort_keys=False)
    genv = dict(os.environ, GIT_INDEX_FILE=index)
    git_out(repo, "read-tree", baseline, env=genv)
    for path, text in (("params.yaml", f"seed: {seed}\n"), ("metrics.json", metrics), ("dvc.lock", lock_text)):
      blob = git_out(repo, "hash-object", "-w", "--stdin", input=text)
      git_out(repo, "update-index", "--cacheinfo", f"100644,{blob},{path}", env=genv)
    tree = git_out(repo, "write-tree", env=genv)
    digest = hashlib.sha256(f"{baseline}{seed}".encode()).hexdigest()
    commit = git_out(repo, "commit-tree", tree, "-p", baseline, "-m", f"dvc: commit experiment {digest}")
    git_out(repo, "update-ref", f"refs/exps/{baseline[:2]}/{baseline[2:]}/e{i}", commit)
  if DVC_EXPERIMENTS > real:
    print(f"dvc: {DVC_EXPERIMENTS - real} more experiments written with git plumbing in "
          f"{time.perf_counter() - start:.1f} s")
  prefix = f"refs/exps/{baseline[:2]}/{baseline[2:]}/"
  first = git_out(repo, "rev-parse", prefix + "e0")
  last = git_out(repo, "rev-parse", prefix + f"e{DVC_EXPERIMENTS - 1}")
  shown = json.loads(run(["dvc", "exp", "show", "--json"], repo).stdout)
  revs = [rev for entry in shown for exp in (entry.get("experiments") or []) for rev in exp["revs"]]
  complete = sum(1 for rev in revs if rev.get("error") is None and (rev.get("data") or {}).get("metrics"))
  print(f"dvc: `dvc exp show --json` lists {len(revs)} experiments, {complete} with metrics and no error")
  cache = os.path.join(repo, ".dvc", "tmp", "exps", "cache")
  rows = [
    ("dvc --version (process floor)", ["dvc", "--version"], repo, None),
    ("dvc exp show --json (warm exp cache)", ["dvc", "exp", "show", "--json"], repo, None),
    ("dvc exp show --csv (warm exp cache)", ["dvc", "exp", "show", "--csv"], repo, None),
    ("dvc exp show --json (exp cache removed first)", ["dvc", "exp", "show", "--json"], repo,
     lambda: shutil.rmtree(cache, ignore_errors=True)),
    ("dvc metrics diff FIRST LAST (experiment commits)", ["dvc", "metrics", "diff", first, last], repo, None),
    ("dvc exp diff e0 eLAST", ["dvc", "exp", "diff", "e0", f"e{DVC_EXPERIMENTS - 1}"], repo, None),
  ]
  print(f"dvc, whole processes, {DVC_EXPERIMENTS} experiments:")
  measure(rows, DVC_SAMPLES)


def main():
  scratch = tempfile.mkdtemp(prefix="rigor-history-bench-")
  keep = os.environ.get("KEEP") is not None
  try:
    if os.environ.get("SKIP_RIGOR") is None: rigor_part(scratch)
    if os.environ.get("SKIP_DVC") is None: dvc_part(scratch)
  finally:
    if keep: print(f"kept the scratch repositories in {scratch}")
    else: shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
  main()
