"""Printing a document: validate the request, build it, write it whole or not at all.

``generate(profile, request, out_path)`` is the one entry point for the CLI, the GUI and the
benchmarks: it picks PDF or Excel from the file suffix, resolves the organisation (name, code or
id), checks the parameters the document needs, builds the file in memory and writes it with an
atomic rename. It returns the path written or raises UserError; it never leaves a partial file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from dxdesk.core.clock import today_jst
from dxdesk.errors import UserError
from dxdesk.fsutil import atomic_write_bytes
from dxdesk.reports.base import (
    DEFAULT_HANDLING_MARK,
    PARAM_LABELS,
    AttentionLine,
    BuildFn,
    ReportContext,
    ReportKind,
    ReportRequest,
    parse_month,
)
from dxdesk.reports.registry import kinds, load_documents
from dxdesk.services.calendar import office_calendar
from dxdesk.services.phrases import japanese
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

__all__ = [
    "DEFAULT_HANDLING_MARK",
    "FORMAT_SUFFIXES",
    "PARAM_LABELS",
    "ReportKind",
    "ReportRequest",
    "build",
    "check_options",
    "font_choices",
    "generate",
    "get_kind",
    "list_kinds",
    "make_context",
]

FORMAT_SUFFIXES = {".pdf": "pdf", ".xlsx": "xlsx"}


def font_choices() -> list[str]:
    """The Japanese fonts found on this computer that PDFs can embed (for the settings)."""
    from dxdesk.reports.fonts import available_families

    return available_families()


def list_kinds() -> list[ReportKind]:
    """Every document that can be generated, in a stable order."""
    return kinds()


def get_kind(name: str) -> ReportKind:
    registry = load_documents()
    found = registry.get(name)
    if found is None:
        raise UserError("report_unknown_kind", kind=name, kinds="、".join(registry))
    return found


def check_options(report: ReportKind, request: ReportRequest) -> None:
    """Refuse an organisation given to a document that takes none (it would only be ignored,
    and the user would believe the document limited to it)."""
    if request.org_id and "org_id" not in (*report.needs, *report.optional):
        raise UserError("report_org_not_taken", title=report.title)


def _missing(request: ReportRequest, names: Sequence[str]) -> str | None:
    for name in names:
        value = getattr(request, name)
        if value is None or value == "":
            return name
    return None


def make_context(
    profile: Profile,
    request: ReportRequest,
    *,
    search_dirs: Sequence[Path] | None = None,
    today: date | None = None,
) -> ReportContext:
    """Validate ``request`` for its kind and build the context its builders get."""
    report = get_kind(request.kind)
    check_options(report, request)
    missing = _missing(request, report.needs)
    if missing is not None:
        option, label = PARAM_LABELS.get(missing, (missing, missing))
        raise UserError("report_param_missing", option=option, label=label)
    if request.month:
        # 令和7年11月 as 2025-11: builders read the stored form only.
        first, _last = parse_month(request.month)
        request = dataclasses.replace(request, month=f"{first:%Y-%m}")
    if (
        request.recovery_key is not None
        and profile.keyfile.open_with_recovery(request.recovery_key) is None
    ):
        # Printing a key that does not open this profile would be worse than printing none.
        raise UserError("wrong_recovery_key")
    org = None
    if request.org_id:
        org_id = RecordService(profile).resolve_org(request.org_id)
        rows = profile.database.query("SELECT * FROM organisation WHERE id = ?", (org_id,))
        org = rows[0]
        request = dataclasses.replace(request, org_id=org_id)
    if not request.author:
        # The person who did the work signs it: the document's own author (a hearing record's
        # visit staff, the monthly report's supervisor) before whoever happens to print it.
        own = report.author(profile.database, request) if report.author else ""
        request = dataclasses.replace(request, author=own or profile.meta.get("owner_name", ""))
    head = None
    if report.official:
        from dxdesk.reports.forms import letterhead

        head = letterhead(profile.database, report.title, number=request.number)
    when = today or today_jst()
    attention: list[AttentionLine] = []
    if report.attention and org is not None:
        # The same ranking as the window's 要注意 tab and `dxdesk attention`, for one organisation.
        from dxdesk.services.attention import AttentionService

        attention = [
            AttentionLine(e.system_name, e.score, tuple(japanese(r.phrase) for r in e.reasons))
            for e in AttentionService(profile, when).entries()
            if e.org_id == org["id"]
        ]
    return ReportContext(
        request=request,
        database=profile.database,
        records=profile.records,
        settings=profile.settings,
        calendar=office_calendar(profile),
        today=when,
        profile_root=profile.paths.root,
        org=org,
        letterhead=head,
        attention=attention,
        search_dirs=search_dirs,
    )


def _check_target(out: Path) -> None:
    parent = out.parent if str(out.parent) else Path(".")
    if out.is_dir() or not parent.is_dir() or not os.access(parent, os.W_OK):
        raise UserError("io_error", path=str(out))


def _builder(report: ReportKind, fmt: str | None, suffix: str) -> BuildFn:
    """The builder for ``fmt``, or the refusal that names the formats this document has."""
    builder = report.builder(fmt) if fmt else None
    if builder is None:
        raise UserError(
            "report_bad_format",
            kind=report.name,
            suffix=suffix or "（拡張子なし）",
            formats="、".join(f".{f}" for f in report.formats),
        )
    return builder


def generate(
    profile: Profile,
    request: ReportRequest,
    out_path: str | os.PathLike[str],
    *,
    search_dirs: Sequence[Path] | None = None,
    today: date | None = None,
) -> Path:
    """Build ``request`` and write it to ``out_path`` (.pdf or .xlsx); return the path."""
    out = Path(out_path)
    fmt = FORMAT_SUFFIXES.get(out.suffix.lower())
    _builder(get_kind(request.kind), fmt, out.suffix)
    # Cheap checks first: no work is done for a path that cannot be written.
    _check_target(out)
    data = build(profile, request, fmt or "pdf", search_dirs=search_dirs, today=today)
    atomic_write_bytes(out, data, mode=0o600)
    return out


def build(
    profile: Profile,
    request: ReportRequest,
    fmt: str,
    *,
    search_dirs: Sequence[Path] | None = None,
    today: date | None = None,
) -> bytes:
    """The document in memory (for the GUI's preview and printing: no file, no temp file)."""
    report = get_kind(request.kind)
    builder = _builder(report, fmt, f".{fmt}")
    ctx = make_context(profile, request, search_dirs=search_dirs, today=today)
    data = builder(ctx)
    profile.audit(f"report:{report.name}")
    return data
