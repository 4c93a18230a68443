"""The lines a form lists for child records named by what they are rather than their ids: an
engagement's milestones planned and reached, its stakeholders (from the register of outside
bodies) and the cases introduced, and a consultation's cases (services/engagements.py has an
engagement's supporters and their warnings)."""

from __future__ import annotations

from collections.abc import Callable

from dxdesk.core.model import Kind, kind
from dxdesk.services.profile import Profile
from dxdesk.store.meanings import live_clause

Lines = list[tuple[str, str]]  # (child id, one line)

# Per parent kind, the child kinds its form lists, in its order.
DETAIL_CHILDREN: dict[str, tuple[str, ...]] = {
    "engagement": ("engagement_milestone", "engagement_stakeholder", "engagement_case"),
    "consultation": ("consultation_case",),
}


def _milestones(profile: Profile, k: Kind, record_id: str) -> Lines:
    return [
        (
            str(r["id"]),
            f"{r['title']}　予定 {r['planned_on'] or '未定'}"
            + (f"／達成 {r['reached_on']}" if r["reached_on"] else "／未達成"),
        )
        for r in profile.database.query(
            f'SELECT * FROM "{k.name}" AS m WHERE {live_clause(k, "m")}'
            f' AND "{k.parent}" = ? ORDER BY planned_on IS NULL, planned_on, title',
            (record_id,),
        )
    ]


def _stakeholders(profile: Profile, k: Kind, record_id: str) -> Lines:
    return [
        (
            str(r["id"]),
            f"{r['name'] or r['stakeholder_id']}（{r['stakeholder_type'] or ''}）"
            + (f"　{r['role']}" if r["role"] else ""),
        )
        for r in profile.database.query(
            "SELECT l.id, l.stakeholder_id, l.role, b.name, b.stakeholder_type"
            f' FROM "{k.name}" AS l LEFT JOIN stakeholder AS b ON b.id = l.stakeholder_id'
            f' WHERE {live_clause(k, "l")} AND l."{k.parent}" = ? ORDER BY b.name',
            (record_id,),
        )
    ]


def _cases(profile: Profile, k: Kind, record_id: str) -> Lines:
    return [
        (
            str(r["id"]),
            f"{r['title'] or r['case_id']}（{r['place'] or ''}）"
            + (f"　{r['note']}" if r["note"] else ""),
        )
        for r in profile.database.query(
            "SELECT l.id, l.case_id, l.note, c.title, COALESCE(o.name, c.municipality) AS place"
            f' FROM "{k.name}" AS l LEFT JOIN "case" AS c ON c.id = l.case_id'
            " LEFT JOIN organisation AS o ON o.id = c.org_id"
            f' WHERE {live_clause(k, "l")} AND l."{k.parent}" = ? ORDER BY c.title',
            (record_id,),
        )
    ]


_LINES: dict[str, Callable[[Profile, Kind, str], Lines]] = {
    "engagement_milestone": _milestones,
    "engagement_stakeholder": _stakeholders,
    "engagement_case": _cases,
    "consultation_case": _cases,
}


def child_lines(profile: Profile, parent_kind: str, record_id: str) -> dict[str, Lines]:
    """(child id, one line) per child kind DETAIL_CHILDREN lists for ``parent_kind``."""
    return {
        child: _LINES[child](profile, kind(child), record_id)
        for child in DETAIL_CHILDREN.get(parent_kind, ())
    }
