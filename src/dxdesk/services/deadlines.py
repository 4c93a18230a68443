"""The deadline board: every deliverable of the contract in a fiscal year, when it is due, where
it stands. The one place for the deadline rules; the window's board, its home screen and
``dxdesk deadlines`` all read ``board``.

Due dates come from the office calendar (core/calendar.py, with the profile's 臨時閉庁日):

- 月次作業報告書: the 10th of the next month; a closed 10th follows the profile's setting
  (``monthly_report_rule``: the last 開庁日 before, by default, or the next one).
- 会議資料: the 開庁日 before each 月次報告会. 議事録: the 3rd 開庁日 after any meeting.
- 研修実施内容報告書 ("once a training's content and date are fixed"): the 開庁日 before the
  training, for a training with a date that is not cancelled. 研修実施結果報告書 ("after it"):
  ``TRAINING_RESULT_OPEN_DAYS`` 開庁日 after it. The contract gives no number for either: these
  are our defaults, shown with each row as its basis.
- 業務完了報告書: the end of the contract (31 March), or the 開庁日 before when that is closed.
- 業務実施計画書, 業務実施体制図, 専門人材一覧表, 情報漏洩等への対策に関する文書 ("promptly after
  signing"): the due date a person set (``set_due``); none until then.
- 7(4): a 月次報告会 each month; a month up to this one without one is flagged.
- Issues' own due dates (open issues).

Status from the submission register (kind ``submission``): 未着手 (no version), 作成中 (a
version not yet submitted), 提出済み (the newest version's submitted date, its file's SHA-256).

A deliverable's name is a ``Text`` (services/phrases.py), so the board and the home screen show
it in the window's language and date style; ``title`` is its Japanese with ISO dates.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dxdesk.core.calendar import (
    EXTRA_CLOSED,
    WEEKDAYS_JA,
    WEEKEND,
    YEAR_END,
    DueDate,
    OfficeCalendar,
    fiscal_year,
    fiscal_year_range,
    monthly_report_rules,
    parse_date,
)
from dxdesk.core.clock import today_jst
from dxdesk.core.model import DELIVERABLES, Record, kind
from dxdesk.errors import UserError
from dxdesk.services.calendar import office_calendar
from dxdesk.services.goals import fiscal_months
from dxdesk.services.phrases import (
    CALENDAR_RULE,
    HOLIDAY,
    Label,
    Text,
    YearMonth,
    japanese,
    text,
)
from dxdesk.services.profile import Profile
from dxdesk.services.records import Change, RecordService
from dxdesk.store.meanings import open_clause

NOT_STARTED, IN_PROGRESS, SUBMITTED = "未着手", "作成中", "提出済み"
NOT_HELD = "未開催"  # a month without its 月次報告会 (7(4))
MONTHLY_MEETING = "月次報告会"  # the meeting type of the monthly report meeting (MEETING_TYPES)
CANCELLED_TRAINING = "中止"
TRAINING_RESULT_OPEN_DAYS = 10
SOON_DAYS = 21  # "the next weeks" of the home screen

# code -> (document, report kind that makes it or None, what it is for: month / meeting /
# training / fy). The documents are the model's (core/model.py DELIVERABLES).
DOCUMENTS: dict[str, tuple[str, str | None, str]] = {
    "monthly": ("月次作業報告書", "monthly", "month"),
    "materials": ("会議資料", None, "meeting"),
    "minutes": ("議事録", "minutes", "meeting"),
    "training-plan": ("研修実施内容報告書", "training-plan", "training"),
    "training-result": ("研修実施結果報告書", "training-result", "training"),
    "completion": ("業務完了報告書", "completion", "fy"),
    "plan": ("業務実施計画書", "plan", "fy"),
    "structure": ("業務実施体制図", "structure", "fy"),
    "experts": ("専門人材一覧表", "experts", "fy"),
    "security": ("情報漏洩等への対策に関する文書", "security", "fy"),
}
START_DOCUMENTS = ("plan", "structure", "experts", "security")
for _code, (_document, _report, _for) in DOCUMENTS.items():
    assert _document in DELIVERABLES, _document  # one list of documents: the model's
ISSUE, NO_MEETING = "issue", "monthly-meeting"


@dataclass(frozen=True)
class Deliverable:
    key: str  # "monthly:2025-11", "minutes:<meeting id>", "plan:2025", "issue:<id>" ...
    code: str  # a DOCUMENTS code, or "issue" / "monthly-meeting"
    name: Text  # what is due (月次作業報告書（2025年11月分）), for any face's language
    due: date | None
    basis: Text  # how the due date was found
    status: str
    overdue: bool
    submitted_on: str | None = None
    fingerprint: str | None = None
    version: int | None = None
    doc_number: str | None = None  # the 文書番号 it was submitted with
    submission_id: str | None = None
    source_kind: str | None = None  # the record it is about (a meeting, a training, an issue)
    source_id: str | None = None
    report: str | None = None  # the report kind that makes it (services/reports.py)
    period: str | None = None  # YYYY-MM, or the 年度 as YYYY

    @property
    def document(self) -> str:
        return DOCUMENTS[self.code][0] if self.code in DOCUMENTS else ""

    @property
    def title(self) -> str:
        """The name in Japanese, dates ISO (JSON, the package; a face renders ``name``)."""
        return japanese(self.name)

    @property
    def status_text(self) -> Label | Text:
        """The status for a face: the model's choice (未着手, 作成中, an issue's status), or
        this board's own word (提出済み, 未開催)."""
        if self.status in OWN_STATUSES:
            return text(OWN_STATUSES[self.status])
        return Label("Choice", self.status)

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        del out["name"]
        out["title"] = self.title
        out["basis"] = japanese(self.basis)
        out["kind"] = self.code
        out["due"] = self.due.isoformat() if self.due else None
        return out


