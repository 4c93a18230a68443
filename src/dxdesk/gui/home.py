"""The home screen: the first page after unlocking, for the profile's role (services/home.py).

One box per section (its count in the title), one line per item; Enter or a double-click opens
what the item is about (``open_requested`` with its target: a record, an organisation, a
deliverable on the deadline board, a view). Built while the window starts, so nothing here
touches an enum of the Qt namespace (that converts all ~90 of them, bench/gui.py): roles are
plain numbers, colours are QColor from text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.gui.dates import shown_date
from dxdesk.gui.messages import phrase, plain_label
from dxdesk.services.home import SUPERVISOR, Home, HomeService, Section
from dxdesk.services.profile import Profile

TARGET_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole (setForeground converts the namespace)
ALERT_COLOUR = "#c62828"
COLUMNS = 2


class HomePage(QWidget):
    open_requested = Signal(object)  # the item's target tuple (services/home.py Target)

    def __init__(
        self,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        month: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.service = HomeService(profile, today)
        self.heading = plain_label(parent=self)
        self.heading.setObjectName("home_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid, 1)
        self.boxes: dict[str, QGroupBox] = {}
        self.lists: dict[str, QListWidget] = {}
        self.home: Home | None = None
        self.month = month  # the window's 対象月 (None: this month)
        # The first paint shows the cheap sections at once; the costly ones (services/home.py
        # DEFERRED: the attention list scores the whole progress matrix) are placeholders
        # until the page has painted, then filled in by a zero timer (bench/gui.py W3).
        self._painted = False
        self.refresh(defer=True)

    def refresh(self, month: str | None = None, *, defer: bool = False) -> None:
        """Show the figures again. ``defer``: the costly sections after the next paint."""
        if month is not None:
            self.month = month
        home = self.service.home(self.month, defer=defer)
        self.home = home
        who = self.tr("統括責任者") if home.role == SUPERVISOR else self.tr("担当者")
        self.heading.setText(
            self.tr("ホーム（%1）— %2")
            .replace("%1", who)
            .replace("%2", shown_date(home.today, weekday=True))
        )
        for index, section in enumerate(home.sections):
            self._show(index, section)
        if home.pending and self._painted:
            QTimer.singleShot(0, self, self.fill_pending)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self.home is not None and self.home.pending:
                # After this paint is flushed: the timer fires in the next turn of the loop.
                QTimer.singleShot(0, self, self.fill_pending)

    def fill_pending(self) -> None:
        """Compute and show the sections the first paint left as placeholders."""
        home = self.home
        if home is None or not home.pending or self.service.profile.closed:
            return  # nothing left, or the window closed before the timer fired
        # One section per turn of the event loop: the window answers between them.
        key, rest = home.pending[0], home.pending[1:]
        index = [s.key for s in home.sections].index(key)
        sections = list(home.sections)
        sections[index] = self.service.section(key, self.month)
        self.home = Home(home.role, home.today, tuple(sections), rest)
        self._show(index, sections[index])
        if rest:
            QTimer.singleShot(0, self, self.fill_pending)

    def _show(self, index: int, section: Section) -> None:
        box = self.boxes.get(section.key)
        if box is None:
            box = QGroupBox(self)
            box.setObjectName(f"home_{section.key}")
            column = QVBoxLayout(box)
            column.setContentsMargins(6, 6, 6, 6)
            items = QListWidget(box)
            items.setObjectName(f"home_list_{section.key}")
            items.setWordWrap(True)
            items.setAlternatingRowColors(True)
            items.itemActivated.connect(self._activated)
            column.addWidget(items)
            self.grid.addWidget(box, index // COLUMNS, index % COLUMNS)
            self.boxes[section.key] = box
            self.lists[section.key] = items
        home = self.home
        box.setTitle(phrase(home.heading(section) if home is not None else section.title))
        items = self.lists[section.key]
        items.clear()
        red = QColor(ALERT_COLOUR)
        for entry in section.items:
            line = phrase(entry.text)
            item = QListWidgetItem(line)
            item.setData(TARGET_ROLE, entry.target)
            item.setToolTip(line)
            if entry.alert:
                item.setData(FOREGROUND_ROLE, red)
            items.addItem(item)
        if not section.items:
            empty = QListWidgetItem(phrase(section.empty))
            empty.setData(TARGET_ROLE, None)
            items.addItem(empty)

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if target:
            self.open_requested.emit(tuple(target))

    def open_item(self, section: str, row: int) -> None:
        """Open the ``row``-th item of a section, as Enter on it does."""
        item = self.lists[section].item(row)
        if item is not None:
            self._activated(item)
