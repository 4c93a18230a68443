"""Standardisation progress as a use case: the matrix, its summaries, a cell's detail, and
edits of steps and milestones — the one source for the window's matrix and ``dxdesk progress``.

Every figure comes from ``core.progress`` over the rows ``store.progress`` reads in one pass,
so the window, the command line and the documents show the national rate (完了率 = (完了済み +
対象外) / 40) and nothing else. Edits go through ``RecordService.put`` (natural keys, the
change log): a range of steps is one transaction, one keyed write per step.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dxdesk.core import progress as rules
from dxdesk.core import reference
from dxdesk.core.clock import today_jst
from dxdesk.core.model import key_id, kind
from dxdesk.core.progress import Behind, Cell, StepCounts
from dxdesk.errors import UserError
from dxdesk.services.phrases import Text, japanese, text
from dxdesk.services.profile import Profile
from dxdesk.services.records import Change, HistoryEntry, RecordService
from dxdesk.store import progress as rows
from dxdesk.store.meanings import open_clause
from dxdesk.store.shared import org_condition


def behind_text(why: Behind) -> Text:
    """Why a cell is behind plan, as a sentence each face words (services/phrases.py)."""
    if why.phase is None:
        return text("behind.passed", due=why.due)
    return text("behind.phase", phase=why.phase, due=why.due, months=why.months)


# Milestones: the planned date on system_status, the actual one the day its step was reached.
MILESTONES: tuple[tuple[str, str, int], ...] = (
    ("契約", "planned_contract", 28),  # ⑪-1 ベンダとの契約協議の実施
    ("データ移行", "planned_migration", 34),  # ⑭-3 最終データ移行の実施・結果確認
    ("テスト", "planned_test", 35),  # ⑮-1 テストの実施
    ("運用開始", "planned_go_live", 40),  # ⑱-1 運用開始ステータス
)


@dataclass(frozen=True)
class Org:
    id: str
    code: str
    name: str
    org_kind: str
    area: str
    bansou: bool

    @property
    def is_division(self) -> bool:
        return self.org_kind == "県"


@dataclass(frozen=True)
class Summary:
    """Figures over a set of cells that apply (an organisation's, a system's, all)."""

    label: str
    counts: StepCounts
    cells: int
    live: int
    special: int
    behind: int
    risk: int

    @property
    def completion_rate(self) -> float:
        return self.counts.completion_rate


def summarise(label: str, cells: Iterable[Cell]) -> Summary:
    applying = [c for c in cells if c.applies]
    return Summary(
        label,
        rules.total(applying),
        len(applying),
        sum(c.live for c in applying),
        sum(c.special_support for c in applying),
        sum(c.behind_plan for c in applying),
        sum(c.deadline_risk for c in applying),
    )


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    group_type: str
    members: frozenset[str]


@dataclass(frozen=True)
class Matrix:
    today: date
    orgs: tuple[Org, ...]
    cells: Mapping[tuple[str, str], Cell]

    @property
    def systems(self) -> tuple[Any, ...]:
        return reference.business_systems()

    def cell(self, org_id: str, system_code: str) -> Cell:
        return self.cells[(org_id, system_code)]

    def org_cells(self, org_id: str) -> list[Cell]:
        return [self.cells[(org_id, s.code)] for s in self.systems]

    def system_cells(self, code: str, org_ids: Iterable[str] | None = None) -> list[Cell]:
        ids = [o.id for o in self.orgs] if org_ids is None else list(org_ids)
        return [self.cells[(i, code)] for i in ids]

    def by_org(self, org_id: str) -> Summary:
        name = next((o.name for o in self.orgs if o.id == org_id), org_id)
        return summarise(name, self.org_cells(org_id))

    def by_system(self, code: str, org_ids: Iterable[str] | None = None) -> Summary:
        s = reference.system_by_code(code)
        return summarise(s.name if s else code, self.system_cells(code, org_ids))

    def total(self, org_ids: Iterable[str] | None = None) -> Summary:
        ids = [o.id for o in self.orgs] if org_ids is None else list(org_ids)
        return summarise("合計", [c for i in ids for c in self.org_cells(i)])

    def by_phase(self, org_ids: Iterable[str] | None = None) -> list[tuple[str, StepCounts]]:
        ids = [o.id for o in self.orgs] if org_ids is None else list(org_ids)
        return rules.phase_counts(c for i in ids for c in self.org_cells(i))


@dataclass(frozen=True)
class Diff:
    """Two months' matrices and every cell that applies paired between them."""

    from_month: str
    to_month: str
    before: Matrix
    after: Matrix
    moves: list[rules.CellMove]

    @property
    def changed(self) -> list[rules.CellMove]:
        return [m for m in self.moves if m.changed]

    @property
    def stalled(self) -> list[rules.CellMove]:
        return [m for m in self.moves if m.stalled]

    def org_of(self, move: rules.CellMove) -> Org:
        return next(o for o in self.after.orgs if o.id == move.org_id)