def _version(r: Record) -> int:
    value = r.get("version")
    return int(value) if isinstance(value, int | float) else 0


def _month_label(month: str) -> YearMonth:
    y, m = (int(x) for x in month.split("-"))
    return YearMonth(y, m)


# The board's statuses that are not a choice of the model (their phrases' keys).
OWN_STATUSES = {SUBMITTED: "deadline.submitted", NOT_HELD: "deadline.not_held"}


def _month_end(month: str) -> date:
    y, m = (int(x) for x in month.split("-"))
    return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)


def _choice(code: str) -> Label:
    return Label("Choice", DOCUMENTS[code][0])  # the model's document names are choices


def _document_name(code: str) -> Text:
    return text("deadline.document", document=_choice(code))


def _for_record(code: str, title: object, day: date) -> Text:
    """A document about a meeting or a training: 議事録：第8回月次報告会（2025-11-21）."""
    return text("deadline.for_record", document=_choice(code), title=str(title), day=day)


def _monthly_basis(cal: OfficeCalendar, deadline: DueDate) -> Text:
    """翌月10日, or 翌月10日（土曜日のため直前の開庁日）: the calendar's rule, in parts."""
    nominal = deadline.nominal or deadline.due
    cause = cal.closed_cause(nominal) if deadline.moved_by else None
    if cause is None or deadline.moved_by is None:
        return text("deadline.basis.monthly", day=nominal.day)
    what, name = cause
    reason: Text | Label = Label(HOLIDAY, name)  # a holiday's name (文化の日)
    if what == WEEKEND:
        reason = text("closed.weekend", weekday=Label("Weekday", WEEKDAYS_JA[nominal.weekday()]))
    elif what == YEAR_END:
        reason = text("closed.year_end")
    elif what == EXTRA_CLOSED:
        reason = text("closed.extra")
    rule = Label(CALENDAR_RULE, monthly_report_rules()[deadline.moved_by])
    return text("deadline.basis.monthly_moved", day=nominal.day, reason=reason, rule=rule)


def _open_on_or_before(cal: OfficeCalendar, d: date) -> date:
    return d if cal.is_open_day(d) else cal.previous_open_day(d)


