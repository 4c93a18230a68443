"""Shared issues (issue 13, services/shared.py): what "own or shared" costs the window's figures.

    python bench/shared.py [--issues 20000] [--shared 2000] [--runs 7]

A profile with ``--issues`` issues over the 26 municipalities (bench/gui.py's fixture: raw SQL
into the real encrypted store) and ``--shared`` related_org memberships on random issues. Timed,
best of ``--runs``, as ratios within this run:

1. The tree's figures (each organisation's open issues, ``org_counts``) vs the count of own
   issues alone that the tree made before issues were shared (one GROUP BY on issue_overview).
   The figures are checked against an independent count first.
2. One organisation's 課題 list: the count and first page of ``ListService`` (own or shared) vs
   the count of its own open issues alone.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dxdesk.core.model import kind
from dxdesk.services.profile import Credentials, open_profile
from dxdesk.services.query import ListService, initial_query
from dxdesk.services.shared import org_counts
from dxdesk.store.meanings import open_clause
from gui import PASSPHRASE, _raw_rows, make_profile  # bench/gui.py: the same big profiles


def best(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=20_000)
    parser.add_argument("--shared", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    issue = kind("issue")
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_profile(Path(tmp) / "p", 0, args.issues)
        with open_profile(paths, Credentials(passphrase=PASSPHRASE, use_keyring=False)) as p:
            db = p.database
            ids = [str(r["id"]) for r in db.query("SELECT id FROM issue")]
            orgs = [str(r["id"]) for r in db.query("SELECT id FROM organisation")]
            rng = random.Random(3)
            pairs = {(i, rng.choice(orgs)) for i in rng.sample(ids, min(args.shared, len(ids)))}
            rows = [{"issue_id": i, "org_id": o} for i, o in sorted(pairs)]
            sql, params = _raw_rows("related_org", rows, p.device_id)
            with db.transaction():
                db.conn.executemany(sql, params)
            # Each organisation's figure, counted here without services/shared.py.
            expected: dict[str, int] = {}
            open_ = open_clause(issue)
            for r in db.query(f"SELECT id, org_id FROM issue WHERE _deleted = 0 AND {open_}"):
                holders = {str(r["org_id"])} | {o for i, o in pairs if i == r["id"]}
                for o in holders:
                    expected[o] = expected.get(o, 0) + 1
            assert org_counts(db, issue, open_clause(issue, "t")) == expected
            own_only = (
                f"SELECT org_id, count(*) AS n FROM issue WHERE _deleted = 0 AND {open_}"
                " GROUP BY org_id"
            )
            base = best(lambda: db.query(own_only), args.runs)
            figures = best(lambda: org_counts(db, issue, open_clause(issue, "t")), args.runs)
            print(
                f"1. tree figures: own only {base * 1000:.2f} ms, own or shared"
                f" {figures * 1000:.2f} ms, x{figures / base:.2f}"
            )
            lists = ListService(p)
            org = orgs[5]
            q = initial_query("issue", org)
            own_sql = f"SELECT count(*) FROM issue WHERE _deleted = 0 AND org_id = ? AND {open_}"
            own = best(lambda: db.conn.execute(own_sql, (org,)).fetchone(), args.runs)
            count = best(lambda: lists.count(q), args.runs)
            page = best(lambda: lists.page(q, 0, 200), args.runs)
            print(
                f"2. an organisation's list: own count {own * 1000:.2f} ms, own or shared count"
                f" {count * 1000:.2f} ms (x{count / own:.1f}), first page {page * 1000:.1f} ms"
            )


if __name__ == "__main__":
    main()