@dataclass(frozen=True)
class StepLine:
    no: int
    item: str
    phase: str
    name: str
    status: str
    updated_on: str | None
    note: str
    record_id: str | None  # the step_status record, when one is held


@dataclass(frozen=True)
class Milestone:
    label: str
    planned: str | None
    actual: str | None  # the day its step was reached (完了済み)


@dataclass(frozen=True)
class CellDetail:
    org: Org
    system_code: str
    system_name: str
    cell: Cell
    status_id: str | None  # the system_status record, when one is held
    values: Mapping[str, Any]  # system_status fields as stored (empty when none is held)
    vendor: str
    current_vendor: str
    steps: tuple[StepLine, ...]
    milestones: tuple[Milestone, ...]
    issues: tuple[Mapping[str, Any], ...]
    visits: tuple[Mapping[str, Any], ...]


def parse_steps(text: str) -> list[int]:
    """``12`` -> [12]; ``1-12`` -> 1..12; ``1-3,7`` -> [1, 2, 3, 7] (full-width digits too)."""
    import unicodedata

    norm = unicodedata.normalize("NFKC", text).replace(" ", "").replace("〜", "-").replace("~", "-")
    out: list[int] = []
    for part in filter(None, re.split(r"[,、]", norm)):
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if not m:
            raise UserError("progress_bad_steps", steps=text)
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if not 1 <= first <= last <= rules.rules().steps:
            raise UserError("progress_bad_steps", steps=text)
        out.extend(n for n in range(first, last + 1) if n not in out)
    if not out:
        raise UserError("progress_bad_steps", steps=text)
    return out


