"""「要注意」: a ranked list of the cells (and organisations) of the standardisation matrix
that need the team's attention, each with its reasons in Japanese and a score.

The one place for these rules. The thresholds are the user's settings (``Settings.attention_*``,
the settings dialog; the CLI reads the same file), merged by ``rules``; the points each reason
adds are data (``attention`` in resources/progress_rules.json). Every figure
comes from ``services.progress``'s matrix (``core.progress`` marks: behind plan, deadline risk),
so the list never disagrees with the matrix. Reasons of one cell add up into one entry:

- 計画より遅れ: the cell's behind-plan reasons; a passed target date adds points per month.
- 期限後の移行予定: planned go-live after the deadline without 特定移行支援.
- 特定移行支援 without its reason category, or without its target date.
- 停滞: not live, not complete, and no step has changed for ``attention_stalled_months`` months.
- 完了率の低下: an organisation's rate ``attention_rate_drop_points`` or more below the one of a
  month ago, when such a figure is given (``AttentionService`` rebuilds it from the history).
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
from dxdesk.core.progress import Cell
from dxdesk.services.profile import Profile
from dxdesk.services.progress import Matrix, ProgressService, is_shown
from dxdesk.settings import Settings


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
    return out


def _months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later`` (0 when less than one has passed)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(0, months)


@dataclass(frozen=True)
class Reason:
    code: str  # behind, deadline_risk, special_reason, special_target, stalled, rate_drop
    text: str  # one sentence in Japanese
    points: int


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
    def summary(self) -> str:
        """The entry in one line: where, then its reasons."""
        where = f"{self.org_name} {self.system_name}".strip()
        return f"{where}：" + "／".join(r.text for r in self.reasons)

    @property
    def headline(self) -> str:
        """The first (highest-ranked) reason, and how many more: for a line of a list."""
        first = max(self.reasons, key=lambda r: r.points)
        more = len(self.reasons) - 1
        return first.text + (f"（ほか{more}件）" if more else "")

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
    for text in c.behind:
        points = int(behind["points"])
        if target is not None and today > target:
            overdue = _months_between(target, today)
            points += min(
                int(behind["max_overdue_points"]), overdue * int(behind["points_per_month_overdue"])
            )
        out.append(Reason("behind", f"計画より遅れています（{text}）。", points))
    if c.deadline_risk:
        assert c.planned_go_live is not None
        out.append(
            Reason(
                "deadline_risk",
                f"移行予定日（{c.planned_go_live.isoformat()}）が移行期限"
                f"（{progress_rules.rules().deadline.isoformat()}）の後ですが、特定移行支援システムの登録がありません。",
                int(s["deadline_risk"]["points"]),
            )
        )
    if c.special_support and not c.special_reason:
        out.append(
            Reason(
                "special_reason",
                "特定移行支援システムですが、理由の区分が登録されていません。",
                int(s["special_without_reason"]["points"]),
            )
        )
    if c.special_support and c.special_target is None:
        out.append(
            Reason(
                "special_target",
                "特定移行支援システムですが、移行目標時期が登録されていません。",
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
                    f"ステップの更新が{months}か月ありません（最終更新 {last.isoformat()}）。",
                    int(stalled["points"]) + extra,
                )
            )
    return out


def rank(
    m: Matrix,
    s: Mapping[str, Any],
    previous: Mapping[str, float] | None = None,
) -> list[Entry]:
    """Every entry, highest score first (ties: matrix order). ``s``: ``rules(settings)``;
    ``previous``: an organisation's 完了率 a month ago (org id -> percent), when known."""
    entries: list[tuple[int, Entry]] = []
    order = 0
    for o in m.orgs:
        if previous is not None and o.id in previous:
            now = m.by_org(o.id).completion_rate
            before = float(previous[o.id])
            if before - now >= float(s["rate_drop"]["min_points"]):
                reason = Reason(
                    "rate_drop",
                    f"完了率が1か月前の{before:.1f}%から{now:.1f}%に下がっています。",
                    int(s["rate_drop"]["points"]),
                )
                entries.append((order, Entry(o.id, o.code, o.name, None, "", (reason,))))
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


class AttentionService:
    def __init__(self, profile: Profile, today: date | None = None) -> None:
        self.progress = ProgressService(profile, today)
        self.rules = rules(profile.settings)  # the thresholds the user set

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
        out = rank(self.progress.matrix(), self.rules, previous)
        return out if limit is None else out[:limit]

    def previous_rates(self) -> dict[str, float]:
        """Each organisation's 完了率 at the end of the month before today's."""
        today = self.progress.today
        month = progress_rules.previous_month(f"{today.year:04d}-{today.month:02d}")
        m = self.progress.matrix(month)
        return {o.id: m.by_org(o.id).completion_rate for o in m.orgs}


def table(entries: list[Entry]) -> tuple[list[str], list[list[Any]]]:
    """One line per reason (a terminal cuts long lines): rank, score and place on the first."""
    rows: list[list[Any]] = []
    for i, e in enumerate(entries, start=1):
        for j, r in enumerate(e.reasons):
            head = [i, e.score, e.org_code, e.org_name, e.system_name] if j == 0 else [""] * 5
            rows.append([*head, r.points, r.text])
    return ["順位", "点数", "団体コード", "団体名", "業務システム", "内訳", "理由"], rows
