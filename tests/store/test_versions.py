"""Updating: a newer dxdesk opens a profile left by an older one (the frozen version-1 fixture,
as a whole profile), and a profile left by a newer dxdesk is refused with a sentence naming the
version it needs, without a byte of it changed."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from dxdesk import __version__
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, open_profile, verify_profile
from dxdesk.services.records import RecordService
from dxdesk.settings import Settings
from dxdesk.store.database import SCHEMA_APP_VERSION, Database, connect, key_pragma
from dxdesk.store.keys import new_keyfile, new_recovery_key
from dxdesk.store.migrations import head_version
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli, tree_digest
from tests.store.test_migrations import FIXTURES, TEST_KEY, V1_VISIT, V1_VISIT_NOTE

V1_DB_ID = "3f1c1d2e-5b6a-4c7d-8e9f-0a1b2c3d4e5f"  # tests/fixtures/make_fixtures.py


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def v1_profile(root: Path) -> ProfilePaths:
    """The version-1 database with a key file around it: a profile as version 1 left it."""
    paths = ProfilePaths(root)
    root.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "schema_v1.db", paths.database)
    new_keyfile(TEST_KEY, V1_DB_ID, PASSPHRASE, new_recovery_key(), FAST_KDF).save(paths.keys)
    Settings().save(paths.settings)
    return paths


def _meta(path: Path, key: bytes) -> dict[str, str]:
    conn = connect(path, key, configure=False)
    try:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.close()


def test_a_newer_version_opens_a_version_1_profile(tmp_path: Path) -> None:
    paths = v1_profile(tmp_path / "旧版のプロファイル")
    profile = open_profile(paths, Credentials(passphrase=PASSPHRASE, use_keyring=False))
    try:
        assert profile.database.schema_version == head_version()
        assert RecordService(profile).get("visit", V1_VISIT)["notes"] == V1_VISIT_NOTE
        RecordService(profile).add(
            "visit", {"date": "2025-12-01", "org_id": "都城市", "mode": "電話", "title": "更新後"}
        )
    finally:
        profile.close(backup=False)
    # The upgrade notes which dxdesk the schema now needs, for an older copy to name.
    assert _meta(paths.database, TEST_KEY)[SCHEMA_APP_VERSION] == __version__


def test_a_database_upgraded_by_migrations_notes_the_version(tmp_path: Path) -> None:
    new = Database.open(tmp_path / "new.db", TEST_KEY, create=True)
    new.close()
    assert _meta(tmp_path / "new.db", TEST_KEY)[SCHEMA_APP_VERSION] == __version__


def _as_if_newer(path: Path, version: str | None, schema: int) -> None:
    raw = sqlcipher3.connect(str(path), isolation_level=None)
    raw.execute(key_pragma(TEST_KEY))
    if version is None:
        raw.execute("DELETE FROM meta WHERE key = ?", (SCHEMA_APP_VERSION,))
    else:
        raw.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SCHEMA_APP_VERSION, version)
        )
    raw.execute(f"PRAGMA user_version = {schema}")
    raw.close()


def test_a_profile_from_a_newer_version_is_refused_naming_that_version(tmp_path: Path) -> None:
    paths = v1_profile(tmp_path / "p")
    open_profile(paths, Credentials(passphrase=PASSPHRASE, use_keyring=False)).close(backup=False)
    _as_if_newer(paths.database, "9.3.0", head_version() + 4)
    before = tree_digest(paths.root)
    with pytest.raises(UserError) as refused:
        open_profile(paths, Credentials(passphrase=PASSPHRASE, use_keyring=False))
    assert refused.value.code == "schema_needs_version"
    message = refused.value.message
    assert "dxdesk を 9.3.0 以降に更新してください" in message
    assert f"この dxdesk {__version__}" in message
    assert tree_digest(paths.root) == before
    # verify and the command line say the same sentence, and change nothing either.
    with pytest.raises(UserError) as checked:
        verify_profile(paths, Credentials(passphrase=PASSPHRASE, use_keyring=False))
    assert checked.value.message == message
    code, _out, err = run_cli(
        ["--profile", str(paths.root), "info"], env={"DXDESK_PASSPHRASE": PASSPHRASE}
    )
    assert code == 1 and err == f"エラー：{message}\n"
    assert tree_digest(paths.root) == before


@pytest.mark.parametrize("note", [None, "", "x" * 80, "9.0\n偽の行", __version__])
def test_without_a_usable_note_the_schema_numbers_are_named(
    tmp_path: Path, note: str | None
) -> None:
    path = tmp_path / "db"
    Database.open(path, TEST_KEY, create=True).close()
    _as_if_newer(path, note, 99)
    before = _sha256(path)
    with pytest.raises(UserError) as refused:
        Database.open(path, TEST_KEY)
    assert refused.value.code == "schema_too_new"
    assert refused.value.params == {"found": 99, "supported": head_version()}
    assert _sha256(path) == before


def test_the_refusal_reads_meta_only(tmp_path: Path) -> None:
    # A newer schema may have reshaped anything but meta; even without meta it is a refusal.
    path = tmp_path / "db"
    Database.open(path, TEST_KEY, create=True).close()
    raw = sqlcipher3.connect(str(path), isolation_level=None)
    raw.execute(key_pragma(TEST_KEY))
    raw.execute("DROP TABLE meta")
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(UserError) as refused:
        Database.open(path, TEST_KEY)
    assert refused.value.code == "schema_too_new"