class ProgressService:
    def __init__(self, profile: Profile, today: date | None = None) -> None:
        self.profile = profile
        self.db = profile.database
        self.records = RecordService(profile)
        self.today = today or today_jst()

    # ------------------------------------------------------------ reading

    def month_date(self, month: str) -> date:
        """The day a month's matrix stands at: its last day, or today for the current month.
        A month still to come has no matrix yet (a sentence, not an empty table)."""
        end = rules.month_end(month)
        if end >= self.today:
            if (end.year, end.month) == (self.today.year, self.today.month):
                return self.today
            raise UserError("progress_future_month", month=month, today=self.today.isoformat())
        return end

    def matrix(self, month: str | None = None) -> Matrix:
        """The matrix now, or as it stood at the end of ``month`` (``YYYY-MM``), rebuilt from
        the change log; a past month's marks are judged as of that day."""
        if month is not None:
            at = self.month_date(month)
            return self._matrix(rows.read_at(self.db, at), at)
        return self._matrix(rows.read(self.db), self.today)

    def _matrix(self, data: rows.MatrixRows, today: date) -> Matrix:
        orgs = tuple(
            Org(
                str(o["id"]),
                str(o["code"]),
                str(o["name"]),
                str(o["org_kind"]),
                str(o["area"] or ""),
                bool(o["bansou"]),
            )
            for o in data.orgs
        )
        cells = {(c.org_id, c.system_code): c for c in rows.cells_of(data, today)}
        return Matrix(today, orgs, cells)

    def refresh_org(self, m: Matrix, org_id: str) -> Matrix:
        """``m`` with one organisation's cells read again (after an edit of that row): the
        same figures as a whole ``matrix()``, from one pass over that organisation's rows."""
        data = rows.read(self.db, org_id)
        if not data.orgs:  # deleted meanwhile: the whole matrix, which leaves it out
            return self.matrix()
        cells = dict(m.cells)
        for c in rows.cells_of(data, m.today):
            cells[(c.org_id, c.system_code)] = c
        return Matrix(m.today, m.orgs, cells)

    def diff(self, from_month: str, to_month: str) -> Diff:
        """What moved between the end of ``from_month`` and the end of ``to_month``."""
        if rules.month_end(from_month) >= rules.month_end(to_month):
            raise UserError("progress_diff_order", start=from_month, end=to_month)
        before, after = self.matrix(from_month), self.matrix(to_month)
        return Diff(
            from_month,
            to_month,
            before,
            after,
            rules.moves(before.cells.values(), after.cells.values()),
        )

    def groups(self, group_type: str | None = None) -> list[Group]:
        """生活圏 / ベンダ / テーマ groups with their live members (group_member records)."""
        members: dict[str, set[str]] = {}
        for r in self.db.query(
            "SELECT m.group_id, m.org_id FROM group_member AS m"
            ' JOIN "group" AS g ON g.id = m.group_id WHERE m._deleted = 0 AND g._deleted = 0'
        ):
            members.setdefault(str(r["group_id"]), set()).add(str(r["org_id"]))
        out = []
        for g in self.db.query(
            'SELECT id, name, group_type FROM "group" WHERE _deleted = 0 ORDER BY group_type, name'
        ):
            if group_type is None or g["group_type"] == group_type:
                gid = str(g["id"])
                out.append(
                    Group(
                        gid, str(g["name"]), str(g["group_type"]), frozenset(members.get(gid, ()))
                    )
                )
        return out

    @staticmethod
    def system_code(system: str) -> str:
        """A business system's code from its code, name or short name (住民記録)."""
        import unicodedata

        s = reference.system_by_code(unicodedata.normalize("NFKC", system).strip())
        if s is None:
            raise UserError("progress_unknown_system", system=system)
        return s.code

    def resolve(self, org: str, system: str) -> tuple[str, str]:
        return self.records.resolve_org(org), self.system_code(system)

    def detail(self, org: str, system: str) -> CellDetail:
        org_id, code = self.resolve(org, system)
        data = rows.read(self.db, org_id)
        o = data.orgs[0]  # resolve_org found it live
        key = (org_id, code)
        status = data.status.get(key)
        cell = rules.make_cell(o, code, status, data.steps.get(key, ()), self.today)
        step_kind = kind("step_status")
        held = {int(r["step_no"]) for r in data.steps.get(key, ())}
        steps = tuple(
            StepLine(
                s.no,
                ref.item,
                ref.phase,
                ref.name,
                s.status,
                s.updated_on,
                s.note,
                key_id(step_kind, {"org_id": org_id, "system_code": code, "step_no": s.no})
                if s.no in held
                else None,
            )
            for s, ref in zip(cell.steps, reference.procedure_steps(), strict=True)
        )
        values = dict(status or {})
        by_no = {s.no: s for s in cell.steps}
        milestones = tuple(
            Milestone(
                label,
                values.get(field),
                by_no[no].updated_on if by_no[no].status == rules.DONE else None,
            )
            for label, field, no in MILESTONES
        )
        vendors = {
            str(r["id"]): str(r["name"]) for r in self.db.query("SELECT id, name FROM vendor")
        }
        system_ref = reference.system_by_code(code)
        names = {code} | ({system_ref.name, system_ref.short_name} if system_ref else set())
        of_org, org_params = org_condition(kind("issue"), "issue", org_id)  # own or shared
        issues = tuple(
            self.db.query(
                "SELECT id, title, status, priority, raised_on, due_date FROM issue"
                f" WHERE _deleted = 0 AND system_code = ? AND {open_clause(kind('issue'))}"
                f" AND {of_org} ORDER BY raised_on DESC, rid",
                (code, *org_params),
            )
        )
        visits = tuple(
            v
            for v in self.db.query(
                "SELECT id, date, title, mode, systems FROM visit WHERE _deleted = 0"
                " AND org_id = ? ORDER BY date DESC, rid DESC",
                (org_id,),
            )
            if names & set(json.loads(v["systems"] or "[]"))
        )
        return CellDetail(
            org=Org(
                org_id,
                str(o["code"]),
                str(o["name"]),
                str(o["org_kind"]),
                str(o["area"] or ""),
                bool(o["bansou"]),
            ),
            system_code=code,
            system_name=system_ref.name if system_ref else code,
            cell=cell,
            status_id=None if status is None else str(status["id"]),
            values=values,
            vendor=vendors.get(str(values.get("vendor_id")), ""),
            current_vendor=vendors.get(str(values.get("current_vendor_id")), ""),
            steps=steps,
            milestones=milestones,
            issues=issues,
            visits=visits,
        )

    def history(self, detail: CellDetail) -> list[tuple[str, HistoryEntry]]:
        """Every change of the cell (its status record and each step), oldest first, each with
        what it was about (業務の状況 or the step's number)."""
        out: list[tuple[str, HistoryEntry]] = []
        if detail.status_id is not None:
            out += [
                ("標準化状況", e) for e in self.records.history("system_status", detail.status_id)
            ]
        for s in detail.steps:
            if s.record_id is not None:
                label = f"ステップ{s.no}（{s.item}）"
                out += [(label, e) for e in self.records.history("step_status", s.record_id)]
        out.sort(key=lambda item: item[1].at)
        return out

    # ------------------------------------------------------------ writing

    def set_steps(
        self,
        org: str,
        system: str,
        steps: Sequence[int] | str,
        status: str,
        on: date | str | None = None,
        note: str | None = None,
    ) -> list[Change]:
        """Give steps one status (``"1-12"``, ``[12]``), dated ``on`` (default today): one
        transaction, one keyed write per step. A step already in that status keeps its date
        (the day it got there); given a note, only the note is written to it."""
        org_id, code = self.resolve(org, system)
        numbers = parse_steps(steps) if isinstance(steps, str) else list(steps)
        if status not in rules.STATUSES:
            raise UserError(
                "progress_bad_status", status=status, statuses="、".join(rules.STATUSES)
            )
        when = on.isoformat() if isinstance(on, date) else (on or self.today.isoformat())
        changes: list[Change] = []
        with self.db.transaction():
            held = {
                int(r["step_no"]): str(r["status"])
                for r in self.db.query(
                    "SELECT step_no, status FROM step_status WHERE _deleted = 0"
                    " AND org_id = ? AND system_code = ?",
                    (org_id, code),
                )
            }
            for n in numbers:
                values: dict[str, object] = {"org_id": org_id, "system_code": code, "step_no": n}
                if held.get(n) != status:
                    values.update(status=status, updated_on=when)
                elif note is None:
                    continue  # already so: its date stays the day it got there
                if note is not None:
                    values["note"] = note
                change = self.records.put("step_status", values)
                if change is not None:
                    changes.append(change)
        return changes

    def set_fields(self, org: str, system: str, values: Mapping[str, object]) -> Change | None:
        """Set fields of the cell's system_status record (created when none is held)."""
        org_id, code = self.resolve(org, system)
        k = kind("system_status")
        for name in values:
            if name in k.key:
                raise UserError("progress_key_field", field=k.field(name).label)
            k.field(name)
        return self.records.put("system_status", {**values, "org_id": org_id, "system_code": code})


