"""「要注意」: a ranked list of the cells (and organisations) of the standardisation matrix
that need the team's attention, each with its reasons in Japanese and a score.

The one place for these rules. The thresholds are the user's settings (``Settings.attention_*``,
the settings dialog; the CLI reads the same file), merged by ``rules``; the points each reason
adds are data (``attention`` in resources/progress_rules.json). Every figure
comes from ``services.progress``'s matrix (``core.progress`` marks: behind plan, deadline risk),
so the list never disagrees with the matrix. Reasons of one cell add up into one entry:

- 計画より遅れ: the cell's behind-plan reasons; a passed target date adds points per month
  (the 運用開始 milestone: a planned go-live passed without 運用開始 is this reason).
- マイルストーンの超過: the planned 契約 / データ移行 / テスト date passed and its step
  (``services.progress.MILESTONES``) not 完了済み nor 対象外; points per month overdue.
- 期限後の移行予定: planned go-live after the deadline without 特定移行支援.
- 特定移行支援 without its reason category, or without its target date.
- 停滞: not live, not complete, and no step has changed for ``attention_stalled_months`` months.

An organisation's own reasons add up into one entry without a system (``system_code`` None):

- 完了率の低下: an organisation's rate ``attention_rate_drop_points`` or more below the one of a
  month ago, when such a figure is given (``AttentionService`` rebuilds it from the history).
- 未完了の優先度「高」の課題: its open issues of priority 高, its own and those shared with it
  (``services.shared``; open as ``store.meanings.open_clause`` says); points per issue.
- 訪問・ヒアリングなし: a 伴走支援 target without a visit (any 形態) for
  ``attention_no_visit_weeks`` weeks.

These two read the organisations' records as they are today (``org_facts``): the list of a
past month's matrix (the window's 対象月) holds the matrix's reasons only.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from dxdesk.core import progress as progress_rules
from dxdesk.core import reference
from dxdesk.core.calendar import ISO, stored_date
from dxdesk.core.model import PRIORITIES, kind
from dxdesk.core.progress import Cell
from dxdesk.services.phrases import Label, Text, japanese, text
from dxdesk.services.profile import Profile
from dxdesk.services.progress import (
    MILESTONES,
    Matrix,
    Org,
    ProgressService,
    behind_text,
    is_shown,
)
from dxdesk.settings import Settings
from dxdesk.store.meanings import live_clause, open_clause
from dxdesk.store.shared import org_records

HIGH = PRIORITIES[0]  # 高
# Reasons shown in red (the window's list, the home page): the plan itself is slipping.
ALERT_CODES = frozenset({"behind", "deadline_risk", "milestone"})


@cache
def rule_data() -> dict[str, Any]:
    """The ``attention`` block of progress_rules.json: the points, and how many entries the
    home page shows. Read only; ``rules`` adds the user's thresholds."""
    raw: dict[str, Any] = json.loads(
        (reference.RESOURCES / "progress_rules.json").read_text(encoding="utf-8")
    )
    out: dict[str, Any] = raw["attention"]
    return out


def rules(settings: Settings) -> dict[str, Any]:
    """The rules the ranking applies: the points of progress_rules.json with the thresholds
    of ``settings`` (the user's, or ``Settings()`` for the defaults)."""
    out = copy.deepcopy(rule_data())
    out["stalled"]["months"] = settings.attention_stalled_months
    out["rate_drop"]["min_points"] = settings.attention_rate_drop_points
    out["no_visit"]["weeks"] = settings.attention_no_visit_weeks
    return out


def _months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later`` (0 when less than one has passed)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(0, months)


@dataclass(frozen=True)
class Reason:
    # behind, milestone, deadline_risk, special_reason, special_target, stalled (a cell);
    # rate_drop, high_issues, no_visit (an organisation)
    code: str
    phrase: Text  # the sentence as a key and its facts: each face words it (services/phrases.py)
    points: int

    @property
    def text(self) -> str:
        """The sentence in Japanese with ISO dates (JSON output, tests, the logs)."""
        return japanese(self.phrase)


