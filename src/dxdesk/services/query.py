"""List queries: one page of one kind's records, filtered and sorted in SQL.

The GUI's tables (and anything else that shows a long list) ask for a count and then for
pages; nothing here loads every row. Filters are the organisation, the ``status`` field,
a period on the kind's date field, and free text through the kind's full-text index
(``store/search.py``'s clause: folded terms, FTS5 trigram for three characters or more, LIKE
over the folded text for shorter ones). Sorting is by a field of the kind, checked against the declarative
model: no user text ever reaches the SQL, only bound parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dxdesk.core import reference
from dxdesk.core.calendar import ISO, format_stored, parse_date
from dxdesk.core.model import Field, FieldType, Kind, Record, Value, kind
from dxdesk.errors import UserError, ValidationError
from dxdesk.services.profile import Profile
from dxdesk.store.meanings import live_clause
from dxdesk.store.search import terms_of, text_condition
from dxdesk.store.shared import Shared, org_condition, shared

YES, NO = "はい", "いいえ"
LIST_SEPARATOR = "、"
STATUS_FIELD = "status"
# System columns a list may also be sorted by (besides the kind's own fields).
SORTABLE_SYSTEM_COLUMNS = ("_created_at", "_updated_at")
_DATE_HINT = "日付として読み取れません（例：2025-11-25、令和7年11月25日）"


@dataclass(frozen=True)
class ListQuery:
    """What a list shows: one kind, optionally narrowed, in one order.

    ``order_by`` None means the kind's default order: newest first by its date field (or
    insertion order for kinds without one); ``descending`` applies to an explicit ``order_by``.
    Dates are ISO (``2025-11-25``) or anything ``parse_date`` reads (令和7年11月25日).
    """

    kind: str
    org_id: str | None = None
    statuses: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    text: str = ""
    order_by: str | None = None
    descending: bool = True
    include_deleted: bool = False


# How urgent an open record is, as a list marks its row (the GUI picks the colour, the rule
# is here): its due date has passed (Kind.due_field), or it has the most urgent priority
# (Kind.priority_field's first choice). Done records are never urgent.
OVERDUE, HIGH = "overdue", "high"
URGENCY_LABELS = {OVERDUE: "期限超過", HIGH: "優先度 高"}


def urgency(k: Kind, record: Mapping[str, Value], today: date) -> str | None:
    """``OVERDUE``, ``HIGH`` or None for one record of ``k`` on ``today`` (JST)."""
    if k.status_field is None or record.get(k.status_field) not in k.open_statuses:
        return None
    due = record.get(k.due_field) if k.due_field else None
    if isinstance(due, str) and due < today.isoformat():
        return OVERDUE
    if k.priority_field is not None:
        choices = k.field(k.priority_field).choices
        if choices and record.get(k.priority_field) == choices[0]:
            return HIGH
    return None


def has_urgency(k: Kind) -> bool:
    """Whether rows of ``k`` can be marked at all (a list shows its legend then)."""
    return bool(k.open_statuses) and (k.due_field is not None or k.priority_field is not None)


def initial_query(kind_name: str, org_id: str | None = None) -> ListQuery:
    """What a list opens on: a kind with done statuses on the others (未完了: issues and
    consultations; 22 issues of an organisation listed for 1 still open hid it), else all."""
    k = kind(kind_name)
    return ListQuery(k.name, org_id=org_id, statuses=k.open_statuses if k.closed_statuses else ())


def status_field(k: Kind) -> Field | None:
    """The kind's ``status`` choice field, if it has one (what a status filter offers)."""
    for f in k.fields:
        if f.name == STATUS_FIELD and f.type == FieldType.CHOICE:
            return f
    return None


def sortable(k: Kind) -> tuple[str, ...]:
    """Every name a list of this kind may be ordered by."""
    return (*k.field_names, *SORTABLE_SYSTEM_COLUMNS)


def display_value(f: Field, value: Value, names: Mapping[str, str], date_style: str = ISO) -> str:
    """One value as a table cell shows it (and as TSV copies it); dates in the window's style
    (core/calendar.format_stored)."""
    if value is None:
        return ""
    t = f.type
    if t in (FieldType.ORG, FieldType.REF):
        return names.get(str(value), str(value))
    if t == FieldType.SYSTEM:
        system = reference.system_by_code(str(value))
        return system.name if system else str(value)
    if t == FieldType.BOOL:
        return YES if value else NO
    if t == FieldType.LIST:
        if isinstance(value, list):
            return LIST_SEPARATOR.join(str(v) for v in value)
        return str(value)
    if t in (FieldType.DATE, FieldType.DATETIME):
        return format_stored(value, date_style)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def display_row(
    kind_or_name: Kind | str,
    record: Mapping[str, Value],
    columns: Sequence[str],
    names: Mapping[str, str],
    date_style: str = ISO,
) -> list[str]:
    """The cells of one record for the given columns: organisation and referenced records by
    name (``names`` maps ids to names, see ``ListService.names``), 業務システム by name, booleans
    as はい／いいえ, lists joined with 「、」, dates in ``date_style`` (date-times with the time)."""
    k = kind(kind_or_name) if isinstance(kind_or_name, str) else kind_or_name
    return [display_value(k.field(c), record.get(c), names, date_style) for c in columns]