# ---------------------------------------------------------------- rows for tables and files


def cell_json(m: Matrix, c: Cell) -> dict[str, Any]:
    """One cell as ``dxdesk progress show --format json`` prints it (and the CSV's columns)."""
    org = next(o for o in m.orgs if o.id == c.org_id)
    return {
        "org_code": org.code,
        "org_name": org.name,
        "system_code": c.system_code,
        "applies": c.applies,
        "state": c.state,
        "counts": c.counts.as_dict(),
        "completion_rate": c.counts.completion_rate if c.applies else None,
        "working_rate": c.counts.working_rate if c.applies else None,
        "not_started_rate": c.counts.not_started_rate if c.applies else None,
        "furthest_step": c.furthest_step,
        "live": c.live,
        "special_support": c.special_support,
        "special_reason": c.special_reason,
        "special_target": c.special_target.isoformat() if c.special_target else None,
        "planned_go_live": c.planned_go_live.isoformat() if c.planned_go_live else None,
        "behind_plan": [japanese(behind_text(b)) for b in c.behind],
        "deadline_risk": c.deadline_risk,
    }


def shown_orgs(m: Matrix, org_ids: Iterable[str] | None = None) -> list[Org]:
    wanted = None if org_ids is None else set(org_ids)
    return [o for o in m.orgs if wanted is None or o.id in wanted]


