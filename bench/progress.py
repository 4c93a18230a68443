"""Standardisation progress benchmarks: ratios against a baseline measured in the same run.

    QT_QPA_PLATFORM=offscreen python bench/progress.py [--orgs 1760] [--import-orgs 1741] [--runs 7]

1. The whole country: a store holding Miyazaki's 28 organisations plus ``--orgs`` synthetic
   organisations of the other prefectures (1,760 make the nation's 1,788), each with 20 systems
   x 40 steps (1.43 million step rows at full size), vs a store holding Miyazaki alone (22,400
   step rows). Both filled with raw SQL into the real encrypted store (a bench fixture). Timed:
   the matrix as the window builds it (``ProgressService.matrix``), the attention list
   (``AttentionService.entries``), and the window's refresh of both (offscreen). Goal: <= 2x.
2. Importing the national workbook: ``--import-orgs`` municipalities (1,741 are the nation's:
   Miyazaki's 26 and synthetic ones of the other prefectures) x 20 systems x 40 steps, written
   as the long layout (a CSV, one row per organisation x system, generated here, 34,820 rows at
   full size). Timed: reading it and the preview as the window runs them (Miyazaki's rows
   matched, the others listed as not found), then every row applied through the change log
   (``ProgressImport.apply``: one transaction, the steps without a record inserted together with
   their change-log rows) vs raw ``executemany`` of the same step rows into the same table of a
   second, identical store. Goal: <= 3x.
3. Matrix refresh after a one-cell edit, in the window, on the demo profile (a fiscal year of
   history in the change log): the edit through the cell dialog's path, then the repaint. Median
   of ``--runs``; goal <= 50 ms.

Medians of ``--runs`` alternating runs; ratios are taken within this run only.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dxdesk.core import reference
from dxdesk.core.ids import natural_id
from dxdesk.core.model import key_id, kind
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Profile, create_profile
from dxdesk.store.keys import KdfParams

PASSPHRASE = "bench-progress-2025"
CHEAP_KDF = KdfParams(iterations=1, memory_kib=8192, lanes=1)
TODAY = date(2026, 2, 15)
STATUSES = ("完了済み", "作業中", "未着手", "対象外")
BATCH = 20_000
STAMP = "2026-02-15T10:00:00+09:00"


def make(root: Path) -> Profile:
    profile, _ = create_profile(
        ProfilePaths(root),
        owner_name="ベンチ 進捗",
        device_name="bench",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=CHEAP_KDF,
    )
    return profile


def synthetic_orgs(n: int) -> list[tuple[str, str]]:
    """(code, name) of n organisations of the other 46 prefectures, valid codes (check digit)."""
    out = []
    prefectures = [p for p in range(1, 48) if p != 45]
    i = 0
    while len(out) < n:
        pref = prefectures[i % len(prefectures)]
        serial = 201 + i // len(prefectures)
        code5 = f"{pref:02d}{serial:03d}"
        out.append((code5 + str(reference.check_digit(code5)), f"合成市{code5}"))
        i += 1
    return out


def step_rows(org_ids: list[str], seed: int) -> list[tuple[Any, ...]]:
    """(org_id, system_code, step_no, status) for every step of every system of the orgs."""
    rng = random.Random(seed)
    out = []
    for oid in org_ids:
        for s in reference.business_systems():
            reached = rng.randint(0, 40)
            for n in range(1, 41):
                status = "完了済み" if n <= reached else rng.choice(("作業中", "未着手", "未着手"))
                out.append((oid, s.code, n, status))
    return out


STEP_COLS = (
    "id, org_id, system_code, step_no, status, updated_on, note,"
    " _created_at, _updated_at, _hlc, _device, _clocks"
)


def raw_steps(profile: Profile, rows: list[tuple[Any, ...]]) -> float:
    """Insert step rows with raw executemany (ids derived as the store derives them)."""
    k = kind("step_status")
    device = profile.device_id
    clocks = json.dumps({"*": f"001771000000000-000000@{device}"})
    params = [
        (
            key_id(k, {"org_id": o, "system_code": c, "step_no": n}),
            o,
            c,
            n,
            st,
            "2026-01-31",
            None,
            STAMP,
            STAMP,
            "001771000000000-000000",
            device,
            clocks,
        )
        for o, c, n, st in rows
    ]
    conn = profile.database.conn
    start = time.perf_counter()
    for i in range(0, len(params), BATCH):
        with profile.database.transaction():
            conn.executemany(
                f"INSERT INTO step_status ({STEP_COLS}) VALUES ({', '.join('?' * 12)})",
                params[i : i + BATCH],
            )
    return time.perf_counter() - start


def add_orgs(profile: Profile, orgs: list[tuple[str, str]]) -> list[str]:
    device = profile.device_id
    clocks = json.dumps({"*": f"001771000000000-000000@{device}"})
    ids = [natural_id("organisation", code) for code, _ in orgs]
    with profile.database.transaction():
        profile.database.conn.executemany(
            "INSERT INTO organisation (id, code, name, org_kind, bansou, welfare_office,"
            " _created_at, _updated_at, _hlc, _device, _clocks)"
            " VALUES (?, ?, ?, '市', 0, 1, ?, ?, '001771000000000-000000', ?, ?)",
            [(i, c, n, STAMP, STAMP, device, clocks) for i, (c, n) in zip(ids, orgs, strict=True)],
        )
    return ids


def home_ids(profile: Profile) -> list[str]:
    return [str(r["id"]) for r in profile.database.query("SELECT id FROM organisation")]


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_pair(a: Callable[[], Any], b: Callable[[], Any], runs: int) -> tuple[float, float]:
    ta, tb = [], []
    for _ in range(runs):
        ta.append(timed(a))
        tb.append(timed(b))
    return statistics.median(ta), statistics.median(tb)


# ---------------------------------------------------------------- 1. the whole country


def bench_country(tmp: Path, n_orgs: int, runs: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from dxdesk.gui.progress import ProgressView
    from dxdesk.services.attention import AttentionService
    from dxdesk.services.progress import ProgressService

    app = QApplication.instance() or QApplication(sys.argv[:1])
    small, big = make(tmp / "宮崎のみ"), make(tmp / "全国")
    built = time.perf_counter()
    raw_steps(small, step_rows(home_ids(small), 1))
    raw_steps(big, step_rows(home_ids(big), 1))
    others = add_orgs(big, synthetic_orgs(n_orgs))
    fill = 0.0
    for i in range(0, len(others), 100):  # in slices: 1.4 M tuples at once is 1 GB of Python
        fill += raw_steps(big, step_rows(others[i : i + 100], 2 + i))
    big.database.conn.execute("PRAGMA optimize")
    built = time.perf_counter() - built
    counts = {
        name: p.database.query("SELECT count(*) AS n FROM step_status")[0]["n"]
        for name, p in (("small", small), ("big", big))
    }
    out: dict[str, Any] = {"step_rows": counts, "build_s": round(built, 1)}
    ss, sb = ProgressService(small, TODAY), ProgressService(big, TODAY)
    assert len(ss.matrix().orgs) == len(sb.matrix().orgs) == 28
    a, b = median_pair(ss.matrix, sb.matrix, runs)
    out["matrix"] = {"small_ms": a * 1000, "big_ms": b * 1000, "ratio": b / a}
    att_s, att_b = AttentionService(small, TODAY), AttentionService(big, TODAY)
    a, b = median_pair(att_s.entries, att_b.entries, runs)
    out["attention"] = {"small_ms": a * 1000, "big_ms": b * 1000, "ratio": b / a}
    views = []
    for service in (ss, sb):
        v = ProgressView(service)
        v.resize(1100, 700)
        v.show()
        v.refresh()
        app.processEvents()
        views.append(v)

    def paint(v: ProgressView) -> Callable[[], None]:
        def go() -> None:
            v.refresh()
            v.repaint()
            app.processEvents()

        return go

    a, b = median_pair(paint(views[0]), paint(views[1]), runs)
    out["window_refresh"] = {"small_ms": a * 1000, "big_ms": b * 1000, "ratio": b / a}
    for v in views:
        v.close()
    small.close(backup=False)
    big.close(backup=False)
    return out


# ---------------------------------------------------------------- 2. the national import


def national_workbook(
    path: Path, orgs: list[tuple[str, str, str]], rows: list[tuple[Any, ...]]
) -> int:
    """The national step-progress workbook in its long layout, as a CSV the way Excel saves it
    (UTF-8 with a byte-order mark): one row per organisation x system, one column per step,
    status words as values. ``orgs``: (id, code, name); ``rows``: ``step_rows``' tuples."""
    from dxdesk.services.progress_import import LONG_HEADERS

    by_id = {oid: (code, name) for oid, code, name in orgs}
    names = {s.code: s.name for s in reference.business_systems()}
    cells: dict[tuple[str, str], list[str]] = {}
    for oid, code, _n, status in rows:  # step_rows yields steps 1-40 in order
        cells.setdefault((oid, code), []).append(status)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([*LONG_HEADERS, *(s.item for s in reference.procedure_steps())])
        for (oid, code), statuses in cells.items():
            out.writerow([*by_id[oid], names[code], "", *statuses])
    return len(cells)


