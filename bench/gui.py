"""Window benchmarks: ratios against a baseline measured in the same run (machines are noisy).

    QT_QPA_PLATFORM=offscreen python bench/gui.py [--visits 100000] [--issues 20000] [--runs 5]

1. Unlock to the main window painted, and to the first rows of an organisation's visit list
   painted: a profile with 100,000 visits and 20,000 issues vs one with 100 rows. Both profiles
   use the cheapest Argon2id cost, so the key derivation (measured in bench/run.py) is the same
   small constant on both sides. Goal: ratio <= 1.5 (the window must not grow with the data).
2. Cold start to a window shown, vs a fresh process showing a bare PySide6 QMainWindow, both
   offscreen fresh ``python -c`` processes. Goal: ratio <= 2.
   a. To the first window a user sees on an existing profile: the process runs the desktop
      entry point (``dxdesk-gui`` = ``dxdesk.gui.app.main``, what a shortcut starts) and stops
      once the unlock dialog is shown (a zero timer, which first fires in the dialog's loop).
   c. The same through the ``dxdesk`` command (``dxdesk gui``: click and the CLI module first).
   b. To the main window: the process imports dxdesk's GUI, opens the (small) profile with the
      passphrase (cheapest Argon2id) and shows the main window.

3. Unlock to the home screen painted (the window's first page) vs the window showing the
   empty 概要 tab instead (its first page before the home screen), on the demo profile; and
   the home screen on a hub profile with 100,000 visits vs one with 100 rows. Goal: <= 1.5.
   ``--home-only`` runs this one; ``--home-eager`` measures it as before the fix (every
   section computed before the first paint).

Medians of ``--runs`` alternating runs; ratios are taken within this run only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dxdesk.core import reference
from dxdesk.core.ids import natural_id, new_id
from dxdesk.core.model import kind, validate
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, create_profile
from dxdesk.store.keys import KdfParams

PASSPHRASE = "bench-window-2025"
CHEAP_KDF = KdfParams(iterations=1, memory_kib=8192, lanes=1)
BATCH = 5_000
NOTES = (
    "住民記録システムの移行スケジュールについてベンダと確認した。",
    "ガバメントクラウドへの接続回線の調達時期が課題となっている。",
    "データクレンジングの進め方と文字の同定基準について協議した。",
    "職員向け研修の日程を調整し、来月中旬に実施することとした。",
)


# ---------------------------------------------------------------- fixtures


def _raw_rows(kind_name: str, rows: list[dict[str, Any]], device: str) -> tuple[str, list[Any]]:
    """Validated rows as one INSERT: every field, system columns filled as the store does."""
    k = kind(kind_name)
    names = [f.name for f in k.fields]
    cols = ["id", *names, "_created_at", "_updated_at", "_hlc", "_device", "_clocks"]
    sql = f'INSERT INTO "{k.name}" ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})'
    out = []
    for i, r in enumerate(rows):
        record = validate(k, r)
        hlc = f"{1_764_000_000_000 + i:015d}-000000"
        values = []
        for f in k.fields:
            v = record.get(f.name)
            if isinstance(v, list):
                v = json.dumps(v, ensure_ascii=False)
            elif isinstance(v, bool):
                v = int(v)
            values.append(v)
        stamp = "2025-11-25T10:00:00+09:00"
        clocks = json.dumps({"*": f"{hlc}@{device}"})
        out.append([new_id(), *values, stamp, stamp, hlc, device, clocks])
    return sql, out


def make_profile(
    root: Path, n_visits: int, n_issues: int, seed: int = 5, role: str = "field"
) -> ProfilePaths:
    """A profile with n visits and n issues: raw SQL in batches into the real encrypted store
    (valid rows, full-text triggers on); a bench fixture, so no change-log rows."""
    paths = ProfilePaths(root)
    profile, _ = create_profile(
        paths,
        owner_name="ベンチ 太郎",
        device_name="bench",
        role=role,
        passphrase=PASSPHRASE,
        kdf=CHEAP_KDF,
    )
    rng = random.Random(seed)
    orgs = [natural_id("organisation", m.code) for m in reference.municipalities()]
    with profile:
        device = profile.device_id
        visits = []
        for _ in range(n_visits):
            month = rng.randint(4, 15)
            y, m = (2025, month) if month <= 12 else (2026, month - 12)
            visits.append(
                {
                    "date": f"{y}-{m:02d}-{rng.randint(1, 28):02d}",
                    "start_time": "10:00",
                    "end_time": "11:30",
                    "org_id": rng.choice(orgs),
                    "mode": rng.choice(("訪問", "オンライン", "電話")),
                    "title": "標準化に関するヒアリング",
                    "notes": rng.choice(NOTES),
                    "hours": 1.5,
                }
            )
        issues = [
            {
                "org_id": rng.choice(orgs),
                "title": "移行に関する課題",
                "status": rng.choice(("未対応", "対応中", "完了", "保留")),
                "priority": rng.choice(("高", "中", "低")),
                "raised_on": f"2025-{rng.randint(4, 12):02d}-{rng.randint(1, 28):02d}",
                "description": rng.choice(NOTES),
            }
            for _ in range(n_issues)
        ]
        conn = profile.database.conn
        for kind_name, rows in (("visit", visits), ("issue", issues)):
            for start in range(0, len(rows), BATCH):
                sql, params = _raw_rows(kind_name, rows[start : start + BATCH], device)
                with profile.database.transaction():
                    conn.executemany(sql, params)
        conn.execute("PRAGMA optimize")
    return paths


# ---------------------------------------------------------------- 1. unlock to painted


def _wait(app: Any, done: Any, timeout: float = 30.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        if time.perf_counter() > end:
            raise RuntimeError("the window did not paint in time")


def open_window_once(paths: ProfilePaths, busiest: str) -> tuple[float, float]:
    """Seconds from unlock to (the main window painted, the visit list's first rows painted)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from dxdesk.gui.app import Session
    from dxdesk.services.profile import open_profile

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    painted: set[int] = set()

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.add(id(watched))
            return False

    spy = PaintSpy()
    app.installEventFilter(spy)
    try:
        t0 = time.perf_counter()
        profile = open_profile(paths, Credentials(passphrase=PASSPHRASE, use_keyring=False))
        session = Session(profile)
        window = session.window
        window.resize(1366, 768)
        window.show()
        tree_view = window.tree.viewport()
        _wait(app, lambda: id(tree_view) in painted)
        t_window = time.perf_counter() - t0
        window.select_org(busiest)  # the organisation with the most visits
        table = window.org_tables["visit"]
        viewport = table.view.viewport()
        painted.discard(id(viewport))
        window.org_tabs.setCurrentWidget(window.org_tabs.widget(1))  # 訪問・ヒアリング
        _wait(app, lambda: table.model.rowCount() > 0 and id(viewport) in painted)
        t_rows = time.perf_counter() - t0
        window.close_forms()
        window.hide()
        window.deleteLater()
        profile.close(backup=False)
        app.processEvents()
    finally:
        app.removeEventFilter(spy)
    return t_window, t_rows


def busiest_org(paths: ProfilePaths) -> str:
    from dxdesk.services.profile import open_profile

    with open_profile(paths, Credentials(passphrase=PASSPHRASE, use_keyring=False)) as profile:
        rows = profile.database.query(
            "SELECT org_id FROM visit WHERE _deleted = 0 GROUP BY org_id"
            " ORDER BY count(*) DESC LIMIT 1"
        )
    return str(rows[0]["org_id"])


def bench_window(small: ProfilePaths, big: ProfilePaths, runs: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    orgs = {"small": busiest_org(small), "big": busiest_org(big)}
    open_window_once(small, orgs["small"])  # warm imports and Qt's first-use caches
    samples: dict[str, list[tuple[float, float]]] = {"small": [], "big": []}
    for _ in range(runs):
        samples["small"].append(open_window_once(small, orgs["small"]))
        samples["big"].append(open_window_once(big, orgs["big"]))
    out: dict[str, Any] = {}
    for name, pairs in samples.items():
        out[f"{name}_window_s"] = statistics.median(p[0] for p in pairs)
        out[f"{name}_rows_s"] = statistics.median(p[1] for p in pairs)
    out["window_ratio"] = out["big_window_s"] / out["small_window_s"]
    out["rows_ratio"] = out["big_rows_s"] / out["small_rows_s"]
    return out


# ---------------------------------------------------------------- 3. home screen painted


def open_home_once(paths: ProfilePaths, passphrase: str, *, empty: bool) -> float:
    """Seconds from unlock to the window's first page painted: the home screen, or (``empty``)
    the empty 概要 tab that was the first page before the home screen existed."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from dxdesk.gui.mainwindow import MainWindow
    from dxdesk.services.profile import open_profile

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    painted: set[int] = set()

    class PaintSpy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.add(id(watched))
            return False

    spy = PaintSpy()
    app.installEventFilter(spy)
    original = MainWindow.show_global

    def first_page(window: MainWindow, key: str) -> None:
        # The baseline: the window as it started before the home screen (its empty 概要 tab).
        if key == "home":
            window.stack.setCurrentWidget(window.org_tabs)
        else:
            original(window, key)

    if empty:
        MainWindow.show_global = first_page  # type: ignore[method-assign]
    try:
        t0 = time.perf_counter()
        profile = open_profile(paths, Credentials(passphrase=passphrase, use_keyring=False))
        window = MainWindow(profile)
        window.resize(1366, 768)
        window.show()
        page = window.stack.currentWidget()
        _wait(app, lambda: id(page) in painted)
        elapsed = time.perf_counter() - t0
        if not empty:  # the deferred sections filled in too, before the profile closes
            _wait(app, lambda: window.home.home is not None and not window.home.home.pending)
        window.close_forms()
        window.hide()
        window.deleteLater()
        profile.close(backup=False)
        app.processEvents()
    finally:
        MainWindow.show_global = original  # type: ignore[method-assign]
        app.removeEventFilter(spy)
    return elapsed


def make_demo(root: Path) -> ProfilePaths:
    """The demo profile (a hub: the supervisor's home with every section), cheapest KDF."""
    from dxdesk.services.demo import populate_demo

    paths = ProfilePaths(root)
    profile, _ = create_profile(
        paths,
        owner_name="宮崎 統括（デモ）",
        device_name="デモ端末",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=CHEAP_KDF,
    )
    with profile:
        populate_demo(profile)
    return paths


def bench_home(
    demo: ProfilePaths, small: ProfilePaths, big: ProfilePaths, runs: int
) -> dict[str, Any]:
    """W3: the home screen painted vs the empty 概要 tab (demo data), and the home screen with
    100,000 visits vs 100 (hub profiles: the supervisor's home, the costlier one)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    for paths in (demo, small, big):  # warm imports, caches and each file
        open_home_once(paths, PASSPHRASE, empty=False)
    samples: dict[str, list[float]] = {
        name: [] for name in ("demo_home", "demo_empty", "small", "big", "small_empty", "big_empty")
    }
    for _ in range(runs):
        samples["demo_home"].append(open_home_once(demo, PASSPHRASE, empty=False))
        samples["demo_empty"].append(open_home_once(demo, PASSPHRASE, empty=True))
        samples["small"].append(open_home_once(small, PASSPHRASE, empty=False))
        samples["big"].append(open_home_once(big, PASSPHRASE, empty=False))
        samples["small_empty"].append(open_home_once(small, PASSPHRASE, empty=True))
        samples["big_empty"].append(open_home_once(big, PASSPHRASE, empty=True))
    out: dict[str, Any] = {f"{k}_s": statistics.median(v) for k, v in samples.items()}
    out["demo_ratio"] = out["demo_home_s"] / out["demo_empty_s"]
    out["size_ratio"] = out["big_s"] / out["small_s"]
    # The same window showing the empty tab, at both sizes: what grows without the home.
    out["empty_size_ratio"] = out["big_empty_s"] / out["small_empty_s"]
    out["big_ratio"] = out["big_s"] / out["big_empty_s"]
    return out


# ---------------------------------------------------------------- 2. cold start

_SHOW_DXDESK = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from dxdesk.gui.app import Session
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, open_profile
profile = open_profile(
    ProfilePaths(Path(sys.argv[1])), Credentials(passphrase=sys.argv[2], use_keyring=False)
)
window = Session(profile).window
window.resize(1366, 768)
window.show()
app.processEvents()
print("shown", flush=True)
profile.close(backup=False)
"""

_SHOW_UNLOCK = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def shown():
    app.processEvents()
    dialog = app.activeModalWidget()
    print("shown" if type(dialog).__name__ == "UnlockDialog" else "other", flush=True)
    if dialog is not None:
        dialog.reject()
QTimer.singleShot(0, shown)
if sys.argv[2] == "gui-script":
    # The desktop entry point `dxdesk-gui` (what a shortcut starts).
    from dxdesk.gui.app import main
    main(["--profile", sys.argv[1]])
else:
    # The `dxdesk` command itself (click and the CLI module, then the window's start).
    from dxdesk.cli.main import main
    main(["--profile", sys.argv[1], "gui"])
"""

_SHOW_BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
window.show()
app.processEvents()
print("shown", flush=True)
"""


def _cold(code: str, *args: str, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait()
    if line.strip() != "shown":
        raise RuntimeError("the window did not show")
    return elapsed


def bench_cold(small: ProfilePaths, runs: int, home: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home)}
    # As installed (pip compiles to bytecode): a shell with PYTHONDONTWRITEBYTECODE would make
    # every start compile dxdesk's sources again and measure the compiler, not the start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    unlock, command, main, bare = [], [], [], []
    root = str(small.root)
    _cold(_SHOW_BARE, env=env)  # the OS file cache warm for all
    _cold(_SHOW_UNLOCK, root, "gui-script", env=env)
    _cold(_SHOW_UNLOCK, root, "command", env=env)
    _cold(_SHOW_DXDESK, root, PASSPHRASE, env=env)
    for _ in range(runs):
        bare.append(_cold(_SHOW_BARE, env=env))
        unlock.append(_cold(_SHOW_UNLOCK, root, "gui-script", env=env))
        command.append(_cold(_SHOW_UNLOCK, root, "command", env=env))
        main.append(_cold(_SHOW_DXDESK, root, PASSPHRASE, env=env))
    out = {
        "unlock_s": statistics.median(unlock),
        "command_s": statistics.median(command),
        "dxdesk_s": statistics.median(main),
        "bare_s": statistics.median(bare),
    }
    out["unlock_ratio"] = out["unlock_s"] / out["bare_s"]
    out["command_ratio"] = out["command_s"] / out["bare_s"]
    out["ratio"] = out["dxdesk_s"] / out["bare_s"]
    return out


def _home_line(home: dict[str, Any], visits: int) -> str:
    return (
        f"W3. unlock to the home screen painted, demo data: {home['demo_home_s'] * 1000:.0f} ms"
        f" vs the empty 概要 tab {home['demo_empty_s'] * 1000:.0f} ms"
        f" (x{home['demo_ratio']:.2f}, goal <= 1.5); hub with {visits:,} visits vs 100 rows:"
        f" {home['big_s'] * 1000:.0f} ms vs {home['small_s'] * 1000:.0f} ms"
        f" (x{home['size_ratio']:.2f}, goal <= 1.5); the empty tab alone at the two sizes"
        f" {home['big_empty_s'] * 1000:.0f} ms vs {home['small_empty_s'] * 1000:.0f} ms"
        f" (x{home['empty_size_ratio']:.2f}); home vs empty tab with {visits:,} visits"
        f" x{home['big_ratio']:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--issues", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--home-only", action="store_true", help="only W3, the home screen's first paint"
    )
    parser.add_argument(
        "--home-eager",
        action="store_true",
        help="W3 as before the fix: every home section computed before the first paint",
    )
    args = parser.parse_args()
    if args.home_eager:
        import dxdesk.services.home

        dxdesk.services.home.DEFERRED = frozenset()
    if args.home_only:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
            demo = make_demo(tmp / "demo")
            small = make_profile(tmp / "small", 80, 20, role="hub")
            big = make_profile(tmp / "big", args.visits, args.issues, role="hub")
            home = bench_home(demo, small, big, args.runs)
        print(json.dumps(home, indent=2) if args.json else _home_line(home, args.visits))
        return 0
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # window geometry stays here
        t0 = time.perf_counter()
        small = make_profile(tmp / "small", 80, 20)
        big = make_profile(tmp / "big", args.visits, args.issues)
        build_s = time.perf_counter() - t0
        window = bench_window(small, big, args.runs)
        demo = make_demo(tmp / "demo")
        hub_small = make_profile(tmp / "hub-small", 80, 20, role="hub")
        hub_big = make_profile(tmp / "hub-big", args.visits, args.issues, role="hub")
        home = bench_home(demo, hub_small, hub_big, args.runs)
        cold = bench_cold(small, args.runs, tmp / "config")
    result = {
        "visits": args.visits,
        "issues": args.issues,
        "runs": args.runs,
        "fixture_build_s": build_s,
        "window": window,
        "home": home,
        "cold_start": cold,
        "machine": f"{platform.machine()} {os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"machine: {result['machine']} (fixtures built in {build_s:.0f} s)")
    print(
        f"W1. unlock to window painted, {args.visits:,} visits + {args.issues:,} issues vs 100 rows:"
        f" {window['big_window_s'] * 1000:.0f} ms vs {window['small_window_s'] * 1000:.0f} ms"
        f" (x{window['window_ratio']:.2f}, goal <= 1.5); to the visit list's first rows"
        f" {window['big_rows_s'] * 1000:.0f} ms vs {window['small_rows_s'] * 1000:.0f} ms"
        f" (x{window['rows_ratio']:.2f}, goal <= 1.5)"
    )
    print(_home_line(home, args.visits))
    bare_ms = f"bare QMainWindow {cold['bare_s'] * 1000:.0f} ms"
    print(
        f"W2a. cold start to the unlock dialog shown (dxdesk-gui): {cold['unlock_s'] * 1000:.0f} ms"
        f" vs {bare_ms} (x{cold['unlock_ratio']:.2f}, goal <= 2)"
    )
    print(
        f"W2c. the same through the `dxdesk` command (click): {cold['command_s'] * 1000:.0f} ms"
        f" vs {bare_ms} (x{cold['command_ratio']:.2f})"
    )
    print(
        f"W2b. cold start to the main window shown (profile opened): dxdesk"
        f" {cold['dxdesk_s'] * 1000:.0f} ms vs {bare_ms} (x{cold['ratio']:.2f}, goal <= 2)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
