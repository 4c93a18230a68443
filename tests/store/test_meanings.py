"""store/meanings.py and store/timeentries.py read the model's declarations, not names of their
own: an append-only kind's supersedes field, and a day on site for an organisation or a person."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.core.model import Field, FieldType, Kind
from dxdesk.store import schema
from dxdesk.store.database import Database
from dxdesk.store.meanings import live_clause, site_days
from dxdesk.store.timeentries import active_clause

# A kind the model might add: notes corrected by new notes that name the one they replace in a
# field called ``replaces`` (not ``supersedes``): the clauses must follow the declaration.
NOTE = Kind(
    "note_rev",
    "メモ",
    (
        Field("text", "本文", FieldType.TEXT),
        Field("replaces", "訂正元", FieldType.REF, ref="note_rev", searchable=False),
    ),
    title="text",
    supersedes="replaces",
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "m.db", secrets.token_bytes(32), create=True)
    with database.transaction() as conn:
        conn.execute(schema.table_sql(NOTE))
    try:
        yield database
    finally:
        database.close()


def _add(db: Database, rid: str, text: str, replaces: str | None, deleted: int = 0) -> None:
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO note_rev (id, text, replaces, _deleted, _created_at, _updated_at, _hlc,"
            " _device) VALUES (?, ?, ?, ?, 'a', 'a', 'h', 'd')",
            (rid, text, replaces, deleted),
        )


def test_an_append_only_kind_shows_its_latest_corrections_by_its_own_field(db: Database) -> None:
    _add(db, "a1", "最初", None)
    _add(db, "a2", "訂正", "a1")
    _add(db, "b1", "別件", None)
    _add(db, "c1", "元", None)
    _add(db, "c2", "訂正（端末1）", "c1")
    _add(db, "c3", "訂正（端末2）", "c1")  # a concurrent correction: the greater id counts
    _add(db, "d1", "元", None)
    _add(db, "d2", "取り消した訂正", "d1", deleted=1)  # a deleted correction revives nothing
    clause = active_clause(NOTE, "n")
    assert '"replaces"' in clause and "supersedes" not in clause
    shown = db.query(f"SELECT id FROM note_rev AS n WHERE {clause} ORDER BY id")
    assert [r["id"] for r in shown] == ["a2", "b1", "c3", "d1"]
    listed = db.query(f"SELECT id FROM note_rev WHERE {live_clause(NOTE, 'note_rev')} ORDER BY id")
    assert [r["id"] for r in listed] == ["a2", "b1", "c3", "d1"]


def test_a_kind_that_is_not_append_only_has_no_active_clause() -> None:
    plain = Kind("plain", "普通", (Field("text", "本文"),), title="text")
    with pytest.raises(ValueError, match="not append-only"):
        active_clause(plain, "p")
    with pytest.raises(ValueError):
        active_clause(NOTE, "n; DROP TABLE x")


def test_site_days_for_a_person_takes_only_sql_parameters() -> None:
    sql = site_days("?1", "?2", staff="?3")
    assert sql.count("staff_id = ?3") == 2  # the visits they made and their own entries
    assert "?3" not in site_days("?1", "?2")
    with pytest.raises(ValueError):
        site_days("?1", "?2", staff="'x' OR 1")
