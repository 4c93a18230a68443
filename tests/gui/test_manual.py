"""The user manual (docs/manual): every screenshot it names is one scripts/manual.py makes and
exists; every menu path it names exists in the window; ヘルプ > 利用者マニュアル builds the PDF
once per version and opens it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from dxdesk.gui.mainwindow import MainWindow
from dxdesk.reports.manual import all_images, all_menu_paths, chapters
from dxdesk.services import manual
from dxdesk.services.profile import Profile

ROOT = Path(__file__).resolve().parents[2]
MANUAL = ROOT / "docs" / "manual"
sys.path.insert(0, str(ROOT / "scripts"))

import manual as manual_script  # noqa: E402  (scripts/manual.py: the screenshots it makes)


def _plain(text: str) -> str:
    """A menu item's words as the manual writes them: no mnemonic, no shortcut in brackets."""
    text = re.sub(r"\(&.\)", "", text).replace("&", "")
    text = re.sub(r"（(Ctrl|Shift|Alt|F\d)[^）]*）", "", text)
    return text.replace("…", "").replace("...", "").strip()


def _menu_tree(menu: QMenu, prefix: tuple[str, ...], out: set[tuple[str, ...]]) -> None:
    menu.aboutToShow.emit()  # menus filled when first opened (帳票's documents)
    for action in menu.actions():
        if action.isSeparator():
            continue
        path = (*prefix, _plain(action.text()))
        out.add(path)
        sub = action.menu()
        if isinstance(sub, QMenu):
            _menu_tree(sub, path, out)


def window_menu_paths(window: MainWindow) -> set[tuple[str, ...]]:
    paths: set[tuple[str, ...]] = set()
    for action in window.menuBar().actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            top = (_plain(action.text()),)
            paths.add(top)
            _menu_tree(sub, top, paths)
    return paths


def test_the_manual_has_every_chapter_the_issue_asks_for() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in chapters(MANUAL))
    for topic in (
        "回復キー",
        "訪問・ヒアリングを記録する",
        "課題を管理する",
        "相談を記録する",
        "工数を入力する",
        "標準化の進捗",
        "ヒアリングシート",
        "バンドルを作成",
        "ハブで取り込む",
        "競合を確認する",
        "月次作業報告書を作る",
        "期限・提出物",
        "統括責任者の一年",
        "端末を紛失したとき",
        "パスフレーズを忘れたとき",
        "バックアップと復元",
    ):
        assert topic in text, topic


def test_every_screenshot_the_manual_names_is_made_by_the_script_and_exists() -> None:
    named = all_images(MANUAL)
    assert len(named) >= 8
    for chapter, src in named:
        assert src.startswith("screens/") and src.endswith(".png"), (chapter, src)
        name = src.removeprefix("screens/").removesuffix(".png")
        assert name in manual_script.SHOTS, f"{chapter}: {src} is not made by scripts/manual.py"
        assert (MANUAL / src).is_file(), f"{chapter}: {src} missing (run make manual)"
    # And the script makes nothing the manual does not use (a stale shot is a lie in waiting).
    used = {src.removeprefix("screens/").removesuffix(".png") for _, src in named}
    assert set(manual_script.SHOTS) == used


def test_every_menu_path_the_manual_names_exists_in_the_window(
    qtbot: QtBot, profile: Profile
) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    real = window_menu_paths(window)
    named = all_menu_paths(MANUAL)
    assert len(named) >= 15
    missing = [
        f"{chapter}: {' > '.join(items)}"
        for chapter, items in named
        if tuple(_plain(i) for i in items) not in real
    ]
    assert not missing, "\n".join(missing)


def test_a_menu_path_that_does_not_exist_is_caught(qtbot: QtBot, profile: Profile) -> None:
    # The check above must be able to fail: a renamed item is not in the window.
    window = MainWindow(profile)
    qtbot.addWidget(window)
    real = window_menu_paths(window)
    assert ("同期", "バンドルを作成") in real
    assert ("同期", "バンドルを送る") not in real


def test_help_opens_the_manual_built_once_per_version(
    qtbot: QtBot, profile: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(manual, "default_cache_dir", lambda: tmp_path / "cache")
    # The system's PDF reader is not ours to start in a test: record what it would open.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    window = MainWindow(profile)
    qtbot.addWidget(window)
    [help_menu] = [
        a.menu()
        for a in window.menuBar().actions()
        if a.menu() and a.menu().objectName() == "helpMenu"
    ]
    [action] = [a for a in help_menu.actions() if a.objectName() == "openManual"]
    assert isinstance(action, QAction) and action.shortcut().toString() == "F1"
    action.trigger()
    assert len(opened) == 1
    pdf = Path(opened[0])
    assert pdf.parent == tmp_path / "cache" and pdf.read_bytes().startswith(b"%PDF-")
    stamp = pdf.stat().st_mtime_ns
    action.trigger()  # the second time: the same file, not built again
    assert opened[1] == opened[0] and pdf.stat().st_mtime_ns == stamp


@pytest.mark.slow
def test_make_manual_remakes_every_screenshot_and_the_pdf(tmp_path: Path) -> None:
    """`make manual` (scripts/manual.py) runs on a fresh demo profile: every shot of SHOTS is
    written and the PDF names no missing screenshot (exit 0)."""
    import os
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}
    out, pdf = tmp_path / "screens", tmp_path / "manual.pdf"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "manual.py"), "--out", str(out), "--pdf", str(pdf)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert sorted(p.stem for p in out.glob("*.png")) == sorted(manual_script.SHOTS)
    assert pdf.read_bytes().startswith(b"%PDF-")
