"""The domain model: every kind of record, its fields, and the rules a value must follow.

One declarative table drives storage columns, validation, full-text indexing, the CLI and
(later) the GUI forms, so a field is defined once. Values are kept as plain JSON-able Python
values: dates as ISO 8601 strings, times as HH:MM (Asia/Tokyo wall clock), lists as lists.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cached_property

from dxdesk.core import reference
from dxdesk.core.calendar import parse_date, parse_month
from dxdesk.core.clock import now_jst
from dxdesk.core.ids import natural_id
from dxdesk.errors import InvalidRecord, UserError, ValidationError

Value = str | int | float | bool | list[str] | None
Record = dict[str, Value]


class FieldType(StrEnum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # notes; indexed for full-text search
    DATE = "date"  # YYYY-MM-DD
    TIME = "time"  # HH:MM
    DATETIME = "datetime"  # YYYY-MM-DDTHH:MM, Asia/Tokyo wall clock
    MONTH = "month"  # YYYY-MM
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    CHOICE = "choice"
    REF = "ref"  # id of another record
    ORG = "org"  # id of an organisation (input also by name or code)
    SYSTEM = "system"  # business system code 01..20 (input also by name)
    LIST = "list"  # list of short strings


SQL_TYPES: dict[FieldType, str] = {
    FieldType.INT: "INTEGER",
    FieldType.BOOL: "INTEGER",
    FieldType.FLOAT: "REAL",
}


class Dynamic(StrEnum):
    """A default worked out when a record is begun rather than a fixed value."""

    TODAY = "today"  # today (Asia/Tokyo); a DATETIME field: now, a MONTH field: this month
    ME = "me"  # the staff record of the person at this laptop (the profile's owner)


TODAY = Dynamic.TODAY
ME = Dynamic.ME

# A field's starting value: a fixed stored value or a Dynamic one (never a list: Field is frozen
# and hashable).
Default = str | int | float | bool | Dynamic | None


@dataclass(frozen=True)
class Derivation:
    """A field computed from others when the user leaves it empty (a visit's hours from its
    start and end). ``compute`` reads the record's stored values and returns None when it
    cannot say (an input missing, an end before the start)."""

    inputs: tuple[str, ...]
    compute: Callable[[Mapping[str, Value]], Value]


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    searchable: bool | None = None  # default: TEXT and LONGTEXT are searchable
    # Kept for older versions, never written by this one: its values were turned into child
    # records (``replaced_by``) and it is neither shown nor accepted from a user. Fields are
    # never dropped or renamed (docs/architecture.md, "Versions that mix").
    replaced_by: str | None = None
    # The value a new record starts with where the user gives none (``default_values``): the
    # record form shows it, ``RecordService.add`` fills it for a field not given at all.
    default: Default = None
    # Computed on write from other fields when left empty (``fill_derived``).
    derive: Derivation | None = None
    # A REF offered in an order that fits the record: (this kind's field, the referenced
    # kind's field); referenced records whose field holds this record's value come first
    # (a consultation's 専門人材 by its 分類 among the expert's 分野).
    prefer: tuple[str, str] | None = None
    # A REF the referenced record's form sets by ticking this kind's records in a list (a
    # training ticks the wishes it answers): RecordService.ticked / set_ticked.
    ticked: bool = False
    # A LIST of names picked from records (issue 15): SYSTEMS (the 20 business systems, by
    # name) or a kind whose records' names are offered (``staff``; ``contact``: those of the
    # record's organisation when it has one). The stored form stays a list of names, so older
    # records, free text and other versions read the same (services/pickers.py).
    pick: str | None = None

    @property
    def retired(self) -> bool:
        return self.replaced_by is not None

    @property
    def sql_type(self) -> str:
        return SQL_TYPES.get(self.type, "TEXT")

    @property
    def in_search(self) -> bool:
        if self.searchable is not None:
            return self.searchable
        return self.type in (FieldType.TEXT, FieldType.LONGTEXT, FieldType.LIST)


# A rule over several fields of one record (an end after its start): the problem, or None.
RecordRule = Callable[[Mapping[str, Value]], ValidationError | None]


@dataclass(frozen=True)
class FollowUp:
    """A record raised from a text field of another: an issue from a visit's finding.

    The new record's ``link`` names the one it was raised from, ``carry`` copies fields over
    (the organisation, the visit's date as the issue's 把握日), ``title`` takes the text's first
    line and ``text`` all of it. The record form offers it as a button beside ``source``.
    """

    source: str  # the text field of this kind the record is raised from
    kind: str  # the kind raised
    link: str  # its reference field naming this record
    title: str  # its field taking the first line of the text
    text: str  # its field taking the whole text
    carry: tuple[tuple[str, str], ...] = ()  # (this kind's field, its field)
    label: str = ""  # the button (context Action in the catalogue)
    hint: str = ""  # its tooltip
    title_chars: int = 60
    # A child record (a meeting's open point) links the raised record to its parent instead:
    # ``via`` is this kind's field whose value the link takes (the meeting's id), and
    # ``parent_carry`` copies the parent's fields (the meeting's organisation and date) where
    # this record's own ``carry`` gives nothing.
    via: str | None = None
    parent_carry: tuple[tuple[str, str], ...] = ()
    # This kind's field that takes the raised record's id once it is saved (the open point
    # holds its issue: linked both ways).
    back: str | None = None
    # Offered only while this field holds this value (an open point, not a decision).
    when: tuple[str, str] | None = None

    def applies(self, record: Mapping[str, object]) -> bool:
        return self.when is None or record.get(self.when[0]) == self.when[1]

    def values(
        self,
        record: Mapping[str, Value],
        record_id: str,
        text: str,
        parent: Mapping[str, Value] | None = None,
    ) -> Record:
        """The raised record's starting values, from this record (and its parent, for a child
        record) and the chosen text."""
        out: Record = {mine: (parent or {}).get(theirs) for theirs, mine in self.parent_carry}
        for theirs, mine in self.carry:
            value = record.get(theirs)
            if value not in (None, "") or mine not in out:
                out[mine] = value
        out[self.link] = record_id if self.via is None else record.get(self.via)
        out[self.title] = self.first_line(text)
        out[self.text] = text
        return out

    def first_line(self, text: str) -> str:
        """A one-line title from the first line of the text (bullets dropped)."""
        for line in text.splitlines():
            found = line.strip().lstrip("・-*●○◆■□> 　").strip()
            if found:
                limit = self.title_chars
                return found if len(found) <= limit else found[: limit - 1] + "…"
        return ""


@dataclass(frozen=True)
class Booking:
    """The time entry a record books for its own hours: a visit's (issue 15).

    Time is entered once: the record's date, hours, organisation and staff make one entry of
    ``kind`` whose ``link`` names the record; the activity follows ``activity`` (a field of this
    kind and what each of its choices books as), on site when ``on_site`` holds (a field and the
    value meaning "on site"). services/bookings.py keeps the entry in step; ``values`` is what
    the entry should hold, or None when the record books nothing (no hours, or no staff).
    """

    kind: str  # the kind booked (time)
    link: str  # its reference field naming this record
    hours: str  # this kind's field with the hours
    carry: tuple[tuple[str, str], ...]  # (this kind's field, its field): date, org, staff
    activity: tuple[str, tuple[tuple[str, str], ...]]  # (field, ((choice, activity), ...))
    on_site: tuple[str, str]  # (field, the value meaning on site)
    required: tuple[str, ...] = ()  # its fields that must be filled for an entry to be booked

    def values(self, record: Mapping[str, Value], record_id: str) -> Record | None:
        hours = record.get(self.hours)
        if not isinstance(hours, int | float) or hours <= 0:
            return None
        out: Record = {mine: record.get(theirs) for theirs, mine in self.carry}
        if any(out.get(n) in (None, "") for n in self.required):
            return None
        source, table = self.activity
        out["activity"] = dict(table).get(str(record.get(source) or ""))
        field_name, on_value = self.on_site
        out["on_site"] = record.get(field_name) == on_value
        out["hours"] = round(float(hours), 2)
        out[self.link] = record_id
        return out


@dataclass(frozen=True)
class Kind:
    name: str  # table name and CLI word
    label: str  # Japanese name
    fields: tuple[Field, ...]
    title: str  # field shown as the record's title
    date_field: str | None = None  # default sort (newest first)
    org_field: str | None = None
    list_columns: tuple[str, ...] = ()
    rules: tuple[RecordRule, ...] = ()
    aliases: tuple[str, ...] = ()
    # The field that says where a record stands, and which of its choices mean "done": every
    # "open" count, badge, filter and document reads these (``open_statuses``), nowhere else.
    status_field: str | None = None
    closed_statuses: tuple[str, ...] = ()
    # Roles the deadline board and the attention list read: the date by which a record should
    # be done, and the staff member responsible for it.
    due_field: str | None = None
    owner_field: str | None = None
    # The choice field saying how urgent a record is; its first choice is the most urgent
    # (an issue's 優先度 高): lists colour such open records (services/query.py ``urgency``).
    priority_field: str | None = None
    # A natural key: the fields that say which record this is (an organisation's system, one
    # procedure step of it). The id is derived from them (``key_id``), the same on every device,
    # so two laptops that record the same cell offline write one record, merged per field. Key
    # fields never change once written; no other kind refers to a keyed one by id (a test
    # checks), because the migration that gave older rows their derived ids changed those ids.
    key: tuple[str, ...] = ()
    # The reference field naming the record this one is part of (a group's member, a training's
    # participating organisation): a child follows its parent's organisation scope, is hidden
    # with a deleted parent and shown in the parent's form.
    parent: str | None = None
    # Append-only: the reference field naming the record a new one replaces. An edit is a new
    # record that names the one it corrects here, and a replaced record is history, not shown
    # (time entries, 0005; store/timeentries.py, services/timesheet.py).
    supersedes: str | None = None
    # Records raised from this one's text (an issue from a visit's finding).
    follow_ups: tuple[FollowUp, ...] = ()
    # The time entry this record books for its hours (a visit's; services/bookings.py).
    books: Booking | None = None

    @cached_property
    def _by_name(self) -> dict[str, Field]:
        # Every write looks fields up by name, several times a field (a scan was ~5 % of add).
        return {f.name: f for f in self.fields}

    def field(self, name: str) -> Field:
        found = self._by_name.get(name)
        if found is not None:
            return found
        raise UserError(
            "unknown_field",
            kind=self.name,
            field=name,
            fields=", ".join(f.name for f in self.fields),
        )

    @cached_property
    def entry_fields(self) -> tuple[Field, ...]:
        """The fields a person reads and types (not the retired ones older versions kept)."""
        return tuple(f for f in self.fields if not f.retired)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def search_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.in_search)

    @property
    def org_column(self) -> str | None:
        """The column that names the record's 団体: its org field, or for an organisation its
        own id (an organisation is its own 団体: search results show it in the 団体 column)."""
        if self.org_field:
            return self.org_field
        return "id" if self.name == ORGANISATION else None

    @property
    def parent_kind(self) -> str | None:
        return None if self.parent is None else self.field(self.parent).ref

    @property
    def append_only(self) -> bool:
        return self.supersedes is not None

    @cached_property
    def derived_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.derive is not None)

    @property
    def roles(self) -> dict[str, str | None]:
        """Which field plays each role (status, due date, owner): for checks and the boards."""
        return {
            "status": self.status_field,
            "due": self.due_field,
            "owner": self.owner_field,
            "priority": self.priority_field,
        }

    @property
    def open_statuses(self) -> tuple[str, ...]:
        """The status choices of a record not yet done (未対応, 対応中, 保留 for an issue)."""
        if self.status_field is None:
            return ()
        return tuple(
            c for c in self.field(self.status_field).choices if c not in self.closed_statuses
        )

    def follow_up(self, source: str) -> FollowUp | None:
        return next((u for u in self.follow_ups if u.source == source), None)


# ---------------------------------------------------------------- value coercion

_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})$")
_TRUE = {"1", "true", "yes", "y", "on", "はい", "有", "あり", "○", "〇"}
_FALSE = {"0", "false", "no", "n", "off", "いいえ", "無", "なし", "×", ""}
MAX_LONGTEXT = 200_000
MAX_TEXT = 500


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _unreadable(raw: object) -> bool:
    """True for text holding a lone surrogate, alone or inside a list of values."""
    if isinstance(raw, str):
        return _SURROGATE_RE.search(raw) is not None
    if isinstance(raw, list | tuple):
        return any(_unreadable(item) for item in raw)
    return False


def coerce(f: Field, raw: object) -> Value:
    """Turn a typed or textual value into the stored form, or raise ValidationError."""

    def bad(reason: str, **params: object) -> ValidationError:
        return ValidationError(f.name, f.label, reason, **params)

    if _unreadable(raw):
        # Bytes that were not UTF-8 arrive from the command line as lone surrogates (Python's
        # surrogateescape); SQLite cannot store them, and no person typed them.
        raise bad(
            "文字として読み取れない部分（UTF-8 ではないバイトや単独のサロゲート）が含まれています"
        )
    if raw is None or (isinstance(raw, str) and raw.strip() == "" and f.type != FieldType.BOOL):
        if f.required:
            raise bad("必須項目です")
        return [] if f.type == FieldType.LIST else None
    t = f.type
    if t in (FieldType.TEXT, FieldType.LONGTEXT):
        if not isinstance(raw, str):
            raise bad("文字列で入力してください")
        text = raw.replace("\r\n", "\n").strip() if t == FieldType.LONGTEXT else raw.strip()
        if t == FieldType.TEXT and "\n" in text:
            raise bad("改行は入力できません")
        limit = f.max_length or (MAX_LONGTEXT if t == FieldType.LONGTEXT else MAX_TEXT)
        if len(text) > limit:
            raise bad("{limit}文字以内で入力してください", limit=limit)
        return text
    if t == FieldType.DATE:
        try:
            return parse_date(str(raw)).isoformat()
        except ValueError:
            raise bad("日付として読み取れません（例：2025-11-25、令和7年11月25日）") from None
    if t == FieldType.TIME:
        m = _TIME_RE.match(_nfkc(str(raw)))
        if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
            raise bad("時刻は HH:MM の形式で入力してください（例：13:30）")
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    if t == FieldType.DATETIME:
        text = _nfkc(str(raw)).replace("T", " ")
        day, _, clock = text.partition(" ")
        try:
            d = parse_date(day).isoformat()
        except ValueError:
            raise bad("日時として読み取れません（例：2025-11-25 13:30）") from None
        if not clock:
            return f"{d}T00:00"
        m = _TIME_RE.match(clock.strip()[:5] if len(clock.strip()) >= 5 else clock.strip())
        if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
            raise bad("時刻は HH:MM の形式で入力してください（例：2025-11-25 13:30）")
        return f"{d}T{int(m.group(1)):02d}:{m.group(2)}"
    if t == FieldType.MONTH:
        try:  # the one reading of a typed month (2025-11, 令和7年11月, R7.11)
            return parse_month(str(raw))
        except ValueError:
            raise bad("年月は 2025-11 や 令和7年11月 の形式で入力してください") from None
    if t in (FieldType.INT, FieldType.FLOAT):
        if isinstance(raw, bool):
            raise bad("数値で入力してください")
        try:
            number: float = int(_nfkc(str(raw))) if t == FieldType.INT else float(_nfkc(str(raw)))
        except ValueError:
            raise bad(
                "整数で入力してください" if t == FieldType.INT else "数値で入力してください"
            ) from None
        if math.isnan(number) or math.isinf(number):
            raise bad("数値で入力してください")
        if f.minimum is not None and number < f.minimum:
            raise bad("{minimum}以上で入力してください", minimum=f"{f.minimum:g}")
        if f.maximum is not None and number > f.maximum:
            raise bad("{maximum}以下で入力してください", maximum=f"{f.maximum:g}")
        return number
    if t == FieldType.BOOL:
        if isinstance(raw, bool):
            return raw
        text = _nfkc(str(raw)).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise bad("はい／いいえ（1／0）で入力してください")
    if t == FieldType.CHOICE:
        text = _nfkc(str(raw))
        for choice in f.choices:
            if _nfkc(choice) == text:
                return choice
        raise bad("次のいずれかを入力してください：{choices}", choices="、".join(f.choices))
    if t == FieldType.SYSTEM:
        system = reference.system_by_code(_nfkc(str(raw)))
        if system is None:
            raise bad("標準化対象事務のコード（01〜20）または名称で入力してください")
        return system.code
    if t in (FieldType.REF, FieldType.ORG):
        # Existence and name lookup need the database: the service resolves them.
        return _nfkc(str(raw))
    if t == FieldType.LIST:
        if isinstance(raw, list):
            items = [str(x) for x in raw]
        else:
            text = str(raw).strip()
            if text.startswith("["):
                try:
                    loaded = json.loads(text)
                except json.JSONDecodeError:
                    raise bad("一覧として読み取れません") from None
                items = [str(x) for x in loaded] if isinstance(loaded, list) else []
            else:
                items = re.split(r"[,、，;；\n]", text)
        cleaned = [x.strip() for x in items if x.strip()]
        if f.required and not cleaned:
            raise bad("必須項目です")
        return cleaned
    raise bad("不明な型です")  # pragma: no cover - every FieldType is handled above


# ---------------------------------------------------------------- cross-field rules


def _minutes(hhmm: Value) -> int | None:
    if not isinstance(hhmm, str) or not _TIME_RE.match(hhmm):
        return None
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def end_after_start(start: str, end: str, label: str) -> RecordRule:
    def rule(r: Mapping[str, Value]) -> ValidationError | None:
        s, e = _minutes(r.get(start)), _minutes(r.get(end))
        if s is not None and e is not None and e <= s:
            return ValidationError(end, label, "終了時刻は開始時刻より後にしてください")
        return None

    return rule


def reason_when_decided(r: Mapping[str, Value]) -> ValidationError | None:
    """A selection or a decline says why (the reason agreed with the prefecture)."""
    if r.get("status") in APPLICATION_DECIDED and not r.get("reason"):
        return ValidationError(
            "reason", "選定・見送りの理由", "選定・見送りの理由を入力してください"
        )
    return None


def menu_items_known(r: Mapping[str, Value]) -> ValidationError | None:
    """An engagement's support menu names only the contract's menu items (SUPPORT_MENU)."""
    items = r.get("menu")
    stray = [x for x in items if x not in SUPPORT_MENU] if isinstance(items, list) else []
    if stray:
        return ValidationError(
            "menu",
            "支援メニュー",
            "支援メニューは次の中から選んでください：{choices}",
            choices="、".join(SUPPORT_MENU),
        )
    return None


def case_has_place(r: Mapping[str, Value]) -> ValidationError | None:
    """A case says where it happened: one of the 28 organisations, or a municipality's name."""
    if not r.get("org_id") and not r.get("municipality"):
        return ValidationError(
            "municipality", "自治体名", "団体を選ぶか、自治体名を入力してください"
        )
    return None


