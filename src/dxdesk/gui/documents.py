"""Printing documents from the window: choose, preview, save as PDF or Excel, print.

The document is built in memory by ``services.reports.build`` and never touches a temporary
file: the preview renders its pages with PDFium (pypdfium2) straight from the bytes, printing
paints the same pages onto the system printer, and saving writes the bytes with an atomic
rename. A document that belongs to a record (a visit's hearing record, a meeting's minutes)
or to an organisation (its hearing sheet) opens with that record or organisation chosen.
"""

from __future__ import annotations

import contextlib
import html
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.calendar import fiscal_year
from dxdesk.core.clock import today_jst
from dxdesk.core.model import kind as kind_of
from dxdesk.errors import UserError
from dxdesk.fsutil import atomic_write_bytes
from dxdesk.gui.messages import plain_label, user_message
from dxdesk.gui.widgets import DateEdit
from dxdesk.gui.worker import Progress, run_task
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import ReportKind, ReportRequest, build, list_kinds

log = logging.getLogger("dxdesk.gui")

# A request field naming a record -> the kind of that record.
RECORD_PARAMS = {
    "visit_id": "visit",
    "meeting_id": "meeting",
    "training_id": "training",
    "engagement_id": "engagement",
}
RECORD_CHOICES = 300  # newest first; a document for an older record opens from its row
SUFFIXES = {"pdf": ".pdf", "xlsx": ".xlsx"}
FY_UNSET = 2018  # the fiscal-year box's "not given" value (shown as （指定しない）)


# ------------------------------------------------------------------ pages


def pdfium_page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def page_images(data: bytes, dpi: float) -> Iterator[QImage]:
    """Each page of a PDF as an image at ``dpi`` (PDFium, from memory)."""
    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            )
            yield image.copy()  # own the pixels before PDFium frees its bitmap
            bitmap.close()
            page.close()
    finally:
        document.close()


def print_pdf(data: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Paint every page onto ``printer`` (landscape pages turn the paper); return the count.

    Runs on a worker (gui/worker.py run_task): Qt paints on a QPrinter from any thread, and
    rendering a long report page by page at printer resolution takes seconds. ``progress``
    answering False (中止) aborts the job (pages already spooled are the driver's)."""
    dpi = min(max(printer.resolution(), 72), 300)
    painter: QPainter | None = None
    count = 0
    total = pdfium_page_count(data)
    try:
        for image in page_images(data, dpi):
            if progress is not None and not progress(count, total, ""):
                printer.abort()
                raise UserError("print_cancelled")
            landscape = image.width() > image.height()
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
            if painter is None:
                painter = QPainter()
                if not painter.begin(printer):
                    raise UserError("print_failed")
            elif not printer.newPage():
                raise UserError("print_failed")
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), size.width(), size.height())
            painter.drawImage(target, image)
            count += 1
    finally:
        if painter is not None:
            painter.end()
    return count


