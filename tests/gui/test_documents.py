"""Documents from the window: choose, preview (from memory), save as PDF/Excel, print."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from dxdesk.gui.documents import DocumentDialog, PreviewDialog, page_images
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.widgets import DateEdit
from dxdesk.paths import ProfilePaths
from dxdesk.services.demo import populate_demo
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from tests.conftest import FAST_KDF, PASSPHRASE

MONTH = "2025-11"  # inside the demo's fiscal year


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Profile]:
    root = tmp_path_factory.mktemp("帳票画面") / "デモ"
    profile, _recovery = create_profile(
        ProfilePaths(root),
        owner_name="宮崎 統括",
        device_name="統括PC",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    populate_demo(profile)
    yield profile
    profile.close(backup=False)


@pytest.fixture
def dialog(qtbot: QtBot, demo: Profile) -> DocumentDialog:
    d = DocumentDialog(demo, RecordService(demo), kind="monthly", month=MONTH)
    qtbot.addWidget(d)
    d.show()
    return d


def _text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_each_document_shows_only_what_it_needs(dialog: DocumentDialog) -> None:
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "月次作業報告書" in titles and "議事録" in titles
    assert dialog.current_kind().name == "monthly"
    assert dialog.widgets["month"].isVisible()
    assert not dialog.widgets["meeting_id"].isVisible()
    dialog.list.setCurrentRow(titles.index("議事録"))
    assert dialog.widgets["meeting_id"].isVisible()
    assert not dialog.widgets["month"].isVisible()
    meetings = dialog.widgets["meeting_id"]
    assert isinstance(meetings, QComboBox) and meetings.count() > 0


def test_save_as_pdf_and_excel_into_a_japanese_folder(
    dialog: DocumentDialog, tmp_path: Path
) -> None:
    folder = tmp_path / "山田" / "報告書"
    folder.mkdir(parents=True)
    saved = dialog.save(str(folder / "月次"))
    assert saved == folder / "月次.pdf"
    assert "月次作業報告書" in _text(saved)
    assert "保存しました" in dialog.status.text()
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert not dialog.preview_button.isEnabled() and not dialog.print_button.isEnabled()
    book = dialog.save(str(folder / "月次.xlsx"))
    assert book is not None
    assert openpyxl.load_workbook(book).sheetnames


def test_preview_renders_every_page_from_memory(
    qtbot: QtBot, dialog: DocumentDialog, tmp_path: Path
) -> None:
    saved = dialog.save(str(tmp_path / "m.pdf"))
    assert saved is not None
    pages = len(PdfReader(saved).pages)
    before = set(tmp_path.iterdir())
    preview = dialog.preview()
    assert isinstance(preview, PreviewDialog)
    qtbot.addWidget(preview)
    assert len(preview.pages) == pages
    # Page 1 is there when the dialog opens; the others follow, one per turn of the loop.
    assert pages > 2 and preview.rendered == 1
    assert not preview.pages[0].pixmap().isNull() and preview.pages[-1].pixmap().isNull()
    assert preview.pages[-1].size() == preview.pages[1].size()  # framed at full size already
    qtbot.waitUntil(lambda: preview.rendered == pages)
    assert not preview.pages[-1].pixmap().isNull()
    image = preview.pages[0].pixmap().toImage()
    # Not a blank sheet: some pixels are dark (text and rules were drawn).
    dark = sum(
        1
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
        if QColor(image.pixel(x, y)).lightness() < 128
    )
    assert dark > 50
    assert set(tmp_path.iterdir()) == before  # no temporary file anywhere near


def test_print_paints_each_page_on_the_printer(dialog: DocumentDialog, tmp_path: Path) -> None:
    reference = dialog.save(str(tmp_path / "ref.pdf"))
    assert reference is not None
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "印刷.pdf"))
    count = dialog.print_document(printer)
    assert count == len(PdfReader(reference).pages) == len(PdfReader(tmp_path / "印刷.pdf").pages)
    assert "印刷しました" in dialog.status.text()


def test_a_bad_month_gets_one_sentence_and_no_file(dialog: DocumentDialog, tmp_path: Path) -> None:
    month = dialog.widgets["month"]
    assert isinstance(month, QComboBox)
    month.setCurrentText("2025-13")
    assert dialog.save(str(tmp_path / "x.pdf")) is None
    assert "令和7年11月" in dialog.status.text()
    assert list(tmp_path.iterdir()) == []


def test_page_images_match_the_page_count(dialog: DocumentDialog, tmp_path: Path) -> None:
    saved = dialog.save(str(tmp_path / "p.pdf"))
    assert saved is not None
    images = list(page_images(saved.read_bytes(), 30))
    assert len(images) == len(PdfReader(saved).pages)
    assert all(not i.isNull() for i in images)


def test_a_meeting_row_offers_its_minutes(qtbot: QtBot, demo: Profile) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    table = window._make_table("meeting")
    qtbot.addWidget(table)
    texts = [text for text, _act in table.record_actions]
    assert texts == ["議事録を作成…"]
    meeting = RecordService(demo).list_records("meeting", limit=1)[0]
    _label, act = table.record_actions[0]
    opened = act(str(meeting["id"]))
    assert isinstance(opened, DocumentDialog)
    qtbot.addWidget(opened)
    assert opened.current_kind().name == "minutes"
    combo = opened.widgets["meeting_id"]
    assert isinstance(combo, QComboBox) and combo.currentData() == meeting["id"]
    assert isinstance(opened, QWidget)


def test_optional_filters_start_unset_and_needed_ones_are_filled(
    qtbot: QtBot, demo: Profile
) -> None:
    records = RecordService(demo)
    takachiho = records.resolve_org("高千穂町")
    d = DocumentDialog(demo, records, kind="consultations", org_id=takachiho, month=MONTH)
    qtbot.addWidget(d)
    request = d.request()
    assert request.org_id is None and request.month is None  # the whole log ...
    assert request.fy == 2025  # ... of the fiscal year shown
    d.list.setCurrentRow(
        [d.list.item(i).text() for i in range(d.list.count())].index("ヒアリングシート")
    )
    assert d.request().org_id == takachiho  # needed: the selected organisation


def test_an_organisations_context_opens_its_hearing_sheet(qtbot: QtBot, demo: Profile) -> None:
    from dxdesk.gui.documents import documents_for

    assert "hearing-sheet" in [k.name for k in documents_for("org_id")]
    window = MainWindow(demo)
    qtbot.addWidget(window)
    org = RecordService(demo).resolve_org("日之影町")
    opened = window.open_document("consultations", org_id=org)
    qtbot.addWidget(opened)
    assert opened.request().org_id == org  # opened for this organisation: its log only


@pytest.mark.parametrize(
    ("kind_name", "expected"),
    [
        ("visit", ["ヒアリング記録を作成…"]),
        ("training", ["研修実施内容報告書を作成…", "研修実施結果報告書を作成…"]),
        ("engagement", ["支援事例を作成…"]),
        ("issue", []),
    ],
)
def test_row_menus_offer_the_documents_of_their_record(
    qtbot: QtBot, demo: Profile, kind_name: str, expected: list[str]
) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    table = window._make_table(kind_name)
    qtbot.addWidget(table)
    assert [text for text, _act in table.record_actions] == expected


def test_a_document_sent_out_takes_its_date_and_number(
    dialog: DocumentDialog, tmp_path: Path
) -> None:
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert dialog.widgets["issued"].isVisible() and dialog.widgets["number"].isVisible()
    issued, number = dialog.widgets["issued"], dialog.widgets["number"]
    assert isinstance(issued, DateEdit) and isinstance(number, QLineEdit)
    issued.set_value("令和7年12月10日")
    number.setText("DX第12号")
    request = dialog.request()
    assert request.issued == date(2025, 12, 10) and request.number == "DX第12号"
    issued.set_value("2025-02-30")
    assert dialog.save(str(tmp_path / "x.pdf")) is None
    assert "日付として読み取れません" in dialog.status.text()
    assert list(tmp_path.iterdir()) == []
    dialog.list.setCurrentRow(titles.index("ヒアリングシート"))  # a working paper: neither
    assert not dialog.widgets["issued"].isVisible()
    assert not dialog.widgets["number"].isVisible()


def test_a_document_build_stopped_shows_and_writes_nothing(
    qtbot: QtBot, dialog: DocumentDialog, tmp_path: Path
) -> None:
    """The build runs on a worker behind a progress dialog; 中止 drops its result."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton

    from dxdesk.gui import worker

    def press() -> None:
        modal = QApplication.activeModalWidget()
        button = modal.findChild(QPushButton, "taskCancel") if modal is not None else None
        if button is None:
            QTimer.singleShot(2, press)
            return
        button.click()

    QTimer.singleShot(0, press)
    assert dialog.save(str(tmp_path / "中止.pdf")) is None
    assert "中止しました" in dialog.status.text()
    assert list(tmp_path.iterdir()) == []
    assert not worker.busy()
    # The next build is not affected.
    assert dialog.save(str(tmp_path / "次.pdf")) == tmp_path / "次.pdf"


