"""帳票 > 月次作業報告書の構成…: the sections of the monthly report as agreed with the prefecture.

A list of the sections in print order, each with a check box (記載する) and its heading (double
click to rename); 上へ / 下へ move the selected one, 自由記述の項目を追加… adds a section whose
text is written per month below the list. How organisations without work appear is a choice
under the list. 保存 stores it all at once (services/report_template.py); on a laptop the
structure is the hub's and only the month's text can be written.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.calendar import format_wareki
from dxdesk.core.model import QUIET_ORG_MODES
from dxdesk.errors import UserError
from dxdesk.gui.messages import plain_label, user_message, warn
from dxdesk.services import report_template as rt
from dxdesk.services.profile import Profile

ROW = Qt.ItemDataRole.UserRole
TITLE = QCoreApplication.translate("ReportTemplateDialog", "月次作業報告書の構成")


def _month_label(month: str) -> str:
    """令和7年11月 for "2025-11" (the month the text is for)."""
    text = format_wareki(date(int(month[:4]), int(month[5:7]), 1))
    return text[: text.index("月") + 1]


class ReportTemplateDialog(QDialog):
    def __init__(self, profile: Profile, month: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.month = month
        self.hub = profile.role == "hub"
        self.setObjectName("reportTemplateDialog")
        self.setWindowTitle(self.tr("月次作業報告書の構成"))
        template = rt.current(profile)
        self.notes: dict[str, str] = {}  # free-text section key -> the month's text as edited
        self._shown_key: str | None = None

        layout = QVBoxLayout(self)
        intro = plain_label(
            self.tr(
                "報告書に記載する項目と順序を選びます（仕様書 6(1)イ(イ)：報告項目は県と協議し決定）。"
                "見出しはダブルクリックで変更できます。"
            )
            if self.hub
            else self.tr(
                "構成は統括（ハブ）の端末で変更します。この端末では、自由記述の項目の本文を入力できます。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        middle = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("templateSections")
        for row in template.sections:
            self._add_item(row)
        self.list.currentItemChanged.connect(self._selected)
        middle.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.up = QPushButton(self.tr("上へ(&U)"))
        self.up.setObjectName("sectionUp")
        self.down = QPushButton(self.tr("下へ(&D)"))
        self.down.setObjectName("sectionDown")
        self.add = QPushButton(self.tr("自由記述の項目を追加(&A)…"))
        self.add.setObjectName("addFreeSection")
        self.up.clicked.connect(lambda: self.move_section(-1))
        self.down.clicked.connect(lambda: self.move_section(1))
        self.add.clicked.connect(self._ask_free_section)
        for b in (self.up, self.down, self.add):
            b.setEnabled(self.hub)
            buttons.addWidget(b)
        buttons.addStretch(1)
        middle.addLayout(buttons)
        layout.addLayout(middle, 1)

        form = QFormLayout()
        self.quiet = QComboBox()
        self.quiet.setObjectName("quietOrgs")
        for mode in QUIET_ORG_MODES:
            self.quiet.addItem(mode, mode)
        self.quiet.setCurrentIndex(QUIET_ORG_MODES.index(template.quiet_orgs))
        self.quiet.setEnabled(self.hub)
        form.addRow(self.tr("当月の記録がない団体"), self.quiet)
        self.note_label = plain_label()
        self.note = QPlainTextEdit()
        self.note.setObjectName("sectionNote")
        self.note.setPlaceholderText(self.tr("空欄の場合は「特になし。」と記載されます。"))
        form.addRow(self.note_label, self.note)
        layout.addLayout(form)

        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.list.setCurrentRow(0)
        self.resize(720, 560)

    # ------------------------------------------------------------ the list

    def _add_item(self, row: rt.SectionRow) -> QListWidgetItem:
        item = QListWidgetItem(row.label)
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if self.hub:
            flags |= Qt.ItemFlag.ItemIsEditable
        else:
            flags &= ~Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags)
        item.setCheckState(Qt.CheckState.Checked if row.included else Qt.CheckState.Unchecked)
        item.setData(ROW, row)
        if row.free_text:
            item.setToolTip(self.tr("自由記述：本文を月ごとに入力します。"))
        self.list.addItem(item)
        return item

    def rows(self) -> list[rt.SectionRow]:
        """The sections as the list shows them now (order, check box, heading)."""
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            row: rt.SectionRow = item.data(ROW)
            label = item.text().strip() or row.default_title or row.label
            checked = item.checkState() == Qt.CheckState.Checked
            out.append(replace(row, label=label, included=checked))
        return out

    def move_section(self, step: int) -> None:
        i = self.list.currentRow()
        j = i + step
        if i < 0 or not 0 <= j < self.list.count():
            return
        item = self.list.takeItem(i)
        self.list.insertItem(j, item)
        self.list.setCurrentRow(j)

    def add_free_section(self, title: str) -> None:
        try:
            key = rt.free_key(title)
        except UserError as err:
            warn(self, TITLE, user_message(err))
            return
        if any(r.key == key for r in self.rows()):
            warn(self, TITLE, user_message(UserError("report_section_exists", section=title)))
            return
        item = self._add_item(rt.SectionRow(key, title.strip(), "", True, True))
        self.list.setCurrentItem(item)

    def _ask_free_section(self) -> None:
        title, ok = QInputDialog.getText(
            self,
            self.tr("自由記述の項目を追加"),
            self.tr("見出し（例：来月の予定、県への相談事項）"),
        )
        if ok and title.strip():
            self.add_free_section(title)

    # ------------------------------------------------------------ the month's text

    def _keep_note(self) -> None:
        if self._shown_key is not None:
            self.notes[self._shown_key] = self.note.toPlainText()

    def _selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._keep_note()
        row: rt.SectionRow | None = current.data(ROW) if current is not None else None
        free = row is not None and row.free_text
        self.note.setEnabled(free)
        self._shown_key = row.key if free and row is not None else None
        if not free or row is None:
            self.note_label.setText(self.tr("本文"))
            self.note.setPlainText("")
            self.note.setPlaceholderText(self.tr("自動で作成する項目です。"))
            return
        self.note_label.setText(self.tr("本文（%1）").replace("%1", _month_label(self.month)))
        self.note.setPlaceholderText(self.tr("空欄の場合は「特になし。」と記載されます。"))
        if row.key not in self.notes:
            try:
                self.notes[row.key] = rt.note(self.profile, self.month, row.key)
            except UserError:  # a section added in this dialog: no text yet
                self.notes[row.key] = ""
        self.note.setPlainText(self.notes[row.key])

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        self._keep_note()
        try:
            if self.hub:
                rt.save(self.profile, self.rows(), str(self.quiet.currentData()))
            for key, body in self.notes.items():
                if body != rt.note(self.profile, self.month, key):
                    rt.set_note(self.profile, self.month, key, body)
        except UserError as err:
            warn(self, TITLE, user_message(err))
            return False
        self.accept()
        return True
