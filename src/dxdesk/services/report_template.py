"""The monthly report's template (報告項目は県と協議し決定, 6(1)イ(イ)): read, change, write text.

The template is data synced from the hub: a ``report_template`` record per document (how
organisations without work appear) and a ``report_section`` record per section (included,
order, heading), both keyed so that two hubs write the same records. The supervisor changes it
on the hub (``HUB_ONLY``); the text of a free-text section for one month is a ``report_note``
(month, section), written wherever the report is prepared. The sections themselves are declared
in one place, ``reports/documents/monthly.py`` ``SECTIONS``; this module only places them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from dxdesk.core.model import QUIET_ORG_MODES, kind
from dxdesk.errors import UserError
from dxdesk.reports import sections
from dxdesk.reports.documents import monthly
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

DOCUMENT = monthly.TITLE
MAX_FREE_SECTIONS = 20


@dataclass(frozen=True)
class SectionRow:
    """One line of the template editor."""

    key: str
    label: str  # the heading printed (the template's, or the section's own)
    default_title: str  # the section's own heading ("" for a free-text section)
    included: bool
    free_text: bool


@dataclass(frozen=True)
class Template:
    sections: tuple[SectionRow, ...]
    quiet_orgs: str
    stored: bool


def current(profile: Profile) -> Template:
    """The template as the report prints it (the default when none is stored)."""
    chosen = sections.layout(profile.database, DOCUMENT, monthly.SECTIONS)
    titles = {s.key: s.title for s in monthly.SECTIONS}
    rows = tuple(
        SectionRow(
            key=c.key,
            label=c.title or titles.get(c.key, c.key.removeprefix(sections.FREE_PREFIX)),
            default_title=titles.get(c.key, ""),
            included=c.included,
            free_text=c.free_text,
        )
        for c in chosen.sections
        if c.known
    )
    return Template(rows, chosen.quiet_orgs, chosen.stored)


def _require_hub(profile: Profile) -> None:
    # The items are agreed between the supervisor and the prefecture: one author, the hub.
    if profile.role != "hub":
        raise UserError("report_template_hub_only")


def save(
    profile: Profile,
    rows: Sequence[SectionRow],
    quiet_orgs: str,
) -> int:
    """Store the whole template as the editor shows it: each row's place, inclusion and
    heading (a built-in section's own title is stored as empty, so it follows the figures).
    Returns how many records changed (0: it already was so)."""
    _require_hub(profile)
    if quiet_orgs not in QUIET_ORG_MODES:
        raise UserError("bad_argument", detail="当月の記録がない団体の記載方法を選択してください。")
    known = {s.key for s in monthly.SECTIONS}
    records = RecordService(profile)
    changed = 0
    with profile.database.transaction():
        if records.put("report_template", {"document": DOCUMENT, "quiet_orgs": quiet_orgs}):
            changed += 1
        for n, row in enumerate(rows):
            if row.key not in known and not row.key.startswith(sections.FREE_PREFIX):
                raise UserError("report_section_unknown", section=row.key)
            title = "" if row.label.strip() == row.default_title else row.label.strip()
            values: dict[str, object] = {
                "document": DOCUMENT,
                "section": row.key,
                "title": title,
                "included": row.included,
                "sort_order": sections.default_order(n),
                "free_text": row.free_text,
            }
            if records.put("report_section", values):
                changed += 1
    if changed:
        profile.audit("report_template_saved")
    return changed


def free_key(title: str) -> str:
    """The key of a new free-text section, from its first heading (kept when it is renamed)."""
    text = unicodedata.normalize("NFKC", title).strip()
    if not text:
        raise UserError("bad_argument", detail="自由記述の項目の見出しを入力してください。")
    return sections.FREE_PREFIX + re.sub(r"\s+", "_", text)[:50]


def add_free_section(profile: Profile, title: str) -> SectionRow:
    """Add a free-text section at the end (before nothing else changes); its key is kept."""
    t = current(profile)
    key = free_key(title)
    if any(r.key == key for r in t.sections):
        raise UserError("report_section_exists", section=title.strip())
    if sum(r.free_text for r in t.sections) >= MAX_FREE_SECTIONS:
        raise UserError("bad_argument", detail="自由記述の項目は20件までです。")
    row = SectionRow(key, title.strip(), "", True, True)
    save(profile, [*t.sections, row], t.quiet_orgs)
    return row


def find(t: Template, text: str) -> SectionRow:
    """A section by its key or its printed heading."""
    wanted = unicodedata.normalize("NFKC", text).strip()
    for r in t.sections:
        if wanted in (r.key, unicodedata.normalize("NFKC", r.label), r.key.removeprefix("free:")):
            return r
    raise UserError("report_section_unknown", section=text)


def set_note(profile: Profile, month: str, section: str, body: str) -> None:
    """The text of a free-text section for one month (empty: 特になし)."""
    t = current(profile)
    row = find(t, section)
    if not row.free_text:
        raise UserError("report_section_not_free", section=row.label)
    RecordService(profile).put("report_note", {"month": month, "section": row.key, "body": body})


def note(profile: Profile, month: str, section: str) -> str:
    k = kind("report_note")
    rows = profile.database.query(
        f'SELECT body FROM "{k.name}" WHERE _deleted = 0 AND month = ? AND section = ?',
        (month, find(current(profile), section).key),
    )
    return str(rows[0]["body"] or "") if rows else ""
