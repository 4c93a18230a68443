"""Requirement 4: nothing readable reaches the disk.

Distinctive Japanese and ASCII strings go in through the CLI (added, edited, deleted, searched,
backed up); then every byte of every file under the profile folder is searched for them in
UTF-8, UTF-16-LE and UTF-16-BE, along with the passphrase and the database key. The same is
done once while the profile is open, so the write-ahead log is searched too.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, open_profile
from dxdesk.services.records import RecordService
from tests.conftest import run_cli

PASSPHRASE = "漏洩検査の合言葉 Leak-Pass-4417"
NEW_PASSPHRASE = "二番目の合言葉 Second-Pass-8831"
CANARIES = (
    "機密検証用の特異な文字列ＸＹＺ宮崎",
    "LEAKCANARY-7f3a9",
    "相談者の個人名は鰤谷鮎美",
    "canary.mail@example.jp",
    "090-7755-3311",
    "棚田の夜神楽",
    "EDITED-CANARY-51c2",
    "削除予定の秘密メモ",
    "開いている間の本文ＷＡＬ検査",
)


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def find_leaks(root: Path, secrets: dict[str, list[bytes]]) -> list[str]:
    found = []
    for path in files_under(root):
        data = path.read_bytes()
        for name, needles in secrets.items():
            for needle in needles:
                if needle and needle in data:
                    found.append(f"{path.relative_to(root)}: {name} ({needle[:12]!r})")
    return found


def secrets_of(canaries: tuple[str, ...], key_hex: str) -> dict[str, list[bytes]]:
    secrets = {c: encodings(c) for c in canaries}
    secrets["passphrase"] = encodings(PASSPHRASE)
    secrets["new passphrase"] = encodings(NEW_PASSPHRASE)
    key = bytes.fromhex(key_hex)
    secrets["raw key"] = [key, *encodings(key_hex), *encodings(key_hex.upper())]
    return secrets


class App:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {"DXDESK_PASSPHRASE": PASSPHRASE}
        self.stderr: list[str] = []

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> str:
        code, out, err = run_cli(["--profile", str(self.root), *args], env=env or self.env)
        assert code == 0, (args, out, err)
        self.stderr.append(err)
        return out


@pytest.fixture
def isolated_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private temp dir for this test, seen by Python and by SQLite alike."""
    tmp = tmp_path / "system-temp"
    tmp.mkdir()
    for var in ("TMPDIR", "SQLITE_TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(var, str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    return tmp


def run_full_flow(app: App) -> str:
    """Everything a user does with sensitive text; returns the database key (hex)."""
    app("init", "--name", "漏洩 検査", "--device", "検査用PC")
    visit = app(
        "add",
        "visit",
        "date=2025-11-25",
        "org_id=五ケ瀬町",
        "mode=訪問",
        f"title={CANARIES[0]}",
        f"notes={CANARIES[1]} と {CANARIES[5]}",
        f"attendees_org={CANARIES[2]}",
    ).strip()
    consult = app(
        "add",
        "consultation",
        "received_at=2025-11-20 10:15",
        "channel=電話",
        "org_id=高千穂町",
        "category=その他",
        f"topic=相談 {CANARIES[3]}",
        f"requester={CANARIES[4]}",
        "status=未対応",
        f"content={CANARIES[0]}の件",
    ).strip()
    doomed = app(
        "add",
        "issue",
        "org_id=日之影町",
        f"title={CANARIES[7]}",
        "status=未対応",
        f"description={CANARIES[1]}",
    ).strip()
    app("edit", "visit", visit, f"notes={CANARIES[6]}")
    app("edit", "consultation", consult, f"response={CANARIES[6]} で回答済み")
    app("delete", "issue", doomed)
    for query in (CANARIES[0], CANARIES[1], "鰤", "夜神", CANARIES[6]):
        app("search", query)
    app("list", "visit", "--format", "csv")
    app("show", "consultation", consult)
    app("backup")
    key_hex = app("raw-key", "--yes").strip()
    app("passwd", env={**app.env, "DXDESK_NEW_PASSPHRASE": NEW_PASSPHRASE})
    app.env = {"DXDESK_PASSPHRASE": NEW_PASSPHRASE}
    app("verify")
    return key_hex


def test_nothing_readable_on_disk(tmp_path: Path, isolated_tmp: Path) -> None:
    root = tmp_path / "山田" / "プロファイル"
    app = App(root)
    key_hex = run_full_flow(app)
    secrets = secrets_of(CANARIES, key_hex)

    # While open, with fresh writes still in the write-ahead log.
    profile = open_profile(
        ProfilePaths(root), Credentials(passphrase=NEW_PASSPHRASE, use_keyring=False)
    )
    try:
        assert profile.database.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        assert profile.database.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        service = RecordService(profile)
        service.add("expert", {"name": "検査 太郎", "track_record": CANARIES[8]})
        assert service.search(CANARIES[8])
        wal = root / "dxdesk.db-wal"
        assert wal.exists() and wal.stat().st_size > 0
        assert find_leaks(root, secrets) == []
    finally:
        profile.close()

    names = {str(p.relative_to(root)) for p in files_under(root)}
    assert "dxdesk.db" in names and "keys.json" in names and "settings.json" in names
    assert any(n.startswith("backups/manual-") for n in names)
    assert any(n.startswith("backups/auto-") for n in names)
    assert find_leaks(root, secrets) == []

    # Whatever SQLite or Python put in the temp dir (if anything) holds nothing readable either.
    assert find_leaks(isolated_tmp, secrets) == []
    assert all(err == "" for err in app.stderr)


def test_plaintext_would_be_found(tmp_path: Path) -> None:
    """The search itself works: a canary written in clear is found in each encoding."""
    root = tmp_path / "p"
    root.mkdir()
    for i, data in enumerate(encodings(CANARIES[0])):
        (root / f"f{i}.bin").write_bytes(b"\x00junk" + data + b"junk")
    assert len(find_leaks(root, {"c": encodings(CANARIES[0])})) == 3


def test_system_temp_dir_gets_nothing_new(tmp_path: Path) -> None:
    """The real temp dir: compare its listing before and after a flow (leftover files)."""
    system_tmp = Path(tempfile.gettempdir())

    def listing() -> set[str]:
        try:
            return {e.name for e in os.scandir(system_tmp)}
        except OSError:
            return set()

    before = listing()
    app = App(tmp_path / "プロファイル")
    key_hex = run_full_flow(app)
    new = listing() - before
    secrets = secrets_of(CANARIES, key_hex)
    leaks = []
    for name in new:
        path = system_tmp / name
        if path.is_file():
            data = path.read_bytes()
            leaks += [name for needles in secrets.values() for n in needles if n in data]
    assert leaks == []
    # SQLite's own temp files would be named etilqs_*; none may be left behind.
    assert not [n for n in new if n.startswith("etilqs_")]


def test_log_redacts_keys_in_tracebacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The redaction filter also covers the traceback of a bug (the log's last line of defence)."""
    app = App(tmp_path / "プロファイル")
    app("init", "--name", "漏洩 検査", "--device", "検査用PC")
    key_hex = app("raw-key", "--yes").strip()

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"bug while handling PRAGMA key = \"x'{key_hex}'\" key={key_hex}")

    monkeypatch.setattr("dxdesk.services.records.RecordService.search", boom)
    code, out, err = run_cli(["--profile", str(app.root), "search", "宮崎"], env=app.env)
    assert code == 70
    assert key_hex not in out + err
    log = (app.root / "logs" / "dxdesk.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log and "[redacted]" in log
    assert key_hex not in log and key_hex.upper() not in log
    assert not re.search(r"[0-9a-f]{64}", log)