def is_shown(o: Org, c: Cell) -> bool:
    """A division's row shows only its own system; a municipality's every system."""
    return c.applies or not o.is_division


Table = tuple[list[str], list[list[Any]]]

SUMMARY_HEADERS = [
    "業務数",
    "完了済み",
    "作業中",
    "未着手",
    "対象外",
    "完了率（%）",
    "作業中率（%）",
    "未着手率（%）",
    "運用開始",
    "特定移行支援",
    "計画より遅れ",
    "期限後の移行予定",
]


def summary_values(s: Summary) -> list[Any]:
    c = s.counts
    return [
        s.cells,
        c.done,
        c.working,
        c.not_started,
        c.not_applicable,
        c.completion_rate,
        c.working_rate,
        c.not_started_rate,
        s.live,
        s.special,
        s.behind,
        s.risk,
    ]


def org_table(m: Matrix, org_ids: Iterable[str] | None = None) -> Table:
    """One row per organisation and the total: the matrix's summary column, as a table."""
    orgs = shown_orgs(m, org_ids)
    rows = [[o.code, o.name, *summary_values(m.by_org(o.id))] for o in orgs]
    rows.append(["", "合計", *summary_values(m.total([o.id for o in orgs]))])
    return ["団体コード", "団体名", *SUMMARY_HEADERS], rows


def system_table(m: Matrix, org_ids: Iterable[str] | None = None) -> Table:
    """One row per business system: the matrix's summary row, as a table."""
    ids = [o.id for o in shown_orgs(m, org_ids)]
    rows = [[s.code, s.name, *summary_values(m.by_system(s.code, ids))] for s in m.systems]
    return ["コード", "業務システム", *SUMMARY_HEADERS], rows


def phase_table(m: Matrix, org_ids: Iterable[str] | None = None) -> Table:
    """Per phase of the procedure (計画立案, システム選定・調達, 移行): steps by status."""
    ids = [o.id for o in shown_orgs(m, org_ids)]
    rows = [
        [
            phase,
            c.done,
            c.working,
            c.not_started,
            c.not_applicable,
            c.completion_rate,
            c.working_rate,
            c.not_started_rate,
        ]
        for phase, c in m.by_phase(ids)
    ]
    return ["工程", *SUMMARY_HEADERS[1:8]], rows


CELL_HEADERS = [
    "団体コード",
    "団体名",
    "コード",
    "業務システム",
    "状況",
    "完了率（%）",
    "到達ステップ",
    "作業中",
    "未着手",
    "移行予定日",
    "運用開始",
    "特定移行支援",
    "理由",
    "移行目標時期",
    "計画より遅れ",
    "期限後の移行予定",
]


