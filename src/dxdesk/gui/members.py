"""The organisations of a record, ticked in a list (a group's members, a training's
participating organisations, an issue's related organisations).

Each ticked organisation is one membership record (core/model.py: a child kind keyed by parent
and organisation), so two people who tick different organisations on two laptops both keep
theirs after the merge. The editor only collects what changed; the form writes it when it saves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from dxdesk.gui.messages import plain_label
from dxdesk.text import one_line

Pair = tuple[str, str]


class MembersEditor(QWidget):
    def __init__(
        self, title: str, orgs: list[Pair], held: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = title  # the membership kind's label (グループ構成団体), translated by the form
        self._held = set(held)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
        self._update_count()

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
        text = QCoreApplication.translate("MembersEditor", "%1 団体を選択")
        self.count.setText(text.replace("%1", str(len(self.checked()))))
