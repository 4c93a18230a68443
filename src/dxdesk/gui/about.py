"""ヘルプ > dxdesk について: the version, and every shipped part with its licence.

The list comes from services/about.py (the build's list in an installed copy, the installed
packages' metadata in a source install); the full texts are in LICENSES.txt beside the program,
which the button opens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.gui.icon import app_icon
from dxdesk.gui.messages import plain_label
from dxdesk.services.about import app_info, components, licences_file


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("dxdesk について"))
        info = app_info()
        icon = plain_label()  # a picture only
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = plain_label(self.tr("dxdesk %1").replace("%1", info.version))
        title.setObjectName("aboutVersion")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        summary = plain_label(
            self.tr("自治体DXサポート業務の記録・報告ツール（オフライン・暗号化）\nPython %1 ／ %2")
            .replace("%1", info.python)
            .replace("%2", info.platform)
        )
        head = QHBoxLayout()
        head.addWidget(icon)
        texts = QVBoxLayout()
        texts.addWidget(title)
        texts.addWidget(summary)
        head.addLayout(texts, 1)

        parts = components()
        self.table = QTableWidget(len(parts), 4)
        self.table.setObjectName("aboutComponents")
        self.table.setHorizontalHeaderLabels(
            [self.tr("名称"), self.tr("版"), self.tr("ライセンス"), self.tr("内容")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, part in enumerate(parts):
            for col, text in enumerate((part.name, part.version, part.licence, part.note)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.licences = licences_file()
        where = plain_label(
            self.tr("各ライセンスの全文は、インストール先の LICENSES.txt に収録しています。")
            if self.licences
            else self.tr(
                "ソースから実行しています。各ライセンスの全文は、インストールされた各パッケージの"
                "情報（dist-info）にあります。"
            )
        )
        where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if self.licences:
            full = QPushButton(self.tr("ライセンスの全文を開く(&L)"))
            full.setObjectName("openLicences")
            full.clicked.connect(self.open_licences)
            buttons.addButton(full, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def open_licences(self) -> None:
        if self.licences:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.licences)))


def open_about(parent: QWidget) -> AboutDialog:
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