def cell_values(m: Matrix, c: Cell) -> list[Any]:
    org = next(o for o in m.orgs if o.id == c.org_id)
    s = reference.system_by_code(c.system_code)
    return [
        org.code,
        org.name,
        c.system_code,
        s.name if s else c.system_code,
        c.state,
        c.counts.completion_rate if c.applies else "",
        rules.step_label(c.furthest_step),
        c.counts.working if c.applies else "",
        c.counts.not_started if c.applies else "",
        c.planned_go_live.isoformat() if c.planned_go_live else "",
        "はい" if c.live else "",
        "はい" if c.special_support else "",
        c.special_reason or "",
        c.special_target.isoformat() if c.special_target else "",
        "／".join(japanese(behind_text(b)) for b in c.behind),
        "はい" if c.deadline_risk else "",
    ]


def cell_table(m: Matrix, cells: Iterable[Cell]) -> Table:
    return list(CELL_HEADERS), [cell_values(m, c) for c in cells]


def step_table(d: CellDetail) -> Table:
    return (
        ["ステップ", "項目", "工程", "手順", "状態", "日付", "備考"],
        [[s.no, s.item, s.phase, s.name, s.status, s.updated_on or "", s.note] for s in d.steps],
    )


# ---------------------------------------------------------------- the matrix as a workbook

MARK_TEXTS = (
    ("behind_plan", "遅れ"),
    ("special_support", "特定"),
    ("deadline_risk", "期限後"),
    ("live", "運用"),
)


def mark_text(c: Cell) -> str:
    """A cell's marks as words (the workbook's and the legend's ``遅れ・特定``)."""
    return "・".join(word for attr, word in MARK_TEXTS if c.applies and getattr(c, attr))


def matrix_label(o: Org, c: Cell) -> str:
    """A cell of the exported matrix as text: rate, furthest step, marks (``83.0% ⑭-2 遅れ``)."""
    if not is_shown(o, c):
        return ""
    if not c.applies:
        return "－"
    if not c.recorded:
        return "未"
    parts = [f"{c.counts.completion_rate:.1f}%", rules.step_label(c.furthest_step) or "0"]
    marks = mark_text(c)
    if marks:
        parts.append(marks)
    return " ".join(parts)


def matrix_sheets(m: Matrix, org_ids: Iterable[str] | None = None) -> list[Any]:
    """The sheets of the exported matrix: 進捗表 (labels), 完了率 (numbers), the summaries by
    organisation, system and phase, and 凡例. Rates are the national ones, in percent."""
    from dxdesk.reports.xlsx import Sheet

    orgs = shown_orgs(m, org_ids)
    ids = [o.id for o in orgs]
    heads = [f"{s.code} {s.abbr}" for s in m.systems]
    labels: list[list[Any]] = []
    numbers: list[list[Any]] = []
    for o in orgs:
        s = m.by_org(o.id)
        cells = m.org_cells(o.id)
        labels.append([o.code, o.name, s.completion_rate, *(matrix_label(o, c) for c in cells)])
        numbers.append(
            [
                o.code,
                o.name,
                s.completion_rate,
                *(c.counts.completion_rate if c.applies else None for c in cells),
            ]
        )
    by_system = [m.by_system(s.code, ids) for s in m.systems]
    total = m.total(ids)
    summary: list[Any] = [
        "",
        "業務計（完了率%）",
        total.completion_rate,
        *(x.completion_rate for x in by_system),
    ]
    labels.append(summary)
    numbers.append(list(summary))
    for title, attr in (
        ("業務計（運用開始）", "live"),
        ("業務計（特定移行支援）", "special"),
        ("業務計（計画より遅れ）", "behind"),
        ("業務計（期限後の移行予定）", "risk"),
    ):
        labels.append(["", title, getattr(total, attr), *(getattr(x, attr) for x in by_system)])
    header = ["団体コード", "団体名", "団体計（完了率%）", *heads]
    pct = {2: "0.0", **{3 + i: "0.0" for i in range(len(heads))}}
    legend = [
        [
            "完了率",
            "（完了済み＋対象外）÷40、手順書ステップの件数の割合（総務省の算定方法）。小数第1位、四捨五入。",
        ],
        ["セルの表示", "完了率、到達ステップ（完了済みの最も進んだステップ）、印の順。"],
        ["－", "対象外（この団体では実施しない業務。県が実施）。集計に含めません。"],
        ["未", "未登録（記録がありません）。"],
        ["空欄", "県の所管課の行で、所管外の業務。"],
        ["遅れ", "計画より遅れ（移行予定日の経過、または工程の期限までに未完了）。"],
        ["特定", "特定移行支援システム。"],
        [
            "期限後",
            f"移行予定日が期限（{rules.rules().deadline.isoformat()}）後で、特定移行支援の登録なし。",
        ],
        ["運用", "標準準拠システムで運用開始済み（完了率とは別の指標）。"],
        ["作成日", m.today.isoformat()],
    ]
    sheets = [
        Sheet("進捗表", header, labels, number_formats={2: "0.0"}),
        Sheet("完了率", header, numbers, number_formats=pct),
    ]
    for title, (h, r) in (
        ("団体別", org_table(m, ids)),
        ("業務別", system_table(m, ids)),
        ("工程別", phase_table(m, ids)),
    ):
        sheets.append(Sheet(title, h, r))
    sheets.append(Sheet("凡例", ["表示", "意味"], legend))
    return sheets