def date_not_before(first: str, later: str, label: str) -> RecordRule:
    def rule(r: Mapping[str, Value]) -> ValidationError | None:
        a, b = r.get(first), r.get(later)
        if isinstance(a, str) and isinstance(b, str) and b[:10] < a[:10]:
            return ValidationError(later, label, "開始日・受付日より前の日付は指定できません")
        return None

    return rule


# ---------------------------------------------------------------- derived fields


def span_hours(start: str, end: str) -> Derivation:
    """Hours between two HH:MM fields (a visit's 時間 from 開始 and 終了), to 0.01 h."""

    def compute(r: Mapping[str, Value]) -> Value:
        s, e = _minutes(r.get(start)), _minutes(r.get(end))
        if s is None or e is None or e <= s:
            return None
        return round((e - s) / 60, 2)

    return Derivation((start, end), compute)


# ---------------------------------------------------------------- the kinds

MODES = ("訪問", "オンライン", "電話")
VISIT_PURPOSES = ("ヒアリング", "定例訪問", "打合せ", "研修・勉強会", "現地支援", "その他")
ISSUE_STATUSES = ("未対応", "対応中", "完了", "保留")
# A meeting's items (child records): what was decided and what is left open; an open point
# can become an issue (core/model.py FollowUp on meeting_item).
DECISION, OPEN_POINT = "決定事項", "課題事項"
MEETING_ITEM_TYPES = (DECISION, OPEN_POINT)
# How a municipality would like a training held (研修要望).
WISH_FORMATS = ("オンライン", "対面", "どちらでも")
PRIORITIES = ("高", "中", "低")
ISSUE_CATEGORIES = (
    "標準化・移行",
    "ベンダ調整",
    "予算・契約",
    "データ移行",
    "ネットワーク・クラウド",
    "業務見直し",
    "人員・体制",
    "DX推進",
    "その他",
)
CHANNELS = ("訪問", "電話", "メール", "Web会議", "チャット")
CONSULT_CATEGORIES = (
    "標準化・共通化",
    "フロントヤード改革",
    "eLTAX",
    "マイナンバーカード",
    "セキュリティ",
    "AI・RPA",
    "テレワーク",
    "その他",
)
CONSULT_STATUSES = ("未対応", "対応中", "完了")
ACTIVITIES = ("現地支援", "ヒアリング", "資料作成", "会議", "研修", "移動", "その他")
# The 作業区分 a visit's hours are booked as, by its 目的 (the demo's time sheet uses it too).
VISIT_ACTIVITY = (
    ("ヒアリング", "ヒアリング"),
    ("定例訪問", "ヒアリング"),
    ("打合せ", "会議"),
    ("研修・勉強会", "研修"),
    ("現地支援", "現地支援"),
    ("その他", "その他"),
)
TRAINING_TYPES = ("研修", "ワークショップ", "勉強会")
TRAINING_STATUSES = ("計画中", "確定", "実施済み", "中止")
# The documents whose official form (宛先, 受託者, 文書番号) can be set apart from the default
# (既定); each is a document title of reports/documents (tests/reports/test_forms.py checks).
DOCUMENT_FORM_KINDS = (
    "既定",
    "月次作業報告書",
    "議事録",
    "相談管理表",
    "専門人材一覧表",
    "研修実施内容報告書",
    "研修実施結果報告書",
    "業務完了報告書",
    "ヒアリング記録",
    "ヒアリングシート",
    "支援事例",
    "業務実施計画書",
    "業務実施体制図",
    "情報漏洩等への対策に関する文書",
)
MEETING_TYPES = ("月次報告会", "定例会", "打合せ", "ワークショップ", "その他")
MEETING_FORMATS = ("対面", "オンライン", "ハイブリッド")
STEP_STATUSES = ("完了済み", "作業中", "未着手", "対象外")
SPECIAL_REASONS = (
    "メインフレーム",
    "個別開発システム",
    "標準準拠製品なし",
    "ベンダリソース逼迫",
    "その他",
)
CLOUDS = (
    "AWS",
    "Google Cloud",
    "Microsoft Azure",
    "Oracle Cloud Infrastructure",
    "さくらのクラウド",
    "未定",
    "オンプレミス",
)
STAFF_ROLES = ("統括責任者", "伴走支援", "常時支援者", "専門人材", "事務")
# What a line of the 実施工程表 (業務実施計画書) is about: the contract's tasks by 仕様書 item.
PLAN_CATEGORIES = ("伴走支援", "集中支援", "研修・勉強会", "会議・報告", "成果品", "その他")
ORG_KINDS = ("市", "町", "村", "県")
GROUP_TYPES = ("生活圏", "ベンダ", "テーマ")
CASE_STATUSES = ("作成中", "確認中", "確定")
# 集中支援: ten days a month on site unless the engagement says otherwise (月間目標日数).
DEFAULT_TARGET_DAYS = 10
# A municipality's request for intensive support (6(2)イ(ア)): selected or declined as agreed
# with the prefecture, or withdrawn; only 審査中 is still open.
APPLICATION_STATUSES = ("審査中", "選定", "見送り", "取下げ")
APPLICATION_DECIDED = ("選定", "見送り")
# The contract's deliverables (仕様書 8; docs/deadlines.md): what a submission is of. The
# deadline board (services/deadlines.py) computes when each is due.
DELIVERABLES = (
    "月次作業報告書",
    "会議資料",
    "議事録",
    "研修実施内容報告書",
    "研修実施結果報告書",
    "業務完了報告書",
    "業務実施計画書",
    "業務実施体制図",
    "専門人材一覧表",
    "情報漏洩等への対策に関する文書",
    "その他",
)

