"""When automatic backups are taken and how many stay: once per interval of changes (and when
the window closes), never after a command that changed nothing, pruned to a space bound."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from dxdesk.core.model import kind
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, Profile, open_profile
from dxdesk.store.backup import keys_path_for, prune_to_space
from tests.conftest import PASSPHRASE
from tests.store.test_backup import _add_staff, _backup_named


def _reopen(paths: ProfilePaths) -> Profile:
    return open_profile(paths, Credentials(passphrase=PASSPHRASE, use_keyring=False))


def _autos(paths: ProfilePaths) -> list[Path]:
    return sorted(paths.backups.glob("auto-*.db"))


def _age(path: Path, minutes: float) -> None:
    then = time.time() - minutes * 60
    os.utime(path, (then, then))


def test_one_backup_per_interval_of_changes(profile_paths: ProfilePaths, profile: Profile) -> None:
    assert profile.settings.backup_interval_minutes == 30
    _add_staff(profile, "一人目")
    profile.close()
    [first] = _autos(profile_paths)
    # A second change within the interval: no second full copy.
    again = _reopen(profile_paths)
    _add_staff(again, "二人目")
    again.close()
    assert _autos(profile_paths) == [first]
    # Nothing changed: nothing to keep, whatever the time.
    _age(first, 31)
    idle = _reopen(profile_paths)
    idle.close()
    assert _autos(profile_paths) == [first]
    # A change after the interval has passed: a new backup, holding both changes.
    later = _reopen(profile_paths)
    _add_staff(later, "三人目")
    later.close()
    assert len(_autos(profile_paths)) == 2


def test_closing_the_window_backs_up_whatever_the_interval(
    profile_paths: ProfilePaths, profile: Profile
) -> None:
    _add_staff(profile, "一人目")
    assert profile.auto_backup() is not None
    assert profile.auto_backup() is None  # nothing changed since
    _add_staff(profile, "二人目")
    assert profile.auto_backup() is None  # within the interval
    assert profile.auto_backup(force=True) is not None  # the window closes
    assert not profile.changed
    assert len(_autos(profile_paths)) == 2


def test_a_failing_backup_is_a_warning_and_the_change_stays(
    profile_paths: ProfilePaths, profile: Profile
) -> None:
    staff_id = _add_staff(profile, "保存済み")
    if profile_paths.backups.exists():
        shutil.rmtree(profile_paths.backups)
    profile_paths.backups.write_text("a file where the folder should be", encoding="utf-8")
    profile.close()  # does not raise
    [warning] = profile.warnings
    assert warning.code == "backup_failed"
    assert warning.message.startswith(
        "記録は保存しましたが、自動バックアップを作成できませんでした"
    )
    profile_paths.backups.unlink()
    reopened = _reopen(profile_paths)
    try:
        assert reopened.records.get(kind("staff"), staff_id)["name"] == "保存済み"
    finally:
        reopened.close(backup=False)


def test_prune_to_space_keeps_the_newest_of_each_kind_and_never_manual_ones(
    profile: Profile,
) -> None:
    folder = profile.paths.backups
    names = [
        "auto-20250401-090000-0a1b.db",
        "pre-import-20250402-090000-0a1b.db",
        "auto-20250501-090000-0a1b.db",
        "pre-import-20250502-090000-0a1b.db",
        "auto-20250601-090000-0a1b.db",
        "manual-20250101-000000.db",
        "pre-restore-20250101-000000-0000.db",
    ]
    for i, name in enumerate(names):
        _backup_named(profile, name)
        _age(folder / name, 1000 - i)  # in the order listed, oldest first
    one = (folder / names[0]).stat().st_size + keys_path_for(folder / names[0]).stat().st_size
    # Room for three copies: the two oldest automatic ones go, oldest first.
    removed = prune_to_space(folder, 3 * one, ("auto-", "pre-import-"))
    assert [p.name for p in removed] == names[:2]
    assert not keys_path_for(folder / names[0]).exists()
    # A bound smaller than one copy still leaves the newest of each kind.
    removed = prune_to_space(folder, 1, ("auto-", "pre-import-"))
    assert [p.name for p in removed] == [names[2]]
    left = sorted(p.name for p in folder.glob("*.db"))
    assert left == sorted(names[3:])
