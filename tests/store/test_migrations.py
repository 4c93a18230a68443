"""Numbered migrations: the real upgrade path from a frozen version-1 file, and the schema shape."""

from __future__ import annotations

import json
import re
import secrets
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.core.model import KINDS
from dxdesk.store import schema
from dxdesk.store.database import Database, connect
from dxdesk.store.migrations import all_migrations, head_version, split_statements
from dxdesk.store.records import SYSTEM_COLUMNS
from dxdesk.store.search import search

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Same constant as tests/fixtures/make_fixtures.py. It protects ONLY the synthetic test data in
# schema_v1.db and is public on purpose; it is not, and must never be, a key for a real profile.
TEST_KEY_HEX = "5a1e7e57c0ffee00d15ea5e0f1c7e57a0123456789abcdef0fedcba987654321"
TEST_KEY = bytes.fromhex(TEST_KEY_HEX)

V1_VISIT = "01934f2a-0002-7000-8000-000000000002"
V1_VISIT_DELETED = "01934f2a-0003-7000-8000-000000000003"
V1_ISSUE = "01934f2a-0004-7000-8000-000000000004"
V1_VISIT_NOTE = "都城市の住民記録システムについて、標準準拠システムへの移行計画をヒアリングした。"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    source = FIXTURES / "schema_v1.db"
    assert source.is_file(), "run tests/fixtures/make_fixtures.py"
    target = tmp_path / "v1" / "dxdesk.db"
    target.parent.mkdir()
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def head_db(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "head.db", secrets.token_bytes(32), create=True)
    try:
        yield db
    finally:
        db.close()


# ---------------------------------------------------------------- upgrade from version 1


def test_fixture_is_really_schema_v1(v1_copy: Path) -> None:
    conn = connect(v1_copy, TEST_KEY, exclusive=False, configure=False)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master").fetchall()}
        assert "visit" in names
        assert not any(n.startswith("fts_") for n in names)
    finally:
        conn.close()
    assert not v1_copy.read_bytes().startswith(b"SQLite format 3\0")


def test_fixture_script_uses_the_same_test_key() -> None:
    script = (FIXTURES / "make_fixtures.py").read_text(encoding="utf-8")
    assert f'TEST_KEY_HEX = "{TEST_KEY_HEX}"' in script


def test_v1_database_upgrades_to_head_keeping_rows(v1_copy: Path) -> None:
    db = Database.open(v1_copy, TEST_KEY)
    try:
        assert db.schema_version == head_version()
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == head_version()
        visits = {r["id"]: r for r in db.query("SELECT * FROM visit")}
        assert set(visits) == {V1_VISIT, V1_VISIT_DELETED}
        visit = visits[V1_VISIT]
        assert visit["notes"] == V1_VISIT_NOTE
        assert visit["hours"] == 1.5
        assert json.loads(visit["systems"]) == ["住民記録", "税務"]
        assert visits[V1_VISIT_DELETED]["_deleted"] == 1
        [issue] = db.query("SELECT * FROM issue")
        assert (issue["id"], issue["status"], issue["priority"]) == (V1_ISSUE, "対応中", "高")
        assert db.query("SELECT name FROM organisation") == [{"name": "都城市"}]
        changes = db.query("SELECT dev_seq, kind, op FROM changes ORDER BY seq")
        assert [c["dev_seq"] for c in changes] == [1, 2, 3, 4, 5]
        meta = {r["key"]: r["value"] for r in db.query("SELECT key, value FROM meta")}
        assert meta["owner_name"] == "日向 太郎"
        assert db.integrity_problems() == []
    finally:
        db.close()


def test_v1_notes_are_searchable_after_upgrade(v1_copy: Path) -> None:
    db = Database.open(v1_copy, TEST_KEY)
    try:
        hits = search(db, "住民記録システム").hits
        assert [(h.kind, h.record_id) for h in hits] == [("visit", V1_VISIT)]
        assert "住民記録システム" in hits[0].snippet
        assert V1_ISSUE in {h.record_id for h in search(db, "文字コード").hits}
        assert V1_ISSUE in {h.record_id for h in search(db, "外字").hits}  # short: LIKE
        # Written before the index was folded (0018), found by any spelling now.
        assert {h.record_id for h in search(db, "住民記録ｼｽﾃﾑ").hits} == {V1_VISIT}
        assert {h.record_id for h in search(db, "都城").hits} >= {V1_VISIT}
        # The deleted visit's text is not in the refilled index at all (live records only).
        assert search(db, "霧島連山").hits == []
        fts = db.query(
            "SELECT count(*) AS n FROM fts_visit WHERE fts_visit MATCH ?", ('"霧島連山"',)
        )
        assert fts[0]["n"] == 0
        assert db.query("SELECT count(*) AS n FROM fts_visit")[0]["n"] == 1
        # FTS5's own check of the index against the content table (raises if they differ).
        db.conn.execute("INSERT INTO fts_visit (fts_visit, rank) VALUES ('integrity-check', 1)")
    finally:
        db.close()


