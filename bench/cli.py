"""Command-line benchmarks: ratios against a baseline measured in the same run (machines are noisy).

    python bench/cli.py [--visits 100000] [--runs 7]

C1. ``dxdesk add visit ...`` as a script runs it (``dxdesk.cli.main.main``, in this process:
    unlock with the cheapest Argon2id, validate, insert with the change log and the full-text
    index, close, and the automatic backup when one is due) on a profile with 100,000 visits vs
    one with 100. Goal: ratio <= 2 (a command must not grow with the data).
C2. The same ``add`` when an automatic backup is due (the first change after the interval):
    the time, and what the backup adds to it; for information (once per interval, not per
    command).
C3. The backups folder of the big profile after all the adds of this run: its size and how
    many automatic copies it holds.

Both profiles are built as bench/gui.py builds them (valid rows in batches into the real
encrypted store). Medians of ``--runs`` alternating runs; ratios are taken within this run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dxdesk.cli.main import main as dxdesk
from dxdesk.paths import ProfilePaths
from gui import PASSPHRASE, make_profile  # bench/gui.py: the same big profiles as the window's

VISIT = ["add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=ベンチの訪問"]


def add(paths: ProfilePaths) -> float:
    """One ``dxdesk add`` in this process; its output is swallowed, its exit code checked."""
    os.environ["DXDESK_PASSPHRASE"] = PASSPHRASE
    out, err = io.StringIO(), io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = dxdesk(["--profile", str(paths.root), *VISIT])
    elapsed = time.perf_counter() - t0
    if code != 0:
        raise SystemExit(f"dxdesk add exited {code}: {err.getvalue()}")
    return elapsed


def backup_due(paths: ProfilePaths) -> None:
    """Make the newest automatic backup older than any interval: the next change backs up."""
    then = time.time() - 24 * 3600
    for p in paths.backups.glob("auto-*.db"):
        os.utime(p, (then, then))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*") if p.is_file())


def bench_add(small: ProfilePaths, big: ProfilePaths, runs: int) -> dict[str, Any]:
    for paths in (small, big):
        add(paths)  # the first change takes the first backup; the OS cache warm for both
    steady: dict[str, list[float]] = {"small": [], "big": []}
    for _ in range(runs):
        steady["small"].append(add(small))
        steady["big"].append(add(big))
    due: dict[str, list[float]] = {"small": [], "big": []}
    for _ in range(max(3, runs // 2)):
        for name, paths in (("small", small), ("big", big)):
            backup_due(paths)
            due[name].append(add(paths))
    out: dict[str, Any] = {
        f"{kind}_{name}_s": statistics.median(times)
        for kind, runs_of in (("add", steady), ("due", due))
        for name, times in runs_of.items()
    }
    out["ratio"] = out["add_big_s"] / out["add_small_s"]
    out["due_ratio"] = out["due_big_s"] / out["add_small_s"]
    out["big_db_bytes"] = big.database.stat().st_size
    out["big_backups_bytes"] = folder_size(big.backups)
    out["big_auto_backups"] = len(list(big.backups.glob("auto-*.db")))
    out["adds_on_big"] = 1 + runs + max(3, runs // 2)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        t0 = time.perf_counter()
        small = make_profile(tmp / "small", 100, 0)
        big = make_profile(tmp / "big", args.visits, 0)
        build_s = time.perf_counter() - t0
        result = bench_add(small, big, args.runs)
    result.update(
        visits=args.visits,
        runs=args.runs,
        fixture_build_s=build_s,
        machine=f"{platform.machine()} {os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
    )
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    r = result
    print(f"machine: {r['machine']} (fixtures built in {build_s:.0f} s)")
    print(
        f"C1. dxdesk add, {args.visits:,} visits vs 100: {r['add_big_s'] * 1000:.0f} ms vs"
        f" {r['add_small_s'] * 1000:.0f} ms (x{r['ratio']:.2f}, goal <= 2)"
    )
    print(
        f"C2. the same add when an automatic backup is due: {r['due_big_s'] * 1000:.0f} ms vs"
        f" {r['due_small_s'] * 1000:.0f} ms (x{r['due_ratio']:.2f} of C1's small add;"
        f" once per interval)"
    )
    print(
        f"C3. backups/ of the big profile ({r['big_db_bytes'] / 1e6:.0f} MB database) after"
        f" {r['adds_on_big']} adds: {r['big_backups_bytes'] / 1e6:.0f} MB,"
        f" {r['big_auto_backups']} automatic copies"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
