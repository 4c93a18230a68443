"""The rules of standardisation progress: one place for every figure the app shows about it.

A *cell* is one organisation's business system. Each of its 40 procedure steps is 完了済み /
作業中 / 未着手 / 対象外 (a step without a record is 未着手, the national tool's initial value).
The rate is the one 総務省 publishes: 完了率 = (完了済み + 対象外) / 40 — a count of steps, not
of effort. Whether the system actually runs on the standard-compliant system (運用開始, the
``live`` flag) is a separate figure and never folded into the rate.

A cell that does not apply (a town's 生活保護, run by the prefecture) is 対象外 by rule and left
out of every sum; the prefecture division's row carries it. Pure functions over plain rows: the
store reads them (``store/progress.py``), the services, the window and the documents all pass
them through here. The rules' data and sources are in resources/progress_rules.json.
"""

from __future__ import annotations

import json
import re
from calendar import monthrange
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from dxdesk.core import reference
from dxdesk.core.calendar import stored_date
from dxdesk.errors import UserError

DONE, WORKING, NOT_STARTED, NOT_APPLICABLE = "完了済み", "作業中", "未着手", "対象外"
STATUSES = (DONE, WORKING, NOT_STARTED, NOT_APPLICABLE)

# What a cell is, in one word (the matrix's status filter, the hearing sheet's 状況 column).
STATE_NOT_APPLICABLE = "対象外"
STATE_UNRECORDED = "未登録"
STATE_LIVE = "運用開始"
STATE_SPECIAL = "特定移行支援"
STATE_WORKING = "移行作業中"
STATE_NOT_STARTED = "未着手"
CELL_STATES = (
    STATE_LIVE,
    STATE_WORKING,
    STATE_NOT_STARTED,
    STATE_SPECIAL,
    STATE_UNRECORDED,
    STATE_NOT_APPLICABLE,
)


@dataclass(frozen=True)
class Rules:
    deadline: date
    steps: int
    # (phase, months before the go-live by which every step of it must be done)
    phase_leads: tuple[tuple[str, int], ...]


@cache
def rules() -> Rules:
    raw: dict[str, Any] = json.loads(
        (reference.RESOURCES / "progress_rules.json").read_text(encoding="utf-8")
    )
    steps = int(raw["rate"]["steps"])
    if steps != len(reference.procedure_steps()):
        raise ValueError("progress_rules.json: the step count differs from procedure_steps.csv")
    leads = tuple(
        (str(p["phase"]), int(p["months_before_go_live"])) for p in raw["behind_plan"]["phases"]
    )
    known = {s.phase for s in reference.procedure_steps()}
    for phase, _ in leads:
        if phase not in known:
            raise ValueError(f"progress_rules.json: unknown phase {phase!r}")
    return Rules(date.fromisoformat(str(raw["deadline"]["date"])), steps, leads)


@cache
def phases() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The procedure's phases in order, each with its step numbers."""
    out: dict[str, list[int]] = {}
    for s in reference.procedure_steps():
        out.setdefault(s.phase, []).append(s.no)
    return tuple((p, tuple(nos)) for p, nos in out.items())


def percent(numerator: int, denominator: int) -> float:
    """A rate in percent with one decimal, rounded half up (as published), 0 for nothing."""
    if denominator <= 0:
        return 0.0
    value = Decimal(numerator * 100) / Decimal(denominator)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def percent_label(rate: float) -> str:
    """A rate as a whole percent for a label (94.3 -> 94%), rounded half up."""
    return f"{Decimal(str(rate)).quantize(Decimal('1'), rounding=ROUND_HALF_UP)}%"


@dataclass(frozen=True)
class StepCounts:
    """Steps by status; ``total`` is 40 times the cells counted (or the steps of a phase)."""

    done: int = 0
    working: int = 0
    not_started: int = 0
    not_applicable: int = 0

    @property
    def total(self) -> int:
        return self.done + self.working + self.not_started + self.not_applicable

    @property
    def completion_rate(self) -> float:
        """完了率 as 総務省 computes it: (完了済み + 対象外) / steps, in percent."""
        return percent(self.done + self.not_applicable, self.total)

    @property
    def working_rate(self) -> float:
        return percent(self.working, self.total)

    @property
    def not_started_rate(self) -> float:
        return percent(self.not_started, self.total)

    def __add__(self, other: StepCounts) -> StepCounts:
        return StepCounts(
            self.done + other.done,
            self.working + other.working,
            self.not_started + other.not_started,
            self.not_applicable + other.not_applicable,
        )

    def as_dict(self) -> dict[str, int]:
        return {
            DONE: self.done,
            WORKING: self.working,
            NOT_STARTED: self.not_started,
            NOT_APPLICABLE: self.not_applicable,
        }


def count(statuses: Iterable[str]) -> StepCounts:
    tally = dict.fromkeys(STATUSES, 0)
    for s in statuses:
        tally[s if s in tally else NOT_STARTED] += 1
    return StepCounts(tally[DONE], tally[WORKING], tally[NOT_STARTED], tally[NOT_APPLICABLE])