def test_an_index_written_before_folding_is_refilled_folded(tmp_path: Path) -> None:
    """A profile at 0012 whose notes hold full-width and half-width text: the old index (the
    record's own text) missed them; 0018 refills every full-text table in search form."""
    path = tmp_path / "p" / "dxdesk.db"
    path.parent.mkdir()
    conn = connect(path, TEST_KEY)
    try:
        db = Database(conn, path)
        db.migrate(target=12)
        system = "'2025-11-25T10:00:00+09:00', '2025-11-25T10:00:00+09:00', 'h', 'd'"
        conn.execute(
            "INSERT INTO visit (id, date, mode, title, notes, _created_at, _updated_at, _hlc,"
            f" _device) VALUES ('v1', '2025-11-25', '訪問', '五ヶ瀬町 定例訪問',"
            f" 'ＬＧＷＡＮ接続系とｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞの回線を確認した。', {system})"
        )
        before = conn.execute(
            "SELECT count(*) FROM fts_visit WHERE fts_visit MATCH ?", ('"LGWAN"',)
        ).fetchone()[0]
        assert before == 0  # the trigram index alone does not fold width
        assert db.migrate() == [m.version for m in all_migrations() if m.version > 12]
        for query in ("LGWAN", "ＬＧＷＡＮ", "lgwan", "ガバメント", "ｶﾞﾊﾞﾒﾝﾄ", "五ケ瀬", "五ヶ瀬"):
            assert [h.record_id for h in search(db, query).hits] == ["v1"], query
        conn.execute("INSERT INTO fts_visit (fts_visit, rank) VALUES ('integrity-check', 1)")
        assert schema.plan(conn) == []
    finally:
        conn.close()


def test_upgrade_applies_each_pending_migration_once(v1_copy: Path) -> None:
    conn = connect(v1_copy, TEST_KEY)
    try:
        db = Database(conn, v1_copy)
        assert db.migrate(target=2) == [2]
        assert db.schema_version == 2
        assert db.migrate() == [m.version for m in all_migrations() if m.version > 2]
        assert db.schema_version == head_version()
        assert db.migrate() == []
    finally:
        conn.close()


def test_failed_migration_leaves_the_version_unchanged(v1_copy: Path) -> None:
    conn = connect(v1_copy, TEST_KEY)
    try:
        # Make migration 2 fail half-way: one of its tables already exists.
        conn.execute("CREATE TABLE fts_closed_day (x)")
        db = Database(conn, v1_copy)
        with pytest.raises(sqlite3.OperationalError):
            db.migrate()
        assert db.schema_version == 1
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master").fetchall()}
        assert "fts_organisation" not in names  # the statements before the failure rolled back
    finally:
        conn.close()


# ---------------------------------------------------------------- the migration files


def test_migrations_numbered_without_gaps() -> None:
    migrations = all_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert head_version() == len(migrations) >= 2
    assert all(re.fullmatch(r"\w+", m.name) for m in migrations)
    # A number held for a branch merged later is empty (``-- reserved``, removed at merge).
    assert all(m.statements for m in migrations if not m.name.startswith("reserved_for_"))


def test_migration_statements_are_single_complete_statements() -> None:
    for migration in all_migrations():
        for statement in migration.statements:
            assert sqlite3.complete_statement(statement)
            # Exactly one statement: nothing complete before the final semicolon.
            cuts = [i for i, ch in enumerate(statement) if ch == ";"]
            assert not any(sqlite3.complete_statement(statement[: i + 1]) for i in cuts[:-1]), (
                migration.name,
                statement[:80],
            )


def test_split_statements_handles_triggers_comments_and_strings() -> None:
    script = """-- leading comment; with a semicolon

CREATE TABLE a (x TEXT); -- trailing comment
CREATE TABLE b (y TEXT);  CREATE TABLE c (z TEXT);

CREATE TRIGGER a_ai AFTER INSERT ON a BEGIN
    -- a comment inside; the body
    INSERT INTO b (y) VALUES ('semi;colon');
    INSERT INTO c (z) VALUES (new.x);
END;

INSERT INTO a (x) VALUES ('it''s; fine
across lines');
-- trailing comment at the end
"""
    statements = split_statements(script)
    assert len(statements) == 5
    assert statements[0] == "CREATE TABLE a (x TEXT);"
    assert statements[1] == "CREATE TABLE b (y TEXT);"
    assert statements[2] == "CREATE TABLE c (z TEXT);"
    assert statements[3].startswith("CREATE TRIGGER a_ai") and statements[3].endswith("END;")
    assert "'semi;colon'" in statements[3]
    assert statements[4].startswith("INSERT INTO a")

    conn = sqlite3.connect(":memory:")
    try:
        for statement in statements:
            conn.execute(statement)
        assert conn.execute("SELECT y FROM b").fetchall() == [("semi;colon",)]
        assert conn.execute("SELECT z FROM c").fetchall() == [("it's; fine\nacross lines",)]
    finally:
        conn.close()


@pytest.mark.parametrize("script", ["CREATE TABLE a (x);\nCREATE TABLE b (", "SELECT 1"])
def test_split_statements_refuses_an_incomplete_tail(script: str) -> None:
    with pytest.raises(ValueError):
        split_statements(script)


@pytest.mark.parametrize("script", ["", "\n\n", "-- nothing here\n", ";\n"])
def test_split_statements_of_nothing(script: str) -> None:
    assert split_statements(script) == ()


# ---------------------------------------------------------------- head schema matches the model


def _columns(db: Database, table: str) -> list[str]:
    return [r["name"] for r in db.query(f"SELECT name FROM pragma_table_info('{table}')")]


def test_kind_tables_match_the_model(head_db: Database) -> None:
    for k in KINDS:
        columns = _columns(head_db, k.name)
        expected = set(SYSTEM_COLUMNS) | set(k.field_names)
        assert set(columns) == expected, k.name
        assert len(columns) == len(expected), k.name


def test_kind_column_types_match_the_model(head_db: Database) -> None:
    for k in KINDS:
        types = {
            r["name"]: r["type"]
            for r in head_db.query(f"SELECT name, type FROM pragma_table_info('{k.name}')")
        }
        for f in k.fields:
            assert types[f.name] == f.sql_type, (k.name, f.name)


def test_full_text_columns_match_the_model(head_db: Database) -> None:
    for k in KINDS:
        if not k.search_fields:
            continue
        assert _columns(head_db, f"fts_{k.name}") == list(k.search_fields), k.name
