"""Requirement 5: every expected failure is one clear sentence, a non-zero exit, no traceback,
and not one byte of the profile changes.

Each scenario damages or blocks a real profile the way it happens in life (a typo in the
passphrase, a lost or edited key file, a database from a newer dxdesk, a second dxdesk holding
the profile) and then runs several commands against it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dxdesk.store.database import connect
from dxdesk.store.keys import format_recovery_key
from tests.conftest import PASSPHRASE, run_cli, tree_digest

NEW_PASSPHRASE = "another passphrase 2"


class Profile:
    def __init__(self, root: Path, recovery: str, backup: Path) -> None:
        self.root = root
        self.recovery = recovery
        self.backup = backup  # a good backup outside the profile, for `restore`

    def run(self, *args: str, passphrase: str = PASSPHRASE) -> tuple[int, str, str]:
        env = {"DXDESK_PASSPHRASE": passphrase, "DXDESK_NEW_PASSPHRASE": NEW_PASSPHRASE}
        return run_cli(["--profile", str(self.root), *args], env=env)

    def commands(self) -> list[list[str]]:
        """A read, a write, a key change, a re-encryption, a backup and a restore."""
        return [
            ["info"],
            ["verify"],
            ["add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x"],
            ["passwd"],
            ["rekey"],
            ["backup"],
            ["raw-key", "--yes"],
            ["restore", str(self.backup), "--yes"],
        ]


def assert_refused(
    profile: Profile, args: list[str], expected: str, *, passphrase: str = PASSPHRASE
) -> None:
    before = tree_digest(profile.root)
    code, out, err = profile.run(*args, passphrase=passphrase)
    assert code == 1, (args, code, out, err)
    assert "Traceback" not in out + err
    lines = err.splitlines()
    assert len(lines) == 1, (args, err)
    assert lines[0].startswith("エラー："), (args, err)
    assert lines[0].endswith("。"), (args, err)
    assert expected in lines[0], (args, err)
    assert tree_digest(profile.root) == before, args


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    root = tmp_path / "宮崎" / "プロファイル"
    env = {"DXDESK_PASSPHRASE": PASSPHRASE}
    code, out, err = run_cli(
        ["--profile", str(root), "init", "--name", "山田 太郎", "--device", "PC"], env=env
    )
    assert code == 0, err
    recovery = "-".join(
        line.split()[i] for line in out.splitlines() if line.startswith("    ") for i in range(4)
    )
    backup = tmp_path / "backup.db"
    for args in (
        ["add", "visit", "date=2025-11-24", "org_id=五ケ瀬町", "mode=訪問", "title=既存の記録"],
        ["backup", "--out", str(backup)],
    ):
        code, _out, err = run_cli(["--profile", str(root), *args], env=env)
        assert code == 0, err
    return Profile(root, recovery, backup)


def raw_key(profile: Profile) -> bytes:
    code, out, err = profile.run("raw-key", "--yes")
    assert code == 0, err
    return bytes.fromhex(out.strip())


# ---------------------------------------------------------------------- passphrase and keys


def test_wrong_passphrase(profile: Profile) -> None:
    for args in profile.commands():
        assert_refused(profile, args, "パスフレーズが正しくありません", passphrase="wrong one!")


def test_full_width_passphrase_still_opens(profile: Profile) -> None:
    # Typed with the IME in full-width mode: NFKC makes it the same passphrase.
    full_width = PASSPHRASE.translate({ord(c): ord(c) + 0xFEE0 for c in "passphrase2025"})
    assert full_width != PASSPHRASE
    code, _out, err = profile.run("info", passphrase=full_width)
    assert code == 0, err


def test_wrong_recovery_key(profile: Profile) -> None:
    wrong = format_recovery_key(bytes(20))
    for key in (wrong, "ABCD-EFGH", "これは回復キーではない", profile.recovery[:-1] + "A"):
        if key == profile.recovery:
            continue
        assert_refused(
            profile, ["unlock", "--recovery-key", "--key", key], "回復キーが正しくありません"
        )
    code, _out, err = profile.run("unlock", "--recovery-key", "--key", profile.recovery)
    assert code == 0, err  # the right one still works afterwards


def test_missing_keyfile(profile: Profile) -> None:
    (profile.root / "keys.json").unlink()
    for args in profile.commands():
        assert_refused(profile, args, "鍵ファイル")
    assert_refused(profile, ["unlock", "--recovery-key", "--key", profile.recovery], "鍵ファイル")


def test_missing_database(profile: Profile) -> None:
    (profile.root / "dxdesk.db").unlink()
    for args in profile.commands():
        assert_refused(profile, args, "データベース")


def flip(path: Path, index: int) -> None:
    data = bytearray(path.read_bytes())
    data[index] ^= 0x01
    path.write_bytes(bytes(data))


def file_stats(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
    }


def test_corrupted_keyfile_every_byte(profile: Profile) -> None:
    """Flip each byte of keys.json in turn: every change is refused, none crashes."""
    keys = profile.root / "keys.json"
    original = keys.read_bytes()
    messages = set()
    before = tree_digest(profile.root)
    for i in range(len(original)):
        keys.write_bytes(original)
        flip(keys, i)
        # Hashing the whole tree 900 times is slow; any write shows in size or mtime.
        stats = file_stats(profile.root)
        code, out, err = profile.run("info", "--format", "json")
        assert code == 1, (i, chr(original[i]), out)
        assert len(err.splitlines()) == 1 and err.startswith("エラー："), (i, err)
        assert file_stats(profile.root) == stats, i
        messages.add(err.split("（")[0])
    keys.write_bytes(original)
    assert tree_digest(profile.root) == before
    # Mostly "corrupt"; a flip inside the passphrase slot reads as a wrong passphrase.
    assert "エラー：鍵ファイル" in messages
    keys.write_bytes(original)
    code, _out, err = profile.run("info")
    assert code == 0, err


@pytest.mark.parametrize("where", ["middle", "salt", "mac", "iterations", "lanes", "type"])
def test_corrupted_keyfile_all_commands(profile: Profile, where: str) -> None:
    keys = profile.root / "keys.json"
    text = keys.read_text(encoding="utf-8")
    body = json.loads(text)
    pp = next(s for s in body["slots"] if s["type"] == "passphrase")
    anchors = {
        "middle": len(text) // 2,
        "salt": text.index(pp["kdf"]["salt"]) + 3,
        "mac": text.index(body["mac"]) + 5,
        "iterations": text.index('"iterations": ') + len('"iterations": '),
        "lanes": text.index('"lanes": ') + len('"lanes": '),
        "type": text.index('"type": "passphrase"') + len('"type": "'),
    }
    flip(keys, len(text[: anchors[where]].encode("utf-8")))
    for args in profile.commands():
        assert_refused(profile, args, "")


@pytest.mark.parametrize("size", [0, 1, 100, "half", -2])
def test_truncated_keyfile(profile: Profile, size: int | str) -> None:
    keys = profile.root / "keys.json"
    data = keys.read_bytes()
    cut = len(data) // 2 if size == "half" else int(size)
    keys.write_bytes(data[:cut])
    for args in profile.commands()[:3]:
        assert_refused(profile, args, "鍵ファイル")
    assert_refused(profile, ["unlock", "--recovery-key", "--key", profile.recovery], "鍵ファイル")


def test_keyfile_from_another_profile(profile: Profile, tmp_path: Path) -> None:
    other = tmp_path / "other"
    code, _out, err = run_cli(
        ["--profile", str(other), "init", "--name", "他人", "--device", "PC"],
        env={"DXDESK_PASSPHRASE": PASSPHRASE},
    )
    assert code == 0, err
    (profile.root / "keys.json").write_bytes((other / "keys.json").read_bytes())
    for args in profile.commands():
        assert_refused(profile, args, "")


# ---------------------------------------------------------------------- the database


def test_database_from_a_newer_schema(profile: Profile) -> None:
    key = raw_key(profile)
    conn = connect(profile.root / "dxdesk.db", key)
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("PRAGMA user_version = 99")
    finally:
        conn.close()
    for args in profile.commands()[:-1]:
        assert_refused(profile, args, "スキーマ版 99")
    code, _out, err = profile.run("info")
    assert code == 1 and f"スキーマ版 {current}" in err


def test_restore_refuses_a_backup_from_a_newer_schema(profile: Profile) -> None:
    key = raw_key(profile)
    conn = connect(profile.backup, key, exclusive=False, configure=False)
    try:
        conn.execute("PRAGMA user_version = 99")
    finally:
        conn.close()
    assert_refused(profile, ["restore", str(profile.backup), "--yes"], "スキーマ版 99")


def test_damaged_database_file(profile: Profile) -> None:
    db = profile.root / "dxdesk.db"
    data = bytearray(db.read_bytes())
    data[:16] = bytes(16)  # the salt SQLCipher keeps in the first 16 bytes
    db.write_bytes(bytes(data))
    for args in profile.commands()[:-1]:
        # verify still reads each page: with the salt gone, every one of them fails its HMAC.
        expected = (
            "データベースに破損が見つかりました" if args == ["verify"] else "データベースが破損"
        )
        assert_refused(profile, args, expected)


HOLDER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from dxdesk.store.database import connect

    conn = connect(Path(sys.argv[1]), bytes.fromhex(os.environ["HOLDER_KEY"]))
    print("READY", flush=True)
    sys.stdin.read()  # until the test closes our stdin
    conn.close()
    """
)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[Callable[[Profile], None]]:
    """Start another process that keeps the profile's database open, as a second dxdesk would."""
    procs: list[subprocess.Popen[str]] = []
    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")

    def start(profile: Profile) -> None:
        env = {**os.environ, "HOLDER_KEY": raw_key(profile).hex()}
        proc = subprocess.Popen(
            [sys.executable, str(script), str(profile.root / "dxdesk.db")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        procs.append(proc)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "READY", proc.stderr.read() if proc.stderr else line

    yield start
    for proc in procs:
        proc.kill()
        proc.wait(timeout=30)


def test_locked_database(profile: Profile, holder: Callable[[Profile], None]) -> None:
    holder(profile)
    commands = profile.commands()
    for args in (commands[0], commands[2], commands[3], commands[-1]):
        assert_refused(profile, args, "別の dxdesk で使用中")


def test_unknown_profile_folder(tmp_path: Path) -> None:
    root = tmp_path / "存在しない" / "プロファイル"
    for args in (["info"], ["list", "visit"], ["passwd"], ["add", "expert", "name=x"]):
        code, out, err = run_cli(
            ["--profile", str(root), *args], env={"DXDESK_PASSPHRASE": PASSPHRASE}
        )
        assert code == 1, (args, out, err)
        assert err.splitlines() == [
            f"エラー：プロファイル（{root}）が見つかりません。"
            "先に「dxdesk init」または「dxdesk demo」を実行してください。"
        ]
        assert not root.exists()
        assert not root.parent.exists()


# ---------------------------------------------------------------------- init


def test_init_refuses_an_existing_profile(profile: Profile) -> None:
    assert_refused(profile, ["init", "--name", "別人", "--device", "PC"], "既に存在します")


def test_init_refuses_a_short_passphrase(tmp_path: Path) -> None:
    root = tmp_path / "新規"
    for short in ("1234567", "ａｂｃ", "       "):
        code, out, err = run_cli(
            ["--profile", str(root), "init", "--name", "山田", "--device", "PC"],
            env={"DXDESK_PASSPHRASE": short},
        )
        assert code == 1, (short, out, err)
        assert err == "エラー：パスフレーズは8文字以上で設定してください。\n"
        assert not root.exists() or not any(root.iterdir())


def test_rekey_refuses_a_short_passphrase(profile: Profile) -> None:
    before = tree_digest(profile.root)
    code, _out, err = run_cli(
        ["--profile", str(profile.root), "rekey"],
        env={"DXDESK_PASSPHRASE": PASSPHRASE, "DXDESK_NEW_PASSPHRASE": "short"},
    )
    assert code == 1 and "8文字以上" in err
    assert tree_digest(profile.root) == before


# ---------------------------------------------------------------------- bugs


def test_unexpected_exception_is_an_apology_with_exit_70(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("an internal detail the user must not see")

    monkeypatch.setattr("dxdesk.services.records.RecordService.search", boom)
    code, out, err = profile.run("search", "宮崎")
    assert code == 70
    assert "申し訳ありません" in err
    assert "Traceback" not in out + err
    assert "internal detail" not in out + err
    # The details go to the log, for the person who fixes it.
    log = (profile.root / "logs" / "dxdesk.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError" in log


def test_unexpected_exception_before_logging_starts_stays_off_stderr(
    profile: Profile, tmp_path: Path
) -> None:
    """A real process with no pytest log capture: the bug fails before the log file is set up."""
    script = tmp_path / "crash.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            import dxdesk.services.profile as profile

            def boom(*args, **kwargs):
                raise RuntimeError("an internal detail the user must not see")

            profile.open_profile = boom
            from dxdesk.cli.main import main

            sys.exit(main(sys.argv[1:]))
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "DXDESK_PASSPHRASE": PASSPHRASE}
    proc = subprocess.run(
        [sys.executable, str(script), "--profile", str(profile.root), "info"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 70, proc.stderr
    assert "申し訳ありません" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "internal detail" not in proc.stderr + proc.stdout
    assert len(proc.stderr.splitlines()) == 1, proc.stderr
    log = (profile.root / "logs" / "dxdesk.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log


def test_sqlcipher_stays_quiet_on_a_wrong_key(
    profile: Profile, capfd: pytest.CaptureFixture[str]
) -> None:
    """SQLCipher's own log lines must not reach the terminal (they bypass sys.stderr)."""
    from dxdesk.errors import UserError

    capfd.readouterr()
    with pytest.raises(UserError) as info:
        connect(profile.root / "dxdesk.db", bytes(32), exclusive=False, configure=False)
    assert info.value.code == "database_corrupt"
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_restore_refuses_a_backup_of_another_profile(profile: Profile, tmp_path: Path) -> None:
    """Same passphrase, different profile: the backup opens, but it is not this profile's data."""
    other = tmp_path / "other"
    env = {"DXDESK_PASSPHRASE": PASSPHRASE}
    foreign = tmp_path / "foreign.db"
    for args in (
        ["init", "--name", "他人", "--device", "PC"],
        ["add", "expert", "name=他人の記録"],
        ["backup", "--out", str(foreign)],
    ):
        code, _out, err = run_cli(["--profile", str(other), *args], env=env)
        assert code == 0, err
    assert_refused(profile, ["restore", str(foreign), "--yes"], "別のプロファイル")
