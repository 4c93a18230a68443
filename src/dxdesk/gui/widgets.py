"""Field editors: one widget per field type of the domain model, all with the same interface.

Every editor is a small composite ``FieldEditor``: ``value()`` returns what a user would type
on the command line (text, or a bool for a check box, or None when empty), ``set_value()``
takes a stored value (ISO date, list, float, id ...) or such text, and ``changed`` fires on
every edit. ``input_widget`` is the widget that takes the focus and the keyboard. Editors
never validate: the form asks the domain model (``dxdesk.core.model.coerce``) and shows the
result beside the field, so the rules live in one place for the CLI and the window alike.
"""

from __future__ import annotations

import ctypes
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from functools import cache

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    QPoint,
    QStringListModel,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextCharFormat, QWheelEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core import reference
from dxdesk.core.calendar import OfficeCalendar, format_wareki, parse_date
from dxdesk.core.clock import today_jst
from dxdesk.core.model import Field, FieldType
from dxdesk.core.textfold import fold_reading
from dxdesk.gui.messages import plain_label

EditorValue = str | bool | None
Pair = tuple[str, str]  # (stored value or id, what the user sees)

_TRUE = {"1", "true", "yes", "y", "on", "はい", "有", "あり", "○", "〇"}
LIST_SEPARATOR = "、"


def as_text(value: object) -> str:
    """A stored value as the text a user would type for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def normalise_time(text: str) -> str:
    """9:5 stays for the model to refuse; 930, 0930, ９：３０ and 9時30分 become 09:30."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = (
        re.fullmatch(r"(\d{1,2}):(\d{2})", t)
        or re.fullmatch(r"(\d{1,2})(\d{2})", t)
        or re.fullmatch(r"(\d{1,2})時(?:(\d{1,2})分)?", t)
    )
    if not m:
        return text
    hours, minutes = int(m.group(1)), int(m.group(2) or 0)
    if hours > 23 or minutes > 59:
        return text
    return f"{hours:02d}:{minutes:02d}"


class _Probe(QObject):
    ping = Signal()


@cache
def _emit_drops_a_ref_to_true() -> bool:
    """PySide6 6.12.0 on Python 3.11: ``SignalInstance.emit()`` returns ``True`` without a new
    reference, so every emit made from Python takes one reference from ``True`` until the
    interpreter aborts ("bool_dealloc: deallocating True or False"). Probe once; Python 3.12+
    (immortal True) and fixed PySide6 versions report False."""
    probe = _Probe()
    times = 16
    before = sys.getrefcount(True)
    for _ in range(times):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost >= times:
        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
        return True
    return False


def emit_signal(signal: SignalInstance, *args: object) -> None:
    """``signal.emit(*args)``, giving back the reference a buggy PySide6 takes from True.

    Editors forward their inner widgets' signals with signal-to-signal connections (emitted in
    C++, no Python call at all); this is for the few signals Python itself must emit."""
    emit: Callable[..., object] = signal.emit  # the stubs say None; 6.12.0 returns a bool
    if emit(*args) is True and _emit_drops_a_ref_to_true():
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


class FieldEditor(QWidget):
    """The common shape of every editor (see the module docstring)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)

    @property
    def input_widget(self) -> QWidget:
        proxy = self.focusProxy()
        return proxy if proxy is not None else self

    def value(self) -> EditorValue:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError


class LineEditor(FieldEditor):
    """One line of text (TEXT, INT, FLOAT, MONTH, LIST and the base of TIME)."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(placeholder)
        self.row.addWidget(self.line)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self.changed)

    def value(self) -> EditorValue:
        text = self.line.text().strip()
        return text or None

    def set_value(self, value: object) -> None:
        self.line.setText(as_text(value))
        self.line.setCursorPosition(0)


class TextEdit(LineEditor):
    pass


