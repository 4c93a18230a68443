"""The record form driven as a user drives it: typing (Japanese through an input method),
Ctrl+S, Esc, the autosaved draft after a crash, and an issue created from a visit's finding."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from typing import Protocol

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from dxdesk.core.clock import today_jst
from dxdesk.core.ids import natural_id
from dxdesk.core.model import kind
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.widgets import (
    BoolCheck,
    ChoiceCombo,
    DateEdit,
    DateTimeEdit,
    FieldEditor,
    ListEdit,
    LongTextEdit,
    LookupCombo,
    OrgCombo,
    TimeEdit,
    emit_signal,
    normalise_time,
)
from dxdesk.services.drafts import DraftService
from dxdesk.services.profile import Credentials, Profile, open_profile
from dxdesk.services.records import RecordService
from tests.conftest import PASSPHRASE

# The offscreen platform plugin (tests only) cannot do these and says so as a Qt warning; any
# other Qt warning fails a test.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"
)

MIYAZAKI = natural_id("organisation", "452017")  # 宮崎市
NOTE = "標準準拠システムへの移行は令和8年1月を予定。データ移行のリハーサルを2回実施する。"
FINDING = "外字の同定作業が遅れている\nベンダの体制が不足している"


# ---------------------------------------------------------------- helpers


class Answers:
    """Stands in for the user in front of QMessageBox: records questions, gives answers."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer = QMessageBox.StandardButton.Discard

    def exec(self, box: QMessageBox) -> int:
        self.asked.append(box.text())
        return int(self.answer.value)


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    # A real modal box would block the test; every question is answered from here.
    answers = Answers()

    def fake_exec(box: QMessageBox) -> int:
        return answers.exec(box)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return answers


@pytest.fixture
def service(profile: Profile) -> RecordService:
    return RecordService(profile)


@pytest.fixture
def drafts(profile: Profile) -> DraftService:
    return DraftService(profile)


class MakeForm(Protocol):
    def __call__(self, kind_name: str, *, record_id: str | None = None) -> RecordForm: ...


@pytest.fixture
def make_form(qtbot: QtBot, service: RecordService, drafts: DraftService) -> Iterator[MakeForm]:
    made: list[RecordForm] = []

    def make(kind_name: str, *, record_id: str | None = None) -> RecordForm:
        form = RecordForm(service, drafts, kind_name, record_id=record_id)
        qtbot.addWidget(form)
        with qtbot.waitExposed(form):
            form.show()
        made.append(form)
        return form

    yield make
    for form in made:
        if shiboken6.isValid(form):
            form.autosave_timer.stop()


