"""Bundles in the window: enrol devices, export to a USB folder, import dropped files, conflicts.

Thin over ``services.sync``, which the CLI uses too. Import is always two steps, as the service
is: every file is decrypted and verified and its effect counted first (nothing is written), the
user reads sender, date, counts and gaps, and only then are the good files applied, each in one
transaction after a snapshot backup. Work runs on the GUI thread behind a wait cursor: the one
database connection is shared with the autosaving forms.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.model import EXPORT_MEDIA
from dxdesk.errors import UserError
from dxdesk.gui.messages import ask, plain_label, user_message
from dxdesk.gui.staff import staff_label
from dxdesk.gui.worker import run_task, wait_cursor
from dxdesk.services import sync
from dxdesk.services.profile import Profile
from dxdesk.text import escape_controls, file_stem, one_line

log = logging.getLogger("dxdesk.gui")
BUNDLE_FILTER = "dxdesk bundle (*.dxb)"
ENROL_FILTER = "dxdesk enrolment (*.dxenrol *.json)"
FOLDER_KEY = "sync/folder"  # the USB folder last used, per computer (never a secret)


def _folder() -> str:
    return str(QSettings().value(FOLDER_KEY, str(Path.home())))


def _remember_folder(path: Path) -> None:
    QSettings().setValue(FOLDER_KEY, str(path))


def _item(text: object, *, right: bool = False) -> QTableWidgetItem:
    # Values from bundles and enrolment files: an override (U+202E) shows as \u202e, not as a
    # cell read backwards.
    item = QTableWidgetItem("" if text is None else escape_controls(str(text)))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


# ------------------------------------------------------------------ import


def _shown_date(iso: str) -> str:
    """A date in a sentence: 和暦 in Japanese, ISO in English (no 和暦 there)."""
    if not iso:
        return ""
    from datetime import date

    from dxdesk.core.calendar import format_wareki

    if QCoreApplication.translate("Date", "和暦") != "和暦":
        return iso
    return format_wareki(date.fromisoformat(iso))


class ImportDialog(QDialog):
    """Drop (or add) bundle files; read what each would do; then apply the good ones."""

    imported = Signal()  # at least one bundle was applied

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setWindowTitle(self.tr("バンドルの取り込み"))
        self.setObjectName("importDialog")
        self.setAcceptDrops(True)
        self.previews: list[sync.Preview] = []
        self.refused: list[tuple[Path, str]] = []
        hint = plain_label(
            self.tr(
                "バンドルファイル（.dxb）をここへドラッグするか、「ファイルを追加」で選んでください。"
                "取り込む前に、送信元・作成日時・件数を確認できます（この時点では何も書き込みません）。"
            )
        )
        hint.setWordWrap(True)
        self.table = _table(
            [
                self.tr("ファイル"),
                self.tr("送信元"),
                self.tr("作成日時"),
                self.tr("新規"),
                self.tr("更新"),
                self.tr("削除"),
                self.tr("競合"),
                self.tr("状態"),
            ]
        )
        self.table.setObjectName("bundles")
        self.details = plain_label()
        self.details.setObjectName("importDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        add = QPushButton(self.tr("ファイルを追加(&A)…"))
        add.clicked.connect(self.choose_files)
        self.apply_button = QPushButton(self.tr("取り込む(&I)"))
        self.apply_button.setObjectName("applyImport")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(row)
        self.resize(900, 420)

    # drag and drop of several files from Explorer / Finder
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("バンドルファイルを選択"), _folder(), BUNDLE_FILTER
        )
        if files:
            _remember_folder(Path(files[0]).parent)
            self.add_files([Path(f) for f in files])

    def add_files(self, paths: list[Path]) -> None:
        """Check each file (nothing written) and list what it would do."""
        known = {p.path for p in self.previews} | {p for p, _ in self.refused}
        for path in paths:
            if path in known:
                continue
            try:
                preview = self._check(path)
            except UserError as err:
                if err.code == "bundle_import_cancelled":
                    continue  # stopped by the user: the file is simply not listed
                self.refused.append((path, user_message(err)))
                log.info("bundle refused at preview (%s)", err.code)
                continue
            self.previews.append(preview)
        self._show()

    def _show(self) -> None:
        self.table.setRowCount(0)
        # Gaps over the whole selection: a bundle's missing changes carried by another file
        # of it are not missing (services.sync.selection_gaps).
        notes: list[str] = [
            self.gap_note(g) for g in sync.selection_gaps(self.profile, self.previews)
        ]
        for p in self.previews:
            row = self.table.rowCount()
            self.table.insertRow(row)
            plan = p.plan
            totals = [0, 0, 0, 0]
            if plan is not None:
                for counts in plan.kinds.values():
                    totals[0] += counts.new
                    totals[1] += counts.updated
                    totals[2] += counts.deleted
                    totals[3] += counts.conflicts
                if plan.ahead:
                    # A sender whose clock runs ahead wins every conflict until time catches up.
                    notes.append(
                        self.tr(
                            "注意：%1 の変更 %2 件は、この端末の時計より1日以上先の日時で"
                            "記録されています。送信元の端末の時計が狂っている可能性があります。"
                        )
                        .replace("%1", one_line(p.sender_name))
                        .replace("%2", str(plan.ahead))
                    )
                notes.extend(self._fork_notes(plan.forks))
            status = self.tr("取込み済み（変更なし）") if p.already else self.tr("取り込めます")
            values = [p.path.name, p.sender_name, p.manifest.created_at[:16].replace("T", " ")]
            for col, value in enumerate([*values, *totals, status]):
                self.table.setItem(row, col, _item(value, right=3 <= col <= 6))
        for path, reason in self.refused:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, _item(path.name))
            refused = _item(self.tr("読み込めません：%1").replace("%1", reason))
            refused.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, 7, refused)
        self.details.setText("\n".join(notes))
        self.apply_button.setEnabled(any(not p.already for p in self.previews))

    def gap_note(self, gap: sync.Gap) -> str:
        """One missing span in words: whose laptop, from when (the CLI says ``gap.sentence``)."""
        who = (
            self.tr("端末「%1」（%2）").replace("%2", one_line(gap.owner))
            if gap.owner
            else self.tr("端末「%1」")
        ).replace("%1", one_line(gap.device_name))
        after, until = (_shown_date(d) for d in (gap.after, gap.until))
        if after and until and after == until:
            when = after  # all of it on one day
        elif after and until:
            when = self.tr("%1から%2まで").replace("%1", after).replace("%2", until)
        elif after:
            when = self.tr("%1以降").replace("%1", after)
        elif until:
            when = self.tr("%1まで").replace("%1", until)
        else:
            when = self.tr("最初から")
        return (
            self.tr(
                "注意：%1の%2の作業（変更 %3 件、連番 %4）がまだ届いていません。"
                "その端末で先に作成されたバンドルを一緒に選ぶか、送信元で「すべてを含める」で"
                "作り直してもらってください。"
            )
            .replace("%1", who)
            .replace("%2", when)
            .replace("%3", str(gap.count))
            .replace("%4", gap.numbers)
        )

    def _fork_notes(self, forks: dict[str, int]) -> list[str]:
        # Two histories under one device (a copied profile): kept aside, never merged or lost.
        return [
            self.tr(
                "注意：変更履歴 %1 の変更 %2 件は、この端末にある同じ端末の履歴と食い違っています"
                "（プロファイルのフォルダを複製して2台で使った可能性があります）。取り込まずに別に"
                "保管しました。「dxdesk bundle forks」で確認・取り込みができます。"
            )
            .replace("%1", log_id[:8])
            .replace("%2", str(count))
            for log_id, count in forks.items()
        ]

    def _check(self, path: Path) -> sync.Preview:
        """Verify and count one file on a worker (gui/worker.py run_task), nothing written."""
        return run_task(
            self,
            self.tr("バンドルの確認"),
            self.tr("%1 を確認しています（まだ何も書き込みません）…").replace(
                "%1", one_line(path.name)
            ),
            lambda progress: sync.preview(self.profile, path, progress=progress),
        )

    def _apply_one(self, p: sync.Preview) -> sync.Imported:
        """Apply one checked bundle on a worker; 中止 rolls its one transaction back."""
        return run_task(
            self,
            self.tr("バンドルの取り込み"),
            self.tr("%1 を取り込んでいます…").replace("%1", one_line(p.path.name)),
            lambda progress: sync.import_bundle(self.profile, p.path, p, progress=progress),
        )

    def apply(self) -> list[sync.Imported]:
        """Apply each checked bundle (oldest first), one transaction each; report the result."""
        done: list[sync.Imported] = []
        failed: list[str] = []
        stopped: list[sync.Preview] = []  # 中止: this one and those after it, still listed
        # In the order they were written (the CLI's order too: sync.in_import_order).
        pending = sync.in_import_order([p for p in self.previews if not p.already])
        for p in pending:
            try:
                result = self._apply_one(p)
            except UserError as err:
                failed.append(f"{one_line(p.path.name)}: {user_message(err)}")
                if err.code == "bundle_import_cancelled":
                    # 中止 stops the batch: this file and those after it stay listed, checked
                    # and not applied, for 取り込む again.
                    stopped = pending[pending.index(p) :]
                    break
                continue
            done.append(result)
        lines = []
        for r in done:
            s = r.summary
            if s is None:
                lines.append(
                    self.tr("%1：既に取り込み済みでした。").replace(
                        "%1", one_line(r.preview.path.name)
                    )
                )
                continue
            lines.append(
                self.tr("%1：%2 件の変更を取り込みました（競合 %3 件）。")
                .replace("%1", one_line(r.preview.path.name))
                .replace("%2", str(s.changes))
                .replace("%3", str(s.conflicts))
            )
            if getattr(r, "diverged", False):
                lines.append(
                    self.tr(
                        "注意：%1 と同じ変更を持っているのに内容が一致しません。"
                        "送信元に「すべてを含める」でのバンドル作成を依頼してください"
                        "（この端末の未送信の記録は消えません）。"
                    ).replace("%1", one_line(r.preview.sender_name))
                )
            lines.extend(self._fork_notes(s.forks))
        self.previews = [p for p in self.previews if p.already] + stopped
        self.previews += [
            sync.Preview(r.preview.path, r.preview.manifest, r.preview.sender_name, True, None)
            for r in done
        ]
        self._show()
        self.details.setText("\n".join(lines + failed))
        if done:
            self.imported.emit()
        return done


# ------------------------------------------------------------------ export


class ExportDialog(QDialog):
    """Write one bundle for the hub (or, at the hub, for one field device) into a folder."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setWindowTitle(self.tr("バンドルの作成"))
        self.setObjectName("exportDialog")
        self.recipient = QComboBox()
        self.recipient.setObjectName("recipient")
        if profile.role == "hub":
            for d in sync.devices(profile)[1:]:
                if d["status"] != "取消済み":
                    label = f"{one_line(d['name'])}（{one_line(d['owner'])}）"
                    self.recipient.addItem(label, d["device_id"])
        else:
            self.recipient.addItem(self.tr("統括（ハブ）"), "hub")
        self.folder = QLineEdit(_folder())
        self.folder.setObjectName("folder")
        browse = QPushButton(self.tr("参照…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        # Recorded in the export log (情報漏洩等への対策に関する文書): what carries the file out.
        self.medium = QComboBox()
        self.medium.setObjectName("medium")
        for medium in EXPORT_MEDIA:
            self.medium.addItem(QCoreApplication.translate("Choice", medium), medium)
        self.full = QCheckBox(self.tr("すべてを含める（送ったバンドルが失われたときに使います）"))
        self.full.setObjectName("full")
        form = QFormLayout()
        form.addRow(self.tr("送り先(&T)："), self.recipient)
        folder_label = plain_label(self.tr("保存先フォルダ(&F)："))
        folder_label.setBuddy(self.folder)  # a row of two widgets: QFormLayout sets none
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("媒体(&M)："), self.medium)
        form.addRow("", self.full)
        self.status = plain_label()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(
            self.tr("作成(&E)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(self.recipient.count() > 0)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        if self.recipient.count() == 0:
            self.status.setText(self.tr("送り先の端末がまだ登録されていません。"))
        self.resize(640, 220)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("保存先フォルダ"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def export(self) -> sync.Exported | None:
        folder = Path(self.folder.text().strip() or ".")
        to = str(self.recipient.currentData())
        full = self.full.isChecked()
        try:
            medium = str(self.medium.currentData())
            result = run_task(
                self,
                self.tr("バンドルの作成"),
                self.tr("バンドルを作成しています…"),
                lambda progress: sync.export_bundle(
                    self.profile, to, folder, full=full, medium=medium, progress=progress
                ),
            )
        except UserError as err:
            self.status.setText(user_message(err))
            return None
        _remember_folder(folder)
        self.status.setText(
            self.tr("%1 件の変更を %2 に保存しました。")
            .replace("%1", str(result.count))
            .replace("%2", str(result.path))
        )
        return result


# ------------------------------------------------------------------ conflicts


class ConflictsView(QWidget):
    """Values that lost a concurrent edit, beside the current value; one click brings one back."""

    restored = Signal()

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setObjectName("conflictsView")
        title = plain_label(self.tr("競合の記録"))
        title.setFont(QFont(title.font().family(), title.font().pointSize() + 3))
        note = plain_label(
            self.tr(
                "同じ項目が複数の端末で同時に編集されたときは、後の編集を採用し、"
                "採用されなかった値をここに残しています。必要なら「この値に戻す」を、現在の値でよければ「現在の値のまま確認済みにする」を押してください。"
            )
        )
        note.setWordWrap(True)
        self.table = _table(
            [
                self.tr("団体"),
                self.tr("種類"),
                self.tr("記録"),
                self.tr("項目"),
                self.tr("現在の値"),
                self.tr("現在の値の入力"),
                self.tr("採用されなかった値"),
                self.tr("採用されなかった値の入力"),
                self.tr("検出日時"),
            ]
        )
        self.table.setObjectName("conflicts")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.restore_button = QPushButton(self.tr("この値に戻す(&R)"))
        self.restore_button.setObjectName("restoreConflict")
        self.restore_button.clicked.connect(self.restore_selected)
        self.review_button = QPushButton(self.tr("現在の値のまま確認済みにする(&K)"))
        self.review_button.setObjectName("reviewConflict")
        self.review_button.clicked.connect(self.review_selected)
        self.status = plain_label()
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.review_button)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.conflicts: list[sync.ConflictShown] = []
        self.refresh()

    def refresh(self) -> None:
        self.conflicts = sync.describe_conflicts(self.profile)
        self.table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            values = [
                c.org,
                QCoreApplication.translate("Kind", c.kind_label),
                c.title,
                self.tr("削除")
                if c.field_label == sync.DELETE_LABEL
                else QCoreApplication.translate("Field", c.field_label),
                self.tr("（削除済み）") if c.record_deleted else c.current,
                self._writer(c.current_device, c.current_person, c.current_at),
                c.losing,
                self._writer(c.losing_device, c.losing_person, c.losing_at),
                c.detected_at[:16].replace("T", " "),
            ]
            for col, value in enumerate(values):
                self.table.setItem(row, col, _item(value))
        for col, width in enumerate((90, 90, 150, 100, 170, 190, 170, 190)):
            self.table.setColumnWidth(col, width)
        self.restore_button.setEnabled(bool(self.conflicts))
        self.review_button.setEnabled(bool(self.conflicts))
        if not self.conflicts:
            self.status.setText(self.tr("未確認の競合はありません。"))

    def _writer(self, device: str, person: str, at: str) -> str:
        """Who wrote a value, and when: 「平川のノート（平川 美咲）2025-11-25 14:03」."""
        who = (
            self.tr("%1（%2）").replace("%1", one_line(device)).replace("%2", one_line(person))
            if person
            else one_line(device)
        )
        return f"{who} {at}".strip()

    def review_selected(self) -> bool:
        """Keep the current values of the selected rows: they leave the list, nothing changes."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows:
            self.status.setText(self.tr("確認済みにする行を選んでください。"))
            return False
        try:
            for row in rows:
                sync.review_conflict(self.profile, self.conflicts[row].id)
        except UserError as err:
            self.status.setText(user_message(err))
            return False
        self.refresh()
        self.status.setText(
            self.tr("%1件を現在の値のまま確認済みにしました。").replace("%1", str(len(rows)))
        )
        return True

    def restore_selected(self) -> bool:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if len(rows) != 1:
            self.status.setText(self.tr("戻す値を 1 行選んでください。"))
            return False
        conflict = self.conflicts[rows[0]]
        try:
            sync.restore_conflict(self.profile, conflict.id)
        except UserError as err:
            self.status.setText(user_message(err))
            return False
        self.refresh()
        self.status.setText(
            self.tr("採用されなかった値に戻しました。この変更も次のバンドルで送られます。")
        )
        self.restored.emit()
        return True


# ------------------------------------------------------------------ devices and enrolment


def fingerprint_label(fingerprint: str) -> QLabel:
    """The fingerprint large enough to read aloud over the phone."""
    label = plain_label(fingerprint)
    label.setObjectName("fingerprint")
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(22)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DevicesDialog(QDialog):
    """The team's devices with fingerprints; enrol (field and hub sides) and revoke."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.hub = profile.role == "hub"
        self.setWindowTitle(self.tr("端末とチーム"))
        self.setObjectName("devicesDialog")
        self.table = _table(
            [
                self.tr("端末名"),
                self.tr("担当者"),
                self.tr("役割"),
                self.tr("指紋"),
                self.tr("状態"),
                self.tr("記録上の担当者"),
            ]
        )
        self.table.setObjectName("devices")
        self.status = plain_label()
        self.status.setObjectName("devicesStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        if self.hub:
            accept = QPushButton(self.tr("登録申請を受け付ける(&A)…"))
            accept.clicked.connect(lambda _=False: self.accept_request())
            revoke = QPushButton(self.tr("登録を取り消す(&R)"))
            revoke.clicked.connect(lambda _=False: self.revoke_selected())
            scope = QPushButton(self.tr("送る団体(&O)…"))
            scope.setObjectName("editScope")
            scope.clicked.connect(lambda _=False: self.edit_scope())
            buttons.addWidget(accept)
            buttons.addWidget(revoke)
            buttons.addWidget(scope)
        else:
            request = QPushButton(self.tr("登録申請ファイルを作成(&Q)…"))
            request.clicked.connect(lambda _=False: self.write_request())
            join = QPushButton(self.tr("チームファイルを読み込む(&J)…"))
            join.clicked.connect(lambda _=False: self.join_team())
            buttons.addWidget(request)
            buttons.addWidget(join)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.rows: list[dict[str, Any]] = []
        self.refresh()
        self.resize(860, 380)

    def refresh(self) -> None:
        try:
            with wait_cursor():
                self.rows = sync.devices(self.profile)
        except UserError as err:
            self.status.setText(user_message(err))
            self.rows = []
        roles = {"hub": self.tr("統括（ハブ）"), "field": self.tr("現地担当")}
        self.table.setRowCount(len(self.rows))
        for row, d in enumerate(self.rows):
            values = [d["name"], d["owner"], roles.get(d["role"], d["role"]), d["fingerprint"]]
            status = {"この端末": self.tr("この端末"), "取消済み": self.tr("取消済み")}.get(
                d["status"], self.tr("登録済み")
            )
            # Whom the device records as (linked at accept): one person, one column of hours.
            for col, value in enumerate([*values, status, d.get("staff", "")]):
                self.table.setItem(row, col, _item(value))

    def _confirm_fingerprint(self, name: str, fingerprint: str, *, ask: bool) -> bool:
        box = QDialog(self)
        box.setWindowTitle(self.tr("指紋の確認"))
        text = plain_label(
            self.tr(
                "%1 の指紋です。電話で相手と読み合わせ、一致することを確認してください。"
            ).replace("%1", one_line(name))
            if ask
            else self.tr("この端末の指紋です。統括責任者からの電話で読み上げてください。")
        )
        text.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addWidget(fingerprint_label(fingerprint))
        if ask:
            buttons = QDialogButtonBox()
            buttons.addButton(self.tr("一致しました"), QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.tr("一致しません"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(box.accept)
        buttons.rejected.connect(box.reject)
        layout.addWidget(buttons)
        return box.exec() == QDialog.DialogCode.Accepted

    def write_request(self, out: Path | None = None) -> Path | None:
        if out is None:
            name = f"enrol-{file_stem(self.profile.meta.get('device_name', 'device'))}.dxenrol"
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("登録申請ファイルの保存"), str(Path(_folder()) / name), ENROL_FILTER
            )
            if not chosen:
                return None
            out = Path(chosen)
        try:
            path, fingerprint = sync.write_request(self.profile, out)
        except UserError as err:
            self.status.setText(user_message(err))
            return None
        _remember_folder(path.parent)
        self.status.setText(self.tr("登録申請ファイルを保存しました：%1").replace("%1", str(path)))
        self._confirm_fingerprint(self.profile.meta.get("device_name", ""), fingerprint, ask=False)
        return path

    def accept_request(
        self, request: Path | None = None, out: Path | None = None, *, confirmed: bool = False
    ) -> Path | None:
        if request is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("登録申請ファイルを選択"), _folder(), ENROL_FILTER
            )
            if not chosen:
                return None
            request = Path(chosen)
        try:
            member = sync.read_request(request)
        except UserError as err:
            self.status.setText(user_message(err))
            return None
        if not confirmed and not self._confirm_fingerprint(
            f"{member.name}（{member.owner}）", member.fingerprint, ask=True
        ):
            self.status.setText(self.tr("指紋が一致しないため、登録しませんでした。"))
            return None
        # Whose laptop: the hub's record of the person, so no second one arrives with it.
        link = StaffLinkDialog(self.profile, member, self)
        if not confirmed and link.exec() != QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("登録を取りやめました。"))
            return None
        staff_id = link.chosen()
        if out is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("チームファイルの保存"),
                str(request.with_name(f"team-{file_stem(member.name)}.dxenrol")),
                ENROL_FILTER,
            )
            if not chosen:
                return None
            out = Path(chosen)
        try:
            with wait_cursor():
                written = sync.accept(self.profile, member, out, staff_id=staff_id)
        except UserError as err:
            self.status.setText(user_message(err))
            return None
        self.refresh()
        self.status.setText(
            self.tr("%1 を登録しました。チームファイル %2 を相手の端末で読み込んでください。")
            .replace("%1", one_line(member.name))
            .replace("%2", str(written))
        )
        return written

    def join_team(self, team_file: Path | None = None, *, confirmed: bool = False) -> bool:
        if team_file is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("チームファイルを選択"), _folder(), ENROL_FILTER
            )
            if not chosen:
                return False
            team_file = Path(chosen)
        try:
            team = sync.read_team(team_file)
        except UserError as err:
            self.status.setText(user_message(err))
            return False
        # Both sides compare: the hub read ours aloud; now we check the hub's.
        if not confirmed and not self._confirm_fingerprint(
            f"{team.hub.name}（{team.hub.owner}）", team.hub.fingerprint, ask=True
        ):
            self.status.setText(self.tr("指紋が一致しないため、チームに参加しませんでした。"))
            return False
        try:
            with wait_cursor():
                hub = sync.join(self.profile, team)
        except UserError as err:
            self.status.setText(user_message(err))
            return False
        self.refresh()
        self.status.setText(
            self.tr("チームに参加しました。統括（%1）へバンドルを送れます。").replace(
                "%1", one_line(hub.name)
            )
        )
        return True

    def _selected_peer(self, message: str) -> dict[str, Any] | None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if len(rows) != 1 or rows[0] == 0:  # row 0 is this device
            self.status.setText(message)
            return None
        return self.rows[rows[0]]

    def edit_scope(self) -> ScopeDialog | None:
        """Hub: which organisations' records the selected field device receives."""
        device = self._selected_peer(self.tr("設定する端末を 1 台選んでください。"))
        if device is None:
            return None
        dialog = ScopeDialog(self.profile, str(device["device_id"]), str(device["name"]), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.status.setText)
        dialog.open()
        return dialog

    def revoke_selected(self, *, confirmed: bool = False) -> bool:
        device = self._selected_peer(self.tr("取り消す端末を 1 台選んでください。"))
        if device is None:
            return False
        if not confirmed and not ask(
            self,
            self.tr("登録の取消し"),
            self.tr(
                "%1 の登録を取り消しますか？ この端末からのバンドルは以後読み込みません。"
            ).replace("%1", one_line(device["name"])),
        ):
            return False
        try:
            sync.revoke(self.profile, str(device["device_id"]))
        except UserError as err:
            self.status.setText(user_message(err))
            return False
        self.refresh()
        self.status.setText(
            self.tr("%1 の登録を取り消しました。").replace("%1", one_line(device["name"]))
        )
        return True


class StaffLinkDialog(QDialog):
    """At accept: which staff record is the person of the laptop. The record of the same name
    (NFKC, spaces ignored) is offered first; another may be chosen, or a new person."""

    def __init__(self, profile: Profile, member: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("端末の利用者の確認"))
        self.setObjectName("staffLinkDialog")
        found = sync.staff_candidates(profile, member)
        self.suggested = found.suggested
        intro = plain_label(
            self.tr(
                "端末「%1」の利用者は「%2」です。担当者の記録が二重にならないよう、"
                "登録済みの担当者と結び付けてください。"
            )
            .replace("%1", one_line(member.name))
            .replace("%2", one_line(member.owner))
        )
        intro.setWordWrap(True)
        self.same = QRadioButton(self)
        self.same.setObjectName("staffSame")
        self.other = QRadioButton(self.tr("別の担当者を選ぶ(&O)："), self)
        self.other.setObjectName("staffOther")
        self.others = QComboBox(self)
        self.others.setObjectName("staffChoices")
        for choice in (*found.matched, *found.others):
            if self.suggested is None or choice.id != self.suggested.id:
                self.others.addItem(staff_label(choice), choice.id)
        self.new = QRadioButton(self.tr("新しい担当者として登録する(&N)"), self)
        self.new.setObjectName("staffNew")
        if self.suggested is not None:
            self.same.setText(
                self.tr("登録済みの「%1」と同じ人です(&S)").replace(
                    "%1", staff_label(self.suggested)
                )
            )
            self.same.setChecked(True)
        else:
            self.same.setVisible(False)
            self.new.setChecked(True)
        self.other.setEnabled(self.others.count() > 0)
        self.others.setEnabled(False)
        self.other.toggled.connect(self.others.setEnabled)
        note = plain_label(
            self.tr(
                "結び付けると、その端末での記録はこの担当者の記録になります（工数表の列も一つです）。"
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("登録する"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.same)
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addWidget(self.others, 1)
        layout.addLayout(row)
        layout.addWidget(self.new)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 240)

    def chosen(self) -> str | None:
        """The staff id the laptop will record under; None for a new person."""
        if self.same.isChecked() and self.suggested is not None:
            return self.suggested.id
        if self.other.isChecked() and self.others.currentIndex() >= 0:
            return str(self.others.currentData())
        return None


class ScopeDialog(QDialog):
    """Hub: tick the organisations whose records a field device receives (or all of them).

    Reference data and records without an organisation always go; widening the scope makes the
    next bundle to that device a full one (the service takes care of it).
    """

    saved = Signal(str)  # the sentence to show once saved

    def __init__(
        self, profile: Profile, device_id: str, device_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.device_id = device_id
        self.device_name = device_name
        self.setWindowTitle(self.tr("送る団体 — %1").replace("%1", one_line(device_name)))
        self.setObjectName("scopeDialog")
        current = sync.scope_of(profile, device_id)
        self.all = QCheckBox(self.tr("すべての団体（既定）"))
        self.all.setObjectName("allOrganisations")
        self.all.setChecked(current is None)
        self.list = QListWidget()
        self.list.setObjectName("organisations")
        from dxdesk.services.records import RecordService

        for row in RecordService(profile).list_records("organisation"):
            item = QListWidgetItem(str(row.get("name", "")))
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = current is not None and row["id"] in current
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setEnabled(current is not None)
        self.all.toggled.connect(lambda on: self.list.setEnabled(not on))
        self.error = plain_label()
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.all)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, 560)

    def chosen(self) -> list[str] | None:
        if self.all.isChecked():
            return None
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> bool:
        orgs = self.chosen()
        if orgs == []:
            self.error.setText(self.tr("団体を 1 つ以上選ぶか、「すべての団体」にしてください。"))
            return False
        try:
            sync.set_scope(self.profile, self.device_id, orgs)
        except UserError as err:
            self.error.setText(user_message(err))
            return False
        self.saved.emit(
            self.tr("%1 に送る団体を設定しました。").replace("%1", one_line(self.device_name))
        )
        self.accept()
        return True
