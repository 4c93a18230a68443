"""A document made of named sections whose choice and order are agreed with the prefecture.

A document (the 月次作業報告書) declares its sections once, in one list of ``Section`` (key,
title, builder) in its module; the profile's report template (``report_template`` and
``report_section`` records, core/model.py, synced from the hub) chooses which are printed, in
what order and under which heading, and adds free-text sections whose text is written per month
(``report_note``). ``layout`` reads the template; with none stored it is the document's default,
so a profile that never touched the template prints exactly what it printed before.

Adding a section: write ``def build(page, heading) -> None`` in the document's module and add
``Section("key", "見出し", build)`` to its list; it appears in the template editor, the CLI and,
when ``default`` is True, in every report whose template does not say otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from dxdesk.core.model import QUIET_ORG_MODES
from dxdesk.store.database import Database

P = TypeVar("P")

# A free-text section's key starts with this, so it can never clash with a built-in one.
FREE_PREFIX = "free:"


@dataclass(frozen=True)
class Section(Generic[P]):
    key: str  # stable: stored in the template records (report_section.section)
    title: str  # the heading when the template names none, and the editor's label
    build: Callable[[P, str], None]  # writes the section under the given numbered heading
    # Printed when the template does not mention the section (a section added by a later
    # version appears in reports of profiles whose template predates it only if True).
    default: bool = True
    # The default heading with the month's figures (相談対応（12件）); the title when None.
    heading: Callable[[P], str] | None = None
    # False: printed under its heading alone, without a number ((参考) sections that a month
    # may leave out), and the numbers of the others run on without it.
    numbered: bool = True


@dataclass(frozen=True)
class Chosen:
    """One section as the template places it."""

    key: str
    title: str  # the template's heading, "" for the section's own
    included: bool
    order: int
    free_text: bool
    known: bool  # a built-in section of this version, or a free-text one


@dataclass(frozen=True)
class Layout:
    document: str
    sections: tuple[Chosen, ...]  # every section, included or not, in order
    quiet_orgs: str  # QUIET_ORG_MODES
    stored: bool  # a template record exists (False: the default layout)

    @property
    def printed(self) -> tuple[Chosen, ...]:
        return tuple(s for s in self.sections if s.included and s.known)


def default_order(index: int) -> int:
    """The sort order of the registry's n-th section when the template does not place it."""
    return (index + 1) * 10


def layout(db: Database, document: str, registry: Sequence[Section[Any]]) -> Layout:
    """The document's sections as the profile's template chooses them (its default without
    one): stored sections by their 表示順, unstored built-in ones at their registry place."""
    template = db.query(
        "SELECT quiet_orgs FROM report_template WHERE _deleted = 0 AND document = ?", (document,)
    )
    rows = {
        str(r["section"]): r
        for r in db.query(
            "SELECT section, title, included, sort_order, free_text FROM report_section"
            " WHERE _deleted = 0 AND document = ?",
            (document,),
        )
    }
    known = {s.key for s in registry}
    out: list[tuple[int, int, Chosen]] = []
    for i, s in enumerate(registry):
        r = rows.get(s.key)
        if r is None:
            out.append(
                (default_order(i), i, Chosen(s.key, "", s.default, default_order(i), False, True))
            )
            continue
        order = int(r["sort_order"]) if r["sort_order"] is not None else default_order(i)
        included = bool(r["included"]) if r["included"] is not None else s.default
        out.append((order, i, Chosen(s.key, str(r["title"] or ""), included, order, False, True)))
    extra = len(registry)
    for key, r in sorted(rows.items()):
        if key in known:
            continue
        free = bool(r["free_text"])
        order = int(r["sort_order"]) if r["sort_order"] is not None else default_order(extra)
        included = bool(r["included"]) if r["included"] is not None else True
        # A section of a newer version (not free text, unknown here) is kept but not printed.
        out.append((order, extra, Chosen(key, str(r["title"] or ""), included, order, free, free)))
        extra += 1
    out.sort(key=lambda t: (t[0], t[1]))
    mode = str(template[0]["quiet_orgs"] or "") if template else ""
    return Layout(
        document=document,
        sections=tuple(c for _, _, c in out),
        quiet_orgs=mode if mode in QUIET_ORG_MODES else QUIET_ORG_MODES[0],
        stored=bool(template or rows),
    )


def notes(db: Database, month: str) -> dict[str, str]:
    """The month's free text, by section key."""
    return {
        str(r["section"]): str(r["body"] or "")
        for r in db.query(
            "SELECT section, body FROM report_note WHERE _deleted = 0 AND month = ?", (month,)
        )
    }
