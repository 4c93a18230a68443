"""Names and values from other devices are shown as the text they are, never as HTML.

A device name or owner in an enrolment request, a sender's name in a bundle, a conflicting
value: Qt's labels and message boxes guess whether text is HTML, so ``<img …>`` in a name would
draw a picture (a fake fingerprint, say). Every label the window shows is plain text.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dxdesk.gui.app import Session
from dxdesk.gui.messages import plain_tooltip
from dxdesk.gui.sync import ConflictsView, DevicesDialog, ExportDialog, ImportDialog
from dxdesk.gui.unlock import LockScreen, UnlockDialog
from dxdesk.paths import ProfilePaths
from dxdesk.services import sync
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.session import ScreenLock
from dxdesk.text import one_line
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.sync.sync_helpers import make_profile

HTML_NAME = '<b>偽の端末</b><img src="fp.png"><a href="http://evil.example">12345 67890</a>'
ANSI_OWNER = "山田\x1b[2J\x1b]0;owned\x07 太郎\u202e09876"
# Where to grab the dialogs to PNG, to look at them by hand (Japanese renders, nothing cut):
# DXDESK_SHOTS=/tmp/shots pytest tests/gui/test_untrusted_text.py. Unset, nothing is written.
SHOTS = os.environ.get("DXDESK_SHOTS")


@pytest.fixture
def hub_and_hostile_field(tmp_path: Path) -> Iterator[tuple[Profile, Profile]]:
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    field, _recovery = create_profile(
        ProfilePaths(tmp_path / "現地"),
        owner_name=ANSI_OWNER,
        device_name=HTML_NAME,
        role="field",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    yield hub, field
    hub.close(backup=False)
    field.close(backup=False)


def labels_showing(widget: QWidget, text: str) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if text in label.text()]


def assert_plain(widget: QWidget) -> None:
    """No label decides by guessing; a label that is rich text on purpose says so.

    The captions QFormLayout makes from our own strings (``addRow("送り先(&T)：", …)``) are the
    exception: they name their field (a buddy) and never show data.
    """
    guessing = [
        f"{label.objectName() or type(label.parent()).__name__}: {label.text()[:40]!r}"
        for label in widget.findChildren(QLabel)
        if label.textFormat() == Qt.TextFormat.AutoText and label.buddy() is None
    ]
    assert not guessing, guessing


def grab(widget: QWidget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def label_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def on_next_modal(check: Callable[[QDialog], None]) -> None:
    """Run ``check(dialog)`` once the next modal dialog is up (it must close the dialog)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, act)
            return
        check(dialog)

    QTimer.singleShot(0, act)


