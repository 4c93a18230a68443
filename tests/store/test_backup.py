"""Encrypted backups: written whole or not at all, verified, pruned, restored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dxdesk.core.model import kind, validate
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, Profile, open_profile, restore_backup
from dxdesk.store.backup import check_backup, keys_path_for, prune_backups, write_backup
from dxdesk.store.database import Database, connect
from dxdesk.store.keys import KeyFile
from dxdesk.store.migrations import head_version
from tests.conftest import PASSPHRASE

PAGE = 4096
CREDS = Credentials(passphrase=PASSPHRASE, use_keyring=False)


def _key(profile: Profile) -> bytes:
    return bytes.fromhex(profile.raw_key_hex())


def _add_staff(profile: Profile, name: str, notes: str = "") -> str:
    staff = kind("staff")
    with profile.database.transaction():
        values = validate(staff, {"name": name, "role": "事務", "notes": notes})
        return profile.records.insert(staff, values).record_id


def _staff_names(database: Database) -> set[str]:
    return {r["name"] for r in database.query("SELECT name FROM staff WHERE _deleted = 0")}


def _names_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------- writing


def test_backup_opens_with_the_same_key_and_is_whole(profile: Profile, tmp_path: Path) -> None:
    _add_staff(profile, "バックアップ 確認", "控えの中身")
    dest = tmp_path / "外部媒体" / "manual-1.db"
    written = profile.backup(dest)
    assert written == dest
    assert _names_in(dest.parent) == ["manual-1.db", "manual-1.db.keys.json"]
    assert not dest.read_bytes().startswith(b"SQLite format 3\0")
    assert check_backup(dest, _key(profile)) == head_version()

    conn = connect(dest, _key(profile), exclusive=False, configure=False)
    try:
        copy = Database(conn, dest)
        assert copy.integrity_problems() == []
        assert _staff_names(copy) == _staff_names(profile.database)
        assert "バックアップ 確認" in _staff_names(copy)
        assert copy.query("SELECT count(*) AS n FROM changes") == profile.database.query(
            "SELECT count(*) AS n FROM changes"
        )
    finally:
        conn.close()
    assert _names_in(dest.parent) == ["manual-1.db", "manual-1.db.keys.json"]
    # The side key file opens the backup with the passphrase of the day.
    side = KeyFile.load(keys_path_for(dest))
    assert side.open_with_passphrase(PASSPHRASE) == _key(profile)
    # The backup is logged (as an action, without the destination's content).
    actions = [r["action"] for r in profile.database.query("SELECT action FROM audit_log")]
    assert actions[-1] == "backup"


def test_backup_file_is_private(profile: Profile, tmp_path: Path) -> None:
    import os
    import stat

    dest = profile.backup(tmp_path / "b" / "manual.db")
    if os.name == "posix":
        assert stat.S_IMODE(dest.stat().st_mode) == 0o600
        assert stat.S_IMODE(keys_path_for(dest).stat().st_mode) == 0o600


def test_backup_inside_a_transaction_is_refused(profile: Profile, tmp_path: Path) -> None:
    """SQLite's backup API retries a source locked by its own write forever: refuse instead."""
    dest = tmp_path / "b" / "mid.db"
    staff = kind("staff")
    with profile.database.transaction():
        profile.records.insert(staff, validate(staff, {"name": "未確定", "role": "事務"}))
        with pytest.raises(RuntimeError):
            write_backup(profile.database, _key(profile), profile.keyfile, dest)
    assert not dest.exists()
    assert not dest.parent.exists() or _names_in(dest.parent) == []
    assert "未確定" in _staff_names(profile.database)  # the transaction itself went on


