"""Committed means committed: on a nearly full disk, a write that reached the database exits
"done with warnings" (3) when only the automatic backup after it fails, and the record is there.

The disk is a real small tmpfs (mounting needs root: elsewhere the test skips and says why).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, run_cli


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    if shutil.which("mount") is None:
        pytest.skip("no mount command on this system")
    where = tmp_path / "小さなディスク"
    where.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {proc.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Take all but ``leave`` bytes of the disk with one file (removed again by the test)."""
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    filler = disk / "filler.bin"
    with filler.open("wb") as out:
        out.write(b"\0" * max(0, free - leave))
    return filler


def test_a_committed_add_on_a_full_disk_is_done_with_a_warning(small_disk: Path) -> None:
    root = small_disk / "プロファイル"
    env = {"DXDESK_PASSPHRASE": PASSPHRASE}
    code, _out, err = run_cli(
        ["--profile", str(root), "init", "--name", "山田", "--device", "PC"], env=env
    )
    assert code == 0, err
    size = (root / "dxdesk.db").stat().st_size
    # Room for the visit (a few pages of write-ahead log), not for a full copy of the database.
    filler = _fill(small_disk, leave=size // 3)
    title = f"満杯のディスク {uuid.uuid4().hex[:8]}"
    args = ["add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", f"title={title}"]
    code, out, err = run_cli(["--profile", str(root), *args], env=env)
    assert code == 3, (code, out, err)
    record_id = out.strip()
    assert len(record_id) == 36  # the id was printed: the record is saved
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("警告：記録は保存しましたが、自動バックアップを作成できませんでした")
    assert "ディスクの空き容量が不足しています" in lines[0]
    # No half-written backup is left taking the space.
    assert not [p for p in (root / "backups").glob("*") if p.name.startswith(".")]
    assert not list((root / "backups").glob("auto-*.db"))
    filler.unlink()
    # The record is there, once, and a script that believed exit 1 would have duplicated it.
    code, out, err = run_cli(["--profile", str(root), "list", "visit", "--format", "json"], env=env)
    assert code == 0, err
    assert out.count(title) == 1 and record_id in out
    # With room again, the next change is backed up as usual.
    code, _out, err = run_cli(["--profile", str(root), *args], env=env)
    assert code == 0, err
    assert len(list((root / "backups").glob("auto-*.db"))) == 1
