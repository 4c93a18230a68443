"""Preferences: language, the date style, automatic lock, the monthly-report rule, backups,
the PDF font, and the thresholds of the 標準化の要注意 list.

Values are checked by the service (``Profile.update_settings``) so the CLI and the window
refuse the same things; a refused value shows its sentence and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.calendar import ISO, WAREKI, monthly_report_rules
from dxdesk.errors import UserError
from dxdesk.gui.messages import plain_label, user_message
from dxdesk.services.profile import (
    BACKUP_INTERVAL_RANGE,
    BACKUP_SPACE_RANGE,
    BACKUPS_KEPT_RANGE,
    IDLE_LOCK_RANGE,
    LANGUAGES,
    NO_VISIT_WEEKS_RANGE,
    RATE_DROP_RANGE,
    STALLED_MONTHS_RANGE,
    Profile,
)
from dxdesk.services.reports import font_choices
from dxdesk.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setWindowTitle(self.tr("設定"))
        self.setObjectName("settingsDialog")
        current = profile.settings

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))

        self.date_style = QComboBox()
        self.date_style.setObjectName("dateStyle")
        self.date_style.addItem(self.tr("和暦（R7.11.25）"), WAREKI)
        self.date_style.addItem(self.tr("西暦（2025-11-25）"), ISO)
        self.date_style.setCurrentIndex(max(0, self.date_style.findData(current.date_style)))

        minutes = self.tr(" 分")
        self.idle = _spin("idleMinutes", IDLE_LOCK_RANGE, minutes, current.idle_lock_minutes)

        self.rule = QComboBox()
        self.rule.setObjectName("reportRule")
        for code, label in monthly_report_rules().items():
            self.rule.addItem(label, code)  # reference data (calendar.json), in Japanese
        self.rule.setCurrentIndex(max(0, self.rule.findData(current.monthly_report_rule)))

        self.backups = _spin(
            "backupsKept", BACKUPS_KEPT_RANGE, self.tr(" 世代"), current.backups_kept
        )
        self.backup_interval = _spin(
            "backupInterval", BACKUP_INTERVAL_RANGE, minutes, current.backup_interval_minutes
        )
        self.backup_space = _spin("backupSpace", BACKUP_SPACE_RANGE, " MB", current.backup_space_mb)
        self.backup_space.setSingleStep(100)

        # Automatic, a family found here, or a font file (chosen with 参照…, or typed).
        self.font_path = QComboBox()
        self.font_path.setEditable(True)
        self.font_path.setObjectName("pdfFont")
        self.font_path.setMinimumWidth(360)  # the automatic choice, spelled out, must fit
        self.font_path.addItem(self.tr("自動（推奨）"), "")
        for family in font_choices():
            self.font_path.addItem(family, family)
        found = self.font_path.findData(current.pdf_font)
        if found >= 0:
            self.font_path.setCurrentIndex(found)
        else:
            self.font_path.setEditText(current.pdf_font)
        browse = QPushButton(self.tr("参照…"))
        browse.clicked.connect(self._browse_font)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_path, 1)
        font_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("表示言語(&L)："), self.language)
        form.addRow(self.tr("日付の表示(&D)："), self.date_style)
        form.addRow(self.tr("自動ロックまでの時間(&I)："), self.idle)
        form.addRow(self.tr("月次報告書の期限（10日が閉庁日のとき）(&R)："), self.rule)
        form.addRow(self.tr("自動バックアップの保存数(&B)："), self.backups)
        form.addRow(
            self.tr("自動バックアップの間隔（変更があったとき）(&N)："), self.backup_interval
        )
        form.addRow(self.tr("自動バックアップの容量の上限(&M)："), self.backup_space)
        form.addRow(self.tr("PDF のフォント(&F)："), font_row)

        # The 要注意 list (進捗 view, home, `dxdesk attention`, the hearing sheet) reads these.
        self.stalled_months = _spin(
            "stalledMonths",
            STALLED_MONTHS_RANGE,
            self.tr(" か月"),
            current.attention_stalled_months,
        )
        self.rate_drop = QDoubleSpinBox()
        self.rate_drop.setObjectName("rateDropPoints")
        self.rate_drop.setDecimals(1)
        self.rate_drop.setRange(*RATE_DROP_RANGE)
        self.rate_drop.setSingleStep(0.5)
        self.rate_drop.setSuffix(self.tr(" ポイント"))
        self.rate_drop.setValue(current.attention_rate_drop_points)
        self.no_visit_weeks = _spin(
            "noVisitWeeks",
            NO_VISIT_WEEKS_RANGE,
            self.tr(" 週"),
            current.attention_no_visit_weeks,
        )
        attention = QGroupBox(self.tr("標準化の要注意の基準"))
        attention_form = QFormLayout(attention)
        attention_form.addRow(
            self.tr("ステップの更新がない期間（停滞とみなす）(&S)："), self.stalled_months
        )
        attention_form.addRow(
            self.tr("前月末からの完了率の低下（要注意とする幅）(&P)："), self.rate_drop
        )
        attention_form.addRow(
            self.tr("訪問・ヒアリングがない期間（伴走支援の対象団体）(&V)："), self.no_visit_weeks
        )

        self.note = plain_label(
            self.tr("表示言語は、保存するとすぐに切り替わります（開いている入力画面は閉じます）。")
        )
        self.note.setWordWrap(True)
        self.error = plain_label()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(attention)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.language.setFocus()

    def _browse_font(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("フォントファイルを選択"), "", self.tr("TrueType フォント (*.ttf *.ttc)")
        )
        if path:
            self.font_path.setEditText(path)

    def pdf_font(self) -> str:
        text = self.font_path.currentText().strip()
        index = self.font_path.currentIndex()
        if index >= 0 and text == self.font_path.itemText(index):
            return str(self.font_path.itemData(index) or "")
        return text

    def values(self) -> dict[str, object]:
        return {
            "language": self.language.currentData(),
            "date_style": self.date_style.currentData(),
            "idle_lock_minutes": self.idle.value(),
            "monthly_report_rule": self.rule.currentData(),
            "backups_kept": self.backups.value(),
            "backup_interval_minutes": self.backup_interval.value(),
            "backup_space_mb": self.backup_space.value(),
            "pdf_font": self.pdf_font(),
            "attention_stalled_months": self.stalled_months.value(),
            "attention_rate_drop_points": round(self.rate_drop.value(), 1),
            "attention_no_visit_weeks": self.no_visit_weeks.value(),
        }

    def save(self) -> None:
        try:
            self.saved: Settings = self.profile.update_settings(**self.values())
        except UserError as err:
            self.error.setText(user_message(err))
            return
        self.accept()


def _spin(name: str, bounds: tuple[int, int], suffix: str, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(*bounds)
    box.setSuffix(suffix)
    box.setValue(value)
    return box