# ---- General DX support (issue 13): the engagement's details, the case library, the
# communication tool (6(3)), wide-area coordination and sharing outside 伴走支援.
# The contract's support menu for 実効性のあるデジタル化支援 (6(2)イ): what an engagement takes.
SUPPORT_MENU = (
    "推進体制の構築",
    "課題の抽出・整理",
    "好事例の紹介",
    "研修",
    "ステークホルダー連携",
    "ネットワーク・機器要件",
    "費用対効果",
    "運用モデル・資金計画",
    "実証・補助事業への申請",
    "専門人材の派遣",
    "プロジェクト推進",
)
DX_THEMES = (
    "推進体制・人材育成",
    "フロントヤード改革",
    "標準化・共通化",
    "行政手続のオンライン化",
    "AI・RPA",
    "テレワーク・働き方",
    "セキュリティ",
    "データ利活用",
    "地域社会のデジタル化",
    "その他",
)
# The plan and schedule of an engagement are agreed with the prefecture within two months of
# its start (6(2)イ); later than that is flagged (services/engagements.py).
PLAN_AGREEMENT_MONTHS = 2
GRANT_RESULTS = ("申請準備中", "申請済み", "採択", "不採択", "辞退")
STAKEHOLDER_TYPES = (
    "企業・団体",
    "教育機関",
    "予算担当部署",
    "庁内関係課",
    "金融機関",
    "国・県の機関",
    "住民団体",
    "その他",
)
MUNICIPALITY_TYPES = ("政令指定都市", "中核市", "施行時特例市", "一般市", "特別区", "町", "村")
CASE_SOURCES = ("当方の支援", "国・自治体の公表資料", "報道・講演", "その他")
COMM_EVENT_TYPES = ("説明会", "操作研修", "活用事例の紹介", "キャンペーン", "その他")
SHARE_CHANNELS = ("メール", "文書", "会議", "コミュニケーションツール", "訪問", "その他")
# The monthly report's items agreed with the prefecture (6(1)イ(イ)): what a report template is
# of, and how organisations without work in the month appear (the default first: one closing
# line naming them; a table with one row each; or a section each like the others).
TEMPLATED_DOCUMENTS = ("月次作業報告書",)
QUIET_ORG_MODES = ("末尾に一行で記載", "一覧表に1団体1行で記載", "団体ごとに節を設ける")
# What carried a bundle out of the laptop (情報漏洩等への対策に関する文書).
EXPORT_MEDIA = ("可搬記録媒体（USBメモリ等）", "共有フォルダ", "その他")
# The kind of support given in general DX support (6(2)ア, issue 13): what a consultation or a
# visit gave the municipality, counted by the monthly report. The five issue 13 names (solution
# proposal, IT procurement, scheduling, external talent, training: the contract's exact wording
# is not in docs/domain yet; labels to confirm with the prefecture), and その他.
SUPPORT_KINDS = (
    "ソリューション提案",
    "IT調達支援",
    "スケジュール調整支援",
    "外部人材の活用",
    "研修",
    "その他",
)
# Where a proposal made to a municipality stands (its follow-up): made, being considered by the
# municipality, taken up, or not taken up; the last two are done.
PROPOSAL_STATUSES = ("提案済み", "検討中", "採用", "見送り")
PROPOSAL_DECIDED = ("採用", "見送り")

F = Field
T = FieldType
# The kind every ORG field refers to (the 28 organisations).
ORGANISATION = "organisation"
# What a LIST field picks from when it is the 20 business systems (Field.pick).
SYSTEMS = "systems"

