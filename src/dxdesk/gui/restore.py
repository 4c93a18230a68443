"""ファイル > バックアップから復元…: the window's way to ``dxdesk restore``.

The dialog lists the profile's backups (newest first) or takes a file from elsewhere (a USB
stick), and asks for the passphrase: a restore replaces the whole database, so it is confirmed
by the person who knows the passphrase, and the passphrase is what opens a backup taken before
a change of passphrase. Before the dialog closes, ``check_restore`` runs on a worker: a wrong
passphrase or a damaged file is said in the dialog and nothing is closed. The swap itself is
``Session.restore_from_backup`` (gui/app.py): the one service the CLI uses
(``services.profile.restore_backup``), which keeps the replaced database as a 復元前 backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.errors import UserError
from dxdesk.gui.dates import shown_stored
from dxdesk.gui.messages import plain_label, user_message
from dxdesk.gui.worker import run_busy
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import (
    BackupFile,
    Credentials,
    check_restore,
    describe_backup,
    list_backups,
)

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    """Choose a backup and confirm with the passphrase; ``chosen`` and ``credentials`` after
    it is accepted (both checked already)."""

    def __init__(self, paths: ProfilePaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.chosen: Path | None = None
        self.credentials: Credentials | None = None
        self.password = QLineEdit()
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("バックアップから復元"))
        layout = QVBoxLayout(self)
        intro = plain_label(
            self.tr(
                "選択したバックアップの時点の内容に、この端末のデータベースを戻します。"
                "現在のデータベースは「復元前」のバックアップとして保管されるため、"
                "後から元の状態に戻すこともできます。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.list = QTreeWidget()
        self.list.setObjectName("backups")
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("作成日時"), self.tr("種類"), self.tr("大きさ")])
        self.list.itemSelectionChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda *_: self.password.setFocus())
        layout.addWidget(self.list)
        other = QPushButton(self.tr("ほかのファイルを選択(&O)…"))
        other.setObjectName("chooseFile")
        other.clicked.connect(lambda _=False: self.choose_file())
        row = QHBoxLayout()
        row.addWidget(other)
        row.addStretch(1)
        layout.addLayout(row)

        form = QFormLayout()
        self.password.setObjectName("passphrase")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.textChanged.connect(self._update)
        form.addRow(self.tr("パスフレーズ（確認のため）"), self.password)
        layout.addLayout(form)
        self.status = plain_label()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("復元する(&R)"))
        self.ok_button.setObjectName("restore")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        for backup in list_backups(paths):
            self._add(backup)
        newest = self.list.topLevelItem(0)
        if newest is not None:
            self.list.setCurrentItem(newest)
        else:
            self.status.setText(
                self.tr(
                    "このプロファイルにはバックアップがありません。"
                    "「ほかのファイルを選択」から復元するファイルを選んでください。"
                )
            )
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.resize(max(560, self.sizeHint().width()), 420)
        self._update()

    def _kind_label(self, kind: str) -> str:
        return {
            "auto": self.tr("自動"),
            "manual": self.tr("手動"),
            "pre_import": self.tr("取込前"),
            "pre_restore": self.tr("復元前"),
        }.get(kind, self.tr("その他"))

    def _add(self, backup: BackupFile, *, first: bool = False) -> QTreeWidgetItem:
        size = self.tr("%1 MB").replace("%1", f"{backup.size / 1_000_000:,.1f}")
        item = QTreeWidgetItem(
            [
                shown_stored(backup.taken.isoformat(timespec="minutes")),
                self._kind_label(backup.kind),
                size,
            ]
        )
        item.setData(0, PATH_ROLE, str(backup.path))
        item.setToolTip(0, str(backup.path))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if first:
            self.list.insertTopLevelItem(0, item)
        else:
            self.list.addTopLevelItem(item)
        return item

    def choose_file(self, path: str | None = None) -> None:
        """A backup from outside the profile (kept on a USB stick or a server)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("復元するバックアップを選択"),
                str(self.paths.backups),
                self.tr("dxdesk のバックアップ (*.db);;すべてのファイル (*)"),
            )
            if not path:
                return
        target = Path(path)
        try:
            backup = describe_backup(target)
        except OSError:
            self.status.setText(
                user_message(
                    UserError("backup_invalid", path=str(target), detail="ファイルがありません")
                )
            )
            return
        item = self._add(backup, first=True)
        self.list.setCurrentItem(item)
        self.status.clear()
        self.password.setFocus()

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return Path(str(item.data(0, PATH_ROLE))) if item is not None else None

    def _update(self) -> None:
        self.ok_button.setEnabled(self.selected() is not None and bool(self.password.text()))

    def accept(self) -> None:
        backup = self.selected()
        if backup is None or not self.password.text():
            return
        creds = Credentials(passphrase=self.password.text(), use_keyring=False)
        self.status.setText(self.tr("バックアップを確認しています…"))
        try:
            # Argon2id and an integrity check of the whole file: seconds, so off the GUI thread.
            run_busy(self, lambda: check_restore(self.paths, backup, creds))
        except UserError as err:
            self.status.setText(user_message(err))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.chosen, self.credentials = backup, creds
        super().accept()
