"""`dxdesk --self-test` from the source install: every step passes, a failure is named in one
sentence, the passphrase never shows, and nothing is left behind or touched outside its folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dxdesk.cli.selftest import run as cli_run
from dxdesk.errors import UserError
from dxdesk.services.profile import Profile
from dxdesk.services.selftest import SelfTestFailed, run_self_test

ROOT = Path(__file__).resolve().parents[2]
STEPS = (
    "暗号化プロファイルの作成",
    "記録の書き込み",
    "暗号化の確認と再度の解錠",
    "記録の読み取り",
    "全文検索",
    "PDF の作成",
    "Excel（.xlsx）の作成",
    "利用者マニュアルの作成",
    "端末の登録",
    "バンドルの作成と取り込み",
    "資格情報ストア",
    "画面（Qt）の起動と描画",
)


def test_self_test_from_source_passes_every_step_and_leaves_nothing(tmp_path: Path) -> None:
    temp, home = tmp_path / "tmp", tmp_path / "home"
    temp.mkdir()
    home.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(temp),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONPATH": str(ROOT / "src"),
    }
    env.pop("DXDESK_PROFILE", None)
    result = subprocess.run(
        [sys.executable, "-m", "dxdesk", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    ok = [line for line in lines if line.startswith("  OK  ")]
    assert len(ok) == len(STEPS)
    for line, name in zip(ok, STEPS, strict=True):
        assert line[6:].startswith(name)
    assert lines[-1] == f"自己診断は正常に終了しました（{len(STEPS)} 項目）。"
    assert result.stderr == ""
    # The throwaway profiles went with their folder; no user profile was made.
    assert list(temp.iterdir()) == []
    assert not (home / "data" / "dxdesk").exists()


def _failing_window(_profile: Profile, _pdf: bytes) -> str:
    raise SelfTestFailed("ウィンドウを描画できません")


def test_a_failing_step_is_named_without_the_passphrase(tmp_path: Path) -> None:
    passphrase = "自己診断-秘密-7c2f9e"
    lines: list[str] = []
    with pytest.raises(SelfTestFailed) as failed:
        run_self_test(
            lines.append, window_check=_failing_window, work_dir=tmp_path, passphrase=passphrase
        )
    assert str(failed.value) == "画面（Qt）の起動と描画：失敗しました（ウィンドウを描画できません）"
    # Every step before it ran and passed; the temporary profiles are gone all the same.
    assert sum(line.startswith("  OK  ") for line in lines) == len(STEPS) - 1
    assert passphrase not in "\n".join(lines) + str(failed.value)
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_error_names_its_type_only(tmp_path: Path) -> None:
    def broken(_profile: Profile, _pdf: bytes) -> str:
        raise RuntimeError("内部の詳細 /home/someone/secret.txt")

    with pytest.raises(SelfTestFailed) as failed:
        run_self_test(lambda _line: None, window_check=broken, work_dir=tmp_path)
    assert str(failed.value).endswith("予期しないエラーで失敗しました（RuntimeError）")
    assert "secret" not in str(failed.value)


def test_the_command_line_refuses_with_one_sentence(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    with pytest.raises(UserError) as refused:
        cli_run(_failing_window)
    assert refused.value.code == "self_test_failed"
    assert "画面（Qt）の起動と描画：失敗しました" in refused.value.message
    assert refused.value.message.count("\n") == 0
