"""dxdesk benchmarks: ratios against a baseline measured in the same run (machines are noisy).

    python bench/run.py [--rows 100000] [--write docs/benchmarks.md]

1. Encrypted (SQLCipher 4, raw key) vs plaintext (stdlib sqlite3), same schema and pragmas:
   insert N visits with notes, then the overview queries. Goal: ratio <= 1.5.
2. Through the change-tracking layer (RecordStore: ids, HLC stamps, change log, audit) vs raw
   executemany into the same tables of the same encrypted schema: visits (insert), procedure-step
   cells recorded by their natural key (create, then update, as ``RecordService.put`` does:
   the derived id, a lookup by it, insert or update) and child records (group members, an
   issue's related organisations). Goal: ratio <= 3 for the whole; reported per part too, in
   wall and in CPU time of this process (steadier on a shared machine), with what the key
   costs: the same cells put by their key vs inserted as a kind without one.
   ``--layer-only`` runs this row alone and prints its JSON.
3. Full-text query over N notes through the search service. Goal: median <= 20 ms.
4. Unlock time: the Argon2id passphrase slot as tuned on this machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import random
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dxdesk.core import reference
from dxdesk.core.ids import natural_id, new_id
from dxdesk.core.model import Kind, key_id, kind, validate
from dxdesk.store import search as fts
from dxdesk.store import sqlfunctions
from dxdesk.store.database import Database
from dxdesk.store.keys import KeyFile, new_keyfile, new_recovery_key, tune
from dxdesk.store.migrations import all_migrations
from dxdesk.store.records import RecordStore, to_sql

PHRASES = [
    "住民記録システムの移行スケジュールについてベンダと確認した。",
    "Fit&Gap分析の結果、運用見直しが必要な業務が三件あることを共有した。",
    "ガバメントクラウドへの接続回線の調達時期が課題となっている。",
    "データクレンジングの進め方と文字の同定基準について協議した。",
    "特定移行支援システムへの該当可否を県に相談する方針とした。",
    "職員向け研修の日程を調整し、来月中旬に実施することとした。",
    "予算要求資料の作成に向けて、見積の前提条件を整理した。",
    "窓口のフロントヤード改革について先行事例を紹介した。",
    "条例・規則の改正案の作成状況を確認した。",
    "テスト計画の作成支援を行い、次回までに修正版を送付することとした。",
]
QUERIES = [
    "移行スケジュール",
    "データクレンジング",
    "ガバメントクラウド",
    "研修",
    "県",
    "条例",
    "Fit&Gap",
    "予算要求",
    "フロントヤード",
    "文字の同定",
]


def note(rng: random.Random) -> str:
    return "".join(rng.choice(PHRASES) for _ in range(rng.randint(3, 8)))


def visit_rows(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    orgs = [natural_id("organisation", m.code) for m in reference.municipalities()]
    rows = []
    for _ in range(n):
        month = rng.randint(4, 15)
        y, m = (2025, month) if month <= 12 else (2026, month - 12)
        rows.append(
            {
                "date": f"{y}-{m:02d}-{rng.randint(1, 28):02d}",
                "start_time": "10:00",
                "end_time": "11:30",
                "org_id": rng.choice(orgs),
                "mode": rng.choice(["訪問", "オンライン", "電話"]),
                "title": "標準化に関するヒアリング",
                "notes": note(rng),
                "findings": rng.choice(PHRASES),
                "hours": 1.5,
            }
        )
    return rows


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


OVERVIEW = [
    "SELECT org_id, count(*) FROM visit WHERE _deleted = 0 GROUP BY org_id",
    "SELECT org_id, substr(date, 1, 7) AS month, count(*), sum(hours) FROM visit"
    " WHERE _deleted = 0 GROUP BY org_id, month",
    "SELECT org_id, max(date) FROM visit WHERE _deleted = 0 GROUP BY org_id",
    "SELECT count(*) FROM visit WHERE date BETWEEN '2025-11-01' AND '2025-11-30'",
    "SELECT id, date, title FROM visit WHERE _deleted = 0 ORDER BY date DESC LIMIT 100",
]


def raw_insert(conn: Any, rows: list[dict[str, Any]]) -> None:
    k = kind("visit")
    names = [f.name for f in k.fields]
    sql = (
        f"INSERT INTO visit (id, {', '.join(names)}, _created_at, _updated_at, _hlc, _device)"
        f" VALUES ({', '.join('?' * (len(names) + 5))})"
    )
    params = []
    for r in rows:
        params.append(
            [
                new_id(),
                *(
                    r.get(n)
                    if n not in ("systems", "attendees_org", "attendees_vendor", "attendees_ours")
                    else "[]"
                    for n in names
                ),
                "2025-11-25T10:00:00+09:00",
                "2025-11-25T10:00:00+09:00",
                "000001764000000-000000",
                "bench",
            ]
        )
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(sql, params)
    conn.execute("COMMIT")


def plaintext_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    sqlfunctions.register(conn)  # the full-text triggers fold the text they index (dx_fold)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("BEGIN IMMEDIATE")
    for m in all_migrations():
        for s in m.statements:
            conn.execute(s)
    conn.execute("COMMIT")
    return conn


def run_queries(conn: Any) -> None:
    for sql in OVERVIEW:
        conn.execute(sql).fetchall()


def bench_encryption(tmp: Path, n: int) -> dict[str, float]:
    rows = visit_rows(n)
    plain = plaintext_db(tmp / "plain.db")
    enc = Database.open(tmp / "enc.db", secrets.token_bytes(32), create=True)
    out: dict[str, float] = {}
    out["plain_insert_s"] = timed(lambda: raw_insert(plain, rows))
    out["enc_insert_s"] = timed(lambda: raw_insert(enc.conn, rows))
    out["plain_query_s"] = min(timed(lambda: run_queries(plain)) for _ in range(5))
    out["enc_query_s"] = min(timed(lambda: run_queries(enc.conn)) for _ in range(5))
    out["insert_ratio"] = out["enc_insert_s"] / out["plain_insert_s"]
    out["query_ratio"] = out["enc_query_s"] / out["plain_query_s"]
    total_plain = out["plain_insert_s"] + out["plain_query_s"]
    out["total_ratio"] = (out["enc_insert_s"] + out["enc_query_s"]) / total_plain
    # Full-text search over the encrypted notes just written (all kinds are searched).
    long_q, short_q = [], []
    for _ in range(5):
        for q in QUERIES:
            (long_q if len(q) >= fts.MIN_TRIGRAM else short_q).append(
                timed(lambda q=q: fts.search(enc, q, limit=50))
            )
    out["fts_median_ms"] = statistics.median(long_q) * 1000
    out["fts_p90_ms"] = statistics.quantiles(long_q, n=10)[-1] * 1000
    out["fts_short_median_ms"] = statistics.median(short_q) * 1000
    plain.close()
    enc.close()
    return out


SYSTEMS = tuple(f"{i:02d}" for i in range(1, 21))
RAW_STAMP = ("2025-11-25T10:00:00+09:00", "2025-11-25T10:00:00+09:00", "000001764000000-000000")


def keyed_rows(steps: int, parents: int) -> dict[str, list[dict[str, Any]]]:
    """Step cells (26 organisations x 20 systems x ``steps``), their updates, and memberships of
    ``parents`` groups and issues (every organisation in each group, 25 related to each issue)."""
    orgs = [natural_id("organisation", m.code) for m in reference.municipalities()]
    cells = [
        {"org_id": o, "system_code": s, "step_no": n, "status": "作業中", "note": "ベンダと調整中"}
        for o in orgs
        for s in SYSTEMS
        for n in range(1, steps + 1)
    ]
    updates = [{**c, "status": "完了済み", "updated_on": "2025-11-25"} for c in cells]
    groups = [natural_id("bench-group", str(i)) for i in range(parents)]
    issues = [natural_id("bench-issue", str(i)) for i in range(parents)]
    members = [{"group_id": g, "org_id": o, "note": None} for g in groups for o in orgs]
    related = [
        {"issue_id": i, "org_id": o, "note": "共同調達"}
        for n, i in enumerate(issues)
        for o in orgs
        if o != orgs[n % len(orgs)]
    ]
    return {"cells": cells, "updates": updates, "members": members, "related": related}


def add_parents(store: RecordStore, parents: int) -> None:
    """The groups and issues the memberships belong to (not timed, the same on both sides)."""
    orgs = [natural_id("organisation", m.code) for m in reference.municipalities()]
    group, issue = kind("group"), kind("issue")
    with store.database.transaction():
        for i in range(parents):
            values = {"name": f"連携{i}", "group_type": "生活圏"}
            store.insert(
                group, validate(group, values), record_id=natural_id("bench-group", str(i))
            )
            values = {"org_id": orgs[i % len(orgs)], "title": f"共同利用{i}", "status": "対応中"}
            store.insert(
                issue, validate(issue, values), record_id=natural_id("bench-issue", str(i))
            )


def put(store: RecordStore, k: Kind, values: dict[str, Any]) -> None:
    """Create or update by the natural key, as ``RecordService.put`` does below its checks."""
    rid = key_id(k, values)
    assert rid is not None
    if store.get(k, rid, include_deleted=True) is None:
        store.insert(k, values)
    else:
        store.update(k, rid, {n: v for n, v in values.items() if n not in k.key})


def raw_rows(conn: Any, k: Kind, rows: list[dict[str, Any]], *, keyed: bool = True) -> None:
    names = [f.name for f in k.fields]
    sql = (
        f'INSERT INTO "{k.name}" (id, {", ".join(names)}, _created_at, _updated_at, _hlc, _device)'
        f" VALUES ({', '.join('?' * (len(names) + 5))})"
    )
    conn.executemany(
        sql,
        [
            [
                key_id(k, r) if keyed else new_id(),
                *(to_sql(k, n, r.get(n)) for n in names),
                *RAW_STAMP,
                "bench",
            ]
            for r in rows
        ],
    )


def raw_updates(conn: Any, k: Kind, rows: list[dict[str, Any]], fields: tuple[str, ...]) -> None:
    sets = ", ".join(f"{n} = ?" for n in fields)
    conn.executemany(
        f'UPDATE "{k.name}" SET {sets}, _updated_at = ?, _hlc = ? WHERE id = ?',
        [[*(r[n] for n in fields), RAW_STAMP[1], RAW_STAMP[2], key_id(k, r)] for r in rows],
    )


def clocked(fn: Callable[[], Any]) -> tuple[float, float]:
    """(wall, CPU) seconds: on a shared machine the CPU time of this process is the steadier."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


