"""Settings: saved through the service, applied to the running session, refused values kept out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from dxdesk.errors import UserError
from dxdesk.gui.app import Session
from dxdesk.gui.settings_dialog import SettingsDialog
from dxdesk.services.profile import Profile


def _fill_and_save(fill: Callable[[SettingsDialog], None]) -> Callable[[], None]:
    """What runs inside the modal dialog: ``fill`` it, then press 保存."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        fill(dialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        box.button(QDialogButtonBox.StandardButton.Save).click()

    return run


@pytest.fixture
def session(qtbot: QtBot, profile: Profile) -> Iterator[Session]:
    s = Session(profile)
    qtbot.addWidget(s.window)
    s.window.show()
    yield s
    s.window.hide()


def test_the_dialog_saves_and_the_session_applies_the_idle_time(
    qtbot: QtBot, session: Session, profile: Profile
) -> None:
    assert session.idle.policy.minutes == profile.settings.idle_lock_minutes == 15

    def fill(dialog: SettingsDialog) -> None:
        dialog.idle.setValue(5)
        dialog.rule.setCurrentIndex(dialog.rule.findData("later"))
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.backups.setValue(3)
        dialog.backup_interval.setValue(90)
        dialog.backup_space.setValue(500)

    QTimer.singleShot(0, _fill_and_save(fill))
    session.window.open_settings()
    saved = json.loads(profile.paths.settings.read_text(encoding="utf-8"))
    assert saved["idle_lock_minutes"] == 5
    assert saved["monthly_report_rule"] == "later"
    assert saved["language"] == "en"
    assert saved["backups_kept"] == 3
    assert saved["backup_interval_minutes"] == 90
    assert saved["backup_space_mb"] == 500
    assert session.idle.policy.minutes == 5  # the running session follows at once


def test_cancel_changes_nothing(qtbot: QtBot, session: Session, profile: Profile) -> None:
    before = profile.paths.settings.read_bytes()

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.idle.setValue(2)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    session.window.open_settings()
    assert profile.paths.settings.read_bytes() == before
    assert session.idle.policy.minutes == 15


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("idle_lock_minutes", 0),
        ("idle_lock_minutes", 241),
        ("backups_kept", 0),
        ("backup_interval_minutes", 0),
        ("backup_space_mb", 99),
        ("language", "fr"),
        ("monthly_report_rule", "whenever"),
        ("attention_stalled_months", 0),
        ("attention_stalled_months", 25),
        ("attention_rate_drop_points", 0.0),
        ("attention_rate_drop_points", 20.5),
        ("attention_no_visit_weeks", 0),
        ("attention_no_visit_weeks", 53),
    ],
)
def test_out_of_range_values_are_refused_and_nothing_is_written(
    profile: Profile, field: str, value: object
) -> None:
    before = profile.paths.settings.read_bytes()
    with pytest.raises(UserError) as caught:
        profile.update_settings(**{field: value})
    assert caught.value.message.endswith("。")
    assert profile.paths.settings.read_bytes() == before
    assert getattr(profile.settings, field) != value


def test_a_refused_value_shows_its_sentence_in_the_dialog(qtbot: QtBot, profile: Profile) -> None:
    dialog = SettingsDialog(profile)
    qtbot.addWidget(dialog)
    dialog.rule.addItem("?", "whenever")  # a value the service refuses
    dialog.rule.setCurrentIndex(dialog.rule.count() - 1)
    dialog.save()
    assert "月次報告書" in dialog.error.text()
    assert dialog.result() == 0