KINDS: tuple[Kind, ...] = (
    Kind(
        ORGANISATION,
        "団体",
        (
            F("code", "団体コード", required=True, max_length=12),
            F("name", "団体名", required=True),
            F("reading", "よみがな"),
            F("org_kind", "区分", T.CHOICE, required=True, choices=ORG_KINDS),
            F("gun", "郡"),
            F("area", "圏域"),
            F("bansou", "伴走支援対象", T.BOOL),
            F("welfare_office", "福祉事務所設置", T.BOOL),
            # The 同規模 filter's size when entered (from e-Stat, 国勢調査): it takes the place
            # of resources/populations.csv, which leaves unverified towns empty (services/cases.py).
            F("population", "人口（国勢調査）", T.INT, minimum=1, maximum=50_000_000),
            F("address", "所在地"),
            F("notes", "備考", T.LONGTEXT),
        ),
        title="name",
        list_columns=("code", "name", "org_kind", "area", "bansou"),
        aliases=("org",),
    ),
    Kind(
        "staff",
        "担当者",
        (
            F("name", "氏名", required=True),
            F("role", "役割", T.CHOICE, required=True, choices=STAFF_ROLES),
            F("email", "メール"),
            F("phone", "電話"),
            F("notes", "備考", T.LONGTEXT),
            # Printed in the 業務実施体制図 under the person's role (8(1) No.2).
            F("career", "実務経歴", T.LONGTEXT),
        ),
        title="name",
        list_columns=("name", "role", "email"),
        aliases=("consultant", "member"),
    ),
    Kind(
        "contact",
        "団体担当者",
        (
            F("org_id", "団体", T.ORG, required=True),
            F("name", "氏名", required=True),
            F("department", "所属"),
            F("title", "役職"),
            F("phone", "電話"),
            F("email", "メール"),
            F("notes", "備考", T.LONGTEXT),
        ),
        title="name",
        org_field="org_id",
        list_columns=("org_id", "name", "department", "title"),
    ),
    Kind(
        "vendor",
        "ベンダ",
        (
            F("name", "ベンダ名", required=True),
            F("reading", "よみがな"),
            F("products", "製品・パッケージ", T.LIST),
            F("contact", "連絡先"),
            F("notes", "備考", T.LONGTEXT),
        ),
        title="name",
        list_columns=("name", "products"),
    ),
    Kind(
        "group",
        "グループ",
        (
            F("name", "グループ名", required=True),
            F("group_type", "種別", T.CHOICE, required=True, choices=GROUP_TYPES),
            F(
                "members",
                "構成団体（旧形式）",
                T.LIST,
                searchable=False,
                replaced_by="group_member",
            ),
            F("description", "説明", T.LONGTEXT),
        ),
        title="name",
        list_columns=("name", "group_type"),
    ),
    Kind(
        "visit",
        "訪問・ヒアリング",
        (
            F("date", "日付", T.DATE, required=True, default=TODAY),
            F("start_time", "開始", T.TIME),
            F("end_time", "終了", T.TIME),
            F("org_id", "団体", T.ORG, required=True),
            F("mode", "形態", T.CHOICE, required=True, choices=MODES, default="訪問"),
            F("purpose", "目的", T.CHOICE, choices=VISIT_PURPOSES),
            # Found by search too: a list's filter box finds 「IT調達支援」 (6(2)ア).
            F("support_kind", "支援の種類", T.CHOICE, choices=SUPPORT_KINDS, searchable=True),
            F("title", "件名", required=True),
            F("place", "場所"),
            F("staff_id", "担当者", T.REF, ref="staff", default=ME),
            F("systems", "関連業務システム", T.LIST, pick=SYSTEMS),
            F("attendees_org", "出席者（団体）", T.LIST, pick="contact"),
            F("attendees_vendor", "出席者（ベンダ）", T.LIST),
            F("attendees_ours", "出席者（当方）", T.LIST, pick="staff"),
            F("agenda", "議題", T.LONGTEXT),
            F("notes", "内容・記録", T.LONGTEXT),
            F("findings", "把握した課題・所見", T.LONGTEXT),
            F("next_actions", "次回対応", T.LONGTEXT),
            F(
                "hours",
                "時間",
                T.FLOAT,
                minimum=0,
                maximum=24,
                derive=span_hours("start_time", "end_time"),
            ),
        ),
        title="title",
        date_field="date",
        org_field="org_id",
        list_columns=("date", "org_id", "mode", "purpose", "support_kind", "title"),
        rules=(end_after_start("start_time", "end_time", "終了"),),
        aliases=("hearing",),
        owner_field="staff_id",
        # An issue raised from what was found on the visit: same organisation, the visit's
        # date as the day it was found, linked back to the visit.
        follow_ups=(
            FollowUp(
                source="findings",
                kind="issue",
                link="visit_id",
                title="title",
                text="description",
                carry=(("org_id", "org_id"), ("date", "raised_on")),
                label="この所見から課題を作成",
                hint="この訪問を保存し、選択した所見（選択がなければ全文）から課題を登録します。",
            ),
            # A proposal made on the visit (6(2)ア): same organisation, the visit's date, kind of
            # support and 担当者, linked back to the visit; its text from the visit's record.
            FollowUp(
                source="notes",
                kind="proposal",
                link="visit_id",
                title="title",
                text="content",
                carry=(
                    ("org_id", "org_id"),
                    ("date", "proposed_on"),
                    ("support_kind", "support_kind"),
                    ("staff_id", "staff_id"),
                ),
                label="この訪問から提案を登録",
                hint="この訪問を保存し、選択した記録（選択がなければ全文）から提案を登録します。",
            ),
        ),
        # Time entered once: the visit's hours are its 担当者's time entry (issue 15).
        books=Booking(
            kind="time",
            link="visit_id",
            hours="hours",
            carry=(("date", "date"), ("org_id", "org_id"), ("staff_id", "staff_id")),
            activity=("purpose", VISIT_ACTIVITY),
            on_site=("mode", "訪問"),
            required=("date", "staff_id"),
        ),
    ),
    Kind(
        "issue",
        "課題",
        (
            F("org_id", "団体", T.ORG, required=True),
            F(
                "related_orgs",
                "関係団体（旧形式）",
                T.LIST,
                searchable=False,
                replaced_by="related_org",
            ),
            F("title", "課題", required=True),
            F("system_code", "業務システム", T.SYSTEM),
            F("vendor_id", "ベンダ", T.REF, ref="vendor"),
            F("category", "分類", T.CHOICE, choices=ISSUE_CATEGORIES),
            F("priority", "優先度", T.CHOICE, choices=PRIORITIES),
            F("status", "状態", T.CHOICE, required=True, choices=ISSUE_STATUSES, default="未対応"),
            # Who follows the issue up (issue 15): the person recording it unless they say.
            F("owner_id", "担当者", T.REF, ref="staff", default=ME),
            F("description", "内容", T.LONGTEXT),
            F("countermeasure", "対策", T.LONGTEXT),
            F("response_status", "対応状況", T.LONGTEXT),
            F("raised_on", "把握日", T.DATE, default=TODAY),
            F("due_date", "期限", T.DATE),
            F("shared_on", "県への共有日", T.DATE),
            F("closed_on", "完了日", T.DATE),
            F("visit_id", "把握した訪問", T.REF, ref="visit"),
            F("meeting_id", "把握した会議", T.REF, ref="meeting"),
            F("training_id", "把握した研修", T.REF, ref="training"),
        ),
        title="title",
        date_field="raised_on",
        org_field="org_id",
        list_columns=("raised_on", "org_id", "title", "priority", "status", "due_date"),
        rules=(date_not_before("raised_on", "closed_on", "完了日"),),
        # 保留 (on hold) is not done: it stays among the open issues on screen and on paper.
        status_field="status",
        closed_statuses=("完了",),
        due_field="due_date",
        owner_field="owner_id",
        priority_field="priority",
    ),
    Kind(
        "consultation",
        "相談",
        (
            F("received_at", "受付日時", T.DATETIME, required=True, default=TODAY),
            F("channel", "受付方法", T.CHOICE, required=True, choices=CHANNELS),
            F("org_id", "団体", T.ORG, required=True),
            F("requester", "所属・相談者"),
            F("category", "分類", T.CHOICE, required=True, choices=CONSULT_CATEGORIES),
            F("system_code", "業務システム", T.SYSTEM),
            F("support_kind", "支援の種類", T.CHOICE, choices=SUPPORT_KINDS, searchable=True),
            F("topic", "件名", required=True),
            F("content", "相談内容", T.LONGTEXT),
            F(
                "requested_expert_id",
                "団体が希望した専門人材",
                T.REF,
                ref="expert",
                prefer=("category", "fields"),
            ),
            F(
                "expert_id",
                "対応者（専門人材）",
                T.REF,
                ref="expert",
                prefer=("category", "fields"),
            ),
            F("response", "対応内容・回答", T.LONGTEXT),
            F("answered_on", "回答日", T.DATE),
            F(
                "status",
                "状態",
                T.CHOICE,
                required=True,
                choices=CONSULT_STATUSES,
                default="未対応",
            ),
            F("closed_on", "完了日", T.DATE),
            F("minutes_spent", "対応時間（分）", T.INT, minimum=0, maximum=100_000),
            F("issue_id", "関連課題", T.REF, ref="issue"),
            F("remarks", "備考", T.LONGTEXT),
        ),
        title="topic",
        date_field="received_at",
        org_field="org_id",
        list_columns=(
            "received_at",
            "org_id",
            "channel",
            "category",
            "support_kind",
            "topic",
            "status",
        ),
        rules=(
            date_not_before("received_at", "answered_on", "回答日"),
            date_not_before("received_at", "closed_on", "完了日"),
        ),
        aliases=("consult",),
        status_field="status",
        closed_statuses=("完了",),
    ),
    Kind(
        "time",
        "工数",
        (
            F("date", "日付", T.DATE, required=True, default=TODAY),
            F("staff_id", "担当者", T.REF, ref="staff", required=True, default=ME),
            F("org_id", "団体", T.ORG),
            F("hours", "時間", T.FLOAT, required=True, minimum=0.25, maximum=24),
            F("on_site", "現地", T.BOOL),
            F("activity", "作業区分", T.CHOICE, choices=ACTIVITIES),
            F("visit_id", "関連訪問", T.REF, ref="visit"),
            F("note", "内容", T.TEXT),
            # Append-only: a correction is a new entry naming the one it replaces (0005).
            F("supersedes", "訂正元", T.REF, ref="time", searchable=False),
        ),
        title="note",
        date_field="date",
        org_field="org_id",
        list_columns=("date", "staff_id", "org_id", "hours", "on_site", "activity"),
        aliases=("time_entry", "hours"),
        owner_field="staff_id",
        supersedes="supersedes",
    ),
    Kind(
        "training",
        "研修・ワークショップ",
        (
            F("title", "名称", required=True),
            F("training_type", "種別", T.CHOICE, required=True, choices=TRAINING_TYPES),
            F(
                "status",
                "状態",
                T.CHOICE,
                required=True,
                choices=TRAINING_STATUSES,
                default="計画中",
            ),
            F("date", "実施日", T.DATE, default=TODAY),
            F("start_time", "開始", T.TIME),
            F("end_time", "終了", T.TIME),
            F("place", "会場・形式"),
            # On site or online (6(1)イ(ロ)): the reports and the wish list speak of it.
            F("format", "実施形式", T.CHOICE, choices=MEETING_FORMATS),
            F("audience", "対象者"),
            F(
                "org_ids",
                "参加団体（旧形式）",
                T.LIST,
                searchable=False,
                replaced_by="training_participant",
            ),
            F("instructor", "講師"),
            F("aims", "目的", T.LONGTEXT),
            F("programme", "内容・プログラム", T.LONGTEXT),
            F("planned_participants", "予定人数", T.INT, minimum=0, maximum=10_000),
            F("participants", "参加人数", T.INT, minimum=0, maximum=10_000),
            F("survey_results", "アンケート結果", T.LONGTEXT),
            F("issues_found", "把握した課題", T.LONGTEXT),
            F("proposals", "今後の提案", T.LONGTEXT),
            # What became of the proposals (taken up by a municipality, planned, dropped).
            F("proposal_follow_up", "提案のその後の対応", T.LONGTEXT),
        ),
        title="title",
        date_field="date",
        list_columns=("date", "title", "training_type", "format", "status", "participants"),
        rules=(end_after_start("start_time", "end_time", "終了"),),
        aliases=("workshop",),
        # An issue found at the training: its date as the day found, linked to the training.
        follow_ups=(
            FollowUp(
                source="issues_found",
                kind="issue",
                link="training_id",
                title="title",
                text="description",
                carry=(("date", "raised_on"),),
                label="把握した課題から課題を作成",
                hint="この研修を保存し、選択した課題（選択がなければ全文）から課題を登録します。",
            ),
        ),
    ),
    Kind(
        "expert",
        "専門人材",
        (
            F("name", "氏名", required=True),
            F("affiliation", "所属"),
            F("fields", "分野", T.LIST),
            F("specialties", "専門・得意分野", T.LONGTEXT),
            F("qualifications", "資格"),
            F("track_record", "実績", T.LONGTEXT),
            F("contact", "連絡先"),
            F("available", "対応可", T.BOOL),
            F("availability", "対応可能な時期・条件"),
            # 6(2)ア②: an expert works for the municipalities once the prefecture approves.
            F("pref_approved", "県承認", T.BOOL),
            F("approved_on", "県承認日", T.DATE),
        ),
        title="name",
        list_columns=("name", "affiliation", "fields", "available", "pref_approved"),
    ),
    Kind(
        "goal",
        "目標",
        (
            F("fy", "年度", T.INT, required=True, minimum=2019, maximum=2100),
            F("title", "目標", required=True),
            F("category", "分類", T.CHOICE, choices=CONSULT_CATEGORIES),
            F("description", "内容", T.LONGTEXT),
            F("target_value", "目標値", T.FLOAT, minimum=0),
            F("unit", "単位"),
            # Agreed with the prefecture before general DX support starts (6(2)).
            F("indicator", "指標"),
            F("baseline", "基準値", T.FLOAT, minimum=0),
            F("agreed_on", "合意日", T.DATE),
            F("agreement_version", "合意版"),
        ),
        title="title",
        list_columns=("fy", "title", "indicator", "target_value", "unit", "agreed_on"),
    ),
    Kind(
        "goal_progress",
        "目標の進捗",
        (
            F("goal_id", "目標", T.REF, ref="goal", required=True),
            F("month", "年月", T.MONTH, required=True, default=TODAY),
            F("value", "実績値", T.FLOAT, minimum=0),
            # The month in three parts (月次作業報告書 §4); ``note`` is the one text of older
            # records, still shown and printed where the parts are empty.
            F("actions", "実施内容", T.LONGTEXT),
            F("achievement", "達成状況", T.LONGTEXT),
            F("next_steps", "次月以降の取組", T.LONGTEXT),
            F("note", "説明", T.LONGTEXT),
        ),
        title="month",
        date_field="month",
        list_columns=("month", "goal_id", "value"),
        key=("goal_id", "month"),
    ),
    Kind(
        "meeting",
        "会議",
        (
            F("title", "会議名", required=True),
            F("meeting_type", "種別", T.CHOICE, choices=MEETING_TYPES),
            F("date", "日付", T.DATE, required=True, default=TODAY),
            F("start_time", "開始", T.TIME),
            F("end_time", "終了", T.TIME),
            F("place", "場所"),
            F("format", "形式", T.CHOICE, choices=MEETING_FORMATS),
            F("org_id", "団体", T.ORG),
            F("attendees_org", "出席者（団体）", T.LIST, pick="contact"),
            F("attendees_pref", "出席者（県）", T.LIST),
            F("attendees_ours", "出席者（当方）", T.LIST, pick="staff"),
            F("agenda", "議題", T.LONGTEXT),
            F("minutes", "議事概要", T.LONGTEXT),
            # One text each in older versions; now meeting_item records (決定事項 / 課題事項),
            # each an open point that can become an issue. Old texts are still printed.
            F(
                "decisions",
                "決定事項（旧形式）",
                T.LONGTEXT,
                replaced_by="meeting_item",
            ),
            F(
                "action_items",
                "宿題事項（旧形式）",
                T.LONGTEXT,
                replaced_by="meeting_item",
            ),
            F("next_meeting", "次回予定"),
        ),
        title="title",
        date_field="date",
        org_field="org_id",
        list_columns=("date", "title", "meeting_type", "format"),
        rules=(end_after_start("start_time", "end_time", "終了"),),
    ),
    Kind(
        "system_status",
        "標準化状況",
        (
            F("org_id", "団体", T.ORG, required=True),
            F("system_code", "業務システム", T.SYSTEM, required=True),
            F("current_vendor_id", "現行ベンダ", T.REF, ref="vendor"),
            F("current_system", "現行システム"),
            F("vendor_id", "ベンダ", T.REF, ref="vendor"),
            F("package_name", "製品名"),
            F("cloud", "クラウド", T.CHOICE, choices=CLOUDS),
            # Milestones planned; the actual dates are the days their steps were reached
            # (⑪-1 契約, ⑭-3 データ移行, ⑮-1 テスト, ⑱-1 運用開始: core.progress.MILESTONES).
            F("planned_contract", "契約予定日", T.DATE),
            F("planned_migration", "データ移行予定日", T.DATE),
            F("planned_test", "テスト予定日", T.DATE),
            F("planned_go_live", "移行予定日", T.DATE),
            F("live", "運用開始", T.BOOL),
            F("special_support", "特定移行支援", T.BOOL),
            F("special_reason", "特定移行支援の理由", T.CHOICE, choices=SPECIAL_REASONS),
            F("special_target", "移行目標時期", T.DATE),
            F("risks", "リスク・懸念事項", T.LONGTEXT),
            F("running_cost", "運用経費の見通し", T.LONGTEXT),
            F("notes", "備考", T.LONGTEXT),
        ),
        title="system_code",
        org_field="org_id",
        list_columns=("org_id", "system_code", "planned_go_live", "live", "special_support"),
        key=("org_id", "system_code"),
    ),
    Kind(
        "step_status",
        "手順書ステップ",
        (
            F("org_id", "団体", T.ORG, required=True),
            F("system_code", "業務システム", T.SYSTEM, required=True),
            F("step_no", "ステップ", T.INT, required=True, minimum=1, maximum=40),
            F("status", "状態", T.CHOICE, required=True, choices=STEP_STATUSES, default="未着手"),
            F("updated_on", "更新日", T.DATE),
            F("note", "備考", T.TEXT),
        ),
        title="status",
        org_field="org_id",
        list_columns=("org_id", "system_code", "step_no", "status"),
        aliases=("step",),
        key=("org_id", "system_code", "step_no"),
    ),
    Kind(
        "engagement",
        "集中支援",
        (
            F("org_id", "団体", T.ORG, required=True),
            F("fy", "年度", T.INT, required=True, minimum=2019, maximum=2100),
            # One supporter per engagement in older versions; now engagement_supporter records
            # (several, each with its period), made from this value at open (store/memberships).
            F(
                "staff_id",
                "常時支援者（旧形式）",
                T.REF,
                ref="staff",
                searchable=False,
                replaced_by="engagement_supporter",
            ),
            F("start_date", "開始日", T.DATE),
            F("end_date", "終了日", T.DATE),
            F("target_days", "月間目標日数", T.INT, minimum=0, maximum=31),
            F("theme", "支援テーマ"),
            # The details of 6(2)イ (issue 13): the DX theme, the contract's menu items taken, the
            # plan agreed with the prefecture (flagged when later than PLAN_AGREEMENT_MONTHS after
            # the start), the outcomes, a 実証・補助事業 application, experts and knowledge passed.
            # Milestones and stakeholders are child records (two people may add at once).
            F("dx_theme", "DXテーマ", T.CHOICE, choices=DX_THEMES),
            F("menu", "支援メニュー", T.LIST),
            F("plan_agreed_on", "計画・スケジュールの県合意日", T.DATE),
            F("outcomes", "成果", T.LONGTEXT),
            F("grant_scheme", "申請した実証事業・補助事業"),
            F("grant_applied_on", "申請日", T.DATE),
            F("grant_result", "申請の結果", T.CHOICE, choices=GRANT_RESULTS),
            F("experts_dispatched", "派遣した専門人材", T.LONGTEXT),
            F("knowledge_passed", "職員へ移転したノウハウ", T.LONGTEXT),
            F("notes", "備考", T.LONGTEXT),
        ),
        title="theme",
        org_field="org_id",
        list_columns=("fy", "org_id", "target_days", "theme", "dx_theme", "plan_agreed_on"),
        rules=(date_not_before("start_date", "end_date", "終了日"), menu_items_known),
    ),
    Kind(
        "case_study",
        "支援事例",
        (
            F("org_id", "団体", T.ORG, required=True),
            F("engagement_id", "集中支援", T.REF, ref="engagement"),
            F("title", "事例名", required=True),
            F("status", "状態", T.CHOICE, choices=CASE_STATUSES),
            F("background", "背景・課題", T.LONGTEXT),
            F("approach", "支援内容", T.LONGTEXT),
            F("results", "成果", T.LONGTEXT),
            F("lessons", "他団体への示唆", T.LONGTEXT),
        ),
        title="title",
        org_field="org_id",
        list_columns=("org_id", "title", "status"),
    ),
    # Memberships: one record per (parent, organisation), so that two people who each add an
    # organisation on their own laptop both keep theirs after the merge (a list in one field
    # merged as one value, and one addition was lost to the conflict log).
    Kind(
        "group_member",
        "グループ構成団体",
        (
            F("group_id", "グループ", T.REF, ref="group", required=True),
            F("org_id", "団体", T.ORG, required=True),
            F("note", "備考", T.TEXT),
        ),
        title="org_id",
        list_columns=("group_id", "org_id", "note"),
        key=("group_id", "org_id"),
        parent="group_id",
        aliases=("member_of",),
    ),
    Kind(
        "training_participant",
        "研修参加団体",
        (
            F("training_id", "研修・ワークショップ", T.REF, ref="training", required=True),
            F("org_id", "団体", T.ORG, required=True),
            F("participants", "参加人数", T.INT, minimum=0, maximum=10_000),
            F("note", "備考", T.TEXT),
        ),
        title="org_id",
        list_columns=("training_id", "org_id", "participants"),
        key=("training_id", "org_id"),
        parent="training_id",
    ),
    # A municipality's request for intensive support and the decision on it (6(2)イ(ア)): the
    # engagement it led to, or the one that ended and whose support moves to this municipality.
    Kind(
        "engagement_application",
        "集中支援の申請",
        (
            F("org_id", "団体", T.ORG, required=True),
            F("fy", "年度", T.INT, required=True, minimum=2019, maximum=2100),
            F("received_on", "受付日", T.DATE, default=TODAY),
            F("request", "申請内容・要望", T.LONGTEXT),
            F(
                "status",
                "状態",
                T.CHOICE,
                required=True,
                choices=APPLICATION_STATUSES,
                default="審査中",
            ),
            F("decided_on", "決定日", T.DATE),
            F("reason", "選定・見送りの理由", T.LONGTEXT),
            F("agreed_with_pref", "県と合意済み", T.BOOL),
            F("engagement_id", "選定後の集中支援", T.REF, ref="engagement"),
            F("follows_id", "移行元の集中支援（終了）", T.REF, ref="engagement"),
            F("notes", "備考", T.LONGTEXT),
        ),
        title="org_id",
        date_field="received_on",
        org_field="org_id",
        list_columns=("received_on", "fy", "org_id", "status", "decided_on", "agreed_with_pref"),
        rules=(
            date_not_before("received_on", "decided_on", "決定日"),
            reason_when_decided,
        ),
        status_field="status",
        closed_statuses=("選定", "見送り", "取下げ"),
        aliases=("application",),
    ),
    # The 常時支援者 of an engagement (6(2)イ⑤): one record per (engagement, staff member), so two
    # laptops that each add a supporter both keep theirs. An empty period is the engagement's.
    Kind(
        "engagement_supporter",
        "常時支援者",
        (
            F("engagement_id", "集中支援", T.REF, ref="engagement", required=True),
            F("staff_id", "常時支援者", T.REF, ref="staff", required=True, default=ME),
            F("from_date", "担当開始日", T.DATE),
            F("to_date", "担当終了日", T.DATE),
            F("dedicated", "専任", T.BOOL),
            F("resident", "常駐", T.BOOL),
            F("place", "常駐場所"),
            F("schedule", "常駐日程"),
            F("note", "備考", T.TEXT),
        ),
        title="staff_id",
        list_columns=("engagement_id", "staff_id", "from_date", "to_date", "dedicated", "resident"),
        rules=(date_not_before("from_date", "to_date", "担当終了日"),),
        key=("engagement_id", "staff_id"),
        parent="engagement_id",
        aliases=("supporter",),
    ),
    Kind(
        "related_org",
        "課題の関係団体",
        (
            F("issue_id", "課題", T.REF, ref="issue", required=True),
            F("org_id", "団体", T.ORG, required=True),
            F("note", "備考", T.TEXT),
        ),
        title="org_id",
        list_columns=("issue_id", "org_id", "note"),
        key=("issue_id", "org_id"),
        parent="issue_id",
    ),
    # A consultation several municipalities bring together (a question common to one vendor's
    # users, 6(2)ア⑤): answered once, shown under each (services/shared.py), as an issue is.
    Kind(
        "consultation_related_org",
        "相談の関係団体",
        (
            F("consultation_id", "相談", T.REF, ref="consultation", required=True),
            F("org_id", "団体", T.ORG, required=True),
            F("note", "備考", T.TEXT),
        ),
        title="org_id",
        list_columns=("consultation_id", "org_id", "note"),
        key=("consultation_id", "org_id"),
        parent="consultation_id",
    ),
    # ---- General DX support (issue 13), one block: the engagement's child records (its
    # milestones, stakeholders, the 管理表's monthly notes and the cases introduced), the
    # register of outside bodies, the case library, the communication tool (6(3)), the
    # wide-area coordination log and the information shared outside 伴走支援.
    Kind(
        "engagement_milestone",
        "集中支援のマイルストーン",
        (
            F("engagement_id", "集中支援", T.REF, ref="engagement", required=True),
            F("title", "マイルストーン", required=True),
            F("planned_on", "予定日", T.DATE),
            F("reached_on", "達成日", T.DATE),
            F("note", "備考", T.TEXT),
        ),
        title="title",
        date_field="planned_on",
        list_columns=("engagement_id", "title", "planned_on", "reached_on"),
        parent="engagement_id",
        aliases=("milestone",),
    ),
    # An outside body (企業・団体, 教育機関, 予算担当部署 ...) that engagements work with.
    Kind(
        "stakeholder",
        "ステークホルダー",
        (
            F("name", "名称", required=True),
            F("stakeholder_type", "種別", T.CHOICE, required=True, choices=STAKEHOLDER_TYPES),
            F("org_id", "所在の団体", T.ORG),
            F("department", "部署"),
            F("contact", "連絡先"),
            F("notes", "備考", T.LONGTEXT),
        ),
        title="name",
        org_field="org_id",
        list_columns=("name", "stakeholder_type", "org_id", "department"),
    ),
    # One record per (engagement, stakeholder): two laptops that each add one both keep theirs.
    Kind(
        "engagement_stakeholder",
        "集中支援の関係者",
        (
            F("engagement_id", "集中支援", T.REF, ref="engagement", required=True),
            F("stakeholder_id", "ステークホルダー", T.REF, ref="stakeholder", required=True),
            F("role", "役割・関わり"),
            F("note", "備考", T.TEXT),
        ),
        title="stakeholder_id",
        list_columns=("engagement_id", "stakeholder_id", "role"),
        key=("engagement_id", "stakeholder_id"),
        parent="engagement_id",
    ),
    # The 管理表 (6(2)イ⑦) line a supporter writes for a month: what was done and what is next.
    # Days and hours are never typed here: they come from the visits and time entries.
    Kind(
        "engagement_month",
        "管理表の記入",
        (
            F("engagement_id", "集中支援", T.REF, ref="engagement", required=True),
            F("staff_id", "常時支援者", T.REF, ref="staff", required=True, default=ME),
            F("month", "年月", T.MONTH, required=True, default=TODAY),
            F("done", "実施内容", T.LONGTEXT),
            F("next_steps", "今後の予定・次の対応", T.LONGTEXT),
        ),
        title="month",
        date_field="month",
        list_columns=("engagement_id", "month", "staff_id", "done"),
        key=("engagement_id", "staff_id", "month"),
        parent="engagement_id",
    ),
    # A case of the library (事例, 6(2)ア① and イ⑧): from anywhere in Japan. One of the 28 is
    # named by org_id; any other municipality by its name, prefecture, population and type
    # (its population is what the 同規模自治体 filter reads, services/cases.py).
    Kind(
        "case",
        "事例",
        (
            F("title", "事例名", required=True),
            F("org_id", "団体（県内）", T.ORG),
            F("municipality", "自治体名"),
            F("prefecture", "都道府県"),
            F("population", "人口", T.INT, minimum=0, maximum=40_000_000),
            F("municipality_type", "自治体の区分", T.CHOICE, choices=MUNICIPALITY_TYPES),
            F("theme", "テーマ", T.CHOICE, required=True, choices=DX_THEMES),
            F("year", "実施年度", T.INT, minimum=2000, maximum=2100),
            F("summary", "取組内容", T.LONGTEXT),
            F("results", "成果", T.LONGTEXT),
            F("lessons", "教訓・示唆", T.LONGTEXT),
            F("source", "出典の種別", T.CHOICE, choices=CASE_SOURCES),
            F("source_title", "出典"),
            F("source_url", "出典URL", searchable=False),
        ),
        title="title",
        org_field="org_id",
        list_columns=("title", "org_id", "municipality", "prefecture", "population", "theme"),
        rules=(case_has_place,),
        aliases=("jirei",),
    ),
    # A case introduced in an engagement or a consultation (好事例の紹介): one link record each.
    Kind(
        "engagement_case",
        "集中支援で紹介した事例",
        (
            F("engagement_id", "集中支援", T.REF, ref="engagement", required=True),
            F("case_id", "事例", T.REF, ref="case", required=True),
            F("note", "備考", T.TEXT),
        ),
        title="case_id",
        list_columns=("engagement_id", "case_id", "note"),
        key=("engagement_id", "case_id"),
        parent="engagement_id",
    ),
    Kind(
        "consultation_case",
        "相談で紹介した事例",
        (
            F("consultation_id", "相談", T.REF, ref="consultation", required=True),
            F("case_id", "事例", T.REF, ref="case", required=True),
            F("note", "備考", T.TEXT),
        ),
        title="case_id",
        list_columns=("consultation_id", "case_id", "note"),
        key=("consultation_id", "case_id"),
        parent="consultation_id",
    ),
    # The communication tool chosen with the prefecture (6(3)) and its groups, each mapped to a
    # dxdesk group (生活圏, vendor, theme).
    Kind(
        "comm_tool",
        "コミュニケーションツール",
        (
            F("name", "ツール名", required=True),
            F("chosen_on", "選定日", T.DATE),
            F("agreed_with_pref", "県と合意済み", T.BOOL),
            F("reason", "選定理由", T.LONGTEXT),
            F("notes", "備考", T.LONGTEXT),
        ),
        title="name",
        date_field="chosen_on",
        list_columns=("name", "chosen_on", "agreed_with_pref"),
    ),
    Kind(
        "comm_group",
        "ツールのグループ",
        (
            F("tool_id", "ツール", T.REF, ref="comm_tool", required=True),
            F("name", "グループ名（ツール上）", required=True),
            F("group_id", "対応するグループ", T.REF, ref="group"),
            F("opened_on", "開設日", T.DATE),
            F("notes", "備考", T.LONGTEXT),
        ),
        title="name",
        list_columns=("tool_id", "name", "group_id", "opened_on"),
    ),
    # Accounts issued to an organisation on a tool: one record per (tool, organisation).
    Kind(
        "comm_account",
        "ツールのアカウント",
        (
            F("tool_id", "ツール", T.REF, ref="comm_tool", required=True),
            F("org_id", "団体", T.ORG, required=True),
            F("accounts", "発行数", T.INT, required=True, minimum=0, maximum=10_000),
            F("issued_on", "発行日", T.DATE),
            F("note", "備考", T.TEXT),
        ),
        title="org_id",
        org_field="org_id",
        list_columns=("tool_id", "org_id", "accounts", "issued_on"),
        key=("tool_id", "org_id"),
    ),
    # A group's activity in a month, typed or imported from the tool's CSV export: one record
    # per (group, month), so an import again updates rather than duplicates.
    Kind(
        "comm_activity",
        "ツールの利用状況",
        (
            F("comm_group_id", "ツールのグループ", T.REF, ref="comm_group", required=True),
            F("month", "年月", T.MONTH, required=True, default=TODAY),
            F("posts", "投稿数", T.INT, minimum=0, maximum=1_000_000),
            F("active_members", "アクティブ人数", T.INT, minimum=0, maximum=100_000),
            F("members", "参加人数", T.INT, minimum=0, maximum=100_000),
            F("note", "備考", T.TEXT),
        ),
        title="month",
        date_field="month",
        list_columns=("month", "comm_group_id", "posts", "active_members", "members"),
        key=("comm_group_id", "month"),
    ),
    Kind(
        "comm_event",
        "利用促進の取組",
        (
            F("date", "実施日", T.DATE, required=True, default=TODAY),
            F("title", "名称", required=True),
            F("event_type", "種別", T.CHOICE, choices=COMM_EVENT_TYPES),
            F("tool_id", "ツール", T.REF, ref="comm_tool"),
            F("comm_group_id", "対象のグループ", T.REF, ref="comm_group"),
            F("participants", "参加人数", T.INT, minimum=0, maximum=10_000),
            F("notes", "内容", T.LONGTEXT),
        ),
        title="title",
        date_field="date",
        list_columns=("date", "title", "event_type", "participants"),
    ),
    # Coordination between municipalities for wide-area support (6(2)ア⑤).
    Kind(
        "coordination",
        "広域連携の調整記録",
        (
            F("date", "日付", T.DATE, required=True, default=TODAY),
            F("group_id", "グループ", T.REF, ref="group"),
            F("org_id", "主な団体", T.ORG),
            F("title", "件名", required=True),
            F("content", "調整内容", T.LONGTEXT),
            F("next_steps", "次の対応", T.LONGTEXT),
            F("staff_id", "担当者", T.REF, ref="staff", default=ME),
        ),
        title="title",
        date_field="date",
        org_field="org_id",
        list_columns=("date", "group_id", "org_id", "title"),
        owner_field="staff_id",
    ),
    # What was sent to the organisations outside 伴走支援 (宮崎市, 都城市, the two prefecture
    # divisions, 6(1)ア), to whom and when.
    Kind(
        "info_share",
        "情報共有",
        (
            F("date", "送付日", T.DATE, required=True, default=TODAY),
            F("org_id", "送付先の団体", T.ORG, required=True),
            F("recipient", "宛先（所属・氏名）"),
            F("channel", "方法", T.CHOICE, choices=SHARE_CHANNELS),
            F("title", "件名", required=True),
            F("materials", "送付した資料", T.LIST),
            F("content", "内容", T.LONGTEXT),
            F("staff_id", "担当者", T.REF, ref="staff", default=ME),
        ),
        title="title",
        date_field="date",
        org_field="org_id",
        list_columns=("date", "org_id", "recipient", "channel", "title"),
        owner_field="staff_id",
    ),
    # A proposal made to a municipality (6(2)ア: ソリューションの提案 and the others) and what
    # became of it: one record each, followed up until taken up or not (PROPOSAL_DECIDED).
    Kind(
        "proposal",
        "提案",
        (
            F("org_id", "団体", T.ORG, required=True),
            F("proposed_on", "提案日", T.DATE, required=True, default=TODAY),
            F("title", "件名", required=True),
            F("content", "提案内容", T.LONGTEXT),
            F("support_kind", "支援の種類", T.CHOICE, choices=SUPPORT_KINDS, searchable=True),
            F("staff_id", "提案者", T.REF, ref="staff", default=ME),
            F("visit_id", "提案した訪問", T.REF, ref="visit"),
            F("consultation_id", "関連する相談", T.REF, ref="consultation"),
            F(
                "status",
                "状態",
                T.CHOICE,
                required=True,
                choices=PROPOSAL_STATUSES,
                default="提案済み",
            ),
            F("follow_up", "対応状況・その後", T.LONGTEXT),
            F("follow_up_on", "その後の確認日", T.DATE),
        ),
        title="title",
        date_field="proposed_on",
        org_field="org_id",
        list_columns=("proposed_on", "org_id", "title", "support_kind", "status", "follow_up_on"),
        rules=(date_not_before("proposed_on", "follow_up_on", "その後の確認日"),),
        status_field="status",
        closed_statuses=PROPOSAL_DECIDED,
        owner_field="staff_id",
        aliases=("teian",),
    ),
    # The official form of the documents sent to the prefecture, set once on the hub and synced:
    # one record per document (既定 for all the others), fields left empty fall back to 既定.
    Kind(
        "document_form",
        "帳票の様式",
        (
            F("doc_kind", "帳票", T.CHOICE, required=True, choices=DOCUMENT_FORM_KINDS),
            F("addressee", "宛先"),
            F("contractor_name", "受託者名"),
            F("contractor_address", "受託者の所在地"),
            F("representative", "代表者"),
            F("number_pattern", "文書番号の形式"),
            F("cover_letter", "記・以上の様式", T.BOOL),
            F("note", "備考", T.TEXT),
        ),
        title="doc_kind",
        list_columns=("doc_kind", "addressee", "contractor_name", "number_pattern"),
        key=("doc_kind",),
    ),
    # What was submitted to the prefecture, when, which version: one record per version. A
    # record without a submitted date is a document in preparation (作成中); the board reads
    # the newest version of each deliverable. The start-of-contract documents are due
    # "promptly after signing": their due date is the one written here.
    Kind(
        "submission",
        "提出記録",
        (
            F("document", "書類", T.CHOICE, required=True, choices=DELIVERABLES),
            F("period", "対象期間", max_length=10),  # YYYY-MM for a month, YYYY for a 年度
            F("meeting_id", "対象の会議", T.REF, ref="meeting"),
            F("training_id", "対象の研修", T.REF, ref="training"),
            F("version", "版", T.INT, minimum=1, maximum=1000),
            F("due_date", "期限（指定）", T.DATE),
            F("submitted_on", "提出日", T.DATE),
            F("doc_number", "文書番号"),
            F("file_name", "ファイル名"),
            F("fingerprint", "SHA-256", max_length=64, searchable=False),
            F("note", "備考", T.LONGTEXT),
        ),
        title="document",
        date_field="submitted_on",
        list_columns=("submitted_on", "document", "period", "version", "doc_number"),
    ),
    # A line of the 実施工程表 of the 業務実施計画書 (8(1) No.1): a task over a span of dates or a
    # milestone on one date, drawn as a bar or a diamond in the Gantt chart of its fiscal year.
    Kind(
        "plan_item",
        "実施工程",
        (
            F("fy", "年度", T.INT, required=True, minimum=2019, maximum=2100),
            F("title", "作業項目", required=True),
            F("category", "区分", T.CHOICE, required=True, choices=PLAN_CATEGORIES),
            F("milestone", "マイルストーン", T.BOOL),
            F("start_date", "開始日", T.DATE, required=True),
            F("end_date", "終了日", T.DATE),
            F("owner_id", "担当者", T.REF, ref="staff"),
            F("sort_order", "表示順", T.INT, minimum=0, maximum=10_000),
            F("note", "備考", T.LONGTEXT),
        ),
        title="title",
        date_field="start_date",
        list_columns=("fy", "sort_order", "title", "category", "start_date", "end_date"),
        rules=(date_not_before("start_date", "end_date", "終了日"),),
        aliases=("plan",),
    ),
    # ---- issue 14: the monthly report's template, its monthly free text, the export log.
    # The report template of a document, set on the hub and synced: one record per document
    # (keyed by it, so two hubs write one record), with one keyed record per section below.
    Kind(
        "report_template",
        "帳票の構成",
        (
            F("document", "帳票", T.CHOICE, required=True, choices=TEMPLATED_DOCUMENTS),
            F(
                "quiet_orgs",
                "当月の記録がない団体",
                T.CHOICE,
                choices=QUIET_ORG_MODES,
                default=QUIET_ORG_MODES[0],
            ),
            F("note", "備考", T.TEXT),
        ),
        title="document",
        list_columns=("document", "quiet_orgs"),
        key=("document",),
    ),
    # One section of a document's template: a built-in one (its ``section`` a key of the
    # document's section registry, reports/documents/monthly.py SECTIONS) or a free-text one
    # (自由記述, its text written per month in ``report_note``). Keyed by (document, section).
    Kind(
        "report_section",
        "帳票の構成項目",
        (
            F("document", "帳票", T.CHOICE, required=True, choices=TEMPLATED_DOCUMENTS),
            F("section", "項目の識別名", required=True, max_length=60),
            F("title", "見出し"),
            F("included", "記載する", T.BOOL, default=True),
            F("sort_order", "表示順", T.INT, minimum=0, maximum=10_000),
            F("free_text", "自由記述", T.BOOL),
        ),
        title="title",
        list_columns=("document", "sort_order", "section", "title", "included", "free_text"),
        key=("document", "section"),
    ),
    # The text of a free-text section for one month (来月の予定, 県への相談事項 ...).
    Kind(
        "report_note",
        "帳票の記述",
        (
            F("month", "対象月", T.MONTH, required=True, default=TODAY),
            F("section", "項目の識別名", required=True, max_length=60),
            F("body", "本文", T.LONGTEXT),
        ),
        title="section",
        list_columns=("month", "section", "body"),
        key=("month", "section"),
    ),
    # A bundle written by a device (services/sync.py export_bundle), recorded inside the bundle
    # it describes so that the hub learns every laptop's exports and prints them in the
    # 情報漏洩等への対策に関する文書. Written by dxdesk, never by hand.
    Kind(
        "bundle_export",
        "同期ファイルの書出し記録",
        (
            F("exported_at", "書出し日時", T.DATETIME, required=True),
            F("device_id", "書出し端末のID", searchable=False),
            F("device", "書出し端末"),
            F("person", "書出した人"),
            F("recipient_id", "受取先のID", searchable=False),
            F("recipient", "受取先"),
            F("recipient_owner", "受取先の使用者"),
            F("file_name", "ファイル名"),
            F("bundle_id", "同期ファイルのID", searchable=False),
            F("change_count", "変更件数", T.INT, minimum=0),
            F("medium", "媒体", T.CHOICE, choices=EXPORT_MEDIA),
            F("sha256", "SHA-256", max_length=64, searchable=False),
        ),
        title="file_name",
        date_field="exported_at",
        list_columns=("exported_at", "device", "person", "recipient", "file_name", "medium"),
    ),
    Kind(
        "closed_day",
        "臨時閉庁日",
        (
            F("date", "日付", T.DATE, required=True, default=TODAY),
            F("reason", "理由"),
        ),
        title="reason",
        date_field="date",
        list_columns=("date", "reason"),
    ),
    # A meeting's decisions and open points (issue 12): one record each, so two laptops that
    # each add one both keep theirs; an open point becomes an issue in one click, and holds it.
    Kind(
        "meeting_item",
        "決定・課題事項",
        (
            F("meeting_id", "会議", T.REF, ref="meeting", required=True),
            F("item_type", "区分", T.CHOICE, required=True, choices=MEETING_ITEM_TYPES),
            F("text", "内容", T.LONGTEXT, required=True),
            F("org_id", "団体", T.ORG),
            F("owner", "担当"),
            F("due_date", "期限", T.DATE),
            F("issue_id", "登録した課題", T.REF, ref="issue"),
            F("sort_order", "表示順", T.INT, minimum=0, maximum=10_000),
        ),
        title="text",
        list_columns=("meeting_id", "item_type", "text", "due_date", "issue_id"),
        parent="meeting_id",
        follow_ups=(
            FollowUp(
                source="text",
                kind="issue",
                link="meeting_id",
                title="title",
                text="description",
                carry=(("org_id", "org_id"), ("due_date", "due_date")),
                via="meeting_id",
                parent_carry=(("org_id", "org_id"), ("date", "raised_on")),
                back="issue_id",
                when=("item_type", OPEN_POINT),
                label="課題として登録",
                hint="この課題事項を保存し、会議と結び付けた課題として登録します。",
            ),
        ),
        aliases=("decision", "open_point"),
    ),
    # A municipality's wish for a training (研修要望): gathered before planning, answered by
    # the training that takes it up (``training_id``, linked from the training's form).
    Kind(
        "training_wish",
        "研修要望",
        (
            F("org_id", "団体", T.ORG, required=True),
            F("received_on", "受付日", T.DATE, default=TODAY),
            F("theme", "テーマ", required=True),
            F("preferred_format", "希望形式", T.CHOICE, choices=WISH_FORMATS),
            F("preferred_period", "希望時期"),
            F("note", "備考", T.LONGTEXT),
            F("training_id", "対応する研修", T.REF, ref="training", ticked=True),
        ),
        title="theme",
        date_field="received_on",
        org_field="org_id",
        list_columns=("received_on", "org_id", "theme", "preferred_format", "preferred_period"),
        aliases=("wish",),
    ),
)

