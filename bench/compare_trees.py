"""Before/after in one run: a benchmark script of this tree against the same script of another.

    git worktree add ../dxdesk-before <commit>
    python bench/compare_trees.py --baseline ../dxdesk-before [--runs 2] -- bench/sync.py --changes 100000

Runs the script alternately in the baseline tree and in this one (each with its own ``src`` first
on the path, the same Python), so that both see the same load on a shared machine, and prints
the median of every number the script's JSON reports, with this tree's ratio to the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]


def run(tree: Path, script: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, *script],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(tree / "src")},
    ).stdout
    start = out.index("{")
    return dict(json.loads(out[start:]))


def numbers(result: dict[str, Any]) -> dict[str, float]:
    return {k: float(v) for k, v in result.items() if isinstance(v, int | float)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("script", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    script = [a for a in args.script if a != "--"]
    trees = {"baseline": args.baseline.resolve(), "this": HERE}
    results: dict[str, list[dict[str, float]]] = {"baseline": [], "this": []}
    for i in range(args.runs):
        for name, tree in trees.items():
            results[name].append(numbers(run(tree, script)))
            print(f"run {i + 1} {name}: {json.dumps(results[name][-1])}", file=sys.stderr)
    keys = sorted(set(results["baseline"][0]) & set(results["this"][0]))
    table = {}
    for key in keys:
        before = statistics.median(r[key] for r in results["baseline"])
        after = statistics.median(r[key] for r in results["this"])
        table[key] = {
            "baseline": before,
            "this": after,
            "ratio": round(after / before, 2) if before else None,
        }
    print(json.dumps(table, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