def test_the_pdf_font_is_chosen_from_the_fonts_found_here(qtbot: QtBot, profile: Profile) -> None:
    from dxdesk.services.reports import font_choices

    found = font_choices()
    assert found, "the test machine has a Japanese TrueType font (.ci/run installs them)"
    dialog = SettingsDialog(profile)
    qtbot.addWidget(dialog)
    assert dialog.pdf_font() == ""  # automatic by default
    dialog.font_path.setCurrentIndex(dialog.font_path.findData(found[-1]))
    dialog.save()
    assert json.loads(profile.paths.settings.read_text(encoding="utf-8"))["pdf_font"] == found[-1]
    again = SettingsDialog(profile)
    qtbot.addWidget(again)
    assert again.pdf_font() == found[-1]
    again.font_path.setEditText("C:/Windows/Fonts/BIZ-UDGothicR.ttc")  # a file typed by hand
    assert again.pdf_font() == "C:/Windows/Fonts/BIZ-UDGothicR.ttc"


def test_the_language_switches_without_a_restart(
    qtbot: QtBot, session: Session, profile: Profile
) -> None:
    """Saved in the settings, the language applies at once: a new window in English replaces
    the Japanese one (same place, same session, idle lock kept)."""
    from PySide6.QtWidgets import QMenu

    old = session.window
    titles = [a.text() for a in old.menuBar().actions()]
    assert titles[0] == "ファイル(&F)"
    profile.update_settings(language="en")
    old.settings_changed.emit()
    new = session.window
    assert new is not old and new.isVisible()
    assert new.menuBar().actions()[0].text() == "&File"
    assert session.idle.parent() is new
    assert new.new_visit_action.iconText() == "New visit"
    menus = [m for a in new.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    assert menus[-1].title() == "&Help"
    qtbot.addWidget(new)
    # And back.
    profile.update_settings(language="ja")
    new.settings_changed.emit()
    assert session.window.menuBar().actions()[0].text() == "ファイル(&F)"
    qtbot.addWidget(session.window)


def test_the_attention_thresholds_round_trip_and_rank_the_matrix_again(
    qtbot: QtBot, session: Session, profile: Profile
) -> None:
    """標準化の要注意の基準: saved by the dialog, shown again when it reopens, and the 進捗
    view's list ranks with them at once."""
    from datetime import date

    from dxdesk.services.progress import ProgressService

    today = date(2026, 2, 15)
    ProgressService(profile, today).set_steps("高千穂町", "住民記録", "1-4", "作業中", "2025-06-30")
    window = session.window
    window.show_global("progress")
    view = window.progress_view()
    view.service.today = today
    view.refresh()

    def stalled() -> list[str]:
        return [e.org_name for e in view.entries for r in e.reasons if r.code == "stalled"]

    assert stalled() == ["高千穂町"]  # 7 months without a step change, the default is 3

    def fill(dialog: SettingsDialog) -> None:
        assert (dialog.stalled_months.value(), dialog.rate_drop.value()) == (3, 1.0)
        assert dialog.stalled_months.suffix().strip() == "か月"
        assert (dialog.stalled_months.minimum(), dialog.stalled_months.maximum()) == (1, 24)
        weeks = dialog.no_visit_weeks
        assert (weeks.value(), weeks.suffix().strip(), weeks.minimum(), weeks.maximum()) == (
            8,
            "週",
            1,
            52,
        )
        dialog.stalled_months.setValue(8)
        dialog.rate_drop.setValue(2.5)
        weeks.setValue(12)

    QTimer.singleShot(0, _fill_and_save(fill))
    window.open_settings()
    saved = json.loads(profile.paths.settings.read_text(encoding="utf-8"))
    assert (saved["attention_stalled_months"], saved["attention_rate_drop_points"]) == (8, 2.5)
    assert saved["attention_no_visit_weeks"] == 12
    assert stalled() == []  # ranked again with the new threshold, no reload needed
    again = SettingsDialog(profile)
    qtbot.addWidget(again)
    assert (again.stalled_months.value(), again.rate_drop.value()) == (8, 2.5)
    assert again.no_visit_weeks.value() == 12
    again.stalled_months.setValue(7)
    again.save()
    assert profile.settings.attention_stalled_months == 7