@dataclass(frozen=True)
class Entry:
    org_id: str
    org_code: str
    org_name: str
    system_code: str | None  # None: about the organisation as a whole
    system_name: str
    reasons: tuple[Reason, ...]

    @property
    def score(self) -> int:
        return sum(r.points for r in self.reasons)

    @property
    def headline(self) -> Text:
        """The first (highest-ranked) reason, and how many more: for a line of a list."""
        first = max(self.reasons, key=lambda r: r.points)
        more = len(self.reasons) - 1
        return text("attention.more", first=first.phrase, more=more) if more else first.phrase

    @property
    def alert(self) -> bool:
        """Shown in red: a reason of ``ALERT_CODES`` (behind plan, a milestone passed, after
        the deadline)."""
        return any(r.code in ALERT_CODES for r in self.reasons)

    def as_json(self) -> dict[str, Any]:
        return {
            "org_code": self.org_code,
            "org_name": self.org_name,
            "system_code": self.system_code,
            "system_name": self.system_name,
            "score": self.score,
            "reasons": [{"code": r.code, "text": r.text, "points": r.points} for r in self.reasons],
        }


def cell_reasons(c: Cell, today: date, s: Mapping[str, Any]) -> list[Reason]:
    """Why one cell needs attention (empty: it does not), with the points of each reason;
    ``s``: ``rules(settings)``."""
    if not c.applies or c.live:
        return []
    out: list[Reason] = []
    behind = s["behind_plan"]
    target = c.target_date
    for why in c.behind:
        points = int(behind["points"])
        if target is not None and today > target:
            overdue = _months_between(target, today)
            points += min(
                int(behind["max_overdue_points"]), overdue * int(behind["points_per_month_overdue"])
            )
        out.append(Reason("behind", text("attention.behind", why=behind_text(why)), points))
    out += milestone_reasons(c, today, s)
    if c.deadline_risk:
        assert c.planned_go_live is not None
        out.append(
            Reason(
                "deadline_risk",
                text(
                    "attention.deadline_risk",
                    planned=c.planned_go_live,
                    deadline=progress_rules.rules().deadline,
                ),
                int(s["deadline_risk"]["points"]),
            )
        )
    if c.special_support and not c.special_reason:
        out.append(
            Reason(
                "special_reason",
                text("attention.special_reason"),
                int(s["special_without_reason"]["points"]),
            )
        )
    if c.special_support and c.special_target is None:
        out.append(
            Reason(
                "special_target",
                text("attention.special_target"),
                int(s["special_without_target"]["points"]),
            )
        )
    stalled = s["stalled"]
    last = c.last_update
    complete = c.counts.done + c.counts.not_applicable == c.counts.total
    if c.recorded and not complete and last is not None:
        months = _months_between(last, today)
        if months >= int(stalled["months"]):
            extra = min(
                int(stalled["max_extra_points"]),
                (months - int(stalled["months"])) * int(stalled["points_per_extra_month"]),
            )
            out.append(
                Reason(
                    "stalled",
                    text("attention.stalled", months=months, last=last),
                    int(stalled["points"]) + extra,
                )
            )
    return out


def milestone_reasons(c: Cell, today: date, s: Mapping[str, Any]) -> list[Reason]:
    """The cell's milestones whose planned day has passed and whose step is not reached
    (完了済み; 対象外 steps have no milestone). 運用開始 is left to the behind-plan reason (the
    planned go-live passed without 運用開始), so it is not counted twice."""
    rule = s["milestone_overdue"]
    values = c.status_row or {}
    status = {st.no: st.status for st in c.steps}
    names = {st.no: st for st in reference.procedure_steps()}
    out = []
    for label, field, no in MILESTONES:
        planned = stored_date(values.get(field)) if values.get(field) else None
        if field == "planned_go_live" or planned is None or today <= planned:
            continue
        if status.get(no) in (progress_rules.DONE, progress_rules.NOT_APPLICABLE):
            continue
        months = _months_between(planned, today)
        points = int(rule["points"]) + min(
            int(rule["max_overdue_points"]), months * int(rule["points_per_month_overdue"])
        )
        step = names[no]
        out.append(
            Reason(
                "milestone",
                text(
                    "attention.milestone",
                    # The milestone's name as the cell's detail shows it (gui/progress.py).
                    milestone=Label("CellDialog", label),
                    planned=planned,
                    item=step.item,
                    step=step.name,
                ),
                points,
            )
        )
    return out