_BY_NAME: dict[str, Kind] = {}
for _k in KINDS:
    _BY_NAME[_k.name] = _k
    for _a in _k.aliases:
        _BY_NAME[_a] = _k


def kind(name: str) -> Kind:
    try:
        return _BY_NAME[name.strip().lower()]
    except KeyError:
        raise UserError("unknown_kind", kind=name, kinds=", ".join(k.name for k in KINDS)) from None


def key_id(k: Kind, values: Mapping[str, object]) -> str | None:
    """The id a keyed kind's record has, from its key values; None when one is missing.

    Values in their stored model form (an organisation's id, a system code, a step number).
    """
    parts: list[str] = [k.name]
    for name in k.key:
        value = values.get(name)
        if value is None or value == "" or isinstance(value, bool | list):
            return None
        if isinstance(value, float):
            if not value.is_integer():
                return None
            value = int(value)
        parts.append(str(value))
    return natural_id(*parts) if k.key else None


# ---------------------------------------------------------------- checking a record


@dataclass(frozen=True)
class Checked:
    """A record's values as the model reads them, with every problem found in them.

    ``field_errors``: a value that is not what its field takes (missing, not a date, out of
    range, not a choice); ``rule_errors``: a rule over several fields (an end before its start,
    a closing date before the day raised), on the field the rule names, never on a field
    whose own value was already refused. One problem per field.
    """

    kind: Kind
    record: Record  # the values read (a refused value is left out)
    field_errors: Mapping[str, ValidationError]
    rule_errors: Mapping[str, ValidationError]

    @property
    def errors(self) -> tuple[ValidationError, ...]:
        """Every problem, in the kind's field order."""
        found = {**self.rule_errors, **self.field_errors}
        return tuple(found[n] for n in self.kind.field_names if n in found)

    def raise_for_errors(self) -> None:
        raise_errors(self.errors)


