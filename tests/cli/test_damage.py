"""Damaged files are reported, never crashed on and never "repaired" silently.

Every test damages a real SQLCipher profile the way it happens to people (a bad sector, a copy
cut short, bytes that are not UTF-8, a pipe given as a bundle) and runs the real command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_sync_cli import enrol, field, hub  # noqa: F401 - fixtures
from tests.conftest import PASSPHRASE, run_cli, tree_digest

PAGE = 4096  # SQLCipher 4's page size


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "宮崎" / "プロファイル"
    for args in (
        ["init", "--name", "山田 太郎", "--device", "PC"],
        ["add", "visit", "date=2025-11-24", "org_id=五ケ瀬町", "mode=訪問", "title=既存の記録"],
        ["add", "issue", "org_id=五ケ瀬町", "title=移行の課題", "status=未対応"],
    ):
        code, _out, err = run(root, *args)
        assert code == 0, err
    return root


def run(root: Path, *args: str) -> tuple[int, str, str]:
    return run_cli(["--profile", str(root), *args], env={"DXDESK_PASSPHRASE": PASSPHRASE})


def listing(root: Path) -> list[str]:
    """Every path under the profile, folders included: "no file created" means this is equal."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def data_digest(root: Path) -> dict[str, str]:
    """The profile's files except its log (which may record what a refusal found)."""
    return {k: v for k, v in tree_digest(root).items() if not k.startswith("logs")}