class DeadlineService:
    def __init__(self, profile: Profile, today: date | None = None) -> None:
        self.profile = profile
        self.today = today or today_jst()
        self.records = RecordService(profile)

    # ------------------------------------------------------------ the submission register

    def _submissions(self) -> dict[tuple[str, str], list[Record]]:
        """Live submission records per (document, what it is for), newest version last."""
        out: dict[tuple[str, str], list[Record]] = {}
        for r in self.profile.records.select(kind("submission"), order_by="rid"):
            target = str(r.get("meeting_id") or r.get("training_id") or r.get("period") or "")
            out.setdefault((str(r["document"]), target), []).append(r)
        for versions in out.values():
            versions.sort(key=lambda r: (_version(r), str(r["_created_at"])))
        return out

    @staticmethod
    def _is_version(r: Record) -> bool:
        # A record holding only a due date (set_due) is not a version of the document.
        return bool(r.get("version") or r.get("submitted_on") or r.get("fingerprint"))

    def _state(
        self, held: dict[tuple[str, str], list[Record]], document: str, target: str
    ) -> tuple[str, Record | None, str | None]:
        """(status, newest version, due date a person set) of one deliverable."""
        records = held.get((document, target), [])
        due = next((str(r["due_date"]) for r in reversed(records) if r.get("due_date")), None)
        versions = [r for r in records if self._is_version(r)]
        if not versions:
            return NOT_STARTED, None, due
        newest = versions[-1]
        return (SUBMITTED if newest.get("submitted_on") else IN_PROGRESS), newest, due

    # ------------------------------------------------------------ the board

    def board(self, fy: int | None = None) -> list[Deliverable]:
        """Every deliverable of 年度 ``fy`` (this one by default), by due date (undated last)."""
        fy = fy or fiscal_year(self.today)
        cal = office_calendar(self.profile)
        held = self._submissions()
        start, end = fiscal_year_range(fy)
        rule = self.profile.settings.monthly_report_rule
        out: list[Deliverable] = []

        def add(
            code: str,
            target: str,
            name: Text,
            due: date | None,
            basis: Text,
            *,
            source: tuple[str, str] | None = None,
            period: str | None = None,
        ) -> None:
            document, report, _for = DOCUMENTS[code]
            status, newest, set_due = self._state(held, document, target)
            if due is None and set_due:
                due, basis = date.fromisoformat(set_due), text("deadline.basis.set")
            out.append(
                Deliverable(
                    key=f"{code}:{target}",
                    code=code,
                    name=name,
                    due=due,
                    basis=basis,
                    status=status,
                    overdue=status != SUBMITTED and due is not None and due < self.today,
                    submitted_on=str(newest["submitted_on"])
                    if newest and newest.get("submitted_on")
                    else None,
                    fingerprint=str(newest["fingerprint"])
                    if newest and newest.get("fingerprint")
                    else None,
                    version=_version(newest) or None if newest else None,
                    doc_number=str(newest["doc_number"])
                    if newest and newest.get("doc_number")
                    else None,
                    submission_id=str(newest["id"]) if newest else None,
                    source_kind=source[0] if source else None,
                    source_id=source[1] if source else None,
                    report=report,
                    period=period,
                )
            )

        for code in START_DOCUMENTS:
            add(
                code,
                str(fy),
                _document_name(code),
                None,
                text("deadline.basis.start"),
                period=str(fy),
            )
        for month in fiscal_months(fy):
            y, m = (int(x) for x in month.split("-"))
            deadline = cal.monthly_report_deadline(y, m, rule)
            add(
                "monthly",
                month,
                text("deadline.monthly", document=_choice("monthly"), month=_month_label(month)),
                deadline.due,
                _monthly_basis(cal, deadline),
                period=month,
            )

        meetings = self.profile.records.select(
            kind("meeting"),
            where=["date BETWEEN ? AND ?"],
            params=[start.isoformat(), end.isoformat()],
            order_by="date, rid",
        )
        monthly_held: set[str] = set()
        for r in meetings:
            day = date.fromisoformat(str(r["date"]))
            source = ("meeting", str(r["id"]))
            if r.get("meeting_type") == MONTHLY_MEETING:
                monthly_held.add(day.strftime("%Y-%m"))
                add(
                    "materials",
                    str(r["id"]),
                    _for_record("materials", r["title"], day),
                    cal.materials_due(day),
                    text("deadline.basis.materials"),
                    source=source,
                )
            add(
                "minutes",
                str(r["id"]),
                _for_record("minutes", r["title"], day),
                cal.minutes_due(day),
                text("deadline.basis.minutes"),
                source=source,
            )

        trainings = self.profile.records.select(
            kind("training"),
            where=["date BETWEEN ? AND ?", "status IS NOT ?"],
            params=[start.isoformat(), end.isoformat(), CANCELLED_TRAINING],
            order_by="date, rid",
        )
        for r in trainings:
            day = date.fromisoformat(str(r["date"]))
            source = ("training", str(r["id"]))
            add(
                "training-plan",
                str(r["id"]),
                _for_record("training-plan", r["title"], day),
                cal.previous_open_day(day),
                text("deadline.basis.training_plan"),
                source=source,
            )
            add(
                "training-result",
                str(r["id"]),
                _for_record("training-result", r["title"], day),
                cal.add_open_days(day, TRAINING_RESULT_OPEN_DAYS),
                text("deadline.basis.training_result", n=TRAINING_RESULT_OPEN_DAYS),
                source=source,
            )

        add(
            "completion",
            str(fy),
            _document_name("completion"),
            _open_on_or_before(cal, end),
            text("deadline.basis.completion"),
            period=str(fy),
        )

        this_month = self.today.strftime("%Y-%m")
        for month in fiscal_months(fy):
            if month > this_month or month in monthly_held:
                continue
            due = _open_on_or_before(cal, _month_end(month))
            out.append(
                Deliverable(
                    key=f"{NO_MEETING}:{month}",
                    code=NO_MEETING,
                    name=text("deadline.no_meeting", month=_month_label(month)),
                    due=due,
                    basis=text("deadline.basis.no_meeting"),
                    status=NOT_HELD,
                    overdue=due < self.today,
                    period=month,
                )
            )

        issue = kind("issue")
        # Issues' own due dates (Kind.due_field when the model names it; "due_date" until then).
        due_field = getattr(issue, "due_field", None) or "due_date"
        for r in self.profile.records.select(
            issue,
            where=[f'"{due_field}" BETWEEN ? AND ?', open_clause(issue)],
            params=[start.isoformat(), end.isoformat()],
            order_by=f'"{due_field}", rid',
        ):
            due = date.fromisoformat(str(r[due_field]))
            out.append(
                Deliverable(
                    key=f"{ISSUE}:{r['id']}",
                    code=ISSUE,
                    name=text("deadline.issue", title=str(r["title"])),
                    due=due,
                    basis=text("deadline.basis.issue"),
                    status=str(r["status"]),
                    overdue=due < self.today,
                    source_kind="issue",
                    source_id=str(r["id"]),
                )
            )
        out.sort(key=lambda d: (d.due is None, d.due or date.max, d.key))
        return out

    def upcoming(self, days: int = SOON_DAYS) -> list[Deliverable]:
        """What is overdue, and what is due within ``days`` (not yet submitted)."""
        horizon = self.today + timedelta(days=days)
        fys = {fiscal_year(self.today), fiscal_year(horizon)}
        rows = [d for fy in sorted(fys) for d in self.board(fy)]
        return [
            d
            for d in rows
            if d.status != SUBMITTED and d.due is not None and (d.overdue or d.due <= horizon)
        ]

    def find(self, key: str) -> Deliverable:
        """One deliverable by its key (as ``dxdesk deadlines`` lists it)."""
        code, _, target = key.partition(":")
        bad = UserError(
            "bad_argument",
            detail=f"「{key}」は提出物の番号ではありません（dxdesk deadlines で確認できます）。",
        )
        if code not in DOCUMENTS or not target:
            raise bad
        _document, _report, for_what = DOCUMENTS[code]
        fy: int | None = None
        if for_what == "month" and len(target) == 7:
            fy = fiscal_year(date.fromisoformat(target + "-01"))
        elif for_what == "fy" and target.isdigit():
            fy = int(target)
        elif for_what in ("meeting", "training"):
            record = self.profile.records.get(kind(for_what), target)
            if record is not None and record.get("date"):
                fy = fiscal_year(date.fromisoformat(str(record["date"])))
        if fy is None:
            raise bad
        for d in self.board(fy):
            if d.key == key:
                return d
        raise bad

    # ------------------------------------------------------------ writes

    def _values_for(self, d: Deliverable) -> dict[str, object]:
        values: dict[str, object] = {"document": d.document}
        if d.source_kind == "meeting":
            values["meeting_id"] = d.source_id
        elif d.source_kind == "training":
            values["training_id"] = d.source_id
        else:
            values["period"] = d.period
        return values

    def start(self, key: str) -> Change:
        """作成中: a new version of the document, not yet submitted."""
        d = self.find(key)
        version = (d.version or 0) + 1
        return self.records.add("submission", {**self._values_for(d), "version": version})

    def submit(
        self,
        key: str,
        *,
        on: str | None = None,
        file: str | os.PathLike[str] | None = None,
        doc_number: str | None = None,
        note: str | None = None,
    ) -> Change | None:
        """提出済み: the version in preparation, or a new one, with its date and fingerprint."""
        d = self.find(key)
        submitted = on or self.today.isoformat()
        try:
            submitted = parse_date(submitted).isoformat()
        except ValueError:
            raise UserError(
                "bad_argument", detail=f"「{on}」を日付として読み取れません。"
            ) from None
        values: dict[str, object] = {"submitted_on": submitted}
        if doc_number is None:  # the next of the fiscal year, when the form sets a pattern
            doc_number = self.next_number(d.document, date.fromisoformat(submitted))
        if file is not None:
            values["fingerprint"] = file_fingerprint(file)
            values["file_name"] = Path(file).name
        if doc_number:
            values["doc_number"] = doc_number
        if note:
            values["note"] = note
        if d.status == IN_PROGRESS and d.submission_id:
            return self.records.edit("submission", d.submission_id, values)
        version = (d.version or 0) + 1
        return self.records.add("submission", {**self._values_for(d), "version": version, **values})

    def next_number(self, document: str, on: date) -> str | None:
        """The 文書番号 the document submitted ``on`` takes: the pattern of its official form
        (e.g. DX第{n}号, document_form records) with the next ``n`` of that fiscal year, counted
        over every submission of the year that carries a number of the pattern, deleted ones
        too, so a number is never given twice. None when the form sets no numbered pattern."""
        from dxdesk.reports.forms import number_pattern  # reportlab: only when numbering

        pattern = number_pattern(self.profile.database, document)
        if "{n}" not in pattern:
            return None
        head, _, tail = pattern.partition("{n}")
        shape = re.compile(re.escape(head) + r"(\d+)" + re.escape(tail))
        start, end = fiscal_year_range(fiscal_year(on))
        used = [
            int(m.group(1))
            for r in self.profile.database.query(
                "SELECT doc_number FROM submission WHERE doc_number IS NOT NULL"
                " AND submitted_on BETWEEN ? AND ?",
                (start.isoformat(), end.isoformat()),
            )
            if (m := shape.fullmatch(str(r["doc_number"])))
        ]
        return head + str(max(used, default=0) + 1) + tail

    def set_due(self, key: str, due: str) -> Change:
        """The due date of a start-of-contract document, as agreed after signing."""
        d = self.find(key)
        if d.code not in START_DOCUMENTS:
            raise UserError(
                "bad_argument",
                detail=f"{d.document}の期限は規則から計算されるため、設定できません。",
            )
        return self.records.add("submission", {**self._values_for(d), "due_date": due})


def file_fingerprint(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of the file submitted, so a later copy can be checked against it."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        raise UserError("io_error", path=str(path)) from None
    return digest.hexdigest()
