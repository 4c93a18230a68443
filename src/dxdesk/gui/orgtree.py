"""The organisations tree of the main window's left pane, as Qt items.

What the tree holds (headings, their order, who sits under each, marks, status and notes) is
decided by services/orgtree.py without Qt; this module exists to keep the Qt side of it out of
the window: the items and their roles, the tree's own phrases in the window's language, and the
context menu's trigger. The window only wires it (selection, menu, grouping box).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from dxdesk.gui.messages import plain_tooltip
from dxdesk.services.orgtree import OrgGroup, Phrase, Phrased, fill

if TYPE_CHECKING:
    # Types only: importing an event class converts QEvent's large Type enum (bench/gui.py).
    from PySide6.QtGui import QContextMenuEvent, QPaintEvent

# Qt.ItemDataRole.UserRole, as the int the item API takes: nothing on the way to the first paint
# names the Qt namespace, since touching any of its enums converts all ~90 of them (~15 ms).
USER_ROLE = 0x0100
ORG_ROLE = USER_ROLE  # an organisation's item: its id
VIEW_ROLE = USER_ROLE + 1  # a global view's item under 全体: the view's key


class OrgTree(QTreeWidget):
    """The organisations tree. Its context menu comes from ``customContextMenuRequested``, with the
    position Qt's CustomContextMenu policy would give (the same event's), but without setting
    that policy: passing a Qt namespace enum converts all of them (~15 ms of the start)."""

    # After the first paint (the window then fills in the figures: gui/mainwindow.py).
    painted_once = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self.setObjectName("organisations")
        self.setHeaderLabels([self.tr("団体"), self.tr("状況")])
        self.setColumnWidth(0, 150)
        self.setMinimumWidth(330)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted_once.emit()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.customContextMenuRequested.emit(event.pos())

    def phrases(self) -> dict[Phrase, str]:
        """The services' phrases in the window's language. Looked up on every fill, as the
        window's other texts are, so a language installed later shows at the next reload."""
        return {
            Phrase.PREFECTURE: self.tr("県（所管課）"),
            Phrase.OTHER: self.tr("その他"),
            Phrase.UNGROUPED: self.tr("グループ未設定"),
            Phrase.OPEN_ISSUES: self.tr("課題%1"),
            Phrase.DAYS_ON_SITE_OF_TARGET: self.tr("現地%1/%2日"),
            Phrase.DAYS_ON_SITE: self.tr("現地%1日"),
            Phrase.DAYS_SINCE_VISIT: self.tr("%1日前"),
            Phrase.HANDS_ON: self.tr("● 伴走支援対象"),
            Phrase.INTENSIVE: self.tr("◆ 集中支援（月%1日目標）"),
        }

    def show_groups(
        self,
        groups: Sequence[OrgGroup],
        views: Sequence[tuple[str, str]],
        selected: str | None = None,
    ) -> None:
        """Refill the tree: 全体 with ``views`` ((key, shown text) pairs) first, then the groups.
        The item of ``selected`` (an organisation id) becomes current again, after the refill,
        so the window hears of it once and shows that organisation."""
        phrases = self.phrases()

        def render(text: Phrased) -> str:
            return fill(phrases[text.phrase], text.numbers)

        self.blockSignals(True)
        self.clear()
        whole = QTreeWidgetItem([self.tr("全体")])
        for key, label in views:
            item = QTreeWidgetItem([label])
            item.setData(0, VIEW_ROLE, key)
            whole.addChild(item)
        self.addTopLevelItem(whole)
        select_item = None
        for group in groups:
            title = phrases[group.title] if isinstance(group.title, Phrase) else group.title
            heading = QTreeWidgetItem([title])
            self.addTopLevelItem(heading)
            for node in group.orgs:
                item = QTreeWidgetItem([node.label, node.status_text(render)])
                item.setData(0, ORG_ROLE, node.org.org_id)
                item.setToolTip(0, plain_tooltip("\n".join(node.tooltip_lines(render))))
                heading.addChild(item)
                if node.org.org_id == selected:
                    select_item = item  # the last of its groups, if it sits in several
        self.expandAll()
        self.resizeColumnToContents(0)
        self.resizeColumnToContents(1)
        self.blockSignals(False)
        if select_item is not None:
            self.setCurrentItem(select_item)

    def org_item(self, org_id: str) -> QTreeWidgetItem | None:
        """The first item of an organisation (it may sit in several groups)."""
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top is None:
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, ORG_ROLE) == org_id:
                    return child
        return None
