"""The one-folder build against the source install: its size, and cold starts measured in the
same run (ratios only; machines are noisy).

    python bench/package.py [--dist dist/dxdesk] [--runs 5]

Without ``--dist`` it builds first (packaging/build.py into a temporary folder). Each figure is
the median of ``--runs`` alternating fresh processes, offscreen:

1. ``dxdesk --version``: the program started to its first output (the interpreter, the frozen
   archive or the venv's site-packages, click): what every command pays.
2. ``dxdesk --self-test``: everything loaded once (SQLCipher, cryptography, reportlab,
   openpyxl, pyrage, Qt and its platform plugin, PDFium) and used on two throwaway profiles.

Goal: the build no slower than the source install (ratio <= 1.2).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _time(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, env=env, check=False)
    took = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{cmd} failed: {result.stderr.decode(errors='replace')[-2000:]}")
    return took


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def measure(folder: Path, runs: int) -> dict[str, float]:
    frozen = folder / ("dxdesk.exe" if sys.platform == "win32" else "dxdesk")
    source = [sys.executable, "-m", "dxdesk"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": tmp,
            "XDG_DATA_HOME": str(Path(tmp) / "data"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
            "PYTHONPATH": str(ROOT / "src"),
        }
        out: dict[str, float] = {}
        for name, args in (("version", ["--version"]), ("self_test", ["--self-test"])):
            _time([str(frozen), *args], env)  # the OS file cache warm for both
            _time([*source, *args], env)
            built, src = [], []
            for _ in range(runs):
                built.append(_time([str(frozen), *args], env))
                src.append(_time([*source, *args], env))
            out[f"{name}_built_s"] = statistics.median(built)
            out[f"{name}_source_s"] = statistics.median(src)
            out[f"{name}_ratio"] = out[f"{name}_built_s"] / out[f"{name}_source_s"]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, help="a built dist/dxdesk folder")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dist
        build_s = None
        if folder is None:
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "packaging" / "build.py"),
                    *("--dist", f"{tmp}/dist", "--work", f"{tmp}/work"),
                ],
                check=True,
                capture_output=True,
            )
            build_s = time.perf_counter() - started
            folder = Path(tmp) / "dist" / "dxdesk"
        figures = measure(folder, args.runs)
        figures["size_mb"] = folder_size(folder) / 1e6
        if build_s is not None:
            figures["build_s"] = build_s
    print(json.dumps(figures, indent=1))
    for name, label in (("version", "dxdesk --version"), ("self_test", "dxdesk --self-test")):
        print(
            f"{label}: built {figures[f'{name}_built_s'] * 1000:.0f} ms vs source "
            f"{figures[f'{name}_source_s'] * 1000:.0f} ms (x{figures[f'{name}_ratio']:.2f})"
        )
    print(f"folder: {figures['size_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
