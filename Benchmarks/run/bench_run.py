#!/usr/bin/env python3
"""Times `rigor run` on a 3-step trivial notebook against papermill on the same 3 cells.

Usage: bench_run.py RIGOR [SAMPLES]   (run.sh builds RIGOR and calls this)

Every configuration runs SAMPLES times, interleaved round-robin so that the machine's load
(2 cores shared with other builds) hits all of them alike. Prints, per configuration, the
wall-clock median, p10 and p90 and the median CPU time of the process and its children
(user + system, from getrusage), and the ratios to papermill. This is a benchmark: it asserts
nothing.
"""
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
SAMPLES = int(sys.argv[2]) if len(sys.argv) > 2 else 9

# The same three statements in both tools: a trivial notebook measures fixed overhead only.
CELLS = ["let x = 1", "let y = x + 1", "print(x, y)"]
PY_CELLS = ["x = 1", "y = x + 1", "print(x, y)"]


def notebook_text(counter):
  """The Markdown notebook; `counter` goes into a comment of step 1 (changes the build key)."""
  first = CELLS[0] + (f"  // edit {counter}" if counter is not None else "")
  blocks = [first] + CELLS[1:]
  body = "\n\n".join(f"Step {i + 1}.\n\n```swift\n{code}\n```" for i, code in enumerate(blocks))
  return "---\ntitle: Trivial\n---\n\n# Trivial\n\n" + body + "\n"


def ipynb():
  cells = [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
            "outputs": [], "source": code} for i, code in enumerate(PY_CELLS)]
  return {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
          "name": "python3"}, "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}


def git(repo, *args):
  subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True)


def timed(command, cwd, env):
  """Wall seconds and CPU seconds (user + system of the children) of one command."""
  before = resource.getrusage(resource.RUSAGE_CHILDREN)
  start = time.perf_counter()
  result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
  wall = time.perf_counter() - start
  after = resource.getrusage(resource.RUSAGE_CHILDREN)
  cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
  if result.returncode != 0:
    sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
  return wall, cpu


def quantile(values, q):
  ordered = sorted(values)
  return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main():
  scratch = tempfile.mkdtemp(prefix="rigor-run-bench-")
  try:
    run(scratch)
  finally:
    shutil.rmtree(scratch, ignore_errors=True)


def run(scratch):
  repo = os.path.join(scratch, "repo")
  os.makedirs(os.path.join(repo, "Notebooks"))
  git(repo, "init", "-q")
  git(repo, "config", "user.name", "Bench")
  git(repo, "config", "user.email", "bench@example.com")
  notebook = os.path.join(repo, "Notebooks", "trivial.md")
  with open(notebook, "w") as f:
    f.write(notebook_text(None))
  with open(os.path.join(scratch, "trivial.ipynb"), "w") as f:
    json.dump(ipynb(), f)
  git(repo, "add", "-A")
  git(repo, "commit", "-q", "-m", "notebook")

  env = dict(os.environ)
  env["RIGOR_CACHE"] = os.path.join(scratch, "cache")  # a fresh build cache: nothing stale counts
  env.pop("RIGOR_INTERP_BUILD", None)

  counter = [0]

  def rigor(seeds, commit, cached):
    def prepare():
      if cached:
        text = notebook_text(None)
      else:
        counter[0] += 1
        text = notebook_text(counter[0])
      with open(notebook, "w") as f:
        f.write(text)
    command = [RIGOR, "run", "Notebooks/trivial.md"] + (["--seeds", str(seeds)] if seeds else [])
    if not commit:
      command.append("--no-commit")
    return prepare, command, repo

  configs = []
  for cached in (False, True):
    for seeds in (1, None):
      for commit in (False, True):
        label = (f"rigor run, {'cached' if cached else 'uncached'}, "
                 f"{'--seeds 1' if seeds else '5 seeds (default)'}, {'commit' if commit else '--no-commit'}")
        configs.append((label, *rigor(seeds, commit, cached)))
  papermill_cmd = [sys.executable, "-m", "papermill", "-k", "python3",
                   "trivial.ipynb", "out.ipynb"]
  configs.append(("papermill (python3 kernel)", lambda: None, papermill_cmd, scratch))

  # Warm-up: builds the cached binary once, and loads papermill's imports into the page cache.
  for _, prepare, command, cwd in configs:
    prepare()
    timed(command, cwd, env)

  walls = {c[0]: [] for c in configs}
  cpus = {c[0]: [] for c in configs}
  for _ in range(SAMPLES):
    for label, prepare, command, cwd in configs:
      prepare()
      wall, cpu = timed(command, cwd, env)
      walls[label].append(wall)
      cpus[label].append(cpu)

  load = os.getloadavg()[0]
  print(f"{SAMPLES} samples each, interleaved; load average at the end {load:.1f}")
  print(f"{'configuration':<58} {'wall median':>11} {'p10':>7} {'p90':>7} {'CPU median':>10} {'vs papermill':>12}")
  paper = statistics.median(walls[configs[-1][0]])
  for label, *_ in configs:
    median = statistics.median(walls[label])
    print(f"{label:<58} {median:>10.3f}s {quantile(walls[label], 0.1):>6.3f}s "
          f"{quantile(walls[label], 0.9):>6.3f}s {statistics.median(cpus[label]):>9.3f}s "
          f"{paper / median:>11.1f}x")


if __name__ == "__main__":
  main()