def commit(widget: QWidget, text: str) -> None:
    """Type Japanese the way an input method does: one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into(qtbot: QtBot, editor: FieldEditor, text: str, *, clear: bool = True) -> None:
    target = editor.input_widget
    if isinstance(editor, LookupCombo):
        target = editor.line
    if clear and hasattr(target, "clear"):
        target.clear()
    target.setFocus()
    if text.isascii():
        qtbot.keyClicks(target, text)
    else:
        commit(target, text)


def error_text(form: RecordForm, name: str) -> str:
    label = form.findChild(QLabel, f"error_{name}")
    assert label is not None
    return label.text() if label.isVisibleTo(form) else ""


def count(service: RecordService, kind_name: str) -> int:
    return service.store.count(kind(kind_name))


def changes(service: RecordService) -> int:
    return int(service.database.query("SELECT count(*) AS n FROM changes")[0]["n"])


def fill_visit(qtbot: QtBot, form: RecordForm) -> None:
    e = form.editors
    type_into(qtbot, e["date"], "R7.11.25")
    type_into(qtbot, e["start_time"], "930")
    type_into(qtbot, e["end_time"], "11:30")
    type_into(qtbot, e["org_id"], "宮崎市")
    type_into(qtbot, e["title"], "住民記録システムの移行ヒアリング")
    type_into(qtbot, e["place"], "宮崎市役所 本庁舎")
    type_into(qtbot, e["attendees_org"], "情報政策課 佐藤、市民課 田中")
    type_into(qtbot, e["notes"], NOTE)
    type_into(qtbot, e["findings"], FINDING)


def activate(qtbot: QtBot, form: RecordForm) -> None:
    def exposed() -> bool:
        handle = form.windowHandle()
        return handle is not None and handle.isExposed()

    qtbot.waitUntil(exposed)
    with qtbot.waitActive(form):
        form.activateWindow()


def ctrl_s(qtbot: QtBot, form: RecordForm) -> None:
    activate(qtbot, form)
    focused = QApplication.focusWidget() or form
    qtbot.keyClick(focused, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


# ---------------------------------------------------------------- creating a visit


def test_create_a_visit_by_typing_and_ctrl_s(
    qtbot: QtBot, make_form: MakeForm, service: RecordService, drafts: DraftService
) -> None:
    form = make_form("visit")
    assert form.windowTitle() == "訪問・ヒアリングの登録"
    assert form.editors["mode"].value() == "訪問"  # the usual case is preset
    fill_visit(qtbot, form)
    date_edit = form.editors["date"]
    assert isinstance(date_edit, DateEdit)
    assert date_edit.hint.text() == "令和7年11月25日(火)"
    assert form.editors["hours"].value() == "2"  # 09:30-11:30, filled while typing
    assert form.is_dirty()

    with qtbot.waitSignal(form.saved, timeout=2000) as signal:
        ctrl_s(qtbot, form)
    change = signal.args[0]
    assert (change.kind, change.op) == ("visit", "create")
    assert not form.isVisible()
    record = service.get("visit", change.record_id)
    assert record["date"] == "2025-11-25"
    assert (record["start_time"], record["end_time"], record["hours"]) == ("09:30", "11:30", 2.0)
    assert record["org_id"] == MIYAZAKI
    assert record["mode"] == "訪問"
    assert record["title"] == "住民記録システムの移行ヒアリング"
    assert record["attendees_org"] == ["情報政策課 佐藤", "市民課 田中"]
    assert record["notes"] == NOTE
    assert record["findings"] == FINDING
    assert record["staff_id"] == service.profile.meta["owner_staff_id"]
    assert drafts.pending() == []


def test_the_save_button_saves_too(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("visit")
    fill_visit(qtbot, form)
    with qtbot.waitSignal(form.saved, timeout=2000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert count(service, "visit") == 1


def test_tab_moves_through_the_fields_in_order(qtbot: QtBot, make_form: MakeForm) -> None:
    form = make_form("visit")
    form.editors["findings"].set_value(FINDING)  # the issue button only takes part then
    activate(qtbot, form)
    form.editors["date"].input_widget.setFocus()
    order = []
    for _ in range(len(form.editors) + 1):
        focused = QApplication.focusWidget()
        assert focused is not None
        owner = next((n for n, e in form.editors.items() if e.isAncestorOf(focused)), None)
        order.append(owner or focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    fields = list(kind("visit").field_names)
    expected = [*fields[: fields.index("findings") + 1], "create_issue"]
    expected += fields[fields.index("findings") + 1 :]
    assert order == expected


def test_editing_writes_only_what_changed(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    created = service.add(
        "visit",
        {"date": "2025-11-20", "org_id": "都城市", "mode": "電話", "title": "電話での確認"},
    )
    form = make_form("visit", record_id=created.record_id)
    assert form.windowTitle() == "訪問・ヒアリングの編集"
    assert form.editors["org_id"].value() == natural_id("organisation", "452025")
    assert not form.is_dirty()
    type_into(qtbot, form.editors["place"], "オンライン会議室")
    with qtbot.waitSignal(form.saved, timeout=2000) as signal:
        ctrl_s(qtbot, form)
    assert signal.args[0].op == "update"
    assert signal.args[0].fields == ("place",)
    assert service.get("visit", created.record_id)["place"] == "オンライン会議室"


def test_a_clean_edit_saves_nothing(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    created = service.add(
        "visit", {"date": "2025-11-20", "org_id": "都城市", "mode": "電話", "title": "確認"}
    )
    before = changes(service)
    form = make_form("visit", record_id=created.record_id)
    with qtbot.assertNotEmitted(form.saved):
        assert form.save()
    assert changes(service) == before


# ---------------------------------------------------------------- invalid input


def test_end_before_start_is_shown_beside_end_and_blocks_saving(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("visit")
    fill_visit(qtbot, form)
    type_into(qtbot, form.editors["start_time"], "13:00")
    type_into(qtbot, form.editors["end_time"], "12:00")
    # Shown while typing already, next to the end time.
    assert error_text(form, "end_time") == "終了時刻は開始時刻より後にしてください"
    assert error_text(form, "start_time") == ""
    assert form.editors["hours"].value() is None  # no hours from an impossible span
    before = changes(service)
    with qtbot.assertNotEmitted(form.saved):
        ctrl_s(qtbot, form)
    assert form.isVisible()
    assert count(service, "visit") == 0
    assert changes(service) == before
    assert "1件" in form.banner.text()
    # Fixing it clears the message, and then the visit saves.
    type_into(qtbot, form.editors["end_time"], "14:30")
    assert error_text(form, "end_time") == ""
    assert form.editors["hours"].value() == "1.5"
    with qtbot.waitSignal(form.saved, timeout=2000):
        ctrl_s(qtbot, form)
    assert count(service, "visit") == 1


def test_missing_organisation_and_bad_date_are_shown_beside_their_fields(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("visit")
    fill_visit(qtbot, form)
    type_into(qtbot, form.editors["org_id"], "")
    type_into(qtbot, form.editors["date"], "2025-13-45")
    date_edit = form.editors["date"]
    assert isinstance(date_edit, DateEdit)
    assert date_edit.hint.text() == "日付として読み取れません"
    with qtbot.assertNotEmitted(form.saved):
        assert not form.save()
    assert error_text(form, "org_id") == "必須項目です"
    assert error_text(form, "date").startswith("日付として読み取れません")
    assert error_text(form, "title") == ""
    assert "2件" in form.banner.text()
    assert count(service, "visit") == 0
    # The first wrong field (in form order) has the focus.
    activate(qtbot, form)
    assert not form.save()
    focused = QApplication.focusWidget()
    assert focused is not None and form.editors["date"].isAncestorOf(focused)
    # Correcting one clears only its message, at once.
    type_into(qtbot, form.editors["date"], "令和7年11月25日")
    assert error_text(form, "date") == ""
    assert error_text(form, "org_id") == "必須項目です"


def test_an_unknown_organisation_is_refused_beside_the_field(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("visit")
    fill_visit(qtbot, form)
    type_into(qtbot, form.editors["org_id"], "架空村")
    before = changes(service)
    assert not form.save()
    assert "架空村" in error_text(form, "org_id")
    assert count(service, "visit") == 0
    assert changes(service) == before


def test_a_reference_to_nothing_is_refused_and_nothing_is_half_saved(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("visit")
    fill_visit(qtbot, form)
    type_into(qtbot, form.editors["staff_id"], "誰でもない人")
    before = changes(service)
    assert not form.save()
    assert "見つかりません" in error_text(form, "staff_id")
    assert count(service, "visit") == 0
    assert changes(service) == before


def test_hours_over_24_on_a_time_entry(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("time")
    assert form.windowTitle() == "工数の登録"
    assert form.editors["staff_id"].value() == service.profile.meta["owner_staff_id"]
    type_into(qtbot, form.editors["org_id"], "宮崎市")
    type_into(qtbot, form.editors["hours"], "25")
    with qtbot.assertNotEmitted(form.saved):
        ctrl_s(qtbot, form)
    assert error_text(form, "hours") == "24以下で入力してください"
    assert count(service, "time") == 0
    type_into(qtbot, form.editors["hours"], "7.5")
    assert error_text(form, "hours") == ""
    with qtbot.waitSignal(form.saved, timeout=2000) as signal:
        ctrl_s(qtbot, form)
    assert service.get("time", signal.args[0].record_id)["hours"] == 7.5


# ---------------------------------------------------------------- closing with unsaved changes


def test_esc_on_a_clean_form_closes_without_asking(
    qtbot: QtBot, make_form: MakeForm, answers: Answers
) -> None:
    form = make_form("visit")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert answers.asked == []


@pytest.mark.parametrize(
    ("answer", "stays_open", "saved"),
    [
        (QMessageBox.StandardButton.Cancel, True, 0),
        (QMessageBox.StandardButton.Discard, False, 0),
        (QMessageBox.StandardButton.Save, False, 1),
    ],
)
def test_esc_on_a_dirty_form_asks(
    qtbot: QtBot,
    make_form: MakeForm,
    service: RecordService,
    drafts: DraftService,
    answers: Answers,
    answer: QMessageBox.StandardButton,
    stays_open: bool,
    saved: int,
) -> None:
    form = make_form("visit")
    fill_visit(qtbot, form)
    form.save_draft()
    answers.answer = answer
    qtbot.keyClick(form.editors["title"].input_widget, Qt.Key.Key_Escape)
    assert answers.asked == ["保存していない変更があります。破棄しますか？"]
    assert form.isVisible() is stays_open
    assert count(service, "visit") == saved
    # The draft stays while the form is open, and goes once the form is saved or discarded.
    assert len(drafts.pending()) == (1 if stays_open else 0)
    if stays_open:
        answers.answer = QMessageBox.StandardButton.Discard
        form.close()
        assert not form.isVisible()
        assert drafts.pending() == []


def test_closing_the_window_asks_too(qtbot: QtBot, make_form: MakeForm, answers: Answers) -> None:
    form = make_form("issue")
    type_into(qtbot, form.editors["title"], "外字対応")
    answers.answer = QMessageBox.StandardButton.Cancel
    form.close()
    assert form.isVisible()
    assert len(answers.asked) == 1


# ---------------------------------------------------------------- drafts


def test_autosave_keeps_a_draft_that_survives_a_crash(
    qtbot: QtBot, service: RecordService, drafts: DraftService, profile: Profile
) -> None:
    # Not handed to qtbot: this window dies without being closed.
    form = RecordForm(service, drafts, "visit")
    form.show()
    form.autosave_interval = 50
    fill_visit(qtbot, form)
    type_into(qtbot, form.editors["next_actions"], "12月の定例会で確認")
    qtbot.waitUntil(lambda: len(drafts.pending()) == 1, timeout=3000)
    assert form.status.text() == "下書きを保存しました"
    # More typing updates the same draft.
    type_into(qtbot, form.editors["place"], "本庁舎3階", clear=False)
    qtbot.waitUntil(
        lambda: drafts.pending()[0].values["place"] == "宮崎市役所 本庁舎本庁舎3階", timeout=3000
    )

    # The crash: the window goes away without closing, the database without a goodbye.
    form.autosave_timer.stop()
    shiboken6.delete(form)
    profile.close(backup=False)

    reopened = open_profile(profile.paths, Credentials(passphrase=PASSPHRASE, use_keyring=False))
    try:
        service, drafts = RecordService(reopened), DraftService(reopened)
        [draft] = drafts.pending()
        assert (draft.kind, draft.record_id) == ("visit", None)
        assert draft.values["notes"] == NOTE
        restored = RecordForm.from_draft(service, drafts, draft)
        qtbot.addWidget(restored)
        restored.show()
        assert restored.windowTitle() == "訪問・ヒアリングの登録"
        assert restored.editors["notes"].value() == NOTE
        assert restored.editors["findings"].value() == FINDING
        assert restored.editors["next_actions"].value() == "12月の定例会で確認"
        assert restored.editors["org_id"].value() == MIYAZAKI
        assert restored.editors["date"].value() == "R7.11.25"
        assert restored.is_dirty()  # restored text is unsaved until saved
        with qtbot.waitSignal(restored.saved, timeout=2000) as signal:
            assert restored.save()
        assert service.get("visit", signal.args[0].record_id)["notes"] == NOTE
        assert drafts.pending() == []
        restored.close()
    finally:
        reopened.close(backup=False)


def test_a_draft_of_an_edit_reopens_on_that_record(
    qtbot: QtBot, make_form: MakeForm, service: RecordService, drafts: DraftService
) -> None:
    created = service.add("issue", {"org_id": "宮崎市", "title": "外字の同定", "status": "対応中"})
    form = RecordForm(service, drafts, "issue", record_id=created.record_id)
    type_into(qtbot, form.editors["countermeasure"], "ベンダと週次で確認する")
    form.save_draft()
    [draft] = drafts.pending()
    assert draft.record_id == created.record_id
    form.autosave_timer.stop()
    shiboken6.delete(form)

    restored = RecordForm.from_draft(service, drafts, draft.id)
    qtbot.addWidget(restored)
    assert restored.windowTitle() == "課題の編集"
    assert restored.editors["countermeasure"].value() == "ベンダと週次で確認する"
    assert restored.editors["title"].value() == "外字の同定"
    with qtbot.waitSignal(restored.saved, timeout=2000) as signal:
        assert restored.save()
    assert signal.args[0].fields == ("countermeasure",)
    assert drafts.pending() == []


def test_no_draft_while_nothing_is_changed(
    qtbot: QtBot, make_form: MakeForm, drafts: DraftService
) -> None:
    form = make_form("visit")
    form.autosave_interval = 20
    type_into(qtbot, form.editors["title"], "x")
    qtbot.waitUntil(lambda: len(drafts.pending()) == 1, timeout=3000)
    type_into(qtbot, form.editors["title"], "")  # back to how it opened
    form.save_draft()
    assert drafts.pending() == []
    assert not form.autosave_timer.isActive()


# ---------------------------------------------------------------- issue from a finding


def test_create_issue_from_finding_links_the_visit(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("visit")
    assert not form.follow_up_buttons["findings"].isEnabled()  # nothing found yet
    fill_visit(qtbot, form)
    assert form.follow_up_buttons["findings"].isEnabled()
    with qtbot.waitSignal(form.saved, timeout=2000) as visit_saved:
        qtbot.mouseClick(form.follow_up_buttons["findings"], Qt.MouseButton.LeftButton)
    visit_id = visit_saved.args[0].record_id
    assert form.windowTitle() == "訪問・ヒアリングの編集"  # saved, still open
    issue_form = form.follow_up_form
    assert issue_form is not None
    assert issue_form.isVisible()
    assert issue_form.windowTitle() == "課題の登録"
    values = issue_form.values()
    assert values["org_id"] == MIYAZAKI
    assert values["raised_on"] == "2025-11-25"
    assert values["visit_id"] == visit_id
    assert values["title"] == "外字の同定作業が遅れている"
    assert values["description"] == FINDING
    assert values["status"] == "未対応"
    assert not issue_form.is_dirty()

    type_into(qtbot, issue_form.editors["countermeasure"], "ベンダと文字の対応表を作る")
    with qtbot.waitSignal(form.follow_up_created, timeout=2000) as created:
        ctrl_s(qtbot, issue_form)
    change = created.args[0]
    assert change.kind == "issue"
    issue = service.get("issue", change.record_id)
    assert issue["visit_id"] == visit_id
    assert issue["org_id"] == MIYAZAKI
    assert issue["raised_on"] == "2025-11-25"
    assert issue["countermeasure"] == "ベンダと文字の対応表を作る"
    assert count(service, "visit") == 1  # the visit was saved once, not twice


def test_a_selected_finding_becomes_the_issue(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    created = service.add(
        "visit",
        {
            "date": "2025-10-01",
            "org_id": "宮崎市",
            "mode": "訪問",
            "title": "定例",
            "findings": FINDING,
        },
    )
    form = make_form("visit", record_id=created.record_id)
    findings = form.editors["findings"]
    assert isinstance(findings, LongTextEdit)
    cursor = findings.text.textCursor()
    start = FINDING.index("ベンダ")
    cursor.setPosition(start)
    cursor.setPosition(len(FINDING), cursor.MoveMode.KeepAnchor)
    findings.text.setTextCursor(cursor)
    with qtbot.assertNotEmitted(form.saved):  # a clean, saved visit is not saved again
        issue_form = form.create_follow_up("findings")
    assert issue_form is not None
    assert issue_form.values()["title"] == "ベンダの体制が不足している"
    assert issue_form.values()["raised_on"] == "2025-10-01"


def test_an_invalid_visit_opens_no_issue(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("visit")
    type_into(qtbot, form.editors["findings"], FINDING)
    assert form.create_follow_up("findings") is None
    assert form.follow_up_form is None
    assert error_text(form, "org_id") == "必須項目です"
    assert count(service, "visit") == 0


def test_title_from_a_finding() -> None:
    follow_up = kind("visit").follow_ups[0]
    assert follow_up.first_line("\n・ 外字の対応\n二行目") == "外字の対応"
    assert len(follow_up.first_line("あ" * 100)) == 60
    assert follow_up.first_line("   ") == ""


# ---------------------------------------------------------------- layout


def test_every_kind_builds_and_fits_a_small_laptop_screen(
    qtbot: QtBot, make_form: MakeForm
) -> None:
    from dxdesk.core.model import KINDS

    for k in KINDS:
        form = make_form(k.name)
        assert form.windowTitle() == f"{k.label}の登録"
        assert form.width() <= 1366 and form.height() <= 768 - 70, k.name
        assert not form.is_dirty(), k.name
        for f in k.entry_fields:  # the retired ones are not offered
            label = form.findChild(QLabel, f"label_{f.name}")
            assert label is not None
            assert ("＊" in label.text()) is f.required, (k.name, f.name)
        form.close()


# ---------------------------------------------------------------- the editors


@pytest.mark.parametrize("typed", ["2025-11-25", "2025/11/25", "令和7年11月25日", "R7.11.25"])
def test_date_edit_reads_every_usual_form(qtbot: QtBot, typed: str) -> None:
    edit = DateEdit()
    qtbot.addWidget(edit)
    with qtbot.waitSignal(edit.changed):
        commit(edit.line, typed)
    assert edit.value() == typed
    assert edit.current_date() == date(2025, 11, 25)
    assert edit.hint.text() == "令和7年11月25日(火)"
    edit.line.editingFinished.emit()
    assert edit.value() == "2025-11-25"


def test_date_edit_names_holidays_and_explains_itself(qtbot: QtBot) -> None:
    edit = DateEdit()
    qtbot.addWidget(edit)
    assert edit.hint.text().startswith("例：")
    edit.set_value("2025-11-24")
    assert edit.hint.text().startswith("令和7年11月24日(月)・")
    assert "振替休日" in edit.hint.text()


def test_date_edit_calendar_popup(qtbot: QtBot) -> None:
    edit = DateEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.set_value("2025-11-25")
    qtbot.mouseClick(edit.button, Qt.MouseButton.LeftButton)
    assert edit.popup is not None and edit.popup.isVisible()
    assert edit.calendar is not None
    assert edit.calendar.selectedDate() == QDate(2025, 11, 25)
    holiday = edit.calendar.dateTextFormat(QDate(2025, 11, 3))
    assert holiday.toolTip() == "文化の日"
    assert edit.calendar.dateTextFormat(QDate(2025, 11, 4)).toolTip() == ""
    edit.calendar.clicked.emit(QDate(2025, 12, 3))
    assert edit.value() == "2025-12-03"
    assert not edit.popup.isVisible()
    # F4 from the keyboard opens it too.
    qtbot.keyClick(edit.line, Qt.Key.Key_F4)
    assert edit.popup.isVisible()
    edit.popup.hide()


def test_time_edit_tidies_what_was_typed(qtbot: QtBot) -> None:
    edit = TimeEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit.line, "930")
    edit.line.editingFinished.emit()
    assert edit.value() == "09:30"
    assert normalise_time("９：０５") == "09:05"
    assert normalise_time("13時") == "13:00"
    assert normalise_time("25:00") == "25:00"  # left for the model to refuse
    assert normalise_time("abc") == "abc"


def test_datetime_edit(qtbot: QtBot) -> None:
    edit = DateTimeEdit()
    qtbot.addWidget(edit)
    assert edit.value() is None
    edit.set_value("2025-11-25T13:30")
    assert edit.value() == "2025-11-25 13:30"


def test_choice_combo_required_and_optional(qtbot: QtBot) -> None:
    required = ChoiceCombo([("訪問", "訪問"), ("電話", "電話")], required=True)
    optional = ChoiceCombo([("高", "高"), ("低", "低")])
    qtbot.addWidget(required)
    qtbot.addWidget(optional)
    assert required.value() is None and required.combo.count() == 2
    assert optional.value() is None and optional.combo.itemText(0) == ""
    with qtbot.waitSignal(required.changed):
        required.set_value("電話")
    assert required.value() == "電話"
    optional.set_value("昔の値")  # kept, never lost
    assert optional.value() == "昔の値"
    optional.set_value(None)
    assert optional.value() is None


def test_lookup_combo_finds_by_part_of_a_name(qtbot: QtBot, service: RecordService) -> None:
    pairs = [(str(r["id"]), str(r["name"])) for r in service.list_records("organisation")]
    assert len(pairs) == 28
    combo = OrgCombo(pairs)
    qtbot.addWidget(combo)
    assert combo.line.placeholderText() == "団体名を入力または選択"
    combo.show()
    assert combo.value() is None
    commit(combo.line, "延岡")
    completer = combo.combo.completer()
    assert completer is not None
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "延岡市"
    assert combo.value() == "延岡"  # as typed until a name is complete
    combo.line.clear()
    commit(combo.line, "延岡市")
    assert combo.value() == natural_id("organisation", "452033")
    combo.set_value(MIYAZAKI)
    assert combo.combo.currentText() == "宮崎市"
    combo.set_value("")
    assert combo.value() is None


def test_small_editors(qtbot: QtBot) -> None:
    box, items, text = BoolCheck(), ListEdit(), LongTextEdit()
    for w in (box, items, text):
        qtbot.addWidget(w)
    assert box.value() is False
    box.set_value("はい")
    assert box.value() is True
    box.set_value(False)
    assert box.value() is False
    items.set_value(["住民記録", "税務"])
    assert items.value() == "住民記録、税務"
    text.set_value("一行目\n二行目")
    assert text.value() == "一行目\n二行目"
    text.set_value("  ")
    assert text.value() is None


def test_emitting_leaves_true_alone(qtbot: QtBot) -> None:
    # PySide6 6.12.0 on Python 3.11 takes a reference from True at every emit() made from
    # Python; editors must not emit from Python per keystroke, and emit_signal gives it back.
    edit = LongTextEdit()
    qtbot.addWidget(edit)
    received: list[object] = []
    edit.changed.connect(lambda: received.append(1))
    before = sys.getrefcount(True)
    for i in range(50):
        edit.text.setPlainText(f"{i}")
        emit_signal(edit.changed)
    assert len(received) == 100
    assert sys.getrefcount(True) >= before


# ---------------------------------------------------------------- what the model declares


def test_a_new_issue_starts_from_the_models_defaults_with_its_owner(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    me = service.profile.meta["owner_staff_id"]
    form = make_form("issue")
    assert form.editors["status"].value() == "未対応"
    assert form.editors["owner_id"].value() == me  # 担当者, offered from the staff records
    label = form.findChild(QLabel, "label_owner_id")
    assert label is not None and label.text() == "担当者"
    assert form.editors["raised_on"].value() == today_jst().isoformat()
    defaults = service.defaults("issue")  # the one declaration the form and add both read
    assert {n: form.editors[n].value() for n in defaults} == defaults
    assert not form.is_dirty()
    type_into(qtbot, form.editors["org_id"], "宮崎市")
    type_into(qtbot, form.editors["title"], "外字の同定")
    with qtbot.waitSignal(form.saved, timeout=2000) as signal:
        ctrl_s(qtbot, form)
    issue = service.get("issue", signal.args[0].record_id)
    assert (issue["owner_id"], issue["status"]) == (me, "未対応")


def test_every_problem_is_shown_at_once_beside_its_field(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("visit")
    type_into(qtbot, form.editors["date"], "2025-02-30")
    type_into(qtbot, form.editors["start_time"], "13:00")
    type_into(qtbot, form.editors["end_time"], "12:00")
    type_into(qtbot, form.editors["hours"], "30")
    with qtbot.assertNotEmitted(form.saved):
        assert not form.save()
    shown = {n: error_text(form, n) for n in form.editors if error_text(form, n)}
    assert shown == {
        "date": "日付として読み取れません（例：2025-11-25、令和7年11月25日）",
        "end_time": "終了時刻は開始時刻より後にしてください",
        "org_id": "必須項目です",
        "title": "必須項目です",
        "hours": "24以下で入力してください",
    }
    assert "5件" in form.banner.text()
    assert count(service, "visit") == 0


def test_derived_hours_are_shown_and_a_typed_figure_is_kept(
    qtbot: QtBot, make_form: MakeForm, service: RecordService
) -> None:
    form = make_form("visit")
    hours = form.editors["hours"]
    line = getattr(hours, "line", None)
    assert line is not None and line.placeholderText() == "開始・終了から計算"
    fill_visit(qtbot, form)
    assert hours.value() == "2"
    type_into(qtbot, hours, "1.5")  # the user's own figure
    type_into(qtbot, form.editors["end_time"], "12:30")
    assert hours.value() == "1.5"
    type_into(qtbot, hours, "")
    type_into(qtbot, form.editors["end_time"], "12:00")
    assert hours.value() == "2.5"  # empty again: it follows the times
    with qtbot.waitSignal(form.saved, timeout=2000) as signal:
        ctrl_s(qtbot, form)
    assert service.get("visit", signal.args[0].record_id)["hours"] == 2.5


def test_a_kind_without_follow_ups_has_no_follow_up_button(make_form: MakeForm) -> None:
    form = make_form("issue")
    assert form.follow_up_buttons == {}
    assert form.create_follow_up() is None


def test_no_draft_is_written_while_a_task_holds_the_connection(
    qtbot: QtBot, make_form: MakeForm, drafts: DraftService
) -> None:
    """A draft written during an import would join its transaction (and go with it on 中止):
    the autosave waits while a task runs (gui/worker.py busy) and writes once it has ended."""
    import threading

    from PySide6.QtCore import QTimer

    from dxdesk.gui import worker

    form = make_form("visit")
    fill_visit(qtbot, form)
    release = threading.Event()
    during: list[int] = []

    def autosave_tick() -> None:
        form.save_draft()  # what the autosave timer calls
        during.append(len(drafts.pending()))
        during.append(int(form.autosave_timer.isActive()))
        release.set()

    QTimer.singleShot(20, autosave_tick)
    worker.run_task(form, "試験", "待機しています…", lambda _progress: release.wait(10))
    assert during == [0, 1]  # nothing written, the next tick armed
    assert not worker.busy()
    form.save_draft()
    assert len(drafts.pending()) == 1