class PreviewDialog(QDialog):
    """The pages as they will print, one under another, shown as they are rendered.

    Page 1 is rendered before the dialog opens; each further page in its own turn of the
    event loop (a 36-page report no longer waits for all 36 before showing the first, and the
    window answers between pages). Each page's frame has its final size from the start, so the
    scroll bar is right at once."""

    DPI = 96

    def __init__(self, title: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("プレビュー — %1").replace("%1", title))
        self.setObjectName("documentPreview")
        column = QWidget()
        layout = QVBoxLayout(column)
        self.pages: list[QLabel] = []
        self._data = data  # PDFium reads from this buffer while pages remain
        self._document: pdfium.PdfDocument | None = pdfium.PdfDocument(data)
        count = len(self._document)
        scale = self.DPI / 72
        for number in range(1, count + 1):
            width, height = self._document[number - 1].get_size()
            page = plain_label()
            page.setFrameShape(QLabel.Shape.Box)
            page.setFixedSize(QSize(round(width * scale) + 2, round(height * scale) + 2))
            page.setToolTip(
                self.tr("%1 / %2 ページ").replace("%1", str(number)).replace("%2", str(count))
            )
            layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(page)
        self.rendered = 0
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.count_label = plain_label(self.tr("全 %1 ページ").replace("%1", str(count)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addStretch(1)
        row.addWidget(buttons)
        outer.addLayout(row)
        screen = QGuiApplication.primaryScreen()
        available = screen.availableSize() if screen else QSize(1366, 768)
        self.resize(min(900, available.width() - 40), available.height() - 80)
        self.finished.connect(self._close_document)
        self.render_next()

    def render_next(self) -> None:
        """Render the next page, then schedule the one after it."""
        document = self._document
        if document is None or self.rendered >= len(self.pages):
            self._close_document()
            return
        index = self.rendered
        page = document[index]
        bitmap = page.render(scale=self.DPI / 72, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
        ).copy()  # own the pixels before PDFium frees its bitmap
        bitmap.close()
        page.close()
        self.pages[index].setPixmap(QPixmap.fromImage(image))
        self.rendered += 1
        if self.rendered < len(self.pages):
            QTimer.singleShot(0, self, self.render_next)
        else:
            self._close_document()

    def _close_document(self, *_: object) -> None:
        if self._document is not None:
            self._document.close()
            self._document = None


# ------------------------------------------------------------------ the dialog


class DocumentDialog(QDialog):
    """Choose a document and what it is for; preview, save or print it."""

    def __init__(
        self,
        profile: Profile,
        records: RecordService,
        parent: QWidget | None = None,
        *,
        kind: str | None = None,
        org_id: str | None = None,
        month: str | None = None,
        record_id: str | None = None,
        org_explicit: bool = False,
        issued: str | None = None,
        number: str = "",
    ) -> None:
        super().__init__(parent)
        # Opened for one organisation (its context menu): optional filters use it too;
        # otherwise the selected organisation only fills documents that need one.
        self.org_explicit = org_explicit
        self.profile = profile
        self.records = records
        self.setWindowTitle(self.tr("帳票の作成"))
        self.setObjectName("documentDialog")
        self.kinds = {k.name: k for k in list_kinds()}

        self.list = QListWidget()
        self.list.setObjectName("documentKinds")
        for k in self.kinds.values():
            item = QListWidgetItem(k.title)
            item.setData(Qt.ItemDataRole.UserRole, k.name)
            item.setToolTip(k.description)
            self.list.addItem(item)
        self.list.setMinimumWidth(220)

        self.description = QLabel()
        self.description.setTextFormat(Qt.TextFormat.RichText)  # the title in bold; escaped
        self.description.setWordWrap(True)
        self.form = QFormLayout()
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._build_params(org_id, month, record_id)
        # A reprint of a submitted document (the deadline board): its date and number.
        if issued:
            date_widget = self.widgets["issued"]
            assert isinstance(date_widget, DateEdit)
            date_widget.set_value(issued)
        number_widget = self.widgets["number"]
        assert isinstance(number_widget, QLineEdit)
        number_widget.setText(number)
        self.format = QComboBox()
        self.format.setObjectName("format")
        self._add_row("format", self.tr("形式"), self.format)

        self.status = plain_label()
        self.status.setObjectName("documentStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_button = QPushButton(self.tr("プレビュー(&V)"))
        self.save_button = QPushButton(self.tr("保存(&S)…"))
        self.print_button = QPushButton(self.tr("印刷(&P)…"))
        for button, slot in (
            (self.preview_button, self.preview),
            (self.save_button, self.save),
            (self.print_button, self.print_document),
        ):
            button.clicked.connect(slot)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(self.description)
        right.addLayout(self.form)
        right.addStretch(1)
        right.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right.addLayout(buttons)
        body = QHBoxLayout(self)
        body.addWidget(self.list)
        body.addLayout(right, 1)

        self.list.currentItemChanged.connect(self._kind_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        names = list(self.kinds)
        start = names.index(kind) if kind in self.kinds else 0
        self.list.setCurrentRow(start)
        self.resize(820, 460)

    # -------------------------------------------------------------- parameters

    def _add_row(self, name: str, label: str, widget: QWidget) -> None:
        text = plain_label(label)
        text.setBuddy(widget)
        self.form.addRow(text, widget)
        self.widgets[name] = widget
        self.labels[name] = text

    def _build_params(self, org_id: str | None, month: str | None, record_id: str | None) -> None:
        today = today_jst()
        self._given = {"org_id": org_id, "month": month, "record_id": record_id}
        org = QComboBox()
        org.setObjectName("org_id")
        org.addItem(self.tr("（すべての団体）"), None)  # for documents where it is optional
        for row in self.records.list_records("organisation"):
            org.addItem(str(row.get("name", "")), row["id"])
        if org_id:
            org.setCurrentIndex(max(0, org.findData(org_id)))
        self._add_row("org_id", self.tr("団体"), org)

        months = QComboBox()
        months.setObjectName("month")
        months.setEditable(True)
        for recent in _recent_months(today, 24):
            months.addItem(recent, recent)
        months.setCurrentText(month or _previous_month(today))
        self._add_row("month", self.tr("対象月（YYYY-MM）"), months)

        fy = QSpinBox()
        fy.setObjectName("fy")
        fy.setRange(FY_UNSET, 2100)
        fy.setSpecialValueText(self.tr("（指定しない）"))
        shown = today
        if month:
            try:
                shown = date(int(month[:4]), int(month[5:7]), 1)
            except ValueError:
                shown = today
        fy.setValue(fiscal_year(shown))
        fy.setPrefix(self.tr("年度 "))
        self._add_row("fy", self.tr("年度"), fy)

        for param, kind_name in RECORD_PARAMS.items():
            combo = QComboBox()
            combo.setObjectName(param)
            k = kind_of(kind_name)
            rows = self.records.list_records(kind_name, limit=RECORD_CHOICES)
            combo.addItem(self.tr("（指定しない）"), None)
            ids = {str(r["id"]) for r in rows}
            if record_id and record_id not in ids:
                with contextlib.suppress(UserError):  # a record of another kind: not here
                    rows.insert(0, self.records.get(kind_name, record_id))
            for row in rows:
                combo.addItem(_record_label(k, row), row["id"])
            if record_id:
                found = combo.findData(record_id)
                if found >= 0:
                    combo.setCurrentIndex(found)
            self._add_row(param, QCoreApplication.translate("Kind", k.label), combo)

        key = QLineEdit()
        key.setObjectName("recovery_key")
        key.setEchoMode(QLineEdit.EchoMode.Password)
        key.setPlaceholderText("XXXX-XXXX-…")
        self._add_row("recovery_key", self.tr("回復キー"), key)

        mark = QLineEdit(ReportRequest(kind="").handling_mark)
        mark.setObjectName("handling_mark")
        self._add_row("handling_mark", self.tr("取扱区分の表示"), mark)

        # Documents sent to the prefecture: their date is chosen (a reprint keeps the date it
        # was submitted with) and they may carry a 文書番号.
        issued = DateEdit(self)
        issued.setObjectName("issued")
        issued.set_value(today.isoformat())
        self._add_row("issued", self.tr("文書の日付"), issued)
        number = QLineEdit()
        number.setObjectName("number")
        number.setPlaceholderText(self.tr("例：DX第12号（空欄のときは表示しません）"))
        self._add_row("number", self.tr("文書番号"), number)

    def current_kind(self) -> ReportKind:
        item = self.list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item else next(iter(self.kinds))
        return self.kinds[name]

    def _kind_changed(self, *_: Any) -> None:
        k = self.current_kind()
        self.description.setText(f"<b>{html.escape(k.title)}</b><br>{html.escape(k.description)}")
        used = set(k.needs) | set(k.optional) | {"handling_mark", "format"}
        if k.official:
            used |= {"issued", "number"}
        for name, widget in self.widgets.items():
            shown = name in used
            widget.setVisible(shown)
            self.labels[name].setVisible(shown)
        self._defaults_for(k)
        self.format.blockSignals(True)
        self.format.clear()
        for fmt in k.formats:
            self.format.addItem({"pdf": "PDF", "xlsx": "Excel"}.get(fmt, fmt), fmt)
        self.format.blockSignals(False)
        self._format_changed()
        self.status.clear()

    def _defaults_for(self, k: ReportKind) -> None:
        """Needed parameters get a value (the context's, else a sensible one); optional ones
        start unset (all organisations, any month), except the fiscal year."""
        for name in (*k.needs, *k.optional):
            widget = self.widgets.get(name)
            needed = name in k.needs
            given = self._given.get("record_id" if name in RECORD_PARAMS else name)
            if isinstance(widget, QComboBox) and name == "month":
                if needed and not widget.currentText().strip():
                    widget.setCurrentText(given or _previous_month(today_jst()))
                elif not needed:
                    widget.setCurrentText("")
            elif isinstance(widget, QComboBox):
                if name == "org_id" and not needed and not self.org_explicit:
                    given = None
                found = widget.findData(given) if given else -1
                if found > 0:
                    widget.setCurrentIndex(found)
                elif needed and widget.currentIndex() <= 0 and widget.count() > 1:
                    widget.setCurrentIndex(1)
                elif not needed and name == "org_id":
                    widget.setCurrentIndex(0)

    def _format_changed(self, *_: Any) -> None:
        pdf = self.format.currentData() == "pdf"
        self.preview_button.setEnabled(pdf)
        self.print_button.setEnabled(pdf)

    def request(self) -> ReportRequest:
        k = self.current_kind()
        values: dict[str, Any] = {}
        for name in (*k.needs, *k.optional):
            widget = self.widgets.get(name)
            if isinstance(widget, QComboBox):
                value = widget.currentText().strip() if name == "month" else widget.currentData()
            elif isinstance(widget, QSpinBox):
                value = widget.value() if widget.value() != FY_UNSET else None
            elif isinstance(widget, QLineEdit):
                value = widget.text().strip()
            else:
                continue
            if value not in (None, ""):  # unset: the service names what is missing, if needed
                values[name] = value
        mark = self.widgets["handling_mark"]
        assert isinstance(mark, QLineEdit)
        if k.official:
            issued, number = self.widgets["issued"], self.widgets["number"]
            assert isinstance(issued, DateEdit) and isinstance(number, QLineEdit)
            day = issued.current_date()
            if day is None and str(issued.value() or ""):
                raise UserError(
                    "bad_argument", detail=f"「{issued.value()}」を日付として読み取れません。"
                )
            values["issued"] = day
            values["number"] = number.text().strip()
        return ReportRequest(
            kind=k.name,
            handling_mark=mark.text().strip(),
            **values,
        )

    # -------------------------------------------------------------- actions

    def _build(self, fmt: str) -> bytes | None:
        self.status.setText(self.tr("作成しています…"))
        self.status.repaint()
        try:
            request = self.request()
            # On a worker behind a progress dialog (gui/worker.py run_task): the builder only
            # reads, and the autosaving forms wait while it holds the connection.
            return run_task(
                self,
                self.current_kind().title,
                self.tr("%1 を作成しています…").replace("%1", self.current_kind().title),
                lambda _progress: build(self.profile, request, fmt),
            )
        except UserError as err:
            self.status.setText(user_message(err))
            return None

    def preview(self) -> PreviewDialog | None:
        data = self._build("pdf")
        if data is None:
            return None
        self.status.clear()
        dialog = PreviewDialog(self.current_kind().title, data, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def suggested_name(self, fmt: str) -> str:
        k, request = self.current_kind(), self.request()
        parts = [k.title]
        if request.org_id and isinstance(self.widgets["org_id"], QComboBox):
            parts.append(self.widgets["org_id"].currentText())
        if request.month:
            parts.append(request.month)
        elif request.fy and "fy" in (*k.needs, *k.optional):
            parts.append(self.tr("%1年度").replace("%1", str(request.fy)))
        return "_".join(parts) + SUFFIXES.get(fmt, "")

    def save(self, path: str | None = None) -> Path | None:
        fmt = str(self.format.currentData())
        if path is None:
            try:
                name = self.suggested_name(fmt)
            except UserError as err:  # a date that is none: said before a file is chosen
                self.status.setText(user_message(err))
                return None
            folder = str(QSettings().value("documents/folder", str(Path.home())))
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("帳票の保存"),
                str(Path(folder) / name),
                "PDF (*.pdf)" if fmt == "pdf" else self.tr("Excel ブック (*.xlsx)"),
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.lower() != SUFFIXES[fmt]:
            target = target.with_name(target.name + SUFFIXES[fmt])
        data = self._build(fmt)
        if data is None:
            return None
        try:
            atomic_write_bytes(target, data, mode=0o600)
        except UserError as err:
            self.status.setText(user_message(err))
            return None
        QSettings().setValue("documents/folder", str(target.parent))
        self.status.setText(self.tr("保存しました：%1").replace("%1", str(target)))
        return target

    def print_document(self, printer: QPrinter | None = None) -> int:
        data = self._build("pdf")
        if data is None:
            return 0
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.current_kind().title)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.status.clear()
                return 0
        title = self.current_kind().title
        try:
            pages = run_task(
                self,
                title,
                self.tr("%1 を印刷しています…").replace("%1", title),
                lambda progress: print_pdf(data, printer, progress),
                on_database=False,
            )
        except UserError as err:
            self.status.setText(user_message(err))
            return 0
        self.status.setText(self.tr("%1 ページを印刷しました。").replace("%1", str(pages)))
        return pages


def documents_for(param: str) -> list[ReportKind]:
    """The documents that can be made for one record or one organisation (``visit_id``,
    ``org_id`` ...): those that need it first, then those it can narrow."""
    found = list_kinds()
    return [k for k in found if param in k.needs] + [k for k in found if param in k.optional]


def _record_label(k: Any, row: dict[str, Any]) -> str:
    parts = []
    if k.date_field and row.get(k.date_field):
        parts.append(str(row[k.date_field]))
    parts.append(str(row.get(k.title) or row["id"]))
    return " ".join(parts)


def _recent_months(today: date, count: int) -> list[str]:
    year, month = today.year, today.month
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out


def _previous_month(today: date) -> str:
    # The monthly report is written in the first days of the next month.
    return _recent_months(today, 2)[1]
