"""Long commands show their progress on stderr when it is a terminal (a pty here) and print
nothing extra when it is not (a pipe, a file, a CI log): bundle export and import, demo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.conftest import PASSPHRASE, run_cli
from tests.sync.sync_helpers import enrol_field, make_profile

SRC = Path(__file__).resolve().parents[2] / "src"


def _field_with_work(tmp_path: Path, n: int = 1_500) -> tuple[Path, Path]:
    """A hub and an enrolled field laptop holding ``n`` issues; both closed (for the CLI)."""
    hub: Profile = make_profile(tmp_path / "hub", "hub", "統括")
    field: Profile = make_profile(tmp_path / "field", "field", "山田")
    try:
        enrol_field(hub, field, tmp_path)
        rows = [{"org_id": "高千穂町", "title": f"課題 {i}", "status": "未対応"} for i in range(n)]
        RecordService(field).add_many("issue", rows)
    finally:
        hub.close(backup=False)
        field.close(backup=False)
    return tmp_path / "hub", tmp_path / "field"


def _run_on_pty(args: list[str], tmp_path: Path) -> tuple[int, str, str]:
    """The CLI in a fresh process with stderr on a pseudo-terminal; (code, stdout, stderr)."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(SRC), "DXDESK_PASSPHRASE": PASSPHRASE}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dxdesk", *args],
        stdout=subprocess.PIPE,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=tmp_path,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.stdout is not None
    out = proc.stdout.read().decode("utf-8")
    code = proc.wait(timeout=120)
    return code, out, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX (pty module)")
def test_bundle_export_and_import_show_progress_on_a_terminal(tmp_path: Path) -> None:
    hub, field = _field_with_work(tmp_path)
    usb = tmp_path / "usb"
    code, out, err = _run_on_pty(
        ["--profile", str(field), "bundle", "export", "--to", "hub", "--out", str(usb)], tmp_path
    )
    assert code == 0, err
    assert "バンドルの作成：" in err and "%）" in err
    assert "\r" in err and "\x1b[K" in err  # one line redrawn, cleared at the end
    assert "バンドルの作成：" not in out  # results on stdout, progress only on stderr
    (bundle,) = usb.glob("*.dxb")
    code, out, err = _run_on_pty(
        ["--profile", str(hub), "bundle", "import", "--yes", str(bundle)], tmp_path
    )
    assert code == 0, err
    assert "確認：" in err and "取り込み：" in err
    assert "取り込みました" in out


def test_nothing_extra_on_stderr_when_it_is_not_a_terminal(tmp_path: Path) -> None:
    hub, field = _field_with_work(tmp_path)
    usb = tmp_path / "usb"
    env = {"DXDESK_PASSPHRASE": PASSPHRASE}
    code, out, err = run_cli(
        ["--profile", str(field), "bundle", "export", "--to", "hub", "--out", str(usb)], env=env
    )
    assert code == 0 and err == ""
    (bundle,) = usb.glob("*.dxb")
    code, out, err = run_cli(
        ["--profile", str(hub), "bundle", "import", "--yes", str(bundle)], env=env
    )
    assert code == 0 and err == "", err
    assert "取り込みました" in out


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX (pty module)")
def test_demo_says_which_stage_it_is_at_on_a_terminal(tmp_path: Path) -> None:
    code, out, err = _run_on_pty(["--profile", str(tmp_path / "demo"), "demo"], tmp_path)
    assert code == 0, err
    for stage in ("デモデータの作成：職員", "デモデータの作成：訪問", "デモデータの作成：工数"):
        assert stage in err
    assert "デモ用プロファイルを作成しました" in out


def test_demo_prints_no_progress_into_a_pipe(tmp_path: Path) -> None:
    code, out, err = run_cli(["--profile", str(tmp_path / "demo"), "demo"])
    assert code == 0
    assert "デモデータの作成" not in err and "\r" not in err
    assert "デモ用プロファイルを作成しました" in out
