"""The exit-code table of docs/cli.md, row by row: each documented outcome is produced for real
and its code and its one sentence are checked. A row added to the table without a scenario here
(or a scenario for a code the table does not list) fails the first test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dxdesk.cli import main as cli_main
from tests.cli.test_failures import HOLDER
from tests.conftest import PASSPHRASE, run_cli, tree_digest

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
VISIT = ["add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=x"]


def documented_codes() -> set[int]:
    text = DOCS.read_text(encoding="utf-8")
    table = text[text.index("## Exit codes") : text.index("## Window")]
    return {int(m) for m in re.findall(r"^\| (\d+) \|", table, flags=re.M)}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "宮崎" / "プロファイル"
    code, _out, err = run(root, "init", "--name", "山田 太郎", "--device", "PC")
    assert code == 0, err
    code, _out, err = run(root, *VISIT)
    assert code == 0, err
    return root


def run(root: Path, *args: str, passphrase: str = PASSPHRASE) -> tuple[int, str, str]:
    return run_cli(["--profile", str(root), *args], env={"DXDESK_PASSPHRASE": passphrase})


def test_the_table_and_the_constants_agree() -> None:
    constants = {v for k, v in vars(cli_main).items() if k.startswith("EXIT_")}
    assert documented_codes() == constants == {0, 1, 2, 3, 70, 130}
    covered = {0, 2, 3, 70, 130} | {1 for _ in REFUSALS}
    assert covered == documented_codes()


def test_0_done(root: Path) -> None:
    code, out, err = run(root, "info")
    assert (code, err) == (0, "")
    assert "山田 太郎" in out


def _wrong_passphrase(root: Path) -> list[str]:
    return [
        "--passphrase-file",
        str(_write(root.parent / "pp.txt", "違うパスフレーズです")),
        "info",
    ]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _cut(root: Path) -> list[str]:
    db = root / "dxdesk.db"
    db.write_bytes(db.read_bytes()[:1000])
    return ["info"]


def _damaged(root: Path) -> list[str]:
    db = root / "dxdesk.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x01
    db.write_bytes(bytes(data))
    return ["verify"]


def _damaged_backup(root: Path) -> list[str]:
    copy = root.parent / "控え.db"
    shutil.copyfile(root / "dxdesk.db", copy)
    data = bytearray(copy.read_bytes())
    data[4096 * 3 + 10] ^= 0x01
    copy.write_bytes(bytes(data))
    return ["restore", str(copy), "--yes"]


HOLDERS: list[subprocess.Popen[str]] = []


def _locked(root: Path) -> list[str]:
    """Another process keeps the database open, as a second dxdesk would."""
    key = run(root, "raw-key", "--yes")[1].strip()
    script = root.parent / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(root / "dxdesk.db")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "HOLDER_KEY": key},
    )
    HOLDERS.append(proc)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
    return list(VISIT)


@pytest.fixture(autouse=True)
def _stop_holders() -> Iterator[None]:
    yield
    while HOLDERS:
        proc = HOLDERS.pop()
        proc.kill()
        proc.wait(timeout=30)


# Each documented refusal (row 1): how to cause it, and the words its sentence must hold.
REFUSALS: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "wrong passphrase": (_wrong_passphrase, "パスフレーズが正しくありません"),
    "invalid value": (lambda _r: [*VISIT[:-1], "end_time=25:00"], "「終了」（end_time）"),
    "not UTF-8": (lambda _r: [*VISIT[:-1], "title=\udcff"], "「件名」（title）"),
    "locked profile": (_locked, "別の dxdesk で使用中"),
    "truncated database": (_cut, "空か途中で切れている"),
    "damaged database": (_damaged, "データベースに破損が見つかりました"),
    "damaged backup": (_damaged_backup, "を検証できませんでした"),
    "refused bundle": (
        lambda r: ["bundle", "import", str(_write(r.parent / "x.dxb", "x")), "--yes"],
        "まだチームに登録されていません",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_1_refused_with_one_sentence_and_nothing_written(root: Path, case: str) -> None:
    cause, words = REFUSALS[case]
    args = cause(root)
    before = tree_digest(root)
    code, _out, err = run(root, *args)
    assert code == 1, (case, code, err)
    [line] = err.splitlines()
    assert line.startswith("エラー：") and line.endswith("。") and words in line, line
    assert tree_digest(root) == before


def test_2_usage(root: Path) -> None:
    code, _out, err = run(root, "list", "visit", "--no-such-option")
    assert code == 2
    assert "No such option" in err and "Traceback" not in err


def test_3_done_with_warnings(root: Path) -> None:
    """The backup after the commit fails (the backups folder cannot be made): warned, exit 3,
    the record saved."""
    shutil.rmtree(root / "backups")
    (root / "backups").write_text("", encoding="utf-8")
    code, out, err = run(root, *VISIT)
    assert code == 3, err
    [line] = err.splitlines()
    assert line.startswith("警告：記録は保存しましたが") and line.endswith("。"), line
    record_id = out.strip()
    code, out, _err = run(root, "show", "visit", record_id)
    assert code == 0 and record_id in out


def test_70_bug(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("internal detail")

    monkeypatch.setattr("dxdesk.services.records.RecordService.list_records", boom)
    code, out, err = run(root, "list", "visit")
    assert code == 70
    [line] = err.splitlines()
    assert "申し訳ありません" in line and "internal detail" not in out + err


def test_130_interrupted(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("dxdesk.services.records.RecordService.add", interrupted)
    before = tree_digest(root)
    code, _out, err = run(root, *VISIT)
    assert code == 130
    assert err.strip().splitlines() == ["中断しました。"]
    assert tree_digest(root) == before  # interrupted before the commit: nothing written