class NumberEdit(LineEditor):
    """INT and FLOAT: typed freely (full-width digits too); the model checks range and form."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(placeholder, parent)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        width = self.line.fontMetrics().horizontalAdvance("0" * 10) + 16
        if placeholder:
            width = max(width, self.line.fontMetrics().horizontalAdvance(placeholder) + 24)
        self.line.setMaximumWidth(width)
        self.line.setMinimumWidth(width)
        self.row.addStretch(1)


def example(text: str) -> str:
    """A placeholder that reads as a hint, never as a value: 例：2025-11-25 (an empty date field
    showing a bare grey date looks filled in)."""
    return QCoreApplication.translate("FieldEditor", "例：%1").replace("%1", text)


class MonthEdit(LineEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(example("2025-11"), parent)
        self.line.setMaximumWidth(
            self.line.fontMetrics().horizontalAdvance(example("0000-00")) + 24
        )
        self.row.addStretch(1)


class ListEdit(LineEditor):
    """A list on one line, separated by 「、」 (commas and semicolons are read too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.line.setPlaceholderText(self.tr("「、」で区切って入力"))


def split_list(text: str) -> list[str]:
    """The names of a list as typed: 「、」, commas and semicolons (full-width too) separate."""
    return [p.strip() for p in re.split(r"[、,;，；]", text) if p.strip()]


class PickListEdit(ListEdit):
    """A list of names picked from records (Field.pick): typed freely as before, or ticked in a
    list (the button, F4 or Alt+Down) that filters as one types, by name, reading or code
    (folded as search folds). ``options`` is asked each time the list opens, so the contacts
    follow the organisation chosen in the form. Names not on the list stay as typed."""

    def __init__(
        self,
        options: Callable[[], Sequence[tuple[str, str, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options  # () -> [(stored name, shown, more text to match)]
        self.line.setPlaceholderText(self.tr("「選択」で一覧から選ぶか、「、」で区切って入力"))
        self.button = QToolButton(self)
        self.button.setText(self.tr("選択…"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setToolTip(self.tr("一覧から選択（F4）"))
        self.row.addWidget(self.button)
        self.button.clicked.connect(self.show_list)
        self.line.installEventFilter(self)
        self.popup: QFrame | None = None
        self.filter: QLineEdit | None = None
        self.list: QListWidget | None = None
        self._keys: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.show_list()
                return True
        return super().eventFilter(watched, event)

    def names(self) -> list[str]:
        return split_list(self.line.text())

    def show_list(self) -> None:
        """The options ticked as the field holds them, below the field; the filter has focus."""
        if self.popup is None:
            self.popup = QFrame(self, Qt.WindowType.Popup)
            self.popup.setObjectName("pickPopup")
            self.popup.setFrameShape(QFrame.Shape.StyledPanel)
            layout = QVBoxLayout(self.popup)
            layout.setContentsMargins(4, 4, 4, 4)
            self.filter = QLineEdit(self.popup)
            self.filter.setObjectName("pickFilter")
            self.filter.setPlaceholderText(self.tr("名前・よみ・コードの一部で絞り込み"))
            self.filter.setClearButtonEnabled(True)
            self.list = QListWidget(self.popup)
            self.list.setObjectName("pickList")
            layout.addWidget(self.filter)
            layout.addWidget(self.list)
            self.filter.textChanged.connect(self.apply_filter)
            self.list.itemChanged.connect(self._ticked)
        assert self.list is not None and self.filter is not None
        held = self.names()
        self.list.blockSignals(True)
        self.list.clear()
        self._keys = []
        for stored, shown, also in self.options():
            item = QListWidgetItem(shown, self.list)
            item.setData(Qt.ItemDataRole.UserRole, stored)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if stored in held else Qt.CheckState.Unchecked)
            self._keys.append(fold_reading(f"{shown} {also}"))
        self.list.blockSignals(False)
        self.filter.clear()
        self.apply_filter("")
        width = max(self.line.width() + self.button.width(), 320)
        self.popup.resize(width, 300)
        self.popup.move(self.line.mapToGlobal(QPoint(0, self.line.height())))
        self.popup.show()
        self.filter.setFocus()

    def apply_filter(self, text: str) -> None:
        """Only the options whose name, reading or code holds the text (folded)."""
        if self.list is None:
            return
        key = fold_reading(text.strip())
        for row, item_key in enumerate(self._keys):
            self.list.item(row).setHidden(bool(key) and key not in item_key)

    def visible_options(self) -> list[str]:
        if self.list is None:
            return []
        items = (self.list.item(r) for r in range(self.list.count()))
        return [i.text() for i in items if not i.isHidden()]

    def _ticked(self, item: QListWidgetItem) -> None:
        name = str(item.data(Qt.ItemDataRole.UserRole))
        names = self.names()
        if item.checkState() == Qt.CheckState.Checked:
            if name not in names:
                names.append(name)
        else:
            names = [n for n in names if n != name]
        self.line.setText(LIST_SEPARATOR.join(names))


class TimeEdit(LineEditor):
    """HH:MM; 930, 0930 and 9時30分 are tidied to 09:30 when the field is left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(example("13:30"), parent)
        self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance(example("00:00")) + 24)
        self.line.setMinimumWidth(self.line.maximumWidth())
        self.line.editingFinished.connect(self._tidy)
        self.row.addStretch(1)

    def value(self) -> EditorValue:
        # Tidied here too: Ctrl+S may come before the field is left.
        return normalise_time(self.line.text()).strip() or None

    def _tidy(self) -> None:
        text = self.line.text()
        tidy = normalise_time(text)
        if tidy != text:
            self.line.setText(tidy)


class LongTextEdit(FieldEditor):
    """Notes: several lines. Tab moves to the next field (keyboard first), Enter is a new line."""

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        height = self.text.fontMetrics().lineSpacing() * lines + 14
        self.text.setMinimumHeight(height)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.text.setMaximumHeight(height * 2)
        self.row.addWidget(self.text)
        self.setFocusProxy(self.text)
        self.text.textChanged.connect(self.changed)

    def value(self) -> EditorValue:
        text = self.text.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: object) -> None:
        self.text.setPlainText(as_text(value))

    def selected_text(self) -> str:
        # QTextCursor uses U+2029 between paragraphs of a selection.
        return self.text.textCursor().selectedText().replace("\u2029", "\n")


class BoolCheck(FieldEditor):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(text, self)
        self.row.addWidget(self.box)
        self.row.addStretch(1)
        self.setFocusProxy(self.box)
        self.box.toggled.connect(self.changed)

    def value(self) -> EditorValue:
        return self.box.isChecked()

    def set_value(self, value: object) -> None:
        if isinstance(value, str):
            checked = unicodedata.normalize("NFKC", value).strip().lower() in _TRUE
        else:
            checked = bool(value)
        self.box.setChecked(checked)


# ------------------------------------------------------------------ dates


class DateEdit(FieldEditor):
    """A date typed as 2025-11-25, 2025/11/25, 令和7年11月25日 or R7.11.25, or picked from a
    calendar (the button, F4 or Alt+Down); the 和暦 with the weekday is shown beside it."""

    def __init__(self, parent: QWidget | None = None, *, hint: bool = True) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(example("2025-11-25"))
        metrics = self.line.fontMetrics()
        self.line.setMinimumWidth(metrics.horizontalAdvance("令和10年12月31日") + 16)
        self.line.setMaximumWidth(metrics.horizontalAdvance("令和10年12月31日(水)") + 24)
        self.button = QToolButton(self)
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setToolTip(self.tr("カレンダーから選択（F4）"))
        self.button.setAccessibleName(self.tr("カレンダーから選択"))
        self.hint = plain_label(parent=self)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hint.setVisible(hint)
        self.row.addWidget(self.line)
        self.row.addWidget(self.button)
        self.row.addWidget(self.hint, 1)
        self.setFocusProxy(self.line)
        self.popup: QFrame | None = None
        self.calendar: QCalendarWidget | None = None
        self.line.textChanged.connect(self._on_text)
        self.line.textChanged.connect(self.changed)
        self.line.editingFinished.connect(self._tidy)
        self.line.installEventFilter(self)
        self.button.clicked.connect(self.show_calendar)
        self._on_text()

    def value(self) -> EditorValue:
        return self.line.text().strip() or None

    def set_value(self, value: object) -> None:
        self.line.setText(as_text(value))

    def current_date(self) -> date | None:
        try:
            return parse_date(self.line.text())
        except ValueError:
            return None

    def _on_text(self, *_args: object) -> None:
        text = self.line.text().strip()
        d = self.current_date() if text else None
        if d is not None:
            shown = format_wareki(d, weekday=True)
            holiday = OfficeCalendar().holiday_name(d)
            if holiday:
                shown += "・" + holiday
        elif text:
            shown = self.tr("日付として読み取れません")
        else:
            shown = self.tr("例：令和7年11月25日、R7.11.25")
        self.hint.setText(shown)

    def _tidy(self) -> None:
        d = self.current_date()
        if d is not None and self.line.text() != d.isoformat():
            self.line.setText(d.isoformat())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.show_calendar()
                return True
        return super().eventFilter(watched, event)

    def show_calendar(self) -> None:
        """A small popup calendar below the field; a click or Enter picks the day."""
        if self.popup is None:
            self.popup = QFrame(self, Qt.WindowType.Popup)
            self.popup.setFrameShape(QFrame.Shape.StyledPanel)
            layout = QVBoxLayout(self.popup)
            layout.setContentsMargins(2, 2, 2, 2)
            self.calendar = QCalendarWidget(self.popup)
            self.calendar.setVerticalHeaderFormat(
                QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
            )
            self.calendar.setGridVisible(False)
            layout.addWidget(self.calendar)
            self.calendar.clicked.connect(self.pick)
            self.calendar.activated.connect(self.pick)
            self.calendar.currentPageChanged.connect(self._mark_holidays)
        assert self.calendar is not None
        current = self.current_date() or today_jst()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self._mark_holidays(current.year, current.month)
        self.popup.adjustSize()
        self.popup.move(self.line.mapToGlobal(QPoint(0, self.line.height())))
        self.popup.show()
        self.calendar.setFocus()

    def _mark_holidays(self, year: int, month: int) -> None:
        """National holidays in red with their name as a tooltip (weekends are red anyway)."""
        if self.calendar is None:
            return
        office = OfficeCalendar()
        day = date(year, month, 1)
        while day.month == month:
            name = office.holiday_name(day)
            if name:
                fmt = QTextCharFormat()
                fmt.setForeground(QColor("#c00000"))
                fmt.setToolTip(name)
                self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
            day += timedelta(days=1)

    def pick(self, day: QDate) -> None:
        self.line.setText(date(day.year(), day.month(), day.day()).isoformat())
        if self.popup is not None:
            self.popup.hide()
        self.line.setFocus()


class DateTimeEdit(FieldEditor):
    """DATETIME: a date and a time side by side; the value is "YYYY-MM-DD HH:MM"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = DateEdit(self)
        self.time = TimeEdit(self)
        # The time sits right after the date's calendar button, before its 和暦 hint.
        self.date.row.insertWidget(2, self.time)
        self.row.addWidget(self.date, 1)
        self.setFocusProxy(self.date.line)
        self.date.changed.connect(self.changed)
        self.time.changed.connect(self.changed)

    def value(self) -> EditorValue:
        day, clock = self.date.value(), self.time.value()
        if day is None and clock is None:
            return None
        return f"{day or ''} {clock or ''}".strip()

    def set_value(self, value: object) -> None:
        text = unicodedata.normalize("NFKC", as_text(value)).strip().replace("T", " ")
        day, _, clock = text.partition(" ")
        self.date.set_value(day)
        self.time.set_value(clock.strip()[:5])


# ------------------------------------------------------------------ choices


class _Combo(QComboBox):
    """A combo box that ignores the mouse wheel unless focused: scrolling a long form over it
    must not change a value behind the user's back."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class ChoiceCombo(FieldEditor):
    """A fixed list (CHOICE, SYSTEM): an empty entry first unless a choice is required, in which
    case nothing is selected until the user chooses (no silent default)."""

    def __init__(
        self, pairs: Sequence[Pair], *, required: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.combo = _Combo(self)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(6)
        self.required = required
        if not required:
            self.combo.addItem("", None)
        for stored, shown in pairs:
            self.combo.addItem(shown, stored)
        self.combo.setCurrentIndex(-1 if required else 0)
        self.row.addWidget(self.combo)
        self.row.addStretch(1)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self.changed)

    def value(self) -> EditorValue:
        data = self.combo.currentData()
        return str(data) if data not in (None, "") else None

    def set_value(self, value: object) -> None:
        text = as_text(value).strip()
        if not text:
            self.combo.setCurrentIndex(-1 if self.required else 0)
            return
        index = self.combo.findData(text)
        if index < 0:
            index = self.combo.findText(text)
        if index < 0:  # a value from an older list: keep it rather than lose it
            self.combo.addItem(text, text)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)


class LookupCombo(FieldEditor):
    """Organisations (ORG) and other records (REF): pick from the list or type part of a name
    or its よみがな. The completer offers every entry whose name or reading holds what was typed,
    folded as search folds it (core/textfold.fold_reading: full- and half-width, ヶ/ケ, katakana
    as hiragana), so 五ケ瀬, ｺﾞｶｾ and ごかせ all find 五ヶ瀬町. The value is the id of the entry
    whose name was typed or picked, else the text as typed, which the service then resolves or
    refuses."""

    def __init__(
        self,
        pairs: Sequence[Pair],
        placeholder: str = "",
        parent: QWidget | None = None,
        *,
        readings: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.combo = _Combo(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.setMaxVisibleItems(15)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setMinimumContentsLength(12)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        readings = readings or {}
        self._keys: list[str] = []
        for stored, shown in pairs:
            self.combo.addItem(shown, stored)
            self._keys.append(fold_reading(f"{shown} {readings.get(stored, '')}"))
        # The completer lists what _offer found; picking one sets the combo to that entry.
        self._offered = QStringListModel(self)
        completer = QCompleter(self._offered, self.combo)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(15)
        self.combo.setCompleter(completer)
        self.combo.setCurrentIndex(-1)
        line = self.combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(placeholder)
        line.clear()
        self.row.addWidget(self.combo, 1)
        self.setFocusProxy(self.combo)
        self.combo.currentTextChanged.connect(self.changed)
        line.textEdited.connect(self._offer)

    def matches(self, text: str) -> list[str]:
        """The names whose name or reading holds ``text`` (folded), in the list's order."""
        key = fold_reading(text.strip())
        if not key:
            return []
        return [self.combo.itemText(i) for i, k in enumerate(self._keys) if key in k]

    def _offer(self, text: str) -> None:
        found = self.matches(text)
        self._offered.setStringList(found)
        completer = self.combo.completer()
        if found and completer is not None:
            completer.complete()

    @property
    def line(self) -> QLineEdit:
        line = self.combo.lineEdit()
        assert line is not None
        return line

    def value(self) -> EditorValue:
        text = self.combo.currentText().strip()
        if not text:
            return None
        index = self.combo.currentIndex()
        if index >= 0 and self.combo.itemText(index) == text:
            return str(self.combo.itemData(index))
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.combo.itemData(index))
        return text

    def set_value(self, value: object) -> None:
        text = as_text(value).strip()
        index = self.combo.findData(text) if text else -1
        if index >= 0:
            self.combo.setCurrentIndex(index)
            return
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText(text)

    def set_pairs(self, pairs: Sequence[Pair]) -> None:
        """Offer other entries (in another order), keeping the value chosen."""
        held = self.value()
        blocked = self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for stored, shown in pairs:
                self.combo.addItem(shown, stored)
            self.set_value(held)
        finally:
            self.combo.blockSignals(blocked)

    def pairs(self) -> list[Pair]:
        return [
            (str(self.combo.itemData(i)), self.combo.itemText(i)) for i in range(self.combo.count())
        ]


class OrgCombo(LookupCombo):
    """The organisations: (id, name) pairs, the 28 in their usual order, found by their よみがな
    too (``readings``: id → reading)."""

    def __init__(
        self,
        pairs: Sequence[Pair],
        parent: QWidget | None = None,
        *,
        readings: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(pairs, parent=parent, readings=readings)
        self.line.setPlaceholderText(self.tr("団体名を入力または選択"))


class RefCombo(LookupCombo):
    """Another record: (id, title) pairs, newest first."""

    def __init__(self, pairs: Sequence[Pair], parent: QWidget | None = None) -> None:
        super().__init__(pairs, parent=parent)
        self.line.setPlaceholderText(self.tr("一覧から選択"))


# ------------------------------------------------------------------ factory


def editor_for(
    f: Field,
    *,
    orgs: Sequence[Pair] = (),
    refs: Sequence[Pair] = (),
    readings: Mapping[str, str] | None = None,
    picks: Callable[[], Sequence[tuple[str, str, str]]] | None = None,
    parent: QWidget | None = None,
) -> FieldEditor:
    """The editor for one field of the model (``readings``: organisation id → よみがな;
    ``picks``: the options of a field that declares a picker, asked when its list opens)."""
    t = f.type
    if t == FieldType.DATE:
        return DateEdit(parent)
    if t == FieldType.TIME:
        return TimeEdit(parent)
    if t == FieldType.DATETIME:
        return DateTimeEdit(parent)
    if t == FieldType.MONTH:
        return MonthEdit(parent)
    if t in (FieldType.INT, FieldType.FLOAT):
        return NumberEdit(parent=parent)
    if t == FieldType.BOOL:
        return BoolCheck(parent=parent)
    if t == FieldType.CHOICE:
        return ChoiceCombo([(c, c) for c in f.choices], required=f.required, parent=parent)
    if t == FieldType.SYSTEM:
        systems = [(s.code, f"{s.code} {s.name}") for s in reference.business_systems()]
        return ChoiceCombo(systems, required=f.required, parent=parent)
    if t == FieldType.ORG:
        return OrgCombo(orgs, parent=parent, readings=readings)
    if t == FieldType.REF:
        return RefCombo(refs, parent=parent)
    if t == FieldType.LIST:
        if f.pick is not None and picks is not None:
            return PickListEdit(picks, parent)
        return ListEdit(parent)
    if t == FieldType.LONGTEXT:
        return LongTextEdit(parent=parent)
    return TextEdit(parent=parent)
