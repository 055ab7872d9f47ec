"""Best-of-rounds summary of Benchmarks/core results as a Markdown table."""
import json
import statistics
import sys


def main(path, threads):
    best = {}
    rounds = []  # SAE times per round, in the order run.sh ran them
    sgemm_rounds = []  # sgemm GFLOP/s per round
    for line in open(path):
        line = line.strip()
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        key = (r["impl"], r["bench"])
        if r["bench"] == "sgemm":
            if r["impl"] == "interp":
                sgemm_rounds.append({})
            if sgemm_rounds:
                sgemm_rounds[-1][r["impl"]] = r["gflops"]
        if r["bench"] == "sae":
            if r["impl"] == "interp":
                rounds.append({})
            if rounds:
                rounds[-1][r["impl"]] = r["ms_per_step"]
        value = r["gflops"] if r["bench"] == "sgemm" else r["ms_per_step"]
        better = (lambda a, b: a > b) if r["bench"] == "sgemm" else (lambda a, b: a < b)
        if key not in best or better(value, best[key]):
            best[key] = value
    print(f"\n| threads={threads} | sgemm 1024 (GFLOP/s) | SAE step (ms) |")
    print("|---|---|---|")
    for impl in ["interp", "numpy", "numpy-pooled", "torch", "torch-plain"]:
        g = best.get((impl, "sgemm"))
        s = best.get((impl, "sae"))
        if g is None and s is None:
            continue
        print(f"| {impl} | {'' if g is None else f'{g:.1f}'} | {'' if s is None else f'{s:.2f}'} |")
    interp = best.get(("interp", "sae"))
    for other in ["numpy", "numpy-pooled", "torch", "torch-plain"]:
        if interp and best.get((other, "sae")):
            # Also the ratio within each round (the sides ran back to back), since this
            # machine's speed drifts between rounds.
            ratios = sorted(r[other] / r["interp"] for r in rounds if other in r and "interp" in r)
            spread = (f" (per round {ratios[0]:.2f}-{ratios[-1]:.2f}x, median {statistics.median(ratios):.2f}x"
                      f" over {len(ratios)})") if ratios else ""
            print(f"\n{other} / interp SAE time: {best[(other, 'sae')] / interp:.2f}x{spread}", end="")
    if best.get(("interp", "sgemm")) and best.get(("numpy", "sgemm")):
        ratios = sorted(r["interp"] / r["numpy"] for r in sgemm_rounds if "numpy" in r)
        print(f"\ninterp / numpy sgemm: {best[('interp', 'sgemm')] / best[('numpy', 'sgemm')]:.2f}x"
              f" (per round {ratios[0]:.2f}-{ratios[-1]:.2f}x, median {statistics.median(ratios):.2f}x)", end="")
    print()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "?")
