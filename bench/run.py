"""dxdesk benchmarks: ratios against a baseline measured in the same run (machines are noisy).

    python bench/run.py [--rows 100000] [--write docs/benchmarks.md]

1. Encrypted (SQLCipher 4, raw key) vs plaintext (stdlib sqlite3), same schema and pragmas:
   insert N visits with notes, then the overview queries. Goal: ratio <= 1.5.
2. Through the change-tracking layer (RecordStore.insert: ids, HLC stamps, change log, audit)
   vs raw executemany on the same encrypted database. Goal: ratio <= 3.
3. Full-text query over N notes through the search service. Goal: median <= 20 ms.
4. Unlock time: the Argon2id passphrase slot as tuned on this machine.
"""

from __future__ import annotations

import argparse
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
from dxdesk.core.model import kind, validate
from dxdesk.store import search as fts
from dxdesk.store import sqlfunctions
from dxdesk.store.database import Database
from dxdesk.store.keys import KeyFile, new_keyfile, new_recovery_key, tune
from dxdesk.store.migrations import all_migrations
from dxdesk.store.records import RecordStore

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


def bench_change_layer(tmp: Path, n: int) -> dict[str, float]:
    k = kind("visit")
    rows = visit_rows(n, seed=11)
    validated = [validate(k, r) for r in rows]
    raw_db = Database.open(tmp / "raw.db", secrets.token_bytes(32), create=True)
    tracked_db = Database.open(tmp / "tracked.db", secrets.token_bytes(32), create=True)
    store = RecordStore(tracked_db, new_id(), "bench")

    def tracked() -> None:
        with tracked_db.transaction():
            for r in validated:
                store.insert(k, r)

    out = {
        "raw_s": timed(lambda: raw_insert(raw_db.conn, rows)),
        "tracked_s": timed(tracked),
    }
    out["ratio"] = out["tracked_s"] / out["raw_s"]
    raw_db.close()
    tracked_db.close()
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
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
    print(
        f"2. change-tracking layer vs raw executemany, {args.tracked_rows:,} visits: "
        f"{layer['tracked_s']:.2f}s vs {layer['raw_s']:.2f}s (x{layer['ratio']:.2f}, goal <= 3)"
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
