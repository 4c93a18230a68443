"""Bundle benchmarks: ratios against a baseline measured in the same run.

    python bench/sync.py [--changes 100000] [--small 10000]

1. Export and import of a bundle of N field changes between two enrolled profiles, vs raw
   ``executemany`` of the same change rows and record rows into the same encrypted database (a
   copy of the importing hub). The changes: visits with Japanese notes, and records with a
   natural key and children: procedure-step cells recorded with ``RecordService.put`` (then
   half of them put again with another status: updates), groups and their members
   (``set_members``: one child record per organisation). Goal: import / raw <= 2 unattended.
2. Bundle size per 1,000 visits.
3. Memory against bundle size: the same import of a small and a large bundle, each in its own
   process, reporting the peak of Python allocations (tracemalloc) and of the whole process
   (ru_maxrss, which also holds SQLite's 64 MiB page cache).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dxdesk.paths import ProfilePaths
from dxdesk.services import sync
from dxdesk.services.profile import Credentials, Profile, create_profile, open_profile
from dxdesk.services.records import RecordService
from dxdesk.store.keys import KdfParams
from dxdesk.sync import bundle, enrol, merge
from run import visit_rows

PASSPHRASE = "bench passphrase 2025"
CHEAP_KDF = KdfParams(iterations=1, memory_kib=8192, lanes=1)

MEMORY_PROBE = textwrap.dedent(
    """
    import json, os, sys, tracemalloc
    from pathlib import Path
    from dxdesk.paths import ProfilePaths
    from dxdesk.services import sync
    from dxdesk.services.profile import Credentials, open_profile

    def hwm_kib():
        # VmHWM starts afresh at exec (ru_maxrss would inherit the parent's peak).
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    root, path, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    creds = Credentials(passphrase=os.environ["P"], use_keyring=False)
    profile = open_profile(ProfilePaths(root), creds)
    opened_kib = hwm_kib()
    tracemalloc.start()
    preview = sync.preview(profile, path, plan=mode == "plan")
    preview_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    sync.import_bundle(profile, path, preview)
    apply_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    profile.close(backup=False)
    print(json.dumps({"preview_peak": preview_peak, "apply_peak": apply_peak,
                      "hwm_kib": hwm_kib(), "hwm_open_kib": opened_kib}))
    """
)

READ_PROBE = textwrap.dedent(
    """
    import json, os, sys, tracemalloc
    from pathlib import Path
    from dxdesk.paths import ProfilePaths
    from dxdesk.services import sync
    from dxdesk.services.profile import Credentials, open_profile
    from dxdesk.sync import bundle, enrol

    root, path = Path(sys.argv[1]), Path(sys.argv[2])
    profile = open_profile(ProfilePaths(root), Credentials(passphrase=os.environ["P"], use_keyring=False))
    keys = enrol.load_keys(profile.database)
    tracemalloc.start()
    with bundle.open_bundle(path, keys, enrol.sender_lookup(profile.database)) as opened:
        n = sum(1 for _ in opened.rows())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    profile.close(backup=False)
    print(json.dumps({"read_peak": peak, "rows": n}))
    """
)


def make(root: Path, role: str, name: str) -> Profile:
    profile, _ = create_profile(
        ProfilePaths(root),
        owner_name=name,
        device_name=f"{name}の端末",
        role=role,
        passphrase=PASSPHRASE,
        kdf=CHEAP_KDF,
    )
    return profile


def reopen(root: Path) -> Profile:
    return open_profile(ProfilePaths(root), Credentials(passphrase=PASSPHRASE, use_keyring=False))


def timed(fn: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


SYSTEMS = tuple(f"{i:02d}" for i in range(1, 21))
# Kinds the field writes here besides visits: the keyed cells, the groups and their members.
KEYED_KINDS = ("step_status", "group", "group_member")


def keyed_work(field: Profile, cells: int, updates: int, groups: int) -> int:
    """Cells put by their key (then ``updates`` of them put again), ``groups`` groups with
    every organisation as a member; in transactions of a few thousand writes, as ``add_many``.
    Returns the number of changes written."""
    service = RecordService(field)
    orgs = [str(r["id"]) for r in field.database.query("SELECT id FROM organisation")]
    keys = [
        {"org_id": o, "system_code": s, "step_no": n}
        for n in range(1, 41)
        for o in orgs
        for s in SYSTEMS
    ][:cells]
    written = 0
    for start in range(0, len(keys), 5000):
        with field.database.transaction():
            for key in keys[start : start + 5000]:
                written += service.put("step_status", {**key, "status": "作業中"}) is not None
    for start in range(0, updates, 5000):
        with field.database.transaction():
            for key in keys[start : min(start + 5000, updates)]:
                change = service.put("step_status", {**key, "status": "完了済み", "note": "確認済"})
                written += change is not None
    for g in range(groups):
        group = service.add("group", {"name": f"連携{g}", "group_type": "生活圏"}).record_id
        written += 1 + len(service.set_members("group", group, dict.fromkeys(orgs, True)))
    return written


def raw_baseline(field: Profile, hub_root: Path) -> float:
    """executemany of the field's change rows and record rows into a copy of the hub."""
    changes = field.database.conn.execute(
        "SELECT device_id, dev_seq, hlc, kind, record_id, op, payload FROM changes"
        " WHERE device_id = ? ORDER BY dev_seq",
        (field.device_id,),
    ).fetchall()
    tables = []
    for name in ("visit", *KEYED_KINDS):
        cols = [
            r[1]
            for r in field.database.conn.execute(f'PRAGMA table_info("{name}")')
            if r[1] != "rid"
        ]
        rows = field.database.conn.execute(f'SELECT {", ".join(cols)} FROM "{name}"').fetchall()
        tables.append((name, cols, rows))
    hub = reopen(hub_root)
    try:
        conn = hub.database.conn

        def write() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT INTO changes (device_id, dev_seq, hlc, kind, record_id, op, payload)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                changes,
            )
            for name, cols, rows in tables:
                conn.executemany(
                    f'INSERT INTO "{name}" ({", ".join(cols)})'
                    f" VALUES ({', '.join('?' * len(cols))})",
                    rows,
                )
            conn.execute("COMMIT")

        seconds, _ = timed(write)
    finally:
        hub.close(backup=False)
    return seconds


