"""Opening the SQLCipher database: encryption on disk, pragmas, keys, locks, versions, transactions."""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import apsw
import pytest
import sqlcipher3

from dxdesk.core.model import kind, validate
from dxdesk.errors import UserError
from dxdesk.services.profile import Profile
from dxdesk.store.database import Database, connect, key_pragma
from dxdesk.store.migrations import head_version

SQLITE_HEADER = b"SQLite format 3\0"


@pytest.fixture
def key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def db_path(tmp_path: Path, key: bytes) -> Path:
    path = tmp_path / "データ" / "test.db"
    path.parent.mkdir()
    Database.open(path, key, create=True).close()
    return path


@pytest.fixture
def database(db_path: Path, key: bytes) -> Iterator[Database]:
    db = Database.open(db_path, key)
    try:
        yield db
    finally:
        db.close()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _companions(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


# ---------------------------------------------------------------- encryption on disk


def test_file_is_encrypted_from_byte_zero(database: Database, db_path: Path) -> None:
    with database.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('needle', '宮崎県の伴走支援メモ')")
    database.close()
    data = db_path.read_bytes()
    assert len(data) >= 4096
    assert not data.startswith(SQLITE_HEADER)
    assert b"SQLite format" not in data
    assert "宮崎県の伴走支援メモ".encode() not in data
    assert b"CREATE TABLE" not in data
    assert b"needle" not in data


def test_cipher_version_is_4_or_later(database: Database) -> None:
    version = database.conn.execute("PRAGMA cipher_version").fetchone()[0]
    assert int(str(version).split(".")[0]) >= 4


def test_pragmas_on_an_open_database(database: Database) -> None:
    conn = database.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA locking_mode").fetchone()[0] == "exclusive"
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert database.schema_version == head_version()


def test_wal_with_exclusive_lock_leaves_no_shm_file(database: Database, db_path: Path) -> None:
    with database.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
    assert not db_path.with_name(db_path.name + "-shm").exists()
    database.close()
    assert _companions(db_path) == []


def test_plain_sqlite_cannot_read_it(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


# ---------------------------------------------------------------- keys and errors


def test_wrong_key_is_database_corrupt_and_silent(
    db_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = _sha256(db_path)
    with pytest.raises(UserError) as info:
        Database.open(db_path, secrets.token_bytes(32))
    assert info.value.code == "database_corrupt"
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert _sha256(db_path) == before
    assert _companions(db_path) == []


def test_right_key_after_wrong_key_still_opens(db_path: Path, key: bytes) -> None:
    with pytest.raises(UserError):
        connect(db_path, secrets.token_bytes(32))
    Database.open(db_path, key).close()


def test_missing_database(tmp_path: Path, key: bytes) -> None:
    with pytest.raises(UserError) as info:
        Database.open(tmp_path / "absent.db", key)
    assert info.value.code == "database_missing"
    assert not (tmp_path / "absent.db").exists()


def test_not_a_database_file(tmp_path: Path, key: bytes) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(secrets.token_bytes(8192))
    with pytest.raises(UserError) as info:
        Database.open(path, key)
    assert info.value.code == "database_corrupt"


_OPEN_IN_CHILD = """
import sys
from pathlib import Path
from dxdesk.errors import UserError
from dxdesk.store.database import connect
key = bytes.fromhex(sys.stdin.readline().strip())
try:
    connect(Path(sys.argv[1]), key).close()
except UserError as err:
    print(err.code)
else:
    print("opened")
"""


def _open_in_other_process(path: Path, key: bytes) -> str:
    # The key goes through stdin, not argv, so it never shows in a process list.
    result = subprocess.run(
        [sys.executable, "-c", _OPEN_IN_CHILD, str(path)],
        input=key.hex() + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_second_process_gets_database_locked(database: Database, db_path: Path, key: bytes) -> None:
    assert _open_in_other_process(db_path, key) == "database_locked"
    # The holder is unaffected and can still write.
    with database.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('still', 'mine')")
    database.close()
    assert _open_in_other_process(db_path, key) == "opened"


def test_second_connection_in_same_process_is_locked(
    database: Database, db_path: Path, key: bytes
) -> None:
    with pytest.raises(UserError) as info:
        connect(db_path, key)
    assert info.value.code == "database_locked"


# ---------------------------------------------------------------- schema versions


def test_schema_too_new_is_refused_without_changing_a_byte(db_path: Path, key: bytes) -> None:
    raw = sqlcipher3.connect(str(db_path), isolation_level=None)
    raw.execute(key_pragma(key))
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    before = _sha256(db_path)
    with pytest.raises(UserError) as info:
        Database.open(db_path, key)
    assert info.value.code == "schema_too_new"
    assert info.value.params == {"found": 99, "supported": head_version()}
    assert _sha256(db_path) == before
    assert _companions(db_path) == []


def test_new_database_is_migrated_to_head(tmp_path: Path, key: bytes) -> None:
    db = Database.open(tmp_path / "new.db", key, create=True)
    try:
        assert db.schema_version == head_version()
        assert db.migrate() == []  # nothing left to apply
        assert db.integrity_problems() == []
    finally:
        db.close()


# ---------------------------------------------------------------- the escape hatch


def test_profile_database_opens_in_sqlite3mc_with_raw_key(profile: Profile) -> None:
    """Any SQLCipher 4 implementation reads our file given the raw key: it is a standard file."""
    with profile.database.transaction():
        values = validate(
            kind("staff"), {"name": "日向 花子", "role": "伴走支援", "notes": "逃げ道の確認"}
        )
        staff_id = profile.records.insert(kind("staff"), values).record_id
    expected = profile.database.query("SELECT id, name, notes FROM staff ORDER BY rid")
    raw_hex = profile.raw_key_hex()
    path = profile.paths.database
    profile.close(backup=False)

    conn = apsw.Connection(str(path))
    try:
        conn.execute("PRAGMA cipher = 'sqlcipher'")
        conn.execute("PRAGMA legacy = 4")
        conn.execute(f"PRAGMA key = \"x'{raw_hex}'\"")
        rows = [
            {"id": r[0], "name": r[1], "notes": r[2]}
            for r in conn.execute("SELECT id, name, notes FROM staff ORDER BY rid")
        ]
        assert rows == expected
        assert any(r["id"] == staff_id and r["notes"] == "逃げ道の確認" for r in rows)
        assert next(conn.execute("PRAGMA integrity_check"))[0] == "ok"
    finally:
        conn.close()


def test_sqlite3mc_with_wrong_key_cannot_read(db_path: Path) -> None:
    conn = apsw.Connection(str(db_path))
    try:
        conn.execute("PRAGMA cipher = 'sqlcipher'")
        conn.execute("PRAGMA legacy = 4")
        conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
        with pytest.raises(apsw.NotADBError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    finally:
        conn.close()


# ---------------------------------------------------------------- transactions


def _keys_in_meta(database: Database) -> list[str]:
    # Without the note every migration leaves (store/database.py SCHEMA_APP_VERSION).
    rows = database.query("SELECT key FROM meta WHERE key != 'schema_app_version' ORDER BY key")
    return [r["key"] for r in rows]


def test_transaction_commits(database: Database) -> None:
    with database.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
        assert conn.in_transaction
    assert not database.conn.in_transaction
    assert _keys_in_meta(database) == ["a"]


def test_exception_rolls_back_everything(database: Database) -> None:
    with pytest.raises(RuntimeError, match="boom"), database.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('outer', '1')")
        with database.transaction():
            conn.execute("INSERT INTO meta (key, value) VALUES ('inner', '1')")
        raise RuntimeError("boom")
    assert not database.conn.in_transaction
    assert _keys_in_meta(database) == []


def test_nested_savepoint_rollback_keeps_outer_work(database: Database) -> None:
    with database.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('before', '1')")
        with pytest.raises(ValueError), database.transaction():
            conn.execute("INSERT INTO meta (key, value) VALUES ('inner', '1')")
            raise ValueError("inner only")
        assert conn.in_transaction
        conn.execute("INSERT INTO meta (key, value) VALUES ('after', '1')")
    assert _keys_in_meta(database) == ["after", "before"]


def test_two_sibling_savepoints(database: Database) -> None:
    with database.transaction() as conn:
        with database.transaction():
            conn.execute("INSERT INTO meta (key, value) VALUES ('kept', '1')")
        with pytest.raises(ValueError), database.transaction():
            conn.execute("INSERT INTO meta (key, value) VALUES ('dropped', '1')")
            raise ValueError
        with database.transaction():
            with pytest.raises(ValueError), database.transaction():
                conn.execute("INSERT INTO meta (key, value) VALUES ('deep', '1')")
                raise ValueError
            conn.execute("INSERT INTO meta (key, value) VALUES ('middle', '1')")
    assert _keys_in_meta(database) == ["kept", "middle"]


def test_sql_error_inside_transaction_rolls_back(database: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError), database.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('dup', '1')")
        conn.execute("INSERT INTO meta (key, value) VALUES ('dup', '2')")
    assert _keys_in_meta(database) == []
    with database.transaction() as conn:  # the connection is usable again
        conn.execute("INSERT INTO meta (key, value) VALUES ('dup', '3')")
    assert _keys_in_meta(database) == ["dup"]


def test_committed_work_survives_reopen(db_path: Path, key: bytes) -> None:
    db = Database.open(db_path, key)
    with db.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('durable', '宮崎')")
    db.close()
    db = Database.open(db_path, key)
    try:
        assert db.query("SELECT value FROM meta WHERE key = 'durable'") == [{"value": "宮崎"}]
    finally:
        db.close()


def test_integrity_problems_empty_when_healthy(database: Database) -> None:
    assert database.integrity_problems() == []
