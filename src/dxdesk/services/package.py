"""The final package (8(2)): every deliverable of a fiscal year in one folder or one .zip.

Each document as PDF, and its tables as .xlsx where it has them, named in order
(``03_月次作業報告書_2025-06.pdf``), with an index (一覧表, as PDF and .xlsx) listing every file,
its document, what it is for, its 文書番号 and its date. A document already submitted is
reprinted with the date and number of its submission (the deadline board's register), so the
package holds what the prefecture received. Months without any work are left out of the
package and listed as such in the result (the monthly report refuses an empty month).

Built whole in memory and written at once: a folder appears complete or not at all (written
under a temporary name beside it, then renamed), a .zip the same way. ``progress`` is called
before each document with (done, total, what) and may return False to stop: nothing is written.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from dxdesk.core.calendar import (
    fiscal_year_range,
    format_fiscal_year,
    format_wareki,
    format_wareki_compact,
    wareki_year,
)
from dxdesk.core.clock import today_jst
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.services.deadlines import DeadlineService
from dxdesk.services.profile import Profile
from dxdesk.services.reports import build, get_kind

INDEX_TITLE = "成果品一覧表"
SUFFIX = {"pdf": ".pdf", "xlsx": ".xlsx"}
Progress = Callable[[int, int, str], bool]


@dataclass(frozen=True)
class Item:
    """One document of the package: what it is and how it is made."""

    title: str  # the document's name (月次作業報告書)
    target: str  # what it is for, in Japanese (令和7年11月, a meeting's title)
    request: ReportRequest
    key: str  # the deadline board's key, to find its submission


@dataclass(frozen=True)
class Entry:
    title: str
    target: str
    number: str
    issued: date
    files: tuple[str, ...]


@dataclass
class Package:
    path: Path
    entries: list[Entry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # documents without data, in Japanese

    @property
    def files(self) -> list[str]:
        return [f for e in self.entries for f in e.files]


def _month_label(month: str) -> str:
    era, year = wareki_year(date.fromisoformat(month + "-01"))
    return f"{era}{'元' if year == 1 else year}年{int(month[5:])}月"


def _on(day: str, title: str) -> str:
    return f"{format_wareki_compact(date.fromisoformat(day))} {title}"


def _months(fy: int) -> list[str]:
    return [f"{fy}-{m:02d}" for m in range(4, 13)] + [f"{fy + 1}-{m:02d}" for m in range(1, 4)]


def plan(profile: Profile, fy: int) -> list[Item]:
    """The documents of 年度 ``fy``, in the order of the index."""
    start, end = fiscal_year_range(fy)
    db = profile.database
    year = format_fiscal_year(fy)
    # The start-of-contract set first (8(1) No.1, 2, 4), as they were submitted.
    items = [
        Item(title, year, ReportRequest(kind_name, fy=fy), f"{kind_name}:{fy}")
        for kind_name, title in (
            ("plan", "業務実施計画書"),
            ("structure", "業務実施体制図"),
            ("security", "情報漏洩等への対策に関する文書"),
        )
    ]
    items += [
        Item(
            "月次作業報告書",
            _month_label(m),
            ReportRequest("monthly", month=m),
            f"monthly:{m}",
        )
        for m in _months(fy)
    ]
    for r in db.query(
        "SELECT id, title, date FROM meeting WHERE _deleted = 0 AND date BETWEEN ? AND ?"
        " ORDER BY date, rid",
        (start.isoformat(), end.isoformat()),
    ):
        items.append(
            Item(
                "議事録",
                _on(str(r["date"]), str(r["title"])),
                ReportRequest("minutes", meeting_id=str(r["id"])),
                f"minutes:{r['id']}",
            )
        )
    for r in db.query(
        "SELECT id, title, date, status FROM training WHERE _deleted = 0 AND date BETWEEN ? AND ?"
        " ORDER BY date, rid",
        (start.isoformat(), end.isoformat()),
    ):
        target = _on(str(r["date"]), str(r["title"]))
        items.append(
            Item(
                "研修実施内容報告書",
                target,
                ReportRequest("training-plan", training_id=str(r["id"])),
                f"training-plan:{r['id']}",
            )
        )
        if r["status"] in ("実施済み", "中止"):
            items.append(
                Item(
                    "研修実施結果報告書",
                    target,
                    ReportRequest("training-result", training_id=str(r["id"])),
                    f"training-result:{r['id']}",
                )
            )
    for kind_name, title in (
        ("consultations", "相談管理表"),
        ("experts", "専門人材一覧表"),
        ("case-study", "支援事例"),
        ("completion", "業務完了報告書"),
    ):
        items.append(Item(title, year, ReportRequest(kind_name, fy=fy), f"{kind_name}:{fy}"))
    return items


def build_package(
    profile: Profile,
    fy: int,
    out: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    today: date | None = None,
) -> Package:
    """Make every document of 年度 ``fy`` and write them with their index to ``out`` (a folder
    that does not exist yet, or a file ending in .zip)."""
    target = Path(out)
    as_zip = target.suffix.lower() == ".zip"
    if target.exists():
        raise UserError("package_exists", path=str(target))
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir() or not os.access(parent, os.W_OK):
        raise UserError("io_error", path=str(target))
    today = today or today_jst()
    submitted = {d.key: d for d in DeadlineService(profile, today).board(fy)}
    items = plan(profile, fy)
    result = Package(target)
    files: dict[str, bytes] = {}
    n = 0
    for done, item in enumerate(items):
        if progress is not None and not progress(done, len(items), f"{item.title} {item.target}"):
            raise UserError("package_cancelled")
        d = submitted.get(item.key)
        request = item.request
        if d is not None and d.submitted_on:
            request = replace(
                request, issued=date.fromisoformat(d.submitted_on), number=d.doc_number or ""
            )
        kind = get_kind(request.kind)
        made: dict[str, bytes] = {}
        try:
            for fmt in kind.formats:
                made[fmt] = build(profile, request, fmt, today=today)
        except UserError as err:
            if err.code != "report_no_data":
                raise
            result.skipped.append(f"{item.title}（{item.target}）")
            continue
        n += 1
        stem = f"{n:02d}_{item.title}_{_slug(item)}"
        names = tuple(stem + SUFFIX[fmt] for fmt in made)
        files.update(zip(names, made.values(), strict=True))
        result.entries.append(
            Entry(item.title, item.target, request.number, request.issued or today, names)
        )
    if progress is not None and not progress(len(items), len(items), INDEX_TITLE):
        raise UserError("package_cancelled")
    files.update(_index(profile, fy, result, today))
    _write(target, files, as_zip=as_zip)
    return result


def _slug(item: Item) -> str:
    """What the document is for, as a file name can hold it (no slash, no colon)."""
    r = item.request
    if r.month:
        return r.month
    if r.fy is not None:
        return f"{r.fy}年度"
    text = item.target.split(" ", 1)[0]  # the date of a meeting or a training
    return "".join(c for c in text if c not in '\\/:*?"<>|')


def _index(profile: Profile, fy: int, result: Package, today: date) -> dict[str, bytes]:
    from dxdesk.reports.fonts import register_fonts
    from dxdesk.reports.pdf import PdfDocument
    from dxdesk.reports.xlsx import Sheet, workbook_bytes

    header = ["No", "書類", "対象", "文書番号", "日付", "ファイル"]
    rows: list[list[object]] = [
        [k, e.title, e.target, e.number, e.issued, "\n".join(e.files)]
        for k, e in enumerate(result.entries, start=1)
    ]
    title = f"{INDEX_TITLE}（{format_fiscal_year(fy)} 自治体DXサポート強化業務）"
    doc = PdfDocument(
        title=INDEX_TITLE,
        fonts=register_fonts(profile.settings.pdf_font),
        issued=today,
        landscape=True,
    )
    doc.title_block([("対象年度", format_fiscal_year(fy)), ("書類の数", f"{len(rows)}件")])
    doc.table(header, rows, widths=[1, 3.2, 5, 2.2, 2.2, 8], align="RLLLCL")
    if result.skipped:
        doc.paragraph("記録がないため作成していない書類：" + "、".join(result.skipped), small=True)
    doc.paragraph(f"作成日：{format_wareki(today)}", small=True)
    sheet = Sheet(
        INDEX_TITLE,
        header,
        [
            [k, e.title, e.target, e.number, e.issued, "、".join(e.files)]
            for k, e in enumerate(result.entries, start=1)
        ],
    )
    return {
        f"00_{INDEX_TITLE}.pdf": doc.build(),
        f"00_{INDEX_TITLE}.xlsx": workbook_bytes([sheet], title=title),
    }


def _write(target: Path, files: dict[str, bytes], *, as_zip: bool) -> None:
    parent = target.parent if str(target.parent) else Path(".")
    if as_zip:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in files.items():
                z.writestr(name, data)  # UTF-8 names: Japanese file names open on Windows
        from dxdesk.fsutil import atomic_write_bytes

        atomic_write_bytes(target, buf.getvalue(), mode=0o600)
        return
    tmp = Path(tempfile.mkdtemp(prefix=".dxdesk-package-", dir=parent))
    try:
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        os.replace(tmp, target)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError("io_error", path=str(target)) from None