def probe(script: str, hub_root: Path, path: Path, *extra: str) -> dict[str, Any]:
    env = {
        **os.environ,
        "P": PASSPHRASE,
        "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"),
    }
    out = subprocess.run(
        [sys.executable, "-c", script, str(hub_root), str(path), *extra],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--cells", type=int, default=10_400, help="step cells put by their key")
    parser.add_argument("--cell-updates", type=int, default=5_200, help="of them, put again")
    parser.add_argument("--groups", type=int, default=200, help="groups of 26 members each")
    parser.add_argument(
        "--memory", action=argparse.BooleanOptionalAction, default=True, help="rows 3 and 3b"
    )
    parser.add_argument(
        "--plan-memory", action="store_true", help="also measure the preview with merge.plan"
    )
    args = parser.parse_args()
    small = args.small
    tmp = Path(tempfile.mkdtemp(prefix="dxdesk-bench-sync-"))
    try:
        hub = make(tmp / "hub", "hub", "統括")
        field = make(tmp / "field", "field", "山田")
        request, _ = sync.write_request(field, tmp / "request.json")
        team = sync.accept(hub, sync.read_request(request), tmp / "team.json")
        sync.join(field, sync.read_team(team))
        hub.close(backup=False)
        pristine = tmp / "hub"

        # The keyed and child records' share of the changes (a group and a member per
        # organisation); visits make up the rest.
        orgs = len(field.database.query("SELECT id FROM organisation"))
        n = args.changes - (args.cells + args.cell_updates + args.groups * (1 + orgs))
        rows = visit_rows(n)
        service = RecordService(field)
        add_s, _ = timed(
            lambda: [service.add_many("visit", rows[i : i + 5000]) for i in range(0, n, 5000)]
        )
        keyed_s, keyed_written = timed(
            lambda: keyed_work(field, args.cells, args.cell_updates, args.groups)
        )
        usb = tmp / "usb"
        export_s, big = timed(lambda: sync.export_bundle(field, "hub", usb, full=True))
        keys = enrol.load_keys(field.database)
        assert keys is not None
        hub_id = sync.resolve_recipient(field, "hub")
        small_bundle = bundle.write_bundle(
            tmp / "usb-small",
            lambda: islice(merge.changes_since(field.database, {}), small),
            keys=keys,
            sender_name="山田の端末",
            recipient=hub_id["device_id"],
            recipients=[hub_id["age_recipient"]],
            schema_version=field.database.schema_version,
            state_vector={},
            created_at="2025-11-25T10:00:00.000000+09:00",
            full=False,
        ).path

        shutil.copytree(pristine, tmp / "hub-import")
        hub_import = reopen(tmp / "hub-import")
        try:
            # Unattended (--yes): verify, then apply. Interactive: the plan replaces the verify.
            verify_s, checked = timed(lambda: sync.preview(hub_import, big.path, plan=False))
            plan_s, _ = timed(lambda: sync.preview(hub_import, big.path))
            apply_s, _ = timed(lambda: sync.import_bundle(hub_import, big.path, checked))
        finally:
            hub_import.close(backup=False)
        print(
            f"export {export_s:.1f} s, verify {verify_s:.1f} s, plan {plan_s:.1f} s,"
            f" apply {apply_s:.1f} s",
            file=sys.stderr,
            flush=True,
        )
        shutil.copytree(pristine, tmp / "hub-raw")
        raw_s = raw_baseline(field, tmp / "hub-raw")
        field.close(backup=False)

        memory: dict[str, Any] = {}
        modes = ("verify", "plan") if args.plan_memory else ("verify",)
        sizes = (("small", small_bundle), ("large", big.path)) if args.memory else ()
        for label, path in sizes:
            memory[label] = {"bytes": path.stat().st_size, **probe(READ_PROBE, pristine, path)}
            for mode in modes:
                work = tmp / f"hub-mem-{label}-{mode}"
                shutil.copytree(pristine, work)
                memory[label][mode] = probe(MEMORY_PROBE, work, path, mode)
                shutil.rmtree(work)
            print(label, json.dumps(memory[label]), file=sys.stderr, flush=True)
        size = big.path.stat().st_size
        result = {
            "changes": big.count,
            "visits": n,
            "keyed_and_children": keyed_written,
            "add_s": round(add_s, 2),
            "keyed_add_s": round(keyed_s, 2),
            "export_s": round(export_s, 2),
            "verify_s": round(verify_s, 2),
            "plan_s": round(plan_s, 2),
            "apply_s": round(apply_s, 2),
            "raw_executemany_s": round(raw_s, 2),
            "ratio_unattended_vs_raw": round((verify_s + apply_s) / raw_s, 2),
            "ratio_interactive_vs_raw": round((plan_s + apply_s) / raw_s, 2),
            "ratio_export_vs_raw": round(export_s / raw_s, 2),
            "bundle_bytes": size,
            "bytes_per_1000_changes": round(size / (big.count / 1000)),
            "memory": memory,
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