def raise_errors(errors: tuple[ValidationError, ...]) -> None:
    """Nothing for no problem; the ValidationError for one; ``InvalidRecord`` listing all."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InvalidRecord(errors)


def check(
    k: Kind,
    values: Mapping[str, object],
    *,
    partial: bool = False,
    current: Mapping[str, Value] | None = None,
) -> Checked:
    """Read every value and find every problem at once: the one check the services and the
    record form make (the form shows each beside its field, a service refuses them all in one
    sentence). ``partial``: an edit of the fields given, over ``current`` (the stored record)
    for the rules. An unknown field name is not a value problem: it raises ``unknown_field``.
    """
    record: Record = {}
    field_errors: dict[str, ValidationError] = {}
    for name, raw in values.items():
        f = k.field(name)
        try:
            record[name] = coerce(f, raw)
        except ValidationError as err:
            field_errors[name] = err
    if not partial:
        for f in k.fields:
            if f.name not in record and f.name not in field_errors:
                try:
                    record[f.name] = coerce(f, None)
                except ValidationError as err:
                    field_errors[f.name] = err
    # A refused value takes no part in the rules: its own problem is the one to show.
    whole: dict[str, Value] = {**(current or {}), **record, **dict.fromkeys(field_errors)}
    rule_errors: dict[str, ValidationError] = {}
    for rule in k.rules:
        found = rule(whole)
        if found is not None and found.field not in field_errors:
            rule_errors.setdefault(found.field, found)
    return Checked(k, record, field_errors, rule_errors)


def validate(
    k: Kind,
    values: Mapping[str, object],
    *,
    partial: bool = False,
    current: Mapping[str, Value] | None = None,
) -> Record:
    """The values of a new record (or, with partial=True, of an edit), read and checked;
    raises the problem found, or ``InvalidRecord`` naming every one when there are several."""
    checked = check(k, values, partial=partial, current=current)
    checked.raise_for_errors()
    return checked.record


def check_rules(k: Kind, record: Mapping[str, Value]) -> None:
    """Cross-field rules over the whole (merged) record: the store's last guard."""
    raise_errors(tuple(e for e in (rule(record) for rule in k.rules) if e is not None))


