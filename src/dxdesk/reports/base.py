"""What a document is: its request, its kind, the registry, and the context a builder gets.

Adding a document (one module per document under ``dxdesk/reports/documents/``)::

    from dxdesk.reports.base import ReportContext, ReportKind, register

    def build_pdf(ctx: ReportContext) -> bytes:
        org = ctx.require_org()                        # resolved organisation row (dict)
        first, last = ctx.month_range()                # request.month "YYYY-MM" -> dates
        rows = ctx.database.query("SELECT ... WHERE date BETWEEN ? AND ?", (first.isoformat(), ...))
        if not rows:
            raise ctx.no_data()                        # UserError("report_no_data")
        doc = ctx.new_pdf("月次作業報告書", landscape=False)   # title block filled from request
        doc.title_block([("対象月", ctx.month_label())])
        doc.heading("1. 概要")
        doc.table(["団体", "日数"], [[org["name"], 3]], widths=[3, 1], align="LR")
        return doc.build()

    def build_xlsx(ctx: ReportContext) -> bytes:
        return workbook_bytes([Sheet("一覧", ["団体", "日数"], [[...]])])

    register(ReportKind(
        name="monthly", title="月次作業報告書",
        needs=("month",),                 # ReportRequest fields that must be given
        optional=("org_id",),
        pdf=build_pdf, xlsx=build_xlsx,   # None where a format is not offered
        description="...",
    ))

``registry.load_documents()`` imports every module in ``dxdesk.reports.documents`` so they register
themselves; ``dxdesk.services.reports.generate`` validates the request against ``needs``, builds
the context and writes the file atomically. A builder raises ``UserError`` for anything the user
can fix and returns the complete file as bytes (nothing is written until it has succeeded).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dxdesk.core.calendar import OfficeCalendar, format_wareki
from dxdesk.core.calendar import parse_month as calendar_parse_month
from dxdesk.errors import UserError
from dxdesk.settings import Settings
from dxdesk.store.database import Database
from dxdesk.store.records import RecordStore

if TYPE_CHECKING:
    from dxdesk.reports.fonts import RegisteredFonts
    from dxdesk.reports.pdf import Letterhead, PdfDocument

__all__ = [
    "PARAM_LABELS",
    "REGISTRY",
    "ReportContext",
    "ReportKind",
    "ReportRequest",
    "parse_month",
    "register",
]

DEFAULT_HANDLING_MARK = "取扱注意"

# ReportRequest field -> (CLI option, Japanese label) for messages and --list.
PARAM_LABELS: dict[str, tuple[str, str]] = {
    "org_id": ("--org", "団体"),
    "month": ("--month", "対象月"),
    "fy": ("--fy", "年度"),
    "meeting_id": ("--meeting", "会議"),
    "visit_id": ("--visit", "訪問"),
    "training_id": ("--training", "研修"),
    "engagement_id": ("--engagement", "集中支援"),
    "recovery_key": ("--key-file", "回復キー"),
}


@dataclass(frozen=True)
class ReportRequest:
    """Which document, for what. ``org_id`` is an organisation id (services resolve names)."""

    kind: str
    org_id: str | None = None
    month: str | None = None  # "YYYY-MM"
    fy: int | None = None  # 年度, named by its first calendar year
    meeting_id: str | None = None
    visit_id: str | None = None
    training_id: str | None = None
    engagement_id: str | None = None
    author: str = ""
    handling_mark: str = DEFAULT_HANDLING_MARK
    # The document's date, chosen when it is made (a reprint keeps the submitted one); None:
    # today. And its 文書番号, printed in the official form ("" for none).
    issued: date | None = None
    number: str = ""
    # Only the recovery-kit sheet uses it; never shown in repr, logs or messages.
    recovery_key: str | None = field(default=None, repr=False)


BuildFn = Callable[["ReportContext"], bytes]
# Who wrote a document by its nature (a hearing record: the visit's staff), "" when unknown.
AuthorFn = Callable[[Database, ReportRequest], str]


@dataclass(frozen=True)
class AttentionLine:
    """One 要注意 entry of an organisation (services.attention computes them; documents print)."""

    system: str  # the business system's name, "" for the organisation as a whole
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ReportKind:
    name: str  # CLI name, e.g. "hearing-sheet"
    title: str  # Japanese title, e.g. "ヒアリングシート"
    needs: tuple[str, ...] = ()  # ReportRequest fields that must be set
    optional: tuple[str, ...] = ()
    pdf: BuildFn | None = None
    xlsx: BuildFn | None = None
    description: str = ""  # one Japanese sentence for --list and the GUI menu
    # The default author when the request names none; the profile's owner when this is None
    # or finds no one.
    author: AuthorFn | None = None
    # Sent to the prefecture: printed in the official form (宛先, 受託者, 文書番号).
    official: bool = False
    # Prints the organisation's 要注意 entries: the service puts them in ReportContext.attention
    # (the rules live in services.attention, above this layer).
    attention: bool = False

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(f for f, fn in (("pdf", self.pdf), ("xlsx", self.xlsx)) if fn is not None)

    def builder(self, fmt: str) -> BuildFn | None:
        return {"pdf": self.pdf, "xlsx": self.xlsx}.get(fmt)


REGISTRY: dict[str, ReportKind] = {}


def register(kind: ReportKind) -> ReportKind:
    """Add a document kind; a module registers its kind when imported."""
    REGISTRY[kind.name] = kind
    return kind


def parse_month(text: str) -> tuple[date, date]:
    """ "2025-11" or 令和7年11月 -> (2025-11-01, 2025-11-30); UserError("bad_month") otherwise
    (core/calendar.parse_month: the one reading of a typed month)."""
    try:
        month = calendar_parse_month(text)
    except ValueError:
        raise UserError("bad_month", value=text) from None
    first = date(int(month[:4]), int(month[5:]), 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


@dataclass
class ReportContext:
    """Everything a builder may use; built by services.reports.generate (or by tests)."""

    request: ReportRequest
    database: Database
    records: RecordStore
    settings: Settings
    calendar: OfficeCalendar
    today: date
    profile_root: Path
    org: Mapping[str, Any] | None = None  # the organisation row when request.org_id is set
    search_dirs: Sequence[Path] | None = None  # font folders (tests); None: the OS folders
    letterhead: Letterhead | None = None  # the official form, for documents sent out
    attention: Sequence[AttentionLine] = ()  # the organisation's 要注意, when the kind asks
    _fonts: RegisteredFonts | None = None

    # ------------------------------------------------------------ request helpers

    def require_org(self) -> Mapping[str, Any]:
        if self.org is None:
            raise UserError("report_param_missing", option="--org", label="団体")
        return self.org

    def month_range(self) -> tuple[date, date]:
        if not self.request.month:
            raise UserError("report_param_missing", option="--month", label="対象月")
        return parse_month(self.request.month)

    def month_label(self) -> str:
        """令和7年11月 for the requested month."""
        first, _ = self.month_range()
        text = format_wareki(first)
        return text[: text.index("月") + 1]

    def no_data(self, what: str = "") -> UserError:
        """The error for a period or selection with nothing to report."""
        kind = REGISTRY.get(self.request.kind)
        title = kind.title if kind else self.request.kind
        return UserError("report_no_data", title=title, what=what or "指定の条件")

    # ------------------------------------------------------------ output helpers

    @property
    def fonts(self) -> RegisteredFonts:
        if self._fonts is None:
            from dxdesk.reports.fonts import register_fonts

            self._fonts = register_fonts(self.settings.pdf_font, self.search_dirs)
        return self._fonts

    def new_pdf(
        self, title: str, *, landscape: bool = False, org_name: str | None = None
    ) -> PdfDocument:
        """A PdfDocument with this request's author, handling mark, organisation and date."""
        from dxdesk.reports.pdf import PdfDocument

        if org_name is None and self.org is not None:
            org_name = str(self.org.get("name") or "")
        return PdfDocument(
            title=title,
            fonts=self.fonts,
            landscape=landscape,
            org_name=org_name or "",
            author=self.request.author,
            handling_mark=self.request.handling_mark,
            issued=self.request.issued or self.today,
            letterhead=self.letterhead,
        )
