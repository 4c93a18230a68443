"""Upgrading a database from every earlier schema version that holds duplicate cells: each key
ends as one record with the derived id, the newest value of every field, the other values in
the conflict log, and the older ids as aliases (store/naturalkeys.py, migrations 0009-0010)."""

from __future__ import annotations

import json
import secrets
import sqlite3
from pathlib import Path

import pytest

from dxdesk.core.ids import natural_id
from dxdesk.core.model import key_id, kind
from dxdesk.store.database import Database, connect
from dxdesk.store.migrations import head_version
from dxdesk.store.search import search

DEVICE_A = "01934f2a-0000-7000-8000-00000000d00a"
DEVICE_B = "01934f2a-0000-7000-8000-00000000d00b"
ORG = natural_id("organisation", "454419")
AT = "2025-11-25T10:00:00+09:00"
KEY_VERSION = 9  # the first schema with natural keys


def _hlc(n: int) -> str:
    return f"{1_764_032_400_000 + n:015d}-000000"


def _row(rid: str, device: str, n: int, clocks: dict[str, str] | None = None, **values: object):
    return {
        "id": rid,
        "_created_at": AT,
        "_updated_at": AT,
        "_hlc": _hlc(n),
        "_device": device,
        "_clocks": json.dumps(clocks or {"*": f"{_hlc(n)}@{device}"}),
        **values,
    }


def _insert(conn: object, table: str, row: dict[str, object]) -> None:
    cols = ", ".join(f'"{c}"' for c in row)
    conn.execute(  # type: ignore[attr-defined]
        f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(row))})', tuple(row.values())
    )


STEP_A = "01934f2a-0010-7000-8000-000000000001"  # 高千穂町 住民記録 step 12, laptop A
STEP_B = "01934f2a-0010-7000-8000-000000000002"  # the same cell, laptop B, later
STEP_ALONE = "01934f2a-0010-7000-8000-000000000003"  # step 13, only once
SYSTEM_A = "01934f2a-0011-7000-8000-000000000001"
SYSTEM_B = "01934f2a-0011-7000-8000-000000000002"
GOAL = "01934f2a-0012-7000-8000-000000000001"
PROGRESS_A = "01934f2a-0013-7000-8000-000000000001"
PROGRESS_B = "01934f2a-0013-7000-8000-000000000002"


def _older_database(path: Path, key: bytes, version: int) -> None:
    conn = connect(path, key)
    db = Database(conn, path)
    db.migrate(version)
    with db.transaction():
        # Laptop A wrote the cell first; B wrote it later, then A edited the note after that.
        _insert(
            conn,
            "step_status",
            _row(
                STEP_A,
                DEVICE_A,
                1,
                {"*": f"{_hlc(1)}@{DEVICE_A}", "note": f"{_hlc(5)}@{DEVICE_A}"},
                org_id=ORG,
                system_code="01",
                step_no=12,
                status="作業中",
                note="霧島ベンダと移行日程を調整中",
            ),
        )
        _insert(
            conn,
            "step_status",
            _row(
                STEP_B,
                DEVICE_B,
                3,
                org_id=ORG,
                system_code="01",
                step_no=12,
                status="完了済み",
                updated_on="2025-11-20",
                note="完了報告あり",
            ),
        )
        _insert(
            conn,
            "step_status",
            _row(
                STEP_ALONE, DEVICE_A, 2, org_id=ORG, system_code="01", step_no=13, status="未着手"
            ),
        )
        # Two statuses of one system; the older one deleted by hand as "the duplicate".
        _insert(
            conn,
            "system_status",
            _row(
                SYSTEM_A,
                DEVICE_A,
                1,
                {"*": f"{_hlc(1)}@{DEVICE_A}", "_deleted": f"{_hlc(9)}@{DEVICE_A}"},
                _deleted=1,
                org_id=ORG,
                system_code="01",
                package_name="旧パッケージ",
            ),
        )
        _insert(
            conn,
            "system_status",
            _row(SYSTEM_B, DEVICE_B, 4, org_id=ORG, system_code="01", package_name="標準準拠版"),
        )
        _insert(conn, "goal", _row(GOAL, DEVICE_A, 1, fy=2025, title="研修参加団体数"))
        for rid, device, n, value in (
            (PROGRESS_A, DEVICE_A, 2, 10.0),
            (PROGRESS_B, DEVICE_B, 6, 12.0),
        ):
            _insert(
                conn,
                "goal_progress",
                _row(rid, device, n, goal_id=GOAL, month="2025-10", value=value),
            )
        if version >= 4:
            conn.execute(
                "INSERT INTO drafts (id, form, kind, record_id, payload, saved_at)"
                " VALUES ('d1', 'record', 'step_status', ?, '{}', ?)",
                (STEP_A, AT),
            )
    conn.close()


