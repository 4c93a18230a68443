"""Pickers over records instead of typed ids (issue 15): organisations found by name or よみがな
(folded as search folds), several organisations ticked with a filter, the 20 business systems
and the attendees (contacts of the visit's organisation, the staff) ticked in a list that
filters as one types; the stored form stays a list of names; placeholders read as hints."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from dxdesk.core.model import KINDS, SYSTEMS, FieldType, kind
from dxdesk.core.textfold import fold_reading
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.widgets import (
    DateEdit,
    MonthEdit,
    OrgCombo,
    PickListEdit,
    TimeEdit,
    split_list,
)
from dxdesk.services.drafts import DraftService
from dxdesk.services.pickers import attendee_name, pick_options
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    # A form left with ticks asks about them when the test closes it: the answer is Discard.
    monkeypatch.setattr(
        QMessageBox, "exec", lambda _box: int(QMessageBox.StandardButton.Discard.value)
    )


@pytest.fixture
def service(profile: Profile) -> RecordService:
    s = RecordService(profile)
    s.add(
        "contact",
        {"org_id": "高千穂町", "name": "佐藤 花子", "department": "総務課", "title": "課長"},
    )
    s.add("contact", {"org_id": "高千穂町", "name": "甲斐 一郎", "department": "税務課"})
    s.add("contact", {"org_id": "日南市", "name": "黒木 美咲", "department": "情報政策課"})
    s.add("staff", {"name": "有村 由美", "role": "伴走支援"})
    return s


@pytest.fixture
def form(qtbot: QtBot, service: RecordService, profile: Profile) -> Iterator[RecordForm]:
    f = RecordForm(service, DraftService(profile), "visit")
    qtbot.addWidget(f)
    f.show()
    yield f
    # The pick lists are popups: closed here, so the keyboard they grabbed is let go within
    # this test (the offscreen plugin says so as a warning).
    for editor in f.editors.values():
        if isinstance(editor, PickListEdit) and editor.popup is not None:
            editor.popup.hide()
    QApplication.processEvents()
    f.autosave_timer.stop()
    f.hide()


def test_every_pick_names_a_kind_or_the_systems() -> None:
    for k in KINDS:
        for f in k.fields:
            if f.pick is not None:
                assert f.type == FieldType.LIST, f"{k.name}.{f.name}"
                assert f.pick == SYSTEMS or kind(f.pick).title == "name", f"{k.name}.{f.name}"


def test_reading_folds_kana_width_and_variants() -> None:
    assert fold_reading("タカチホ") == fold_reading("ﾀｶﾁﾎ") == fold_reading("たかちほ")
    assert fold_reading("五ケ瀬") in fold_reading("五ヶ瀬町")


def test_an_organisation_is_found_by_its_reading(qtbot: QtBot, service: RecordService) -> None:
    rows = service.list_records("organisation")
    combo = OrgCombo(
        [(str(r["id"]), str(r["name"])) for r in rows],
        readings={str(r["id"]): str(r["reading"] or "") for r in rows},
    )
    qtbot.addWidget(combo)
    assert combo.matches("たかちほ") == ["高千穂町"]
    assert combo.matches("ﾀｶﾁﾎ") == ["高千穂町"]
    assert combo.matches("五ケ瀬") == ["五ヶ瀬町"]
    assert "日南市" in combo.matches("にちなん")
    assert combo.matches("存在しない団体") == []


def test_the_systems_are_ticked_from_the_twenty_and_stored_by_name(
    qtbot: QtBot, form: RecordForm, service: RecordService
) -> None:
    editor = form.editors["systems"]
    assert isinstance(editor, PickListEdit)
    editor.show_list()
    assert editor.list is not None and editor.filter is not None
    assert editor.list.count() == 20
    editor.filter.setText("住民基本")
    assert editor.visible_options() == ["01 住民基本台帳"]
    editor.filter.setText("０１")  # the code, typed full-width
    assert editor.visible_options() == ["01 住民基本台帳"]
    editor.filter.setText("")
    first = editor.list.item(0)
    second = editor.list.item(3)
    first.setCheckState(Qt.CheckState.Checked)
    second.setCheckState(Qt.CheckState.Checked)
    assert split_list(editor.line.text()) == [
        str(first.data(Qt.ItemDataRole.UserRole)),
        str(second.data(Qt.ItemDataRole.UserRole)),
    ]
    first.setCheckState(Qt.CheckState.Unchecked)
    assert split_list(editor.line.text()) == [str(second.data(Qt.ItemDataRole.UserRole))]


def test_attendees_come_from_the_visits_organisation_and_the_staff(
    qtbot: QtBot, form: RecordForm, service: RecordService
) -> None:
    form.editors["org_id"].set_value("高千穂町")
    attendees = form.editors["attendees_org"]
    assert isinstance(attendees, PickListEdit)
    attendees.line.setText("手入力の出席者")  # free text is kept beside what is ticked
    attendees.show_list()
    assert attendees.visible_options() == ["総務課 佐藤 花子（課長）", "税務課 甲斐 一郎"]
    assert attendees.list is not None
    attendees.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert attendees.value() == "手入力の出席者、総務課 佐藤 花子"
    ours = form.editors["attendees_ours"]
    assert isinstance(ours, PickListEdit)
    ours.show_list()
    assert "有村 由美（伴走支援）" in ours.visible_options()
    # Saved as a list of names, as older versions wrote it.
    form.editors["title"].set_value("定例打合せ")
    form.save_and_close()
    [visit] = service.list_records("visit")
    assert visit["attendees_org"] == ["手入力の出席者", "総務課 佐藤 花子"]


def test_without_an_organisation_every_contact_is_offered_with_whose_it_is(
    profile: Profile, service: RecordService
) -> None:
    options = pick_options(profile, "meeting", "attendees_org", {})
    shown = [o.shown for o in options]
    assert "日南市 情報政策課 黒木 美咲" in shown and len(shown) == 3
    assert attendee_name({"department": "", "name": "甲斐 一郎"}) == "甲斐 一郎"
    assert pick_options(profile, "visit", "title", {}) == []


def test_related_organisations_filter_by_name_and_reading(
    qtbot: QtBot, service: RecordService, profile: Profile
) -> None:
    form = RecordForm(service, DraftService(profile), "issue")
    qtbot.addWidget(form)
    members = form.members
    assert members is not None
    members.filter.setText("みやざき")
    assert "宮崎市" in members.visible() and "日南市" not in members.visible()
    members.filter.setText("")
    assert len(members.visible()) == 28
    form.autosave_timer.stop()


def test_placeholders_read_as_hints_not_values(qtbot: QtBot) -> None:
    for editor in (DateEdit(), TimeEdit(), MonthEdit()):
        qtbot.addWidget(editor)
        line = editor.findChild(QLineEdit)
        assert line is not None
        assert line.placeholderText().startswith("例："), line.placeholderText()
