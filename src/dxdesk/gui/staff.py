"""Merging one person entered twice (台帳 → 担当者 → 「担当者の統合…」), thin over
``services.staff.merge``: choose the record to retire and the one to keep, read how many
records move, confirm. The move is ordinary edits, so it reaches the other laptops with the
next bundle."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from dxdesk.errors import UserError
from dxdesk.gui.messages import ask, plain_label, user_message
from dxdesk.services import staff
from dxdesk.services.profile import Profile
from dxdesk.text import one_line


def staff_label(choice: staff.StaffChoice) -> str:
    """「平川 美咲（伴走支援）」, the role in the window's language (a choice of the model)."""
    if not choice.role:
        return one_line(choice.name)
    role = QCoreApplication.translate("Choice", choice.role)
    return (
        QCoreApplication.translate("StaffMergeDialog", "%1（%2）")
        .replace("%1", one_line(choice.name))
        .replace("%2", one_line(role))
    )


class StaffMergeDialog(QDialog):
    """Two staff records of one person become one (see the module docstring)."""

    merged = Signal()

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setWindowTitle(self.tr("担当者の統合"))
        self.setObjectName("staffMergeDialog")
        intro = plain_label(
            self.tr(
                "同じ人が二重に登録されているときに、一つにまとめます。統合元を担当者とする記録"
                "（訪問・工数・課題の担当者・常時支援者など）はすべて統合先に移り、統合元は削除"
                "されます。この変更は次のバンドルで他の端末にも届きます。"
            )
        )
        intro.setWordWrap(True)
        self.source = QComboBox(self)
        self.source.setObjectName("mergeSource")
        self.into = QComboBox(self)
        self.into.setObjectName("mergeInto")
        people = staff.all_staff(profile)
        for choice in people:
            self.source.addItem(staff_label(choice), choice.id)
            self.into.addItem(staff_label(choice), choice.id)
        # Two of the same name first: the likely duplicate, kept the older way round.
        self._preselect(people)
        self.effect = plain_label()
        self.effect.setObjectName("mergeEffect")
        self.effect.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("統合元（削除する記録）(&F)："), self.source)
        form.addRow(self.tr("統合先（残す記録）(&T)："), self.into)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = buttons.addButton(
            self.tr("統合する(&M)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.setObjectName("mergeStaff")
        self.merge_button.clicked.connect(lambda _=False: self.merge())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.effect)
        layout.addWidget(buttons)
        self.source.currentIndexChanged.connect(self._show_effect)
        self.into.currentIndexChanged.connect(self._show_effect)
        self._show_effect()
        self.resize(600, 260)

    def _preselect(self, people: list[staff.StaffChoice]) -> None:
        by_name: dict[str, list[int]] = {}
        for i, choice in enumerate(people):
            by_name.setdefault(staff.name_key(choice.name), []).append(i)
        twins = next((rows for rows in by_name.values() if len(rows) > 1), None)
        if twins is not None:
            # Ids grow with time (UUIDv7): the older record is kept, the newer merged into it.
            twins = sorted(twins, key=lambda i: people[i].id)
            self.into.setCurrentIndex(twins[0])
            self.source.setCurrentIndex(twins[1])
        elif len(people) > 1:
            self.into.setCurrentIndex(1)

    def _show_effect(self) -> None:
        a, b = self.source.currentData(), self.into.currentData()
        same = a is None or a == b
        self.merge_button.setEnabled(not same)
        if same:
            self.effect.setText(self.tr("統合元と統合先に別の担当者を選んでください。"))
            return
        moved = staff.references(self.profile, str(a))
        parts = [
            self.tr("%1 %2件")
            .replace("%1", QCoreApplication.translate("Kind", label))
            .replace("%2", str(n))
            for label, n in moved.items()
        ]
        self.effect.setText(
            self.tr("統合先に移る記録：%1").replace("%1", "、".join(parts) or self.tr("なし"))
        )

    def merge(self, *, confirmed: bool = False) -> staff.Merged | None:
        a, b = self.source.currentData(), self.into.currentData()
        if a is None or b is None:
            return None
        question = (
            self.tr("「%1」を「%2」に統合します。よろしいですか。")
            .replace("%1", self.source.currentText())
            .replace("%2", self.into.currentText())
        )
        if not confirmed and not ask(self, self.tr("担当者の統合"), question):
            return None
        try:
            done = staff.merge(self.profile, str(a), str(b))
        except UserError as err:
            self.effect.setText(user_message(err))
            return None
        kept = str(b)
        for combo in (self.source, self.into):
            combo.blockSignals(True)
            combo.clear()
        for choice in staff.all_staff(self.profile):
            self.source.addItem(staff_label(choice), choice.id)
            self.into.addItem(staff_label(choice), choice.id)
        self.into.setCurrentIndex(max(self.into.findData(kept), 0))
        for combo in (self.source, self.into):
            combo.blockSignals(False)
        self.merge_button.setEnabled(self.source.currentData() != self.into.currentData())
        self.effect.setText(
            self.tr("「%1」を「%2」に統合しました（移した記録 %3件）。")
            .replace("%1", staff_label(done.retired))
            .replace("%2", staff_label(done.kept))
            .replace("%3", str(done.total))
        )
        self.merged.emit()
        return done