def one_sentence(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("エラー：") and lines[0].endswith("。"), err
    assert "Traceback" not in err
    return lines[0]


# ---------------------------------------------------------------------- verify, page by page


def test_verify_reports_a_flipped_byte_in_every_page(root: Path) -> None:
    db = root / "dxdesk.db"
    original = db.read_bytes()
    pages = len(original) // PAGE
    assert pages > 20
    kinds: set[str] = set()
    for page in range(pages):
        damaged = bytearray(original)
        damaged[page * PAGE + PAGE // 2] ^= 0x40
        db.write_bytes(bytes(damaged))
        before = listing(root)
        code, out, err = run(root, "verify")
        assert code == 1, (page, code, out, err)  # never 0 (missed), never 70 (crashed)
        sentence = one_sentence(err)
        assert db.read_bytes() == damaged, page  # verify changed nothing, "repaired" nothing
        assert listing(root) == before, page
        assert "データベースに破損が見つかりました" in sentence, (page, sentence)
        # SQLCipher numbers pages from 1: the page hit is named, and the tables are sorted
        # into those still readable and those not.
        assert f"破損したページ：{page + 1}" in out, (page, out)
        assert "読み取れる表：" in out and "読み取れない表：" in out
        kinds.add(next(line for line in out.splitlines() if line.startswith("読み取れない表")))
    db.write_bytes(original)
    code, out, err = run(root, "verify")
    assert code == 0 and "問題ありません" in out, err
    # Damage in different pages hits different tables (the report is about the page hit).
    assert len(kinds) > 3


def test_verify_names_the_readable_tables(root: Path) -> None:
    """A damaged data page of one table leaves the other tables readable, and says so."""
    key = bytes.fromhex(run(root, "raw-key", "--yes")[1].strip())
    from dxdesk.store.database import connect

    conn = connect(root / "dxdesk.db", key, exclusive=False, configure=False)
    try:
        # The root page of the visit table: its one leaf holds the visit added above.
        rootpage = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'visit'"
        ).fetchone()[0]
    finally:
        conn.close()
    db = root / "dxdesk.db"
    data = bytearray(db.read_bytes())
    data[(rootpage - 1) * PAGE + 100] ^= 0x01
    db.write_bytes(bytes(data))
    code, out, err = run(root, "verify")
    assert code == 1, err
    lines = {
        line.split("：")[0]: line.split("：", 1)[1] for line in out.splitlines() if "：" in line
    }
    assert "visit" in lines["読み取れない表"].split("、")
    readable = lines["読み取れる表"].split("、")
    assert "issue" in readable and "organisation" in readable and "visit" not in readable
    assert str(rootpage) in lines["破損したページ"].split("、")


# ---------------------------------------------------------------------- empty and cut short


@pytest.mark.parametrize("size", [0, 1, 100, PAGE - 1, "half", "half+1", "-1"])
def test_empty_or_truncated_database_is_refused_and_left_alone(root: Path, size: int | str) -> None:
    db = root / "dxdesk.db"
    data = db.read_bytes()
    half = (len(data) // PAGE // 2) * PAGE
    cut = {"half": half, "half+1": half + 1, "-1": len(data) - 1}.get(str(size), size)
    assert isinstance(cut, int)
    db.write_bytes(data[:cut])
    backup_out = root.parent / "外の控え.db"
    for args in (
        ["info"],
        ["verify"],
        ["list", "visit"],
        ["add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x"],
        ["backup", "--out", str(backup_out)],
    ):
        before_digest, before_listing = tree_digest(root), listing(root)
        code, out, err = run(root, *args)
        assert code == 1, (size, args, code, out, err)
        sentence = one_sentence(err)
        assert "データベース" in sentence, sentence
        assert tree_digest(root) == before_digest, (size, args)
        assert listing(root) == before_listing, (size, args)  # not even a -wal or a log file
        assert not backup_out.exists()
    assert db.read_bytes() == data[:cut]
    if cut == 0 or cut % 512:
        code, _out, err = run(root, "info")
        assert "空か途中で切れている" in err


@pytest.mark.parametrize("cut", [0, 1, PAGE + 7, "half"])
def test_restore_is_the_remedy_and_keeps_the_damaged_file_as_it_was(
    root: Path, tmp_path: Path, cut: int | str
) -> None:
    good = tmp_path / "控え.db"
    code, _out, err = run(root, "backup", "--out", str(good))
    assert code == 0, err
    db = root / "dxdesk.db"
    data = db.read_bytes()
    size = (len(data) // PAGE // 2) * PAGE if cut == "half" else int(cut)
    db.write_bytes(data[:size])
    code, out, err = run(root, "restore", str(good), "--yes")
    assert code == 0, err
    [kept] = (root / "backups").glob("pre-restore-*.db")
    assert kept.read_bytes() == data[:size]  # the replaced file, byte for byte
    code, out, err = run(root, "verify")
    assert code == 0 and "問題ありません" in out, err


# ---------------------------------------------------------------------- text that is not UTF-8

# What Python makes of a command-line argument holding bytes that are not UTF-8
# (surrogateescape), and a lone surrogate as some Windows tools produce.
NOT_UTF8 = "移行\udcff\udcfe"
LONE_SURROGATE = "課題\ud800"


@pytest.mark.parametrize("bad", [NOT_UTF8, LONE_SURROGATE])
def test_unreadable_text_is_refused_with_the_field_named(root: Path, bad: str) -> None:
    before = tree_digest(root)
    args = ["add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", f"title={bad}"]
    code, _out, err = run(root, *args)
    assert code == 1, err
    assert "「件名」（title）" in one_sentence(err)
    args = [*args[:-1], "title=x", f"attendees_ours=a、{bad}"]
    code, _out, err = run(root, *args)
    assert code == 1, err
    assert "（attendees_ours）" in one_sentence(err)
    visit = run(root, "list", "visit", "--format", "json")[1]
    visit_id = visit.split('"id": "')[1].split('"')[0]
    code, _out, err = run(root, "edit", "visit", visit_id, f"notes={bad}")
    assert code == 1 and "（notes）" in one_sentence(err), err
    # Where no field is named (an id, a search term), the sentence still says what is wrong.
    for args in (["show", "visit", bad], ["search", bad], ["delete", "visit", bad]):
        code, _out, err = run(root, *args)
        assert code == 1, (args, err)
        assert "読み取れない" in one_sentence(err) or "見つかりません" in err, err
    assert tree_digest(root) == before  # every refusal above left the profile as it was
    code, out, _err = run(root, "search", "移行")
    assert "\udcff" not in out
    if bad != NOT_UTF8:
        return  # an environment variable can hold bytes that are not UTF-8, not a lone \ud800
    # A passphrase (from the environment) that is not UTF-8 can be neither right nor set.
    env = {"DXDESK_PASSPHRASE": bad, "DXDESK_NEW_PASSPHRASE": bad}
    for args in (["info"], ["passwd"]):
        code, _out, err = run_cli(["--profile", str(root), *args], env=env)
        assert code == 1 and "読み取れない" in one_sentence(err), (args, err)
    code, _out, err = run_cli(
        ["--profile", str(root), "passwd"],
        env={"DXDESK_PASSPHRASE": PASSPHRASE, "DXDESK_NEW_PASSPHRASE": f"{bad}12345678"},
    )
    assert code == 1 and "読み取れない" in one_sentence(err), err


# ---------------------------------------------------------------------- not a regular file


def _run_process(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real process with a timeout: a command that blocks on a pipe fails the test, not hangs."""
    env = {**os.environ, "DXDESK_PASSPHRASE": PASSPHRASE, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "dxdesk", "--profile", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_is_refused_as_bundle_and_team_file(hub: Any, field: Any, tmp_path: Path) -> None:  # noqa: F811
    enrol(hub, field, tmp_path)
    fifo = tmp_path / "待ち.dxb"
    os.mkfifo(fifo)
    before = tree_digest(hub.root)
    proc = _run_process(hub.root, "bundle", "import", str(fifo), "--yes")
    assert proc.returncode == 1, proc.stderr
    assert one_sentence(proc.stderr) == "エラー：dxdesk のバンドルファイルではありません。"
    assert tree_digest(hub.root) == before
    proc = _run_process(field.root, "enrol", "join", str(fifo), "--yes")
    assert proc.returncode == 1, proc.stderr
    assert "通常のファイルではありません" in one_sentence(proc.stderr)
    # A folder is not a bundle either: the command line refuses it (a usage error).
    code, _out, err = run(hub.root, "bundle", "import", str(tmp_path), "--yes")
    assert code == 2 and "is a directory" in err, err


# ---------------------------------------------------------------------- restore


def test_restore_of_a_damaged_backup_is_one_sentence(root: Path, tmp_path: Path) -> None:
    good = tmp_path / "控え.db"
    code, _out, err = run(root, "backup", "--out", str(good))
    assert code == 0, err
    data = good.read_bytes()
    pages = len(data) // PAGE
    # The first pages, some in the middle, the last: each damage a different check finds.
    for page in sorted({0, 1, 2, 5, pages // 3, pages // 2, pages - 2, pages - 1}):
        damaged = bytearray(data)
        damaged[page * PAGE + 200] ^= 0xFF
        good.write_bytes(bytes(damaged))
        before = data_digest(root)
        code, out, err = run(root, "restore", str(good), "--yes")
        assert code == 1, (page, out, err)
        assert "を検証できませんでした" in one_sentence(err), (page, err)
        assert data_digest(root) == before, page
    # The checks' own words are in the log, for whoever looks into it.
    log = (root / "logs" / "dxdesk.log").read_text(encoding="utf-8")
    assert "integrity check" in log or "HMAC" in log, log
    for cut in (0, 1, PAGE + 7):
        good.write_bytes(data[:cut])
        code, _out, err = run(root, "restore", str(good), "--yes")
        assert code == 1
        assert "空か途中で切れています" in one_sentence(err), err


def test_verify_after_an_interrupted_rekey_is_not_damage(
    profile: Any, profile_paths: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database changed key but keys.json did not (a crash in between): the pending key
    file opens it, as the next unlock would; verify reports no damage and changes nothing."""
    import dxdesk.services.profile as service

    real_replace = os.replace

    def crash(src: Any, dst: Any) -> None:
        if Path(dst) == profile_paths.keys:  # the last step of the rekey, after PRAGMA rekey
            raise OSError("power cut")
        real_replace(src, dst)

    monkeypatch.setattr(service.os, "replace", crash)
    with pytest.raises(OSError):
        profile.rekey(PASSPHRASE)
    profile.database.close()
    profile.closed = True
    monkeypatch.undo()
    assert (profile_paths.root / "keys.json.pending").exists()
    before = tree_digest(profile_paths.root)
    code, out, err = run(profile_paths.root, "verify")
    assert code == 0 and "問題ありません" in out, (out, err)
    assert tree_digest(profile_paths.root) == before
