"""Files dxdesk writes are private to the user on POSIX (0600 files, 0700 folders), even under
a permissive umask and even if the profile folder itself were copied somewhere less private.
Windows has no mode bits: there the user's profile folder ACLs apply (docs/security.md)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.logs import close_file_logging, setup_file_logging
from tests.conftest import PASSPHRASE, run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX mode bits")


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual default: new files 0644, folders 0755
    try:
        yield
    finally:
        os.umask(old)


def run(root: Path, *args: str) -> str:
    code, out, err = run_cli(["--profile", str(root), *args], env={"DXDESK_PASSPHRASE": PASSPHRASE})
    assert code == 0, (args, err)
    return out


def test_every_file_in_the_profile_is_private(tmp_path: Path, permissive_umask: None) -> None:
    root = tmp_path / "宮崎" / "プロファイル"
    outside = tmp_path / "控え.db"
    run(root, "init", "--name", "山田 太郎", "--device", "PC")
    run(root, "add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x")
    run(root, "backup")  # backups/manual-*
    run(root, "backup", "--out", str(outside))
    run(root, "restore", str(outside), "--yes")  # the restored database, backups/pre-restore-*
    run(root, "add", "visit", "date=2025-11-26", "org_id=高千穂町", "mode=訪問", "title=y")
    names = {p.name.split("-")[0] for p in (root / "backups").glob("*.db")}
    assert {"auto", "manual", "pre"} <= names
    # The log file appears with its first record (a refused command leaves none behind).
    setup_file_logging(root / "logs")
    try:
        logging.getLogger("dxdesk.cli").info("a record for the permission test")
    finally:
        close_file_logging()
    assert (root / "logs" / "dxdesk.log").exists()
    checked = 0
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        expected = 0o700 if path.is_dir() else 0o600
        assert mode == expected, f"{path.relative_to(root.parent)}: {oct(mode)}"
        checked += 1
    assert checked > 10
    for path in (outside, outside.with_name(outside.name + ".keys.json")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_a_profile_left_readable_by_an_earlier_version_is_made_private(
    tmp_path: Path, permissive_umask: None
) -> None:
    root = tmp_path / "プロファイル"
    run(root, "init", "--name", "山田 太郎", "--device", "PC")
    run(root, "add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x")
    # What the previous version left: a restored database and settings 0644, logs/ 0755.
    for path in (root / "dxdesk.db", root / "settings.json"):
        path.chmod(0o644)
    (root / "logs").chmod(0o755)
    (root / "backups").chmod(0o755)
    run(root, "info")  # any successful open
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(mode)}"