def matrix_workbook(m: Matrix, org_ids: Iterable[str] | None = None) -> bytes:
    from dxdesk.reports.xlsx import workbook_bytes

    return workbook_bytes(matrix_sheets(m, org_ids), title="標準化の進捗")


def write_matrix_workbook(path: Any, m: Matrix, org_ids: Iterable[str] | None = None) -> None:
    """Write the workbook at once (an atomic write: nothing half-written on a failure)."""
    from pathlib import Path

    from dxdesk.fsutil import atomic_write_bytes, io_error

    target = Path(path)
    data = matrix_workbook(m, org_ids)
    try:
        atomic_write_bytes(target, data, mode=0o644)
    except OSError as exc:
        raise io_error(exc, target) from None


# ---------------------------------------------------------------- by vendor


@dataclass(frozen=True)
class VendorCell:
    vendor_id: str
    vendor: str
    role: str  # 標準準拠 (the vendor of the chosen product) or 現行
    org: Org
    cell: Cell


def vendor_cells(m: Matrix, vendors: Mapping[str, str]) -> list[VendorCell]:
    """Each vendor's cells, from the system records (vendor_id: the standard-compliant
    product's vendor; current_vendor_id: the current system's): vendors by name, then
    organisations and systems in matrix order. ``vendors``: id -> name."""
    out = []
    org_by_id = {o.id: o for o in m.orgs}
    for (org_id, _code), c in m.cells.items():
        row = c.status_row or {}
        if not c.applies:
            continue
        for field_name, role in (("vendor_id", "標準準拠"), ("current_vendor_id", "現行")):
            vid = row.get(field_name)
            if vid:
                name = vendors.get(str(vid), str(vid))
                out.append(VendorCell(str(vid), name, role, org_by_id[org_id], c))
    order = {
        (o.id, s.code): i for i, (o, s) in enumerate((o, s) for o in m.orgs for s in m.systems)
    }
    out.sort(
        key=lambda v: (
            v.vendor,
            v.vendor_id,
            v.role != "標準準拠",
            order[(v.org.id, v.cell.system_code)],
        )
    )
    return out


def vendor_table(items: Sequence[VendorCell]) -> Table:
    rows = []
    for v in items:
        s = reference.system_by_code(v.cell.system_code)
        c = v.cell
        rows.append(
            [
                v.vendor,
                v.role,
                v.org.code,
                v.org.name,
                c.system_code,
                s.name if s else c.system_code,
                c.state,
                c.counts.completion_rate,
                rules.step_label(c.furthest_step),
                mark_text(c),
            ]
        )
    headers = ["ベンダ", "区分", "団体コード", "団体名", "コード", "業務システム", "状況"]
    return [*headers, "完了率（%）", "到達ステップ", "印"], rows