PARTS = ("visits", "cells", "updates", "children")


def bench_change_layer(tmp: Path, n: int, steps: int = 10, parents: int = 200) -> dict[str, Any]:
    visit, step, member, related = (
        kind(name) for name in ("visit", "step_status", "group_member", "related_org")
    )
    validated = [validate(visit, r) for r in visit_rows(n, seed=11)]
    keyed = keyed_rows(steps, parents)
    cells = [validate(step, c) for c in keyed["cells"]]
    changed = ("status", "updated_on")
    updates = [validate(step, u) for u in keyed["updates"]]
    members = [validate(member, m) for m in keyed["members"]]
    relations = [validate(related, r) for r in keyed["related"]]
    raw_db = Database.open(tmp / "raw.db", secrets.token_bytes(32), create=True)
    tracked_db = Database.open(tmp / "tracked.db", secrets.token_bytes(32), create=True)
    store = RecordStore(tracked_db, new_id(), "bench")
    add_parents(store, parents)
    add_parents(RecordStore(raw_db, new_id(), "bench"), parents)
    parts: dict[str, tuple[float, float]] = {}

    def part(name: str, fn: Callable[[], Any]) -> None:
        parts[name] = clocked(fn)

    def tracked() -> None:
        with tracked_db.transaction():
            part("tracked_visits", lambda: [store.insert(visit, r) for r in validated])
            part("tracked_cells", lambda: [put(store, step, c) for c in cells])
            part("tracked_updates", lambda: [put(store, step, u) for u in updates])
            part(
                "tracked_children",
                lambda: [
                    store.insert(k, r)
                    for k, rs in ((member, members), (related, relations))
                    for r in rs
                ],
            )

    def raw() -> None:
        conn = raw_db.conn
        conn.execute("BEGIN IMMEDIATE")
        part("raw_visits", lambda: raw_rows(conn, visit, validated, keyed=False))
        part("raw_cells", lambda: raw_rows(conn, step, cells))
        part("raw_updates", lambda: raw_updates(conn, step, updates, changed))
        part(
            "raw_children",
            lambda: (raw_rows(conn, member, members), raw_rows(conn, related, relations)),
        )
        conn.execute("COMMIT")

    raw_s, raw_cpu = clocked(raw)
    tracked_s, tracked_cpu = clocked(tracked)
    raw_db.close()
    tracked_db.close()
    # What the key itself costs: the same cells put by their key and inserted as a kind without
    # one (random ids, no lookup), each into a fresh database of its own.
    unkeyed = dataclasses.replace(step, key=())
    for name, write in (
        ("keyed_cells", lambda s, c: put(s, step, c)),
        ("unkeyed_cells", lambda s, c: s.insert(unkeyed, c)),
    ):
        db = Database.open(tmp / f"{name}.db", secrets.token_bytes(32), create=True)
        alone = RecordStore(db, new_id(), "bench")
        with db.transaction():
            part(name, lambda alone=alone, write=write: [write(alone, c) for c in cells])
        db.close()
    out: dict[str, Any] = {
        "raw_s": raw_s,
        "tracked_s": tracked_s,
        "raw_cpu_s": raw_cpu,
        "tracked_cpu_s": tracked_cpu,
        "ratio": tracked_s / raw_s,
        "cpu_ratio": tracked_cpu / raw_cpu,
    }
    for name, (wall, cpu) in parts.items():
        out[f"{name}_s"], out[f"{name}_cpu_s"] = wall, cpu
    for name in PARTS:
        out[f"{name}_ratio"] = out[f"tracked_{name}_s"] / out[f"raw_{name}_s"]
        out[f"{name}_cpu_ratio"] = out[f"tracked_{name}_cpu_s"] / out[f"raw_{name}_cpu_s"]
    for clock in ("", "_cpu"):
        small = [p for p in PARTS if p != "visits"]
        out[f"keyed{clock}_ratio"] = sum(out[f"tracked_{p}{clock}_s"] for p in small) / sum(
            out[f"raw_{p}{clock}_s"] for p in small
        )
        out[f"key_cost{clock}"] = out[f"keyed_cells{clock}_s"] / out[f"unkeyed_cells{clock}_s"]
    out["counts"] = {
        "visits": len(validated),
        "cells": len(cells),
        "updates": len(updates),
        "children": len(members) + len(relations),
    }
    return out