def test_an_enrolment_request_names_are_shown_as_text(
    qtbot: QtBot, hub_and_hostile_field: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = hub_and_hostile_field
    request, _fingerprint = sync.write_request(field, tmp_path / "申請.dxenrol")
    dialog = DevicesDialog(hub)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[str] = []

    def compare(box: QDialog) -> None:
        assert_plain(box)
        [label] = labels_showing(box, HTML_NAME)  # the literal text, tags and all
        assert label.textFormat() == Qt.TextFormat.PlainText
        # Controls shown, not obeyed: the override cannot turn our sentence around.
        assert one_line(ANSI_OWNER) in label.text()
        assert "\u202e" not in label.text() and "\x1b" not in label.text()
        seen.append(label.text())
        box.adjustSize()
        grab(box, "fingerprint-hostile")
        buttons = box.findChild(QDialogButtonBox)
        assert buttons is not None
        next(b for b in buttons.buttons() if b.text() == "一致しました").click()
        QTimer.singleShot(10, link)

    def link() -> None:
        # Then whose laptop it is: the hostile owner name shown as text there too.
        box = QApplication.activeModalWidget()
        if not isinstance(box, QDialog) or box.objectName() != "staffLinkDialog":
            QTimer.singleShot(10, link)
            return
        assert_plain(box)
        assert any("\u202e" not in t and one_line(ANSI_OWNER) in t for t in label_texts(box))
        buttons = box.findChild(QDialogButtonBox)
        assert buttons is not None
        next(b for b in buttons.buttons() if b.text() == "登録する").click()

    on_next_modal(compare)
    team = dialog.accept_request(request, tmp_path / "チーム.dxenrol")
    assert team is not None and seen
    # The roster and the status line show the names as they are.
    assert dialog.table.item(1, 0).text() == HTML_NAME
    assert dialog.table.item(1, 1).text() == "山田\\x1b[2J\\x1b]0;owned\\x07 太郎\\u202e09876"
    assert HTML_NAME in dialog.status.text()
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText
    assert_plain(dialog)
    grab(dialog, "devices-hostile")

    # Revoking asks in a message box that names the device: plain text there too.
    dialog.table.selectRow(1)
    asked: list[str] = []

    def refuse(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        assert box.textFormat() == Qt.TextFormat.PlainText
        asked.append(box.text())
        grab(box, "revoke-hostile")
        no = box.button(QMessageBox.StandardButton.No)
        assert no is not None
        no.click()

    on_next_modal(refuse)
    assert not dialog.revoke_selected()
    assert asked and HTML_NAME in asked[0]


def test_bundle_and_conflict_views_show_text(
    qtbot: QtBot, hub_and_hostile_field: tuple[Profile, Profile], tmp_path: Path
) -> None:
    from dxdesk.services.records import RecordService
    from tests.sync.sync_helpers import enrol_field, visit

    hub, field = hub_and_hostile_field
    enrol_field(hub, field, tmp_path)
    RecordService(field).add("visit", visit(HTML_NAME))
    exported = sync.export_bundle(field, "hub", tmp_path / "USB")
    importer = ImportDialog(hub)
    qtbot.addWidget(importer)
    importer.add_files([exported.path])
    assert importer.table.item(0, 1).text() == HTML_NAME  # the sender, from the bundle
    importer.apply()
    assert importer.details.textFormat() == Qt.TextFormat.PlainText
    assert_plain(importer)
    for widget in (ExportDialog(hub), ConflictsView(hub), DevicesDialog(field)):
        qtbot.addWidget(widget)
        assert_plain(widget)


def test_no_label_of_the_window_guesses(qtbot: QtBot, profile: Profile) -> None:
    session = Session(profile)
    qtbot.addWidget(session.window)
    session.window.show()
    assert_plain(session.window)
    session.lock()
    screen = session.window.lock_screen
    assert isinstance(screen, LockScreen)
    assert_plain(screen)
    session.window.resize(1000, 640)
    screen.passphrase.setText("guess")
    screen.try_unlock()
    assert not screen.unlock_button.isEnabled()
    grab(session.window, "lock-wait")
    session.window.hide()
    other = LockScreen(ScreenLock(profile))
    qtbot.addWidget(other)
    assert_plain(other)


def test_the_overview_shows_a_synced_contact_as_text(qtbot: QtBot, profile: Profile) -> None:
    from dxdesk.services.records import RecordService

    session = Session(profile)
    qtbot.addWidget(session.window)
    session.window.show()
    org = next(b for b in session.window.overview.organisations() if b.name == "高千穂町")
    RecordService(profile).add(
        "contact",
        {
            "org_id": org.org_id,
            "name": "佐藤\u202e0987-65-4321",
            "department": "<b>総務課</b>",
            "phone": "0982-72-2111",
        },
    )
    session.window.select_org(org.org_id)
    panel = session.window.overview_panel
    assert_plain(panel)
    [caption] = labels_showing(panel, "<b>総務課</b>")  # the tags as typed
    [row] = labels_showing(panel, "0982-72-2111")
    assert row.text() == "佐藤\\u202e0987-65-4321　0982-72-2111　"
    assert caption.textFormat() == row.textFormat() == Qt.TextFormat.PlainText
    session.window.hide()


def test_the_unlock_dialog_guesses_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = UnlockDialog(ProfilePaths(tmp_path / "<b>山田</b>"))
    qtbot.addWidget(dialog)
    assert_plain(dialog)


def test_labels_and_message_boxes_are_made_plain_everywhere() -> None:
    """The source, for the dialogs no test opens: labels from plain_label, boxes from ask/warn.

    A QLabel made directly must say its format on the next line (the rich ones do, and escape).
    """
    import re

    import dxdesk.gui

    for path in Path(dxdesk.gui.__file__).parent.glob("*.py"):
        if path.name == "messages.py":
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            where = f"{path.name}:{number + 1}"
            assert not re.search(r"QMessageBox\.(question|warning|information|critical)\(", line), (
                where
            )
            if re.search(r"\bQLabel\(", line):
                assert "setTextFormat(Qt.TextFormat.RichText)" in lines[number + 1], where


def test_tooltips_show_their_text_as_typed(qtbot: QtBot, profile: Profile) -> None:
    assert plain_tooltip("<b>高千穂町</b>\n4421\u202e") == (
        '<p style="white-space:pre">&lt;b&gt;高千穂町&lt;/b&gt;\n4421\\u202e</p>'
    )
    session = Session(profile)
    qtbot.addWidget(session.window)
    flags = Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
    [org] = session.window.tree.findItems("高千穂町", flags)
    assert org.toolTip(0).startswith('<p style="white-space:pre">高千穂町\n')