def test_printing_runs_on_a_worker_and_can_be_stopped(
    dialog: DocumentDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages are painted off the GUI thread; 中止 after the first page aborts the job."""
    import threading

    from dxdesk.errors import UserError
    from dxdesk.gui.documents import print_pdf

    reference = dialog.save(str(tmp_path / "ref.pdf"))
    assert reference is not None
    data = reference.read_bytes()
    assert len(PdfReader(reference).pages) > 1
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "中止.pdf"))
    threads: list[bool] = []

    def stop_after_one(done: int, total: int, _what: str) -> bool:
        threads.append(threading.current_thread() is threading.main_thread())
        assert total == len(PdfReader(reference).pages)
        return done < 1

    try:
        print_pdf(data, printer, stop_after_one)
    except UserError as err:
        assert err.code == "print_cancelled"
    else:
        raise AssertionError("not stopped")
    assert threads == [True, True]  # called directly here; the window calls it on a worker
    seen: list[bool] = []
    import dxdesk.gui.documents as documents

    original = documents.print_pdf

    def spy(data: bytes, printer: QPrinter, progress: object = None) -> int:
        seen.append(threading.current_thread() is threading.main_thread())
        return original(data, printer, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(documents, "print_pdf", spy)
    printer.setOutputFileName(str(tmp_path / "全ページ.pdf"))
    assert dialog.print_document(printer) == len(PdfReader(reference).pages)
    assert seen == [False]  # painted on the worker, not the GUI thread