def bench_import(tmp: Path, n_orgs: int) -> dict[str, Any]:
    from dxdesk.services.progress import ProgressService
    from dxdesk.services.progress_import import (
        Plan,
        ProgressImport,
        StepChange,
        guess,
        read_sheet,
    )

    through, raw = make(tmp / "取込"), make(tmp / "素の挿入")
    # The nation's municipalities: Miyazaki's 26 (held by both stores from the reference data)
    # and synthetic ones of the other prefectures up to ``n_orgs``.
    home = [
        (str(r["id"]), str(r["code"]), str(r["name"]))
        for r in through.database.query(
            "SELECT id, code, name FROM organisation WHERE length(code) = 6 ORDER BY code"
        )
    ]
    others = synthetic_orgs(max(0, n_orgs - len(home)))
    ids_t, ids_r = add_orgs(through, others), add_orgs(raw, others)
    assert ids_t == ids_r
    orgs = home + [(i, c, n) for i, (c, n) in zip(ids_t, others, strict=True)]
    rows = step_rows([o for o, _c, _n in orgs], 7)
    # The workbook as the user picks it: read, its columns guessed, matched and previewed (the
    # other prefectures' rows are listed as not found: the matrix is Miyazaki's).
    workbook = tmp / "全国_手順書ステップ進捗.csv"
    lines = national_workbook(workbook, orgs, rows)
    start = time.perf_counter()
    data = read_sheet(workbook)
    header, columns = guess(data.rows)
    read_s = time.perf_counter() - start
    preview = ProgressImport(ProgressService(through, TODAY)).preview(data, header, columns)
    preview_s = time.perf_counter() - start - read_s
    # Then every row applied, as if the whole nation were held (the benchmark).
    plan = Plan("bench", "long")
    plan.steps = [StepChange(o, o, c, n, "未着手", st) for o, c, n, st in rows if st != "未着手"]
    wanted = [(s.org_id, s.system_code, s.step_no, s.after) for s in plan.steps]
    cpu = time.process_time()
    t_raw = raw_steps(raw, wanted)
    cpu_raw = time.process_time() - cpu
    start = time.perf_counter()
    cpu = time.process_time()
    changes = ProgressImport(ProgressService(through, TODAY)).apply(plan)
    t_log, cpu_log = time.perf_counter() - start, time.process_time() - cpu
    assert len(changes) == len(wanted)
    logged = through.database.query("SELECT count(*) AS n FROM changes WHERE kind='step_status'")
    through.close(backup=False)
    raw.close(backup=False)
    return {
        "orgs": len(orgs),
        "workbook_rows": lines,
        "workbook_mb": round(workbook.stat().st_size / 1e6, 1),
        "read_s": read_s,
        "preview_s": preview_s,
        "preview": {
            "rows_read": preview.rows_read,
            "cells": preview.cells,
            "steps": len(preview.steps),
            "rejected": len(preview.rejected),
        },
        "steps": len(wanted),
        "logged": logged[0]["n"],
        "through_log_s": t_log,
        "through_log_cpu_s": cpu_log,
        "raw_executemany_s": t_raw,
        "raw_executemany_cpu_s": cpu_raw,
        "ratio": t_log / t_raw,
        "cpu_ratio": cpu_log / cpu_raw,
    }


