"""`rigor site` over a long history: full build and incremental rebuild (a benchmark, not a test).

One real `rigor run` of a 3-step notebook (5 seeds, a line plot per seed, two metrics, one
claim), then Benchmarks/history's HistoryFill records RESULTS-1 copies through the store API.
Times, as whole processes: `rigor site -o DIR` into an empty folder (full build: every report
rendered from its data, every diff, history plots, pages), and after HistoryFill adds one more
result, `rigor site` into the same folder (incremental). Targets: full < 5 s, incremental
< 0.5 s.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RIGOR = os.path.abspath(sys.argv[1])
FILL = os.path.abspath(sys.argv[2])
RESULTS = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
SAMPLES = int(sys.argv[4]) if len(sys.argv) > 4 else 5

NOTEBOOK = """---
title: Site benchmark
seeds: 5
---

# Site benchmark

```swift
let base = 0.9 + Double(seed) * 0.01
let curve = (0..<200).map { 1.0 / Double($0 + 1) + Double(seed) * 0.01 }
```

```swift
record("accuracy", base)
record("control", 0.5 + Double(seed) * 0.005)
figure("loss", Plot.line(y: curve, title: "Loss", xLabel: "step", yLabel: "loss"))
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


def run(command, cwd):
  result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
  if result.returncode != 0:
    sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
  return result


def timed(command, cwd):
  start = time.perf_counter()
  out = run(command, cwd)
  return time.perf_counter() - start, out.stderr.strip()


def main():
  scratch = tempfile.mkdtemp(prefix="rigor-site-bench-")
  try:
    repo = os.path.join(scratch, "repo")
    os.makedirs(os.path.join(repo, "Notebooks"))
    run(["git", "init", "-q"], repo)
    run(["git", "config", "user.name", "Bench"], repo)
    run(["git", "config", "user.email", "bench@example.com"], repo)
    with open(os.path.join(repo, "Notebooks", "probe.md"), "w") as f:
      f.write(NOTEBOOK)
    run(["git", "add", "-A"], repo)
    run(["git", "commit", "-q", "-m", "probe notebook"], repo)
    run([RIGOR, "run", "Notebooks/probe.md"], repo)
    run([FILL, repo, "probe", str(RESULTS - 1)], repo)
    site = os.path.join(scratch, "site")
    fulls, incrementals, unchanged = [], [], []
    for sample in range(SAMPLES):
      shutil.rmtree(site, ignore_errors=True)
      wall, message = timed([RIGOR, "site", "-o", site], repo)
      fulls.append(wall)
      print(f"full build {sample + 1}: {wall:.3f} s ({message})", flush=True)
      wall, message = timed([RIGOR, "site", "-o", site], repo)
      unchanged.append(wall)
      print(f"  rebuild, nothing new: {wall:.3f} s ({message})", flush=True)
      run([FILL, repo, "probe", "1"], repo)
      wall, message = timed([RIGOR, "site", "-o", site], repo)
      incrementals.append(wall)
      print(f"  rebuild after one more result: {wall:.3f} s ({message})", flush=True)
    print(f"rigor site over {RESULTS}+ results, {SAMPLES} samples, load {os.getloadavg()[0]:.1f}:")
    print(f"  full build          median {statistics.median(fulls):.3f} s  (min {min(fulls):.3f}, max {max(fulls):.3f}; target < 5 s)")
    print(f"  one more result     median {statistics.median(incrementals):.3f} s  (min {min(incrementals):.3f}, max {max(incrementals):.3f}; target < 0.5 s)")
    print(f"  nothing new         median {statistics.median(unchanged):.3f} s")
  finally:
    if not os.environ.get("KEEP"):
      shutil.rmtree(scratch, ignore_errors=True)
    else:
      print("kept", scratch)


main()