@dataclass(frozen=True)
class OrgFacts:
    """What an organisation's records say beyond the matrix, as of a day."""

    # Its open issues of priority 高 (own and shared): (title, 把握日), the oldest first.
    high_issues: tuple[tuple[str, str | None], ...] = ()
    last_visit: date | None = None  # its latest visit on or before the day


@dataclass(frozen=True)
class Facts:
    today: date
    orgs: Mapping[str, OrgFacts]
    # The first visit recorded for any organisation: an organisation never visited has gone
    # without one since then (before any visit is recorded there is nothing to measure).
    visits_from: date | None = None

    def of(self, org_id: str) -> OrgFacts:
        return self.orgs.get(org_id, OrgFacts())


def org_facts(db: Any, m: Matrix) -> Facts:
    """The records of the matrix's organisations the organisation-wide reasons read: open
    issues of priority 高 (one query each for own and shared ones) and the latest visit."""
    issue = kind("issue")
    wanted = {o.id for o in m.orgs}
    issues = org_records(
        db,
        issue,
        ("title", "raised_on", "rid"),
        # Raised by the day (a list asked as of an earlier day leaves later ones out).
        f"t.priority = ? AND {open_clause(issue, 't')}"
        " AND (t.raised_on IS NULL OR t.raised_on <= ?)",
        (HIGH, m.today.isoformat()),
    )
    visit = kind("visit")
    # A visit belongs to its own organisation alone (no membership kind shares it; a test
    # checks ``sharing_kind``), so the latest is one GROUP BY. Any 形態 counts: a hearing
    # held online or by telephone is a hearing. A visit dated after the day is planned.
    last: dict[str, date] = {}
    first: date | None = None
    for r in db.query(
        "SELECT t.org_id, min(t.date) AS first, max(t.date) AS last FROM visit AS t"
        f" WHERE {live_clause(visit, 't')} AND t.date <= ? GROUP BY t.org_id",
        (m.today.isoformat(),),
    ):
        org_id = str(r["org_id"])
        if org_id not in wanted or not r["last"]:
            continue
        last[org_id] = date.fromisoformat(str(r["last"]))
        day = date.fromisoformat(str(r["first"]))
        first = day if first is None or day < first else first
    out: dict[str, OrgFacts] = {}
    for org_id in wanted:
        held = sorted(
            issues.get(org_id, ()),
            key=lambda i: (i["raised_on"] is None, str(i["raised_on"] or ""), int(i["rid"])),
        )
        out[org_id] = OrgFacts(
            tuple((str(i["title"]), i["raised_on"]) for i in held), last.get(org_id)
        )
    return Facts(m.today, out, first)


def visited_by_the_team(o: Org) -> bool:
    """Whether the team is expected to visit ``o``: the 24 伴走支援 targets. 宮崎市 and 都城市
    take part in surveys and information sharing only (DOMAIN.md), and the two prefecture
    divisions are the client's own sections, not organisations the team supports on site."""
    return o.bansou and not o.is_division


def org_reasons(
    o: Org, m: Matrix, s: Mapping[str, Any], previous: float | None, facts: Facts | None
) -> list[Reason]:
    """Why an organisation as a whole needs attention; ``previous``: its 完了率 a month ago."""
    out: list[Reason] = []
    if previous is not None:
        now = m.by_org(o.id).completion_rate
        before = float(previous)
        if before - now >= float(s["rate_drop"]["min_points"]):
            out.append(
                Reason(
                    "rate_drop",
                    text("attention.rate_drop", before=f"{before:.1f}", now=f"{now:.1f}"),
                    int(s["rate_drop"]["points"]),
                )
            )
    if facts is None:
        return out
    f = facts.of(o.id)
    if f.high_issues:
        rule = s["high_priority_issues"]
        title, raised = f.high_issues[0]
        facts_of = {"priority": Label("Choice", HIGH), "n": len(f.high_issues), "title": title}
        raised_on = stored_date(raised) if raised else None
        out.append(
            Reason(
                "high_issues",
                text("attention.high_issues_on", **facts_of, raised=raised_on)
                if raised_on
                else text("attention.high_issues", **facts_of),
                min(int(rule["max_points"]), len(f.high_issues) * int(rule["points_per_issue"])),
            )
        )
    since = f.last_visit or facts.visits_from
    if visited_by_the_team(o) and since is not None:
        rule = s["no_visit"]
        weeks = (facts.today - since).days // 7
        if weeks >= int(rule["weeks"]):
            extra = min(
                int(rule["max_extra_points"]),
                (weeks - int(rule["weeks"])) * int(rule["points_per_extra_week"]),
            )
            said = text(
                "attention.no_visit" if f.last_visit is not None else "attention.no_visit_ever",
                weeks=weeks,
                since=since,
            )
            out.append(Reason("no_visit", said, int(rule["points"]) + extra))
    return out


