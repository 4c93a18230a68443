"""The organisations of a record, ticked in a list (a group's members, a training's
participating organisations, an issue's related organisations), and the other child records
of a record listed with their own forms (an engagement's 常時支援者: ``ChildrenPanel``).

Each ticked organisation is one membership record (core/model.py: a child kind keyed by parent
and organisation), so two people who tick different organisations on two laptops both keep
theirs after the merge. The editor only collects what changed; the form writes it when it saves.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.textfold import fold_reading
from dxdesk.gui.messages import plain_label
from dxdesk.text import one_line

Pair = tuple[str, str]


class MembersEditor(QWidget):
    def __init__(
        self,
        title: str,
        orgs: list[Pair],
        held: set[str],
        parent: QWidget | None = None,
        *,
        count_text: str | None = None,
        readings: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title  # the membership kind's label (グループ構成団体), translated by the form
        # "%1 団体を選択" for organisations; the form says what else is ticked (研修要望: 件).
        self._count_text = count_text
        self._held = set(held)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Type part of a name or its よみがな to narrow the 28 (folded as search folds them).
        self.filter = QLineEdit(self)
        self.filter.setObjectName("member_filter")
        self.filter.setPlaceholderText(
            QCoreApplication.translate("MembersEditor", "団体名・よみの一部で絞り込み")
        )
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        readings = readings or {}
        self._keys = [fold_reading(f"{name} {readings.get(org_id, '')}") for org_id, name in orgs]
        self.list = QListWidget(self)
        self.list.setObjectName("member_list")
        self.list.setAccessibleName(self.title)
        for org_id, name in orgs:
            item = QListWidgetItem(one_line(name), self.list)
            item.setData(Qt.ItemDataRole.UserRole, org_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = org_id in self._held
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.setMinimumHeight(160)
        layout.addWidget(self.list)
        self.count = plain_label(parent=self)
        self.count.setObjectName("member_count")
        layout.addWidget(self.count)
        self.list.itemChanged.connect(lambda _item: self._update_count())
        self.filter.textChanged.connect(self.apply_filter)
        self._update_count()

    def apply_filter(self, text: str) -> None:
        """Only the organisations whose name or reading holds the text; ticks are kept."""
        key = fold_reading(text.strip())
        for row, item_key in enumerate(self._keys):
            self.list.item(row).setHidden(bool(key) and key not in item_key)

    def visible(self) -> list[str]:
        items = (self.list.item(r) for r in range(self.list.count()))
        return [i.text() for i in items if not i.isHidden()]

    def checked(self) -> set[str]:
        out = set()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def changes(self) -> dict[str, bool]:
        """Organisation id -> True (add) / False (remove), for what differs from the store."""
        now = self.checked()
        return {org: org in now for org in sorted(now ^ self._held)}

    def saved(self) -> None:
        self._held = self.checked()

    def _update_count(self) -> None:
        text = self._count_text or QCoreApplication.translate("MembersEditor", "%1 団体を選択")
        self.count.setText(text.replace("%1", str(len(self.checked()))))


class ChildrenPanel(QWidget):
    """The child records of a saved record that are more than an organisation ticked (an
    engagement's 常時支援者, each with its period): one line each, a button to add one and a
    double-click (or Enter) to open one. The form opens the child's own form."""

    add_requested = Signal()
    open_requested = Signal(str)  # the child record's id
    follow_up_requested = Signal(str)  # the selected child to raise a record from

    def __init__(self, title: str, parent: QWidget | None = None, *, follow_up: str = "") -> None:
        """``follow_up``: the button that raises a record from the selected child (課題として
        登録), translated by the form; none when empty."""
        super().__init__(parent)
        self._raisable: set[str] = set()
        self.title = title  # the child kind's label, translated by the form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName("children_list")
        self.list.setAccessibleName(title)
        self.list.setMinimumHeight(80)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        layout.addWidget(self.list)
        self.notes = plain_label(parent=self)
        self.notes.setObjectName("children_notes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #b00020")
        layout.addWidget(self.notes)
        row = QHBoxLayout()
        self.add_button = QPushButton(
            QCoreApplication.translate("ChildrenPanel", "%1を追加…").replace("%1", title), self
        )
        self.add_button.setObjectName("children_add")
        self.add_button.clicked.connect(lambda _=False: self.add_requested.emit())
        row.addWidget(self.add_button)
        self.follow_up_button: QPushButton | None = None
        if follow_up:
            self.follow_up_button = QPushButton(follow_up, self)
            self.follow_up_button.setObjectName("children_follow_up")
            self.follow_up_button.setEnabled(False)
            self.follow_up_button.clicked.connect(lambda _=False: self._raise())
            row.addWidget(self.follow_up_button)
            self.list.currentItemChanged.connect(lambda *_: self._update_follow_up())
        row.addStretch(1)
        layout.addLayout(row)

    def set_rows(
        self, rows: list[Pair], notes: list[str], raisable: set[str] | None = None
    ) -> None:
        """``rows``: (child id, its line); ``notes``: warnings to show under the list;
        ``raisable``: the children the follow-up button may raise a record from."""
        self._raisable = set(raisable or ())
        self.list.clear()
        for child_id, text in rows:
            item = QListWidgetItem(one_line(text), self.list)
            item.setData(Qt.ItemDataRole.UserRole, child_id)
        if not rows:
            empty = QCoreApplication.translate("ChildrenPanel", "まだ登録されていません。")
            item = QListWidgetItem(empty, self.list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self._update_follow_up()

    def select(self, child_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == child_id:
                self.list.setCurrentRow(row)
                return

    def selected(self) -> str | None:
        item = self.list.currentItem()
        found = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(found) if found else None

    def _update_follow_up(self) -> None:
        if self.follow_up_button is not None:
            self.follow_up_button.setEnabled(self.selected() in self._raisable)

    def _raise(self) -> None:
        child_id = self.selected()
        if child_id in self._raisable and child_id is not None:
            self.follow_up_requested.emit(child_id)

    def _open(self, item: QListWidgetItem) -> None:
        child_id = item.data(Qt.ItemDataRole.UserRole)
        if child_id:
            self.open_requested.emit(str(child_id))