def bench_unlock() -> dict[str, float]:
    params = tune()
    key = secrets.token_bytes(32)
    keyfile: KeyFile = new_keyfile(
        key, "00000000-0000-4000-8000-000000000000", "bench-pass", new_recovery_key(), params
    )
    samples = [timed(lambda: keyfile.open_with_passphrase("bench-pass")) for _ in range(3)]
    return {
        "iterations": params.iterations,
        "memory_mib": params.memory_kib / 1024,
        "lanes": params.lanes,
        "unlock_s": statistics.median(samples),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--tracked-rows", type=int, default=20_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--layer-only", action="store_true", help="row 2 alone, as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if args.layer_only:
            print(json.dumps(bench_change_layer(tmp, args.tracked_rows), indent=2))
            return 0
        enc = bench_encryption(tmp, args.rows)
        layer = bench_change_layer(tmp, args.tracked_rows)
    unlock = bench_unlock()
    result = {
        "rows": args.rows,
        "tracked_rows": args.tracked_rows,
        "encryption": enc,
        "change_layer": layer,
        "unlock": unlock,
        "machine": f"{platform.machine()} {os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"machine: {result['machine']}")
    print(
        f"1. encrypted vs plaintext, {args.rows:,} visits: insert {enc['enc_insert_s']:.2f}s vs "
        f"{enc['plain_insert_s']:.2f}s (x{enc['insert_ratio']:.2f}); overview queries "
        f"{enc['enc_query_s'] * 1000:.0f}ms vs {enc['plain_query_s'] * 1000:.0f}ms "
        f"(x{enc['query_ratio']:.2f}); total x{enc['total_ratio']:.2f} (goal <= 1.5)"
    )
    counts = layer["counts"]
    print(
        f"2. change-tracking layer vs raw executemany, {counts['visits']:,} visits,"
        f" {counts['cells']:,} step cells put twice (create, update), {counts['children']:,}"
        f" child records: {layer['tracked_s']:.2f}s vs {layer['raw_s']:.2f}s"
        f" (x{layer['ratio']:.2f}; CPU x{layer['cpu_ratio']:.2f}; goal <= 3)"
    )
    for name in PARTS:
        print(f"   {name}: x{layer[name + '_ratio']:.2f} (CPU x{layer[name + '_cpu_ratio']:.2f})")
    print(
        f"   cells, updates and children together x{layer['keyed_ratio']:.2f}"
        f" (CPU x{layer['keyed_cpu_ratio']:.2f}); a cell by its key vs the same cell without"
        f" one x{layer['key_cost']:.2f} (CPU x{layer['key_cost_cpu']:.2f})"
    )
    print(
        f"3. full-text search over {args.rows:,} notes: median {enc['fts_median_ms']:.1f} ms, "
        f"p90 {enc['fts_p90_ms']:.1f} ms (goal median <= 20 ms); 1-2 character queries "
        f"(LIKE fallback) median {enc['fts_short_median_ms']:.1f} ms"
    )
    print(
        f"4. unlock (Argon2id t={unlock['iterations']}, m={unlock['memory_mib']:.0f} MiB, "
        f"p={unlock['lanes']}): {unlock['unlock_s']:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
