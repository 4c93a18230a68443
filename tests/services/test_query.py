"""List queries: counts and pages agree, filters combine, sorting and filtering happen in SQL."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import pytest

from dxdesk.core.model import ISSUE_STATUSES, FieldType, Kind, Record, Value, kind, validate
from dxdesk.core.textfold import fold
from dxdesk.errors import UserError, ValidationError
from dxdesk.services.profile import Profile
from dxdesk.services.query import ListQuery, ListService, display_row, sortable, status_field
from dxdesk.services.records import RecordService

N_VISITS = 1_200
NOTES = (
    "住民記録システムの標準化について、移行スケジュールを確認した。",
    "ガバメントクラウド接続の回線費用が想定を超過している。",
    "宮崎県との共同調達について意見交換を行った。",
    "Excel の集計マクロを RPA に置き換える検討。",
    "窓口のフロントヤード改革の進め方を協議。",
    "",
)
TITLES = ("定例訪問", "標準化ヒアリング", "移行打合せ", "研修の事前調整", "現地支援")
MODES = ("訪問", "オンライン", "電話")
PURPOSES = ("ヒアリング", "定例訪問", "打合せ", None)
SYSTEMS: tuple[list[str], ...] = (["住民基本台帳"], ["固定資産税", "個人住民税"], [])


@dataclass
class Data:
    profile: Profile
    service: ListService
    visits: list[Record]  # in insertion (rid) order, as stored
    deleted: set[str]
    org_codes: dict[str, str]
    org_names: dict[str, str]
    staff_names: dict[str, str]

    def live(self) -> list[Record]:
        return [v for v in self.visits if v["id"] not in self.deleted]

    def position(self) -> dict[str, int]:
        return {str(v["id"]): i for i, v in enumerate(self.visits)}


def _insert(profile: Profile, kind_name: str, rows: list[dict[str, object]]) -> list[Record]:
    k = kind(kind_name)
    out = []
    with profile.database.transaction():
        for values in rows:
            record = validate(k, values)
            record_id = profile.records.insert(k, record).record_id
            out.append({"id": record_id, **record})
    return out


@pytest.fixture
def data(profile: Profile) -> Data:
    rng = random.Random(7)
    orgs = profile.database.query("SELECT id, code, name FROM organisation ORDER BY rid")
    owner = profile.meta["owner_staff_id"]
    second = _insert(profile, "staff", [{"name": "青木 花子", "role": "伴走支援"}])[0]["id"]
    staff = [owner, str(second), None]
    start = date(2025, 4, 1)
    rows: list[dict[str, object]] = []
    for i in range(N_VISITS):
        org = orgs[rng.randrange(len(orgs))]
        rows.append(
            {
                "date": (start + timedelta(days=rng.randrange(365))).isoformat(),
                "org_id": org["id"],
                "mode": rng.choice(MODES),
                "purpose": rng.choice(PURPOSES),
                "title": f"{rng.choice(TITLES)} 第{i}回",
                "notes": rng.choice(NOTES),
                "staff_id": rng.choice(staff),
                "systems": rng.choice(SYSTEMS),
                "hours": rng.choice((None, 0.5, 1.0, 1.5, 2.25, 3.0)),
                "start_time": rng.choice((None, "09:00", "13:30")),
            }
        )
    visits = _insert(profile, "visit", rows)
    return Data(
        profile=profile,
        service=ListService(profile),
        visits=visits,
        deleted=set(),
        org_codes={str(o["id"]): str(o["code"]) for o in orgs},
        org_names={str(o["id"]): str(o["name"]) for o in orgs},
        staff_names={owner: "山田 太郎", str(second): "青木 花子"},
    )


def _ids(records: list[Record]) -> list[str]:
    return [str(r["id"]) for r in records]


def _all_pages(service: ListService, q: ListQuery, size: int) -> list[Record]:
    out: list[Record] = []
    while True:
        page = service.page(q, len(out), size)
        out += page
        if len(page) < size:
            return out


# ------------------------------------------------------------------ counts and pages


def test_count_and_pages_agree(data: Data) -> None:
    q = ListQuery("visit")
    assert data.service.count(q) == N_VISITS
    rows = _all_pages(data.service, q, 250)
    assert len(rows) == N_VISITS
    assert len(set(_ids(rows))) == N_VISITS  # no row twice, none skipped
    assert data.service.page(q, N_VISITS, 200) == []
    assert len(data.service.page(q, N_VISITS - 5, 200)) == 5


def test_default_order_is_newest_first(data: Data) -> None:
    rows = data.service.page(ListQuery("visit"), 0, N_VISITS)
    dates = [str(r["date"]) for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert rows[0]["id"] in _ids(data.visits)


def test_page_records_are_whole_records(data: Data) -> None:
    first = data.service.page(ListQuery("visit", order_by="title", descending=False), 0, 1)[0]
    stored = next(v for v in data.visits if v["id"] == first["id"])
    for name in kind("visit").field_names:
        assert first[name] == stored[name], name


def test_negative_offset_or_limit_is_refused(data: Data) -> None:
    with pytest.raises(ValueError):
        data.service.page(ListQuery("visit"), -1, 10)
    with pytest.raises(ValueError):
        data.service.page(ListQuery("visit"), 0, -10)


# ------------------------------------------------------------------ filters


def _expect(data: Data, keep: Callable[[Record], bool]) -> set[str]:
    return {str(v["id"]) for v in data.live() if keep(v)}


def _got(data: Data, q: ListQuery) -> set[str]:
    rows = data.service.page(q, 0, 10_000)
    assert data.service.count(q) == len(rows)
    return set(_ids(rows))


def test_filter_by_organisation(data: Data) -> None:
    org = str(data.visits[0]["org_id"])
    got = _got(data, ListQuery("visit", org_id=org))
    assert got == _expect(data, lambda v: v["org_id"] == org)
    assert got


def test_filter_by_period_inclusive(data: Data) -> None:
    q = ListQuery("visit", date_from="2025-11-01", date_to="2025-11-30")
    got = _got(data, q)
    assert got == _expect(data, lambda v: "2025-11-01" <= str(v["date"]) <= "2025-11-30")
    assert got
    # One side only.
    assert _got(data, ListQuery("visit", date_from="2026-03-01")) == _expect(
        data, lambda v: str(v["date"]) >= "2026-03-01"
    )
    assert _got(data, ListQuery("visit", date_to="2025-04-30")) == _expect(
        data, lambda v: str(v["date"]) <= "2025-04-30"
    )


def test_period_accepts_wareki(data: Data) -> None:
    iso = ListQuery("visit", date_from="2025-11-01", date_to="2025-11-25")
    wareki = ListQuery("visit", date_from="令和7年11月1日", date_to="R7.11.25")
    assert _got(data, iso) == _got(data, wareki)


def test_bad_period_is_a_validation_error(data: Data) -> None:
    with pytest.raises(ValidationError) as err:
        data.service.count(ListQuery("visit", date_from="2025-13-45"))
    assert err.value.field == "date_from"
    with pytest.raises(ValidationError):
        data.service.page(ListQuery("visit", date_to="きのう"), 0, 10)


def test_filters_combine(data: Data) -> None:
    org = str(data.visits[3]["org_id"])
    q = ListQuery("visit", org_id=org, date_from="2025-06-01", date_to="2026-01-31", text="標準化")

    def keep(v: Record) -> bool:
        return (
            v["org_id"] == org
            and "2025-06-01" <= str(v["date"]) <= "2026-01-31"
            and any("標準化" in _text(v, f) for f in kind("visit").search_fields)
        )

    assert _got(data, q) == _expect(data, keep)
    # Each filter alone gives more rows than all of them together.
    together = data.service.count(q)
    for alone in (
        ListQuery("visit", org_id=org),
        ListQuery("visit", date_from="2025-06-01", date_to="2026-01-31"),
        ListQuery("visit", text="標準化"),
    ):
        assert data.service.count(alone) > together


def _text(record: Record, name: str) -> str:
    value = record.get(name)
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


@pytest.mark.parametrize(
    "text",
    [
        "標準化",  # trigram index
        "ガバメントクラウド",
        "宮崎",  # two characters: LIKE
        "県",  # one character
        "標準化　住民",  # full-width space between a long and a short term
        "rpa",  # ASCII, any case
        "固定資産税",  # inside a list field
        "第10回",
        "ＲＰＡ",  # full width, the way an IME types it: the same rows as rpa
        "ｶﾞﾊﾞﾒﾝﾄ",  # half-width katakana
        "ｽｹｼﾞｭｰﾙ",
    ],
)
def test_text_filter_in_japanese(data: Data, text: str) -> None:
    # The reference: every term, folded as core/textfold.py folds, inside some field's text.
    terms = fold(text).split()
    fields = kind("visit").search_fields

    def keep(v: Record) -> bool:
        return all(any(t in fold(_text(v, f)) for f in fields) for t in terms)

    expected = _expect(data, keep)
    assert expected
    assert _got(data, ListQuery("visit", text=text)) == expected


@pytest.mark.parametrize("text", ["%", "_", "\\", 'a"b', "NEAR(x y)", "* OR *", "'); --"])
def test_text_filter_treats_syntax_as_text(data: Data, text: str) -> None:
    # LIKE wildcards and FTS5 operators are searched for literally, never interpreted.
    assert data.service.count(ListQuery("visit", text=text)) == 0
    assert data.service.count(ListQuery("visit")) == N_VISITS


def test_blank_text_is_no_filter(data: Data) -> None:
    assert data.service.count(ListQuery("visit", text=" \u3000 ")) == N_VISITS


def _issues(profile: Profile) -> list[Record]:
    org = profile.database.query("SELECT id FROM organisation ORDER BY rid LIMIT 1")[0]["id"]
    rows: list[dict[str, object]] = []
    for i in range(40):
        rows.append(
            {
                "org_id": org,
                "title": f"課題 {i}",
                "status": ISSUE_STATUSES[i % 4],
                "priority": ("高", "中", "低", None)[i % 4 if i % 3 else 3],
                "raised_on": f"2025-{i % 12 + 1:02d}-10",
                "due_date": None if i % 5 == 0 else f"2026-0{i % 3 + 1}-{i % 28 + 1:02d}",
                "system_code": "01" if i % 2 else None,
            }
        )
    return _insert(profile, "issue", rows)


def test_filter_by_status(profile: Profile) -> None:
    issues = _issues(profile)
    service = ListService(profile)
    for statuses in (("未対応",), ("未対応", "対応中", "保留"), ISSUE_STATUSES):
        got = set(_ids(service.page(ListQuery("issue", statuses=statuses), 0, 100)))
        assert got == {str(i["id"]) for i in issues if i["status"] in statuses}
        assert service.count(ListQuery("issue", statuses=statuses)) == len(got)


def test_unknown_status_and_status_on_a_kind_without_one(profile: Profile) -> None:
    service = ListService(profile)
    with pytest.raises(ValidationError):
        service.count(ListQuery("issue", statuses=("done' OR 1=1 --",)))
    with pytest.raises(UserError):
        service.count(ListQuery("visit", statuses=("完了",)))
    assert status_field(kind("visit")) is None
    field = status_field(kind("consultation"))
    assert field is not None and "完了" in field.choices


def test_filters_a_kind_cannot_take_are_refused(profile: Profile) -> None:
    service = ListService(profile)
    with pytest.raises(UserError):
        service.count(ListQuery("staff", org_id="x"))
    with pytest.raises(UserError):
        service.count(ListQuery("staff", date_from="2025-04-01"))


def test_period_on_a_datetime_field_includes_the_last_day(profile: Profile) -> None:
    org = profile.database.query("SELECT id FROM organisation ORDER BY rid LIMIT 1")[0]["id"]
    base = {"channel": "電話", "org_id": org, "category": "eLTAX", "status": "未対応"}
    _insert(
        profile,
        "consultation",
        [
            {**base, "received_at": "2025-11-24 23:59", "topic": "前日"},
            {**base, "received_at": "2025-11-25 00:00", "topic": "当日朝"},
            {**base, "received_at": "2025-11-25 18:30", "topic": "当日夕"},
            {**base, "received_at": "2025-11-26 00:00", "topic": "翌日"},
        ],
    )
    service = ListService(profile)
    rows = service.page(
        ListQuery("consultation", date_from="2025-11-25", date_to="2025-11-25"), 0, 10
    )
    assert sorted(str(r["topic"]) for r in rows) == ["当日夕", "当日朝"]


def test_period_on_a_month_field(profile: Profile) -> None:
    goal = _insert(profile, "goal", [{"fy": 2025, "title": "研修参加者数"}])[0]["id"]
    _insert(
        profile,
        "goal_progress",
        [{"goal_id": goal, "month": f"2025-{m:02d}", "value": m} for m in range(4, 13)],
    )
    service = ListService(profile)
    rows = service.page(
        ListQuery("goal_progress", date_from="2025-06-15", date_to="2025-08-01"), 0, 20
    )
    assert sorted(str(r["month"]) for r in rows) == ["2025-06", "2025-07", "2025-08"]


# ------------------------------------------------------------------ deleted rows


def test_deleted_rows_are_hidden(data: Data) -> None:
    records = RecordService(data.profile)
    gone = [str(v["id"]) for v in data.visits[::97]]
    for record_id in gone:
        records.delete("visit", record_id)
    data.deleted.update(gone)
    q = ListQuery("visit")
    assert data.service.count(q) == N_VISITS - len(gone)
    assert not set(gone) & set(_ids(_all_pages(data.service, q, 300)))
    # Also under every filter: text, organisation, ordering.
    for filtered in (
        ListQuery("visit", text="標準化"),
        ListQuery("visit", org_id=str(data.visits[0]["org_id"])),
        ListQuery("visit", order_by="title", descending=False),
    ):
        assert not set(gone) & _got(data, filtered)
    # A restore brings a row back; a trash view may ask for tombstones explicitly.
    records.restore("visit", gone[0])
    assert data.service.count(q) == N_VISITS - len(gone) + 1
    assert data.service.count(replace(q, include_deleted=True)) == N_VISITS


# ------------------------------------------------------------------ ordering


def _sort_key(data: Data, k: Kind, name: str) -> Callable[[Record], Any]:
    f = k.field(name)
    choices = {c: i for i, c in enumerate(f.choices)}

    def key(r: Record) -> Any:
        value: Value = r.get(name)
        if f.type == FieldType.ORG:
            return data.org_codes.get(str(value))
        if f.type == FieldType.REF:
            return data.staff_names.get(str(value)) if value else None
        if f.type == FieldType.CHOICE:
            return choices.get(str(value)) if value is not None else None
        if f.type == FieldType.LIST:
            return json.dumps(value or [], ensure_ascii=False)
        if f.type == FieldType.BOOL:
            return None if value is None else int(bool(value))
        return value

    return key


def _expected_order(data: Data, k: Kind, name: str, descending: bool) -> list[str]:
    key = _sort_key(data, k, name)
    pos = data.position()
    rows = data.live()
    present = [r for r in rows if key(r) is not None]
    empty = [r for r in rows if key(r) is None]
    present.sort(key=lambda r: (key(r), pos[str(r["id"])]), reverse=descending)
    empty.sort(key=lambda r: pos[str(r["id"])], reverse=descending)
    return _ids(present) + _ids(empty)  # empty values last in both directions


@pytest.mark.parametrize("name", kind("visit").field_names)
def test_ordering_by_each_column(data: Data, name: str) -> None:
    k = kind("visit")
    for descending in (False, True):
        q = ListQuery("visit", order_by=name, descending=descending)
        got = _ids(_all_pages(data.service, q, 500))
        assert got == _expected_order(data, k, name, descending), descending


def test_ordering_by_choice_follows_the_declared_order(profile: Profile) -> None:
    _issues(profile)
    service = ListService(profile)
    rows = service.page(ListQuery("issue", order_by="status", descending=False), 0, 100)
    statuses = [str(r["status"]) for r in rows]
    assert statuses == sorted(statuses, key=ISSUE_STATUSES.index)
    rows = service.page(ListQuery("issue", order_by="priority", descending=True), 0, 100)
    priorities = [r["priority"] for r in rows]
    assert priorities[-1] is None  # empty last
    present = [str(p) for p in priorities if p is not None]
    assert present == sorted(present, key=("高", "中", "低").index, reverse=True)


def test_ordering_and_filter_together(data: Data) -> None:
    q = ListQuery("visit", text="宮崎", order_by="org_id", descending=False)
    rows = _all_pages(data.service, q, 100)
    codes = [data.org_codes[str(r["org_id"])] for r in rows]
    assert codes == sorted(codes)
    assert {str(r["id"]) for r in rows} == _got(data, ListQuery("visit", text="宮崎"))


@pytest.mark.parametrize("kind_name", ["issue", "consultation", "time", "organisation", "staff"])
def test_every_list_column_of_other_kinds_sorts(profile: Profile, kind_name: str) -> None:
    service = ListService(profile)
    k = kind(kind_name)
    for name in (*k.list_columns, *sortable(k)):
        for descending in (False, True):
            service.page(ListQuery(kind_name, order_by=name, descending=descending), 0, 10)


@pytest.mark.parametrize(
    "order_by",
    [
        "date; DROP TABLE visit",
        "date DESC",
        "rid",
        "id",
        "(SELECT 1)",
        'notes"',
        "_clocks",
        "",
        "DATE",
        "date -- ",
    ],
)
def test_malicious_order_by_is_refused(data: Data, order_by: str) -> None:
    with pytest.raises((UserError, ValueError)):
        data.service.page(ListQuery("visit", order_by=order_by), 0, 10)
    assert data.service.count(ListQuery("visit")) == N_VISITS  # nothing was dropped


# ------------------------------------------------------------------ display


def test_display_row(data: Data) -> None:
    v = next(x for x in data.visits if x["systems"] and x["hours"] and x["staff_id"])
    k = kind("visit")
    columns = ["date", "org_id", "staff_id", "systems", "hours", "purpose", "notes"]
    names = data.service.names(k, [v], columns)
    cells = display_row(k, v, columns, names)
    assert cells[0] == v["date"]
    assert cells[1] == data.org_names[str(v["org_id"])]
    assert cells[2] == data.staff_names[str(v["staff_id"])]
    assert cells[3] == "、".join(v["systems"])  # type: ignore[arg-type]
    assert cells[4] == f"{v['hours']:g}"
    assert cells[5] == (v["purpose"] or "")
    assert cells[6] == (v["notes"] or "")


def test_display_row_kinds_of_values(profile: Profile) -> None:
    service = ListService(profile)
    org = profile.database.query("SELECT id, name FROM organisation ORDER BY rid LIMIT 1")[0]
    owner = profile.meta["owner_staff_id"]
    entry = _insert(
        profile,
        "time",
        [
            {
                "date": "2025-11-25",
                "staff_id": owner,
                "org_id": org["id"],
                "hours": 7.5,
                "on_site": True,
            }
        ],
    )[0]
    cells = display_row(
        "time",
        entry,
        kind("time").list_columns,
        service.names("time", [entry], kind("time").list_columns),
    )
    assert cells == ["2025-11-25", "山田 太郎", org["name"], "7.5", "はい", ""]
    issue = _issues(profile)[1]
    cells = display_row("issue", issue, ["system_code", "due_date"], {})
    assert cells == ["住民基本台帳", str(issue["due_date"])]
    consult = _insert(
        profile,
        "consultation",
        [
            {
                "received_at": "2025-11-25 13:30",
                "channel": "電話",
                "org_id": org["id"],
                "category": "eLTAX",
                "status": "未対応",
                "topic": "申告",
            }
        ],
    )[0]
    assert display_row("consultation", consult, ["received_at"], {}) == ["2025-11-25 13:30"]
    assert display_row("time", {**entry, "on_site": False}, ["on_site"], {}) == ["いいえ"]


def test_organisations_in_code_order(profile: Profile) -> None:
    orgs = ListService(profile).organisations()
    assert len(orgs) == 28
    codes = {
        str(r["id"]): str(r["code"])
        for r in profile.database.query("SELECT id, code FROM organisation")
    }
    assert [codes[i] for i, _ in orgs] == sorted(codes.values())