def applies(org_kind: str, welfare_office: bool, org_code: str, system_code: str) -> bool:
    """Whether an organisation runs a system itself (else its cell is 対象外 by rule).

    A prefecture division runs the one system resources/prefecture_divisions.csv names for it;
    a town or village without a 福祉事務所 does not run the systems the prefecture runs for it.
    """
    if org_kind == "県":
        return any(
            d.code == org_code and d.system_code == system_code
            for d in reference.prefecture_divisions()
        )
    return reference.system_applies(org_kind, welfare_office, system_code)


@dataclass(frozen=True)
class Step:
    no: int
    status: str
    updated_on: str | None = None  # the day it changed (for 完了済み: the day it was reached)
    note: str = ""


def _minus_months(d: date, months: int) -> date:
    y, m0 = divmod(d.year * 12 + d.month - 1 - months, 12)
    return date(y, m0 + 1, min(d.day, monthrange(y, m0 + 1)[1]))


_iso = stored_date


@dataclass(frozen=True)
class Cell:
    """One organisation's business system, with every figure and mark derived from its rows."""

    org_id: str
    system_code: str
    applies: bool
    recorded: bool  # a system_status or any step_status row exists
    steps: tuple[Step, ...]  # 40, in order; 未着手 where no row exists
    status_row: Mapping[str, Any] | None = None
    counts: StepCounts = field(default_factory=StepCounts)
    furthest_step: int | None = None  # the highest step 完了済み
    live: bool = False
    special_support: bool = False
    special_reason: str | None = None
    special_target: date | None = None
    planned_go_live: date | None = None
    behind: tuple[Behind, ...] = ()  # why it is behind plan
    deadline_risk: bool = False  # planned after the deadline without 特定移行支援
    state: str = STATE_NOT_STARTED
    records_against_rule: bool = False  # rows held for a cell the rule says is 対象外

    @property
    def behind_plan(self) -> bool:
        return bool(self.behind)

    @property
    def target_date(self) -> date | None:
        """The date the plan aims at: the 特定移行支援 target, else the planned go-live."""
        return self.special_target if self.special_support else self.planned_go_live

    @property
    def last_update(self) -> date | None:
        days = [d for d in (_iso(s.updated_on) for s in self.steps) if d is not None]
        return max(days) if days else None


def _state(cell_applies: bool, recorded: bool, live: bool, special: bool, c: StepCounts) -> str:
    if not cell_applies:
        return STATE_NOT_APPLICABLE
    if not recorded:
        return STATE_UNRECORDED
    if live:
        return STATE_LIVE
    if special:
        return STATE_SPECIAL
    if c.working or c.done:
        return STATE_WORKING
    return STATE_NOT_STARTED


@dataclass(frozen=True)
class Behind:
    """One reason a cell is behind plan: the target ``due`` passed without 運用開始 (``phase``
    None), or ``phase`` not complete by ``due``, ``months`` before the target. Facts, not a
    sentence: each face words it in its language and date style (services/progress.py
    behind_text, services/phrases.py)."""

    due: date
    phase: str | None = None
    months: int = 0


def behind_reasons(
    steps: tuple[Step, ...], *, live: bool, target: date | None, today: date
) -> tuple[Behind, ...]:
    """Why a cell is behind its plan (empty when it is not), by the rule in progress_rules.json.

    Behind plan: not live and either the target date (the 特定移行支援 target, else the planned
    go-live) has passed, or a phase that must be complete a set number of months before the
    target is not (every one of its steps 完了済み or 対象外). No target date, no plan to be
    behind (the attention list names a missing date separately).
    """
    if live or target is None:
        return ()
    if today > target:
        return (Behind(target),)
    by_no = {s.no: s.status for s in steps}
    out = []
    for phase, months in rules().phase_leads:
        nos = dict(phases())[phase]
        due = _minus_months(target, months)
        if today >= due and any(by_no.get(n) not in (DONE, NOT_APPLICABLE) for n in nos):
            out.append(Behind(due, phase, months))
    return tuple(out)


def make_cell(
    org: Mapping[str, Any],
    system_code: str,
    status_row: Mapping[str, Any] | None,
    step_rows: Iterable[Mapping[str, Any]],
    today: date,
) -> Cell:
    """A cell from its organisation (org_kind, welfare_office, code, id), its system_status
    row and its step_status rows (step_no, status, updated_on, note), as of ``today``."""
    cell_applies = applies(
        str(org.get("org_kind") or ""),
        bool(org.get("welfare_office")),
        str(org.get("code") or ""),
        system_code,
    )
    held = {int(r["step_no"]): r for r in step_rows}
    steps = tuple(
        Step(
            n,
            str(held[n]["status"]) if n in held and held[n].get("status") else NOT_STARTED,
            held[n].get("updated_on") if n in held else None,
            str(held[n].get("note") or "") if n in held else "",
        )
        for n in range(1, rules().steps + 1)
    )
    recorded = status_row is not None or bool(held)
    if not cell_applies:
        return Cell(
            str(org["id"]),
            system_code,
            applies=False,
            recorded=recorded,
            steps=steps,
            status_row=status_row,
            state=STATE_NOT_APPLICABLE,
            records_against_rule=recorded,
        )
    row = status_row or {}
    live = bool(row.get("live"))
    special = bool(row.get("special_support"))
    counts = count(s.status for s in steps)
    done = [s.no for s in steps if s.status == DONE]
    planned = _iso(row.get("planned_go_live"))
    special_target = _iso(row.get("special_target"))
    target = special_target if special else planned
    return Cell(
        str(org["id"]),
        system_code,
        applies=True,
        recorded=recorded,
        steps=steps,
        status_row=status_row,
        counts=counts,
        furthest_step=max(done) if done else None,
        live=live,
        special_support=special,
        special_reason=row.get("special_reason") or None,
        special_target=special_target,
        planned_go_live=planned,
        behind=behind_reasons(steps, live=live, target=target, today=today),
        deadline_risk=(
            not live and not special and planned is not None and planned > rules().deadline
        ),
        state=_state(True, recorded, live, special, counts),
    )