def test_failed_backup_leaves_no_temp_files(profile: Profile, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    dest = folder / "auto-20250101-000000-aaaa.db"
    keys_path_for(dest).mkdir(parents=True)  # the key file cannot be written: a directory
    with pytest.raises(UserError) as info:
        write_backup(profile.database, _key(profile), profile.keyfile, dest)
    assert info.value.code == "io_error"
    assert _names_in(folder) == [keys_path_for(dest).name]
    assert not dest.exists()


def test_successful_backups_leave_only_their_files(profile: Profile) -> None:
    folder = profile.paths.backups
    first = write_backup(profile.database, _key(profile), profile.keyfile, folder / "a.db")
    write_backup(profile.database, _key(profile), profile.keyfile, first)  # over an existing one
    assert _names_in(folder) == ["a.db", "a.db.keys.json"]
    # Only the profile's own files (its live database has a WAL while open): no temp copies.
    assert set(_names_in(profile.paths.root)) <= {
        "backups",
        "dxdesk.db",
        "dxdesk.db-wal",
        "keys.json",
        "settings.json",
    }


def test_close_takes_an_automatic_backup(profile_paths: ProfilePaths, profile: Profile) -> None:
    _add_staff(profile, "自動 控え")
    key = _key(profile)
    profile.close()
    autos = sorted(profile_paths.backups.glob("auto-*.db"))
    assert len(autos) == 1
    assert check_backup(autos[0], key) == head_version()
    assert keys_path_for(autos[0]).exists()


# ---------------------------------------------------------------- pruning


def _backup_named(profile: Profile, name: str) -> Path:
    return write_backup(
        profile.database, _key(profile), profile.keyfile, profile.paths.backups / name
    )


def test_prune_keeps_newest_auto_backups_and_never_manual_ones(profile: Profile) -> None:
    folder = profile.paths.backups
    autos = [
        "auto-20250401-090000-0a1b.db",
        "auto-20251101-120000-ffff.db",
        "auto-20250315-235959-1234.db",
        "auto-20251231-080000-0000.db",
        "auto-20250920-170000-beef.db",
    ]
    manual = ["manual-20240101-000000.db", "pre-restore-20240101-000000-abcd.db", "月末.db"]
    for name in autos + manual:
        _backup_named(profile, name)
    (folder / "auto-notes.txt").write_text("not a backup")

    removed = prune_backups(folder, keep=2)
    assert sorted(p.name for p in removed) == [
        "auto-20250315-235959-1234.db",
        "auto-20250401-090000-0a1b.db",
        "auto-20250920-170000-beef.db",
    ]
    left = _names_in(folder)
    for name in ["auto-20251101-120000-ffff.db", "auto-20251231-080000-0000.db", *manual]:
        assert name in left
        assert name + ".keys.json" in left
    for path in removed:
        assert path.name not in left
        assert path.name + ".keys.json" not in left
    assert "auto-notes.txt" in left

    assert prune_backups(folder, keep=2) == []
    assert len(prune_backups(folder, keep=0)) == 2
    assert sorted(p.name for p in folder.glob("*.db")) == sorted(manual)


def test_prune_with_missing_side_key_file(profile: Profile) -> None:
    folder = profile.paths.backups
    old = _backup_named(profile, "auto-20250101-000000-0001.db")
    _backup_named(profile, "auto-20250102-000000-0002.db")
    keys_path_for(old).unlink()
    assert prune_backups(folder, keep=1) == [old]
    assert _names_in(folder) == [
        "auto-20250102-000000-0002.db",
        "auto-20250102-000000-0002.db.keys.json",
    ]


def test_prune_of_a_folder_without_backups(tmp_path: Path) -> None:
    assert prune_backups(tmp_path, keep=3) == []


# ---------------------------------------------------------------- checking


@pytest.fixture
def backup(profile: Profile, tmp_path: Path) -> Path:
    _add_staff(profile, "検証 用", "改ざん検出の確認" * 50)
    return profile.backup(tmp_path / "check" / "backup.db")


def _expect_invalid(path: Path, key: bytes) -> UserError:
    with pytest.raises(UserError) as info:
        check_backup(path, key)
    assert info.value.code == "backup_invalid"
    return info.value


def test_check_backup_refuses_a_wrong_key(profile: Profile, backup: Path) -> None:
    _expect_invalid(backup, bytes(32))


@pytest.mark.parametrize("keep", [0, 1, 100, PAGE, PAGE + 1, "half", "all-but-one-page", "-1"])
def test_check_backup_refuses_a_truncated_backup(
    profile: Profile, backup: Path, tmp_path: Path, keep: int | str
) -> None:
    data = backup.read_bytes()
    sizes = {"half": len(data) // 2, "all-but-one-page": len(data) - PAGE, "-1": len(data) - 1}
    size = sizes[keep] if isinstance(keep, str) else keep
    cut = tmp_path / "cut.db"
    cut.write_bytes(data[:size])
    _expect_invalid(cut, _key(profile))
    assert [n for n in _names_in(tmp_path) if n.startswith("cut")] == ["cut.db"]


def test_check_backup_refuses_a_bit_flip_in_any_page(
    profile: Profile, backup: Path, tmp_path: Path
) -> None:
    data = backup.read_bytes()
    assert len(data) % PAGE == 0
    key = _key(profile)
    flipped = tmp_path / "flipped.db"
    for page in range(len(data) // PAGE):
        # A different offset in every page: header, cell area, IV and HMAC in the reserved tail.
        offset = page * PAGE + (page * 397) % PAGE
        mutated = bytearray(data)
        mutated[offset] ^= 0x10
        flipped.write_bytes(bytes(mutated))
        _expect_invalid(flipped, key)
    flipped.write_bytes(data)
    assert check_backup(flipped, key) == head_version()


def test_check_backup_catches_a_flip_in_a_free_page(profile: Profile, tmp_path: Path) -> None:
    """Free pages hold no table data, so only SQLCipher's per-page HMAC check can notice."""
    with profile.database.transaction() as conn:
        conn.execute("CREATE TABLE scratch (x)")
        conn.executemany("INSERT INTO scratch VALUES (?)", [("x" * 3000,)] * 30)
    with profile.database.transaction() as conn:
        conn.execute("DROP TABLE scratch")
    dest = profile.backup(tmp_path / "free" / "backup.db")
    conn = connect(dest, _key(profile), exclusive=False, configure=False)
    try:
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    finally:
        conn.close()
    assert free >= 20
    data = dest.read_bytes()
    last_page = len(data) // PAGE - 1  # a freshly dropped table's pages end up at the tail
    mutated = bytearray(data)
    mutated[last_page * PAGE + 100] ^= 0x01
    dest.write_bytes(bytes(mutated))
    _expect_invalid(dest, _key(profile))


@pytest.mark.parametrize("content", [b"", b"\0" * PAGE, b"not a database at all"])
def test_check_backup_refuses_empty_or_junk_files(
    profile: Profile, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(content)
    _expect_invalid(path, _key(profile))


def test_check_backup_of_a_missing_file(profile: Profile, tmp_path: Path) -> None:
    _expect_invalid(tmp_path / "absent.db", _key(profile))


# ---------------------------------------------------------------- restoring


def test_restore_brings_back_the_backed_up_state(
    profile_paths: ProfilePaths, profile: Profile, tmp_path: Path
) -> None:
    _add_staff(profile, "残る人")
    dest = profile.backup(tmp_path / "b" / "before.db")
    _add_staff(profile, "後で消える人")
    profile.close(backup=False)

    kept = restore_backup(profile_paths, dest, CREDS)
    assert kept.parent == profile_paths.backups
    reopened = open_profile(profile_paths, CREDS)
    try:
        names = _staff_names(reopened.database)
        assert "残る人" in names
        assert "後で消える人" not in names
        assert reopened.database.integrity_problems() == []
    finally:
        reopened.close(backup=False)
    # The replaced database is kept, whole, with the later record.
    conn = connect(kept, _key(profile), exclusive=False, configure=False)
    try:
        assert "後で消える人" in _staff_names(Database(conn, kept))
    finally:
        conn.close()
    leftovers = [p.name for p in profile_paths.root.iterdir() if p.name.startswith(".")]
    assert leftovers == []


@pytest.mark.parametrize("content", [b"", b"\0" * 100])
def test_restore_refuses_an_empty_file_and_changes_nothing(
    profile_paths: ProfilePaths, profile: Profile, tmp_path: Path, content: bytes
) -> None:
    _add_staff(profile, "守られる人")
    profile.close(backup=False)
    before = profile_paths.database.read_bytes()
    bad = tmp_path / "empty.db"
    bad.write_bytes(content)
    with pytest.raises(UserError) as info:
        restore_backup(profile_paths, bad, CREDS)
    assert info.value.code == "backup_invalid"
    assert profile_paths.database.read_bytes() == before
    reopened = open_profile(profile_paths, CREDS)
    try:
        assert "守られる人" in _staff_names(reopened.database)
    finally:
        reopened.close(backup=False)


def test_restore_refuses_a_bit_flipped_backup(
    profile_paths: ProfilePaths, profile: Profile, tmp_path: Path
) -> None:
    dest = profile.backup(tmp_path / "b" / "flip.db")
    profile.close(backup=False)
    data = bytearray(dest.read_bytes())
    data[len(data) // 2] ^= 0x01
    dest.write_bytes(bytes(data))
    before = profile_paths.database.read_bytes()
    with pytest.raises(UserError) as info:
        restore_backup(profile_paths, dest, CREDS)
    assert info.value.code == "backup_invalid"
    assert profile_paths.database.read_bytes() == before


def test_restore_refused_while_the_profile_is_open(
    profile_paths: ProfilePaths, profile: Profile, tmp_path: Path
) -> None:
    dest = profile.backup(tmp_path / "b" / "open.db")
    copy = tmp_path / "copy.db"
    shutil.copyfile(dest, copy)
    with pytest.raises(UserError) as info:
        restore_backup(profile_paths, copy, CREDS)
    assert info.value.code == "database_locked"
