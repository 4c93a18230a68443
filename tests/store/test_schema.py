"""The schema follows the model: the head of the migrations holds every kind and field, and a
model edit turns into a generated migration (store/schema.py, scripts/migration.py)."""

from __future__ import annotations

import dataclasses
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.core.model import KINDS, Field, FieldType, Kind, kind
from dxdesk.store import schema
from dxdesk.store.database import Database
from dxdesk.store.migrations import all_migrations
from dxdesk.store.search import search

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def head(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "head.db", secrets.token_bytes(32), create=True)
    try:
        yield db
    finally:
        db.close()


def test_the_head_schema_holds_the_model(head: Database) -> None:
    assert schema.plan(head.conn) == []


def test_the_migration_script_agrees() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "migration.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _future() -> tuple[Kind, ...]:
    visit = kind("visit")
    weather = Field("weather", "天候", FieldType.TEXT)
    survey = Kind(
        "survey",
        "アンケート",
        (
            Field("org_id", "団体", FieldType.ORG, required=True),
            Field("question", "設問", FieldType.LONGTEXT),
            Field("score", "点数", FieldType.INT),
        ),
        title="question",
        org_field="org_id",
    )
    kept = [dataclasses.replace(k, fields=(*k.fields, weather)) if k is visit else k for k in KINDS]
    return (*kept, survey)


def test_a_model_edit_becomes_a_migration_that_works(head: Database) -> None:
    future = _future()
    statements = schema.plan(head.conn, future)
    assert 'ALTER TABLE "visit" ADD COLUMN weather TEXT;' in statements
    assert any(s.startswith('CREATE TABLE "survey"') for s in statements)
    assert 'CREATE INDEX "survey_org" ON "survey" (org_id);' in statements
    assert any(s.startswith('DROP TABLE "fts_visit"') for s in statements)  # weather searched
    with head.transaction() as conn:
        for statement in statements:
            conn.execute(statement)
    assert schema.plan(head.conn, future) == []
    with head.transaction() as conn:
        conn.execute(
            "INSERT INTO survey (id, org_id, question, _created_at, _updated_at, _hlc, _device)"
            " VALUES ('s1', 'o', '窓口のデジタル化に満足していますか', 'a', 'a', 'h', 'd')"
        )
    hits = head.query(
        "SELECT s.id FROM fts_survey JOIN survey AS s ON s.rid = fts_survey.rowid"
        " WHERE fts_survey MATCH ?",
        ('"窓口のデジタル"',),
    )
    assert [h["id"] for h in hits] == ["s1"]
    assert search(head, "窓口のデジタル").hits == []  # the product's model knows no survey yet


def test_what_a_migration_may_not_do(head: Database) -> None:
    retyped = tuple(
        dataclasses.replace(
            k,
            fields=tuple(
                dataclasses.replace(f, type=FieldType.INT) if f.name == "title" else f
                for f in k.fields
            ),
        )
        if k.name == "visit"
        else k
        for k in KINDS
    )
    with pytest.raises(ValueError, match="retyped"):
        schema.plan(head.conn, retyped)
    dropped = tuple(
        dataclasses.replace(k, fields=k.fields[:-1]) if k.name == "visit" else k for k in KINDS
    )
    with pytest.raises(ValueError, match="not in the model"):
        schema.plan(head.conn, dropped)
    clash = (*KINDS, Kind("issue_org", "x", (Field("a", "a"),), title="a"))
    with pytest.raises(ValueError, match="index"):
        schema.plan(head.conn, clash)


def test_migrations_since_the_generator_say_how_they_were_made() -> None:
    """From 0012 on, a migration is generated from the model, or written by hand for
    bookkeeping (0016, sync's list of kept changes), which never makes a kind's table."""
    later = [m for m in all_migrations() if m.version >= 12]
    assert later
    kinds = {k.name for k in KINDS}
    generated = 0
    for m in later:
        path = next((ROOT / "src" / "dxdesk" / "store" / "migrations").glob(f"{m.version:04d}_*"))
        text = path.read_text("utf-8")
        if "generated from the model by scripts/migration.py" in text:
            generated += 1
            continue
        if path.name.endswith("_reserved_for_another_branch.sql") and text == "-- reserved\n":
            continue  # a number held for a branch merged later (removed at merge)
        assert "Written by hand: bookkeeping" in text, path.name
        made = set(re.findall(r'CREATE (?:VIRTUAL )?TABLE "?(\w+)', text))
        assert made and not made & kinds and not any(t.startswith("fts_") for t in made)
    assert generated