@pytest.mark.parametrize("version", range(1, KEY_VERSION))
def test_duplicate_cells_of_every_earlier_version_become_one(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.db"
    key = secrets.token_bytes(32)
    _older_database(path, key, version)
    db = Database.open(path, key)
    try:
        assert db.schema_version == head_version()
        step = kind("step_status")
        cell_id = key_id(step, {"org_id": ORG, "system_code": "01", "step_no": 12})
        cells = db.query("SELECT * FROM step_status ORDER BY step_no")
        assert [c["id"] for c in cells] == [
            cell_id,
            key_id(step, {"org_id": ORG, "system_code": "01", "step_no": 13}),
        ]
        cell = cells[0]
        # Every field: the newest write among the duplicates (B's status, A's later note).
        assert (cell["status"], cell["updated_on"], cell["note"]) == (
            "完了済み",
            "2025-11-20",
            "霧島ベンダと移行日程を調整中",
        )
        clocks = json.loads(cell["_clocks"])
        assert clocks["note"] == f"{_hlc(5)}@{DEVICE_A}"
        conflicts = {
            (c["kind"], c["record_id"], c["field"], json.loads(c["losing_value"]))
            for c in db.query("SELECT * FROM conflicts")
        }
        assert ("step_status", cell_id, "status", "作業中") in conflicts
        assert ("step_status", cell_id, "note", "完了報告あり") in conflicts
        # The system status: the later live record wins; the deleted duplicate hides nothing.
        system_id = key_id(kind("system_status"), {"org_id": ORG, "system_code": "01"})
        (system,) = db.query("SELECT * FROM system_status")
        assert system["id"] == system_id
        assert (system["package_name"], system["_deleted"]) == ("標準準拠版", 1)
        assert ("system_status", system_id, "_deleted", False) in conflicts
        assert ("system_status", system_id, "package_name", "旧パッケージ") in conflicts
        progress_id = key_id(kind("goal_progress"), {"goal_id": GOAL, "month": "2025-10"})
        (progress,) = db.query("SELECT * FROM goal_progress")
        assert (progress["id"], progress["value"]) == (progress_id, 12.0)
        assert ("goal_progress", progress_id, "value", 10.0) in conflicts
        aliases = {
            (r["kind"], r["alias_id"], r["record_id"])
            for r in db.query("SELECT * FROM record_aliases")
        }
        assert aliases == {
            ("step_status", STEP_A, cell_id),
            ("step_status", STEP_B, cell_id),
            ("step_status", STEP_ALONE, cells[1]["id"]),
            ("system_status", SYSTEM_A, system_id),
            ("system_status", SYSTEM_B, system_id),
            ("goal_progress", PROGRESS_A, progress_id),
            ("goal_progress", PROGRESS_B, progress_id),
        }
        if version >= 4:
            assert db.query("SELECT record_id FROM drafts")[0]["record_id"] == cell_id
        # The search index followed the fold: the kept note is found, the lost one is not.
        assert [h.record_id for h in search(db, "霧島ベンダ").hits] == [cell_id]
        assert search(db, "完了報告").hits == []
        with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
            _insert(
                conn,
                "step_status",
                _row(
                    STEP_B, DEVICE_B, 7, org_id=ORG, system_code="01", step_no=12, status="未着手"
                ),
            )
    finally:
        db.close()