def rank(
    m: Matrix,
    s: Mapping[str, Any],
    previous: Mapping[str, float] | None = None,
    facts: Facts | None = None,
) -> list[Entry]:
    """Every entry, highest score first (ties: matrix order). ``s``: ``rules(settings)``;
    ``previous``: an organisation's 完了率 a month ago (org id -> percent), when known;
    ``facts``: the organisations' records (``org_facts``), without which only the matrix's
    reasons (and the drop of 完了率) are judged."""
    entries: list[tuple[int, Entry]] = []
    order = 0
    for o in m.orgs:
        before = None if previous is None else previous.get(o.id)
        own = org_reasons(o, m, s, before, facts)
        if own:
            entries.append((order, Entry(o.id, o.code, o.name, None, "", tuple(own))))
            order += 1
        for c in m.org_cells(o.id):
            if not is_shown(o, c):
                continue
            reasons = cell_reasons(c, m.today, s)
            if reasons:
                system = reference.system_by_code(c.system_code)
                name = system.name if system else c.system_code
                entries.append(
                    (order, Entry(o.id, o.code, o.name, c.system_code, name, tuple(reasons)))
                )
            order += 1
    entries.sort(key=lambda pair: (-pair[1].score, pair[0]))
    return [e for _, e in entries]


def ranked(
    progress: ProgressService, m: Matrix, previous: Mapping[str, float] | None = None
) -> list[Entry]:
    """The list for a matrix ``progress`` built, with the thresholds the user set now: with
    the organisations' records when ``m`` stands at today, the matrix's reasons alone for a
    past month's (its issues and visits are not rebuilt from the history)."""
    facts = org_facts(progress.db, m) if m.today == progress.today else None
    return rank(m, rules(progress.profile.settings), previous, facts)


class AttentionService:
    def __init__(self, profile: Profile, today: date | None = None) -> None:
        self.progress = ProgressService(profile, today)

    def entries(
        self,
        limit: int | None = None,
        previous: Mapping[str, float] | None = None,
        *,
        compare: bool = False,
    ) -> list[Entry]:
        """The ranked list; ``compare``: with each organisation's 完了率 at the end of the
        previous month (rebuilt from the change log) for the "rate dropped" rule."""
        if compare and previous is None:
            previous = self.previous_rates()
        out = ranked(self.progress, self.progress.matrix(), previous)
        return out if limit is None else out[:limit]

    def previous_rates(self) -> dict[str, float]:
        """Each organisation's 完了率 at the end of the month before today's."""
        today = self.progress.today
        month = progress_rules.previous_month(f"{today.year:04d}-{today.month:02d}")
        m = self.progress.matrix(month)
        return {o.id: m.by_org(o.id).completion_rate for o in m.orgs}


def table(entries: list[Entry], date_style: str = ISO) -> tuple[list[str], list[list[Any]]]:
    """One line per reason (a terminal cuts long lines): rank, score and place on the first;
    the reasons in Japanese with dates in ``date_style`` (the CLI passes the profile's)."""
    rows: list[list[Any]] = []
    for i, e in enumerate(entries, start=1):
        for j, r in enumerate(e.reasons):
            head = [i, e.score, e.org_code, e.org_name, e.system_name] if j == 0 else [""] * 5
            rows.append([*head, r.points, japanese(r.phrase, date_style)])
    return ["順位", "点数", "団体コード", "団体名", "業務システム", "内訳", "理由"], rows