# ---------------------------------------------------------------- defaults and derivations


def default_values(k: Kind, *, me: str | None, now: datetime | None = None) -> Record:
    """A new record's starting values as the model declares them (``Field.default``), in
    stored form: fixed values as given, TODAY as the date (the date and time, the month) in
    the field's type, ME as ``me`` (the profile's own staff record; left out when None)."""
    at = now or now_jst()
    out: Record = {}
    for f in k.entry_fields:
        d = f.default
        if d is None:
            continue
        if d is Dynamic.ME:
            if me is not None:
                out[f.name] = me
        elif d is Dynamic.TODAY:
            if f.type == FieldType.DATETIME:
                out[f.name] = f"{at:%Y-%m-%dT%H:%M}"
            elif f.type == FieldType.MONTH:
                out[f.name] = f"{at:%Y-%m}"
            else:
                out[f.name] = at.date().isoformat()
        else:
            out[f.name] = d
    return out


def derived_value(k: Kind, name: str, record: Mapping[str, Value]) -> Value:
    """The value field ``name`` derives from ``record`` (None when it cannot, or is not derived)."""
    f = k.field(name)
    return None if f.derive is None else f.derive.compute(record)


def fill_derived(k: Kind, record: Record, *, current: Mapping[str, Value] | None = None) -> None:
    """Fill each derived field from its inputs, in place: the one place this happens on write.

    A new record: each derived field left empty. An edit (``record`` the changed fields over
    ``current``, the stored record): only when an input changed and the field was not given,
    and only a value that is empty or still the one the old inputs gave, so hours the user
    typed themselves are kept and an edit of the notes touches nothing.
    """
    for f in k.derived_fields:
        assert f.derive is not None
        whole = {**(current or {}), **record}
        if current is None:
            follows = whole.get(f.name) is None
        elif f.name in record:
            follows = record[f.name] is None  # cleared in this edit: derived again
        else:
            stored = current.get(f.name)
            changed = any(n in record and record[n] != current.get(n) for n in f.derive.inputs)
            follows = changed and (stored is None or stored == f.derive.compute(current))
        if not follows:
            continue
        value = f.derive.compute(whole)
        if value is not None or current is not None:
            record[f.name] = value