# ---------------------------------------------------------------- 3. refresh after an edit


def bench_refresh(tmp: Path, runs: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from dxdesk.gui.progress import ProgressView
    from dxdesk.services.demo import populate_demo
    from dxdesk.services.progress import ProgressService

    app = QApplication.instance() or QApplication(sys.argv[:1])
    profile = make(tmp / "デモ")
    populate_demo(profile)
    service = ProgressService(profile, TODAY)
    view = ProgressView(service)
    view.resize(1100, 700)
    view.show()
    view.refresh()
    app.processEvents()
    history = profile.database.query("SELECT count(*) AS n FROM changes")[0]["n"]
    edit, paint, full = [], [], []
    statuses = ("作業中", "完了済み")
    for i in range(runs):
        start = time.perf_counter()
        changes = service.set_steps("高千穂町", "01", str(30 + i % 5), statuses[i % 2])
        middle = time.perf_counter()
        org_id = service.records.resolve_org("高千穂町")
        # What the cell dialog's edit triggers (its organisation's row read again).
        view._edited(changes[-1] if changes else None, org_id)
        app.processEvents()  # the row and the summaries repainted (what the user waits for)
        end = time.perf_counter()
        view.repaint()  # for comparison: the whole view painted again, forced
        full.append(time.perf_counter() - middle)
        edit.append(middle - start)
        paint.append(end - middle)
    view.close()
    profile.close(backup=False)
    return {
        "changes_in_log": history,
        "edit_ms": statistics.median(edit) * 1000,
        "refresh_ms": statistics.median(paint) * 1000,
        "refresh_all_ms": [round(x * 1000, 1) for x in paint],
        "refresh_and_full_repaint_ms": statistics.median(full) * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=1760)
    parser.add_argument("--import-orgs", type=int, default=1741)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", choices=("country", "import", "refresh"))
    args = parser.parse_args()
    result: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    }
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.only in (None, "refresh"):
            result["refresh"] = bench_refresh(root, max(args.runs, 15))
            print(json.dumps(result["refresh"]), file=sys.stderr, flush=True)
        if args.only in (None, "import"):
            result["import"] = bench_import(root, args.import_orgs)
            print(json.dumps(result["import"]), file=sys.stderr, flush=True)
        if args.only in (None, "country"):
            result["country"] = bench_country(root, args.orgs, args.runs)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