def sum_counts(counts: Iterable[StepCounts]) -> StepCounts:
    out = StepCounts()
    for c in counts:
        out = out + c
    return out


def total(cells: Iterable[Cell]) -> StepCounts:
    """Steps summed over the cells that apply (対象外-by-rule cells are left out)."""
    out = StepCounts()
    for c in cells:
        if c.applies:
            out = out + c.counts
    return out


def phase_counts(cells: Iterable[Cell]) -> list[tuple[str, StepCounts]]:
    """Per phase of the procedure: its steps' statuses summed over the cells that apply."""
    applying = [c for c in cells if c.applies]
    out = []
    for phase, nos in phases():
        wanted = set(nos)
        out.append((phase, count(s.status for c in applying for s in c.steps if s.no in wanted)))
    return out


def step_label(no: int | None) -> str:
    """``⑭-2`` for step 33; empty for none."""
    if no is None:
        return ""
    for s in reference.procedure_steps():
        if s.no == no:
            return s.item
    return str(no)


# ---------------------------------------------------------------- months and their difference

_MONTH_RE = re.compile(r"(\d{4})-(\d{1,2})")


def month_end(text: str) -> date:
    """The last day of ``YYYY-MM`` (full-width digits folded); UserError("bad_month") else."""
    import unicodedata

    m = _MONTH_RE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise UserError("bad_month", value=text)
    year, month = int(m.group(1)), int(m.group(2))
    return date(year, month, monthrange(year, month)[1])


def previous_month(text: str) -> str:
    end = month_end(text)
    y, m0 = divmod(end.year * 12 + end.month - 2, 12)
    return f"{y:04d}-{m0 + 1:02d}"


@dataclass(frozen=True)
class CellMove:
    """One cell between two dates: what it was, what it became, and which steps moved."""

    before: Cell
    after: Cell
    completed: tuple[int, ...]  # steps 完了済み after that were not before
    reopened: tuple[int, ...]  # steps 完了済み before that are not after (a correction)
    started: tuple[int, ...]  # steps 作業中 after that were 未着手 before

    @property
    def org_id(self) -> str:
        return self.after.org_id

    @property
    def system_code(self) -> str:
        return self.after.system_code

    @property
    def rate_before(self) -> float:
        return self.before.counts.completion_rate

    @property
    def rate_after(self) -> float:
        return self.after.counts.completion_rate

    @property
    def went_live(self) -> bool:
        return self.after.live and not self.before.live

    @property
    def changed(self) -> bool:
        """Its rate, furthest step or 運用開始 differ: what the difference of two months lists."""
        return (
            self.rate_before != self.rate_after
            or self.before.furthest_step != self.after.furthest_step
            or self.before.live != self.after.live
        )

    @property
    def moved(self) -> bool:
        """Any step changed status at all (作業中 started counts: work is being done)."""
        return tuple(s.status for s in self.before.steps) != tuple(
            s.status for s in self.after.steps
        ) or (self.before.live != self.after.live)

    @property
    def stalled(self) -> bool:
        """Under way (recorded, not 運用開始, not complete) and not one step moved in between."""
        return (
            self.after.applies
            and self.after.recorded
            and not self.after.live
            and self.rate_after < 100.0
            and not self.moved
        )


def move(before: Cell, after: Cell) -> CellMove:
    b = {s.no: s.status for s in before.steps}
    a = {s.no: s.status for s in after.steps}
    return CellMove(
        before,
        after,
        completed=tuple(n for n in sorted(a) if a[n] == DONE and b.get(n) != DONE),
        reopened=tuple(n for n in sorted(a) if b.get(n) == DONE and a[n] != DONE),
        started=tuple(n for n in sorted(a) if a[n] == WORKING and b.get(n) == NOT_STARTED),
    )


def moves(before: Iterable[Cell], after: Iterable[Cell]) -> list[CellMove]:
    """Every cell that applies, paired by (organisation, system), in the order of ``after``."""
    held = {(c.org_id, c.system_code): c for c in before}
    out = []
    for c in after:
        if not c.applies:
            continue
        b = held.get((c.org_id, c.system_code))
        if b is not None:
            out.append(move(b, c))
    return out