class ListService:
    """Counts and pages of records for lists; Qt-free, so tests and benchmarks use it as is."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.database = profile.database
        self.store = profile.records
        self._orgs: dict[str, str] | None = None

    @property
    def date_style(self) -> str:
        """How the window shows dates (the settings: read each time, so a change applies)."""
        return self.profile.settings.date_style

    # ------------------------------------------------------------ reads

    def count(self, q: ListQuery) -> int:
        """How many rows match; refuses exactly the queries ``page`` refuses."""
        k, where, params = self._where(q)
        self._order(k, q)  # check the order too, so a bad query fails before any page
        sql = f'SELECT count(*) FROM "{k.name}"'
        if where:
            sql += " WHERE " + " AND ".join(f"({c})" for c in where)
        row = self.database.conn.execute(sql, params).fetchone()
        return int(row[0])

    def page(self, q: ListQuery, offset: int, limit: int) -> list[Record]:
        if offset < 0 or limit < 0:
            raise ValueError("offset and limit must not be negative")
        k, where, params = self._where(q)
        order, order_params = self._order(k, q)
        return self.store.select(
            k,
            where=where,
            params=[*params, *order_params],
            order_by=order,
            limit=limit,
            offset=offset,
            include_deleted=True,  # _where has already filtered tombstones when asked to
        )

    def organisations(self) -> list[tuple[str, str]]:
        """(id, name) of every live organisation in code order, for an organisation filter."""
        rows = self.database.query(
            "SELECT id, name FROM organisation WHERE _deleted = 0 ORDER BY code, rid"
        )
        return [(str(r["id"]), str(r["name"])) for r in rows]

    def names(
        self,
        kind_or_name: Kind | str,
        records: Iterable[Mapping[str, Value]],
        columns: Sequence[str],
    ) -> dict[str, str]:
        """Names for the organisation and reference ids that ``records`` show in ``columns``.

        Organisation names are cached (28 rows; ``invalidate`` after an organisation changes);
        other references are looked up per call, one query per referenced kind.
        """
        k = kind(kind_or_name) if isinstance(kind_or_name, str) else kind_or_name
        fields = [k.field(c) for c in columns]
        records = list(records)
        out: dict[str, str] = {}
        if any(f.type == FieldType.ORG for f in fields):
            out.update(self._org_names())
        wanted: dict[str, set[str]] = {}
        for f in fields:
            if f.type != FieldType.REF or not f.ref:
                continue
            ids = {str(r[f.name]) for r in records if r.get(f.name)}
            wanted.setdefault(f.ref, set()).update(ids)
        for target_name, ids in wanted.items():
            target = kind(target_name)
            ordered = sorted(ids)
            for start in range(0, len(ordered), 500):
                chunk = ordered[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                rows = self.database.query(
                    f'SELECT id, "{target.title}" AS t FROM "{target.name}" WHERE id IN ({marks})',
                    chunk,
                )
                for r in rows:
                    f_title = target.field(target.title)
                    out[str(r["id"])] = display_value(f_title, r["t"], {})
        return out

    def shared(
        self, kind_or_name: Kind | str, records: Iterable[Mapping[str, Value]]
    ) -> dict[str, Shared]:
        """Per record id, the organisations sharing each shared one of ``records`` (an issue
        with 関係団体): a list marks its organisation cell (services/shared.py)."""
        k = kind(kind_or_name) if isinstance(kind_or_name, str) else kind_or_name
        return shared(self.database, k, records)

    def invalidate(self) -> None:
        """Forget cached names (after an organisation was added or renamed)."""
        self._orgs = None

    def _org_names(self) -> dict[str, str]:
        if self._orgs is None:
            rows = self.database.query("SELECT id, name FROM organisation")
            self._orgs = {str(r["id"]): str(r["name"]) for r in rows}
        return self._orgs

    # ------------------------------------------------------------ SQL building

    def _where(self, q: ListQuery) -> tuple[Kind, list[str], list[Any]]:
        k = kind(q.kind)
        table = f'"{k.name}"'
        where: list[str] = []
        params: list[Any] = []
        if not q.include_deleted:
            where.append(live_clause(k, table))
        if q.org_id:
            if not k.org_field:
                raise UserError("bad_argument", detail=f"「{k.label}」は団体で絞り込めません。")
            # Its own records and, for an issue, those it shares (services/shared.py).
            clause, org_params = org_condition(k, table, q.org_id)
            where.append(clause)
            params += org_params
        if q.statuses:
            f = status_field(k)
            if f is None:
                raise UserError("bad_argument", detail=f"「{k.label}」には状態の項目がありません。")
            unknown = [s for s in q.statuses if s not in f.choices]
            if unknown:
                raise ValidationError(
                    f.name, f.label, "次のいずれかを指定してください：" + "、".join(f.choices)
                )
            where.append(f'{table}."{f.name}" IN ({", ".join("?" * len(q.statuses))})')
            params += list(q.statuses)
        if q.date_from or q.date_to:
            self._period(k, q, where, params)
        terms = terms_of(q.text)
        if terms:
            self._text(k, terms, where, params)
        return k, where, params

    @staticmethod
    def _period(k: Kind, q: ListQuery, where: list[str], params: list[Any]) -> None:
        if not k.date_field:
            raise UserError("bad_argument", detail=f"「{k.label}」は期間で絞り込めません。")
        f = k.field(k.date_field)
        col = f'"{k.name}"."{f.name}"'
        lo = _parse_bound("date_from", "期間（開始日）", q.date_from)
        hi = _parse_bound("date_to", "期間（終了日）", q.date_to)
        if f.type == FieldType.MONTH:
            # YYYY-MM: a month is in the period if it overlaps it.
            if lo:
                where.append(f"{col} >= ?")
                params.append(lo[:7])
            if hi:
                where.append(f"{col} <= ?")
                params.append(hi[:7])
            return
        if lo:
            where.append(f"{col} >= ?")
            params.append(lo)
        if hi:
            # "< the next day" holds for dates and for date-times (2025-11-25T18:00) alike.
            where.append(f"{col} < ?")
            params.append((parse_date(hi) + timedelta(days=1)).isoformat())

    @staticmethod
    def _text(k: Kind, terms: list[str], where: list[str], params: list[Any]) -> None:
        # The search's own clause: folded terms, the full-text index, LIKE for short terms.
        clause, clause_params = text_condition(k, f'"{k.name}"', terms)
        where.append(clause)
        params += clause_params

    @staticmethod
    def _order(k: Kind, q: ListQuery) -> tuple[str, list[Any]]:
        table = f'"{k.name}"'
        if q.order_by is None:
            if k.date_field:
                return f'{table}."{k.date_field}" DESC, {table}.rid DESC', []
            return f"{table}.rid", []
        if q.order_by not in sortable(k):
            raise UserError(
                "bad_argument",
                detail=f"「{k.label}」は指定された項目で並べ替えできません。",
            )
        direction = "DESC" if q.descending else "ASC"
        params: list[Any] = []
        if q.order_by in SORTABLE_SYSTEM_COLUMNS:
            expr = f'{table}."{q.order_by}"'
        else:
            f = k.field(q.order_by)
            col = f'{table}."{f.name}"'
            if f.type == FieldType.ORG:
                # The official code order (市 first, then 郡 by 郡), which is how lists of
                # municipalities are read here; names would sort by their kanji's code points.
                expr = f"(SELECT o.code FROM organisation o WHERE o.id = {col})"
            elif f.type == FieldType.REF and f.ref:
                target = kind(f.ref)
                expr = f'(SELECT t."{target.title}" FROM "{target.name}" t WHERE t.id = {col})'
            elif f.type == FieldType.CHOICE and f.choices:
                # The declared order (未対応, 対応中, 完了 ...), not the kana code points.
                whens = " ".join("WHEN ? THEN ?" for _ in f.choices)
                expr = f"(CASE {col} {whens} ELSE NULL END)"
                for i, choice in enumerate(f.choices):
                    params += [choice, i]
            else:
                expr = col
        # Empty values last either way; rid keeps equal values in a stable order.
        return f"{expr} {direction} NULLS LAST, {table}.rid {direction}", params


def _parse_bound(name: str, label: str, text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    try:
        return parse_date(text).isoformat()
    except ValueError:
        raise ValidationError(name, label, _DATE_HINT) from None


__all__ = [
    "HIGH",
    "OVERDUE",
    "URGENCY_LABELS",
    "ListQuery",
    "ListService",
    "display_row",
    "display_value",
    "has_urgency",
    "initial_query",
    "sortable",
    "status_field",
    "urgency",
]
