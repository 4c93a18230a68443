"""The lines a form lists for child records named by what they are rather than their ids: an
engagement's milestones planned and reached, its stakeholders (from the register of outside
bodies) and the cases introduced, and a consultation's cases (services/engagements.py has an
engagement's supporters and their warnings)."""

from __future__ import annotations

from dxdesk.core.model import kind
from dxdesk.services.profile import Profile
from dxdesk.store.meanings import live_clause

# Per parent kind, the child kinds its form lists, in its order.
DETAIL_CHILDREN: dict[str, tuple[str, ...]] = {
    "engagement": ("engagement_milestone", "engagement_stakeholder", "engagement_case"),
    "consultation": ("consultation_case",),
}


def _cases(profile: Profile, child: str, parent: str, record_id: str) -> list[tuple[str, str]]:
    """The cases introduced in one record (``child`` links them by its ``parent`` field)."""
    k = kind(child)
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
            f' WHERE {live_clause(k, "l")} AND l."{parent}" = ? ORDER BY c.title',
            (record_id,),
        )
    ]


def child_lines(
    profile: Profile, parent_kind: str, record_id: str
) -> dict[str, list[tuple[str, str]]]:
    """(child id, one line) per child kind DETAIL_CHILDREN lists for ``parent_kind``."""
    if parent_kind == "consultation":
        return {
            "consultation_case": _cases(profile, "consultation_case", "consultation_id", record_id)
        }
    if parent_kind != "engagement":
        return {}
    engagement_id = record_id
    db = profile.database
    m, s = kind("engagement_milestone"), kind("engagement_stakeholder")
    milestones = [
        (
            str(r["id"]),
            f"{r['title']}　予定 {r['planned_on'] or '未定'}"
            + (f"／達成 {r['reached_on']}" if r["reached_on"] else "／未達成"),
        )
        for r in db.query(
            f"SELECT * FROM engagement_milestone AS m WHERE {live_clause(m, 'm')}"
            " AND engagement_id = ? ORDER BY planned_on IS NULL, planned_on, title",
            (engagement_id,),
        )
    ]
    stakeholders = [
        (
            str(r["id"]),
            f"{r['name'] or r['stakeholder_id']}（{r['stakeholder_type'] or ''}）"
            + (f"　{r['role']}" if r["role"] else ""),
        )
        for r in db.query(
            "SELECT l.id, l.stakeholder_id, l.role, b.name, b.stakeholder_type"
            f" FROM engagement_stakeholder AS l LEFT JOIN stakeholder AS b"
            f" ON b.id = l.stakeholder_id WHERE {live_clause(s, 'l')} AND l.engagement_id = ?"
            " ORDER BY b.name",
            (engagement_id,),
        )
    ]
    cases = _cases(profile, "engagement_case", "engagement_id", engagement_id)
    return dict(zip(DETAIL_CHILDREN["engagement"], (milestones, stakeholders, cases), strict=True))