def vendor_summary(items: Sequence[VendorCell]) -> Table:
    """Per vendor and role: cells served, organisations, and their 完了率 summed as 総務省 does."""
    groups: dict[tuple[str, str, str], list[VendorCell]] = {}
    for v in items:
        groups.setdefault((v.vendor, v.vendor_id, v.role), []).append(v)
    rows = []
    for (name, _vid, role), vs in groups.items():
        s = summarise(name, [v.cell for v in vs])
        rows.append([name, role, len({v.org.id for v in vs}), *summary_values(s)])
    return ["ベンダ", "区分", "団体数", *SUMMARY_HEADERS], rows


def vendor_names(service: ProgressService) -> dict[str, str]:
    return {
        str(r["id"]): str(r["name"])
        for r in service.db.query("SELECT id, name FROM vendor WHERE _deleted = 0")
    }


# ---------------------------------------------------------------- the difference of two months


def move_json(d: Diff, mv: rules.CellMove) -> dict[str, Any]:
    """One cell of ``dxdesk progress diff --format json``."""
    org = d.org_of(mv)
    return {
        "org_code": org.code,
        "org_name": org.name,
        "system_code": mv.system_code,
        "completion_rate": {"from": mv.rate_before, "to": mv.rate_after},
        "furthest_step": {"from": mv.before.furthest_step, "to": mv.after.furthest_step},
        "live": {"from": mv.before.live, "to": mv.after.live},
        "completed_steps": list(mv.completed),
        "reopened_steps": list(mv.reopened),
        "started_steps": list(mv.started),
        "stalled": mv.stalled,
    }


def diff_json(d: Diff) -> dict[str, Any]:
    return {
        "from": d.from_month,
        "to": d.to_month,
        "completion_rate": {
            "from": d.before.total().completion_rate,
            "to": d.after.total().completion_rate,
        },
        "changed": [move_json(d, m) for m in d.changed],
        "stalled": [move_json(d, m) for m in d.stalled],
    }


def _steps_text(nos: Sequence[int]) -> str:
    return "、".join(rules.step_label(n) for n in nos)


def diff_tables(d: Diff) -> list[tuple[str, Table]]:
    """The difference as tables: the totals, the cells that changed, the cells that stalled."""
    totals: Table = (
        ["", d.from_month, d.to_month],
        [
            ["完了率（%）", d.before.total().completion_rate, d.after.total().completion_rate],
            ["運用開始", d.before.total().live, d.after.total().live],
            ["計画より遅れ", d.before.total().behind, d.after.total().behind],
        ],
    )
    changed_rows = []
    for m in d.changed:
        org = d.org_of(m)
        s = reference.system_by_code(m.system_code)
        changed_rows.append(
            [
                org.code,
                org.name,
                s.name if s else m.system_code,
                f"{m.rate_before:.1f} → {m.rate_after:.1f}",
                f"{rules.step_label(m.before.furthest_step) or '－'} → "
                f"{rules.step_label(m.after.furthest_step) or '－'}",
                "運用開始"
                if m.went_live
                else ("運用開始を取消" if m.before.live and not m.after.live else ""),
                _steps_text(m.completed),
                _steps_text(m.reopened),
            ]
        )
    stalled_rows = []
    for m in d.stalled:
        org = d.org_of(m)
        s = reference.system_by_code(m.system_code)
        stalled_rows.append(
            [
                org.code,
                org.name,
                s.name if s else m.system_code,
                m.rate_after,
                rules.step_label(m.after.furthest_step),
                m.after.last_update.isoformat() if m.after.last_update else "",
            ]
        )
    return [
        ("全体", totals),
        (
            "変化した団体・業務",
            (
                [
                    "団体コード",
                    "団体名",
                    "業務システム",
                    "完了率（%）",
                    "到達ステップ",
                    "運用開始",
                    "完了したステップ",
                    "完了を取り消したステップ",
                ],
                changed_rows,
            ),
        ),
        (
            "停滞している団体・業務（期間中にステップの変化なし）",
            (
                [
                    "団体コード",
                    "団体名",
                    "業務システム",
                    "完了率（%）",
                    "到達ステップ",
                    "最終更新日",
                ],
                stalled_rows,
            ),
        ),
    ]
