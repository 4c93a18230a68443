"""The deadline board in the window: due dates by the calendar rules, overdue rows in red, and
from a row: the document, 作成中, 提出済み with the file's fingerprint, the source record."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from dxdesk.core.clock import today_jst
from dxdesk.gui.deadlines import OVERDUE_COLOUR, DeadlineBoard
from dxdesk.gui.documents import DocumentDialog
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")


def _row(board: DeadlineBoard, key: str) -> int:
    return [d.key for d in board.rows].index(key)


def test_the_board_computes_the_10th_rule_and_the_3_open_days_across_a_holiday(
    qtbot: QtBot, profile: Profile
) -> None:
    service = RecordService(profile)
    # 2025-11-21 (Fri): 11/24 振替休日 -> 3 open days later is 11/27.
    meeting = service.add("meeting", {"title": "第8回月次報告会", "date": "2025-11-21"}).record_id
    # The 10th of December closed (臨時閉庁日): the November report is due on the 9th.
    service.add("closed_day", {"date": "2025-12-10", "reason": "庁舎停電"})
    board = DeadlineBoard(profile, today=date(2025, 11, 28))
    qtbot.addWidget(board)
    assert board.fy_box.currentData() == 2025
    minutes = _row(board, f"minutes:{meeting}")
    assert board.table.item(minutes, 0).text() == "2025-11-27"
    assert board.table.item(minutes, 2).text() == "未着手（期限超過）"
    assert board.table.item(minutes, 1).foreground().color() == QColor(OVERDUE_COLOUR)
    monthly = _row(board, "monthly:2025-11")
    assert board.table.item(monthly, 0).text() == "2025-12-09"
    assert "臨時閉庁のため直前の開庁日" in board.table.item(monthly, 3).text()
    assert board.table.item(monthly, 1).foreground().color() != QColor(OVERDUE_COLOUR)
    december = _row(board, "monthly:2025-12")  # 2026-01-10 is a Saturday
    assert board.table.item(december, 0).text() == "2026-01-09"


def test_a_meeting_made_in_the_window_leaves_the_overdue_list_when_submitted(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    # A meeting a week ago: its minutes (3 open days later) are overdue today.
    day = today_jst() - timedelta(days=7)
    window.show_register("meeting")
    window.registers.findChild(QPushButton, "new_meeting").click()
    form = next(f for f in window.findChildren(RecordForm) if f.isVisible())
    form.set_values({"title": "県との打合せ", "date": day.isoformat(), "format": "対面"})
    assert form.save()
    form.close()
    meeting = str(form.record_id)
    window.show_global("deadlines")
    board = window.deadline_board
    assert window.stack.currentWidget() is board
    key = f"minutes:{meeting}"
    board.pending_only.setChecked(True)
    board.table.setCurrentCell(_row(board, key), 1)
    assert board.current() is not None and board.current().overdue
    # Make the document: the minutes of this meeting.
    assert board.make_button.isEnabled()
    board.make_button.click()
    dialog = next(d for d in window.findChildren(DocumentDialog) if d.isVisible())
    assert dialog.current_kind().name == "minutes"
    assert dialog.widgets["meeting_id"].currentData() == meeting
    dialog.close()
    # 作成中, then 提出済み with the file's fingerprint.
    board.start_button.click()
    assert board.current() is not None and board.current().status == "作成中"
    pdf = tmp_path / "議事録.pdf"
    pdf.write_bytes(b"%PDF-1.7 the minutes")
    submit = board.submit_dialog(board.current())
    qtbot.addWidget(submit)
    submit.file_edit.setText(str(pdf))
    submit.number_edit.setText("DX第3号")
    assert submit.date_edit.text() == today_jst().isoformat()
    assert board.submit(
        key,
        on=submit.date_edit.text(),
        file=submit.file_edit.text(),
        doc_number=submit.number_edit.text(),
    )
    assert key not in [d.key for d in board.rows]  # left the pending (and overdue) list
    board.pending_only.setChecked(False)
    done = board.rows[_row(board, key)]
    assert done.status == "提出済み" and done.version == 1
    assert done.fingerprint == hashlib.sha256(pdf.read_bytes()).hexdigest()
    # Made again from the row, it is the submitted document: its date and its number.
    board.table.setCurrentCell(_row(board, key), 1)
    board.make_button.click()
    reprint = [d for d in window.findChildren(DocumentDialog) if d.isVisible()][-1]
    request = reprint.request()
    assert request.issued == today_jst() and request.number == "DX第3号"
    reprint.close()
    # The submission is in the register too, counted on its tab.
    table = window.show_register("submission")
    assert table.model.total() == 1
    # And the row opens the meeting it is about.
    window.show_global("deadlines")
    board.table.setCurrentCell(_row(board, key), 1)
    board.open_button.click()
    opened = [f for f in window.findChildren(RecordForm) if f.isVisible()]
    assert [f.record_id for f in opened] == [meeting]


def test_the_board_in_english_has_no_japanese_but_data(
    qtbot: QtBot, profile: Profile, english_window: None
) -> None:
    """Names, statuses and rules in English, dates in the window's style; the meeting's, the
    training's and the issue's titles, and a holiday's name, stay as written."""
    import re

    from dxdesk.core.calendar import WAREKI
    from dxdesk.gui.dates import set_date_style

    service = RecordService(profile)
    service.add(
        "meeting", {"title": "第8回月次報告会", "date": "2025-11-21", "meeting_type": "月次報告会"}
    )
    service.add(
        "training",
        {"title": "生成AI研修", "training_type": "研修", "status": "確定", "date": "2025-12-03"},
    )
    service.add(
        "issue",
        {"org_id": "高千穂町", "title": "移行日程", "status": "対応中", "due_date": "2025-11-10"},
    )
    service.add("closed_day", {"date": "2025-12-10", "reason": "庁舎停電"})
    set_date_style(WAREKI)
    board = DeadlineBoard(profile, today=date(2025, 11, 28))
    qtbot.addWidget(board)
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    data = ("第8回月次報告会", "生成AI研修", "移行日程")
    left = []
    for row in range(board.table.rowCount()):
        for col in range(board.table.columnCount()):
            text = board.table.item(row, col).text()
            rest = text
            for word in data:
                rest = rest.replace(word, "")
            if japanese.search(rest):
                left.append(text)
    assert left == []
    minutes = _row(board, next(d.key for d in board.rows if d.code == "minutes"))
    assert board.table.item(minutes, 1).text() == "Minutes: 第8回月次報告会 (R7.11.21)"
    assert board.table.item(minutes, 2).text() == "Not started (overdue)"
    monthly = _row(board, "monthly:2025-11")
    assert board.table.item(monthly, 1).text() == "Monthly work report (Nov 2025)"
    assert board.table.item(monthly, 3).text() == (
        "Day 10 of the next month (special closure, so the last open day before)"
    )
    december = _row(board, "monthly:2025-12")  # 2026-01-10 is a Saturday
    assert board.table.item(december, 3).text() == (
        "Day 10 of the next month (Sat, so the last open day before)"
    )
