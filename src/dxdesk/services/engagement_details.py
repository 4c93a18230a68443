"""The lines an engagement's form lists for its child records other than its supporters: the
milestones planned and reached, the stakeholders involved (from the register of outside bodies)
and the cases introduced, with names rather than ids (services/engagements.py has the
supporters and their warnings)."""

from __future__ import annotations

from dxdesk.core.model import kind
from dxdesk.services.profile import Profile
from dxdesk.store.meanings import live_clause

# The child kinds the engagement's form lists, in its order.
DETAIL_CHILDREN = ("engagement_milestone", "engagement_stakeholder", "engagement_case")


def child_lines(profile: Profile, engagement_id: str) -> dict[str, list[tuple[str, str]]]:
    """(child id, one line) per child kind of DETAIL_CHILDREN."""
    db = profile.database
    m, s, c = (kind(n) for n in DETAIL_CHILDREN)
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
    cases = [
        (
            str(r["id"]),
            f"{r['title'] or r['case_id']}（{r['place'] or ''}）"
            + (f"　{r['note']}" if r["note"] else ""),
        )
        for r in db.query(
            "SELECT l.id, l.case_id, l.note, c.title, COALESCE(o.name, c.municipality) AS place"
            ' FROM engagement_case AS l LEFT JOIN "case" AS c ON c.id = l.case_id'
            " LEFT JOIN organisation AS o ON o.id = c.org_id"
            f" WHERE {live_clause(c, 'l')} AND l.engagement_id = ? ORDER BY c.title",
            (engagement_id,),
        )
    ]
    return dict(zip(DETAIL_CHILDREN, (milestones, stakeholders, cases), strict=True))