# ---------------------------------------------------------------- the model checks itself


def declaration_problems(kinds: tuple[Kind, ...] = KINDS) -> list[str]:
    """What is wrong in the model's declarations (a test keeps this empty): each role, default,
    derivation, supersedes relation and follow-up names a field of the right type."""
    out: list[str] = []
    names = {k.name for k in kinds}
    for k in kinds:
        have = set(k.field_names)
        roles: tuple[tuple[str | None, str, tuple[FieldType, str | None]], ...] = (
            (k.status_field, "status_field", (FieldType.CHOICE, None)),
            (k.due_field, "due_field", (FieldType.DATE, None)),
            (k.owner_field, "owner_field", (FieldType.REF, "staff")),
            (k.supersedes, "supersedes", (FieldType.REF, k.name)),
            (k.priority_field, "priority_field", (FieldType.CHOICE, None)),
        )
        for name, what, (ftype, ref) in roles:
            if name is None:
                continue
            if name not in have:
                out.append(f"{k.name}.{what}: no field {name}")
            elif k.field(name).type != ftype or k.field(name).ref != ref:
                out.append(f"{k.name}.{what}: {name} is not the right type")
        if k.status_field in have:
            stray = set(k.closed_statuses) - set(k.field(str(k.status_field)).choices)
            if stray:
                out.append(f"{k.name}.closed_statuses: {sorted(stray)} are not choices")
        for f in k.fields:
            if isinstance(f.default, Dynamic):
                kinds_ok = {
                    Dynamic.TODAY: f.type in (FieldType.DATE, FieldType.DATETIME, FieldType.MONTH),
                    Dynamic.ME: f.type == FieldType.REF and f.ref == "staff",
                }
                if not kinds_ok[f.default]:
                    out.append(f"{k.name}.{f.name}: default {f.default} does not fit its type")
            elif f.default is not None:
                try:
                    if coerce(f, f.default) != f.default:
                        out.append(f"{k.name}.{f.name}: default is not in stored form")
                except ValidationError as err:
                    out.append(f"{k.name}.{f.name}: default refused ({err.reason})")
            if f.derive is not None:
                missing = set(f.derive.inputs) - have
                if missing:
                    out.append(f"{k.name}.{f.name}: derived from unknown {sorted(missing)}")
        for u in k.follow_ups:
            target = next((t for t in kinds if t.name == u.kind), None)
            if u.kind not in names or target is None:
                out.append(f"{k.name}.follow_ups: no kind {u.kind}")
                continue
            theirs = set(target.field_names)
            mine = {u.source, *(a for a, _ in u.carry)}
            if not mine <= have:
                out.append(f"{k.name}.follow_ups: no field {sorted(mine - have)}")
            wanted = {u.link, u.title, u.text, *(b for _, b in u.carry)}
            wanted |= {b for _, b in u.parent_carry}
            linked = k.name if u.via is None else (k.field(u.via).ref if u.via in have else None)
            if not wanted <= theirs:
                out.append(f"{k.name}.follow_ups: {u.kind} has no {sorted(wanted - theirs)}")
            elif target.field(u.link).ref != linked:
                out.append(f"{k.name}.follow_ups: {u.kind}.{u.link} does not refer to {linked}")
            if u.parent_carry:
                parent = next((t for t in kinds if t.name == k.parent_kind), None)
                if parent is None or u.via != k.parent:
                    out.append(f"{k.name}.follow_ups: parent_carry needs via the parent field")
                elif not {a for a, _ in u.parent_carry} <= set(parent.field_names):
                    out.append(f"{k.name}.follow_ups: {parent.name} lacks a parent_carry field")
            if u.back is not None and (u.back not in have or k.field(u.back).ref != u.kind):
                out.append(f"{k.name}.follow_ups: back {u.back} does not refer to {u.kind}")
            if u.when is not None and (
                u.when[0] not in have or u.when[1] not in k.field(u.when[0]).choices
            ):
                out.append(f"{k.name}.follow_ups: when {u.when} is not a choice of this kind")
        for f in k.fields:
            if f.prefer is None:
                continue
            target = next((t for t in kinds if t.name == f.ref), None)
            if f.prefer[0] not in have or target is None or f.prefer[1] not in target.field_names:
                out.append(f"{k.name}.{f.name}: prefer {f.prefer} names an unknown field")
        b = k.books
        booked = next((t for t in kinds if b is not None and t.name == b.kind), None)
        if b is not None and (booked is None or booked.supersedes is None):
            out.append(f"{k.name}.books: {b.kind} is not an append-only kind")
        elif b is not None and booked is not None:
            mine = {b.hours, b.activity[0], b.on_site[0], *(a for a, _ in b.carry)}
            if not mine <= have:
                out.append(f"{k.name}.books: no field {sorted(mine - have)}")
            theirs = {"hours", "activity", "on_site", b.link, *(t for _, t in b.carry)}
            if not theirs <= set(booked.field_names):
                out.append(
                    f"{k.name}.books: {b.kind} has no {sorted(theirs - set(booked.field_names))}"
                )
            elif booked.field(b.link).ref != k.name:
                out.append(f"{k.name}.books: {b.kind}.{b.link} does not refer to {k.name}")
            elif set(dict(b.activity[1]).values()) - set(booked.field("activity").choices):
                out.append(f"{k.name}.books: activities that are not {b.kind} choices")
    return out
