from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from dxdesk.core import reference
from dxdesk.core.clock import JST
from dxdesk.core.model import (
    KINDS,
    FieldType,
    Record,
    check,
    check_rules,
    coerce,
    declaration_problems,
    default_values,
    derived_value,
    fill_derived,
    kind,
    validate,
)
from dxdesk.errors import InvalidRecord, UserError, ValidationError


def test_every_kind_is_well_formed() -> None:
    names = set()
    for k in KINDS:
        assert k.name not in names
        names.add(k.name)
        field_names = k.field_names
        assert len(set(field_names)) == len(field_names), k.name
        assert k.title in field_names, k.name
        assert k.date_field is None or k.date_field in field_names
        assert k.org_field is None or k.field(k.org_field).type == FieldType.ORG
        for c in k.list_columns:
            assert c in field_names, (k.name, c)
        for f in k.fields:
            assert f.label, (k.name, f.name)
            assert not f.name.startswith("_")
            if f.type == FieldType.CHOICE:
                assert f.choices, (k.name, f.name)
            if f.type == FieldType.REF:
                assert f.ref and kind(f.ref), (k.name, f.name)


def test_issue_lists_every_record_kind_the_contract_needs() -> None:
    wanted = {
        "organisation",
        "visit",
        "issue",
        "consultation",
        "time",
        "training",
        "expert",
        "goal",
        "goal_progress",
        "meeting",
        "system_status",
        "step_status",
        "engagement",
        "case_study",
        "vendor",
        "group",
        "closed_day",
        "staff",
        "contact",
    }
    assert wanted <= {k.name for k in KINDS}


def test_aliases_and_unknown_kind() -> None:
    assert kind("hearing").name == "visit"
    assert kind("TIME").name == "time"
    with pytest.raises(UserError) as err:
        kind("widget")
    assert err.value.code == "unknown_kind"


@pytest.mark.parametrize(
    ("ftype", "raw", "expected"),
    [
        (FieldType.DATE, "令和7年11月25日", "2025-11-25"),
        (FieldType.DATE, "２０２５／１１／２５", "2025-11-25"),
        (FieldType.TIME, "9:05", "09:05"),
        (FieldType.TIME, "１３：３０", "13:30"),
        (FieldType.DATETIME, "2025-11-25 14:30", "2025-11-25T14:30"),
        (FieldType.DATETIME, "R7.11.25", "2025-11-25T00:00"),
        (FieldType.MONTH, "2025/4", "2025-04"),
        (FieldType.INT, "１２", 12),
        (FieldType.FLOAT, "1.5", 1.5),
        (FieldType.BOOL, "はい", True),
        (FieldType.BOOL, "0", False),
        (FieldType.LIST, "山田、佐藤, 鈴木", ["山田", "佐藤", "鈴木"]),
        (FieldType.LIST, '["a", "b"]', ["a", "b"]),
        (FieldType.SYSTEM, "住民記録", "01"),
        (FieldType.SYSTEM, "1", "01"),
        (FieldType.SYSTEM, "児童扶養手当", "16"),
    ],
)
def test_coerce_accepts_what_people_type(ftype: FieldType, raw: str, expected: object) -> None:
    from dxdesk.core.model import Field

    assert coerce(Field("x", "項目", ftype), raw) == expected


@pytest.mark.parametrize(
    ("ftype", "raw"),
    [
        (FieldType.DATE, "2025-02-30"),
        (FieldType.DATE, "昨日"),
        (FieldType.TIME, "24:00"),
        (FieldType.TIME, "12:60"),
        (FieldType.MONTH, "2025-13"),
        (FieldType.INT, "1.5"),
        (FieldType.FLOAT, "nan"),
        (FieldType.BOOL, "たぶん"),
        (FieldType.SYSTEM, "21"),
        (FieldType.TEXT, "一行目\n二行目"),
    ],
)
def test_coerce_refuses_with_field_and_reason(ftype: FieldType, raw: str) -> None:
    from dxdesk.core.model import Field

    with pytest.raises(ValidationError) as err:
        coerce(Field("x", "項目", ftype), raw)
    assert err.value.field == "x"
    assert "項目" in err.value.message and err.value.reason in err.value.message


def test_bounds_and_required() -> None:
    t = kind("time")
    with pytest.raises(ValidationError) as err:
        validate(t, {"date": "2025-11-25", "staff_id": "x", "hours": "25"})
    assert err.value.field == "hours"
    with pytest.raises(ValidationError) as err:
        validate(t, {"date": "2025-11-25", "hours": "2"})
    assert err.value.field == "staff_id"
    with pytest.raises(UserError) as uerr:
        validate(t, {"nonsense": "1"})
    assert uerr.value.code == "unknown_field"


def test_cross_field_rules() -> None:
    v = kind("visit")
    with pytest.raises(ValidationError) as err:
        check_rules(v, {"start_time": "10:00", "end_time": "09:30"})
    assert err.value.field == "end_time"
    check_rules(v, {"start_time": "10:00", "end_time": "11:30"})
    c = kind("consultation")
    with pytest.raises(ValidationError):
        check_rules(c, {"received_at": "2025-11-25T10:00", "closed_on": "2025-11-24"})
    assert derived_value(v, "hours", {"start_time": "10:00", "end_time": "11:30"}) == 1.5
    assert derived_value(v, "hours", {"start_time": "10:00"}) is None


def test_choices_are_exact_after_normalisation() -> None:
    i = kind("issue")
    assert coerce(i.field("status"), "対応中") == "対応中"
    with pytest.raises(ValidationError):
        coerce(i.field("status"), "やってる")


def test_reference_data_is_complete() -> None:
    ms = reference.municipalities()
    assert len(ms) == 26
    kinds = [m.kind for m in ms]
    assert (kinds.count("市"), kinds.count("町"), kinds.count("村")) == (9, 14, 3)
    assert {m.name for m in ms if not m.bansou} == {"宮崎市", "都城市"}
    assert all(reference.is_valid_lg_code(m.code) for m in ms)
    assert len(reference.business_systems()) == 20
    steps = reference.procedure_steps()
    assert [s.no for s in steps] == list(range(1, 41))
    assert steps[-1].name == "運用開始ステータス"
    assert [d.system_code for d in reference.prefecture_divisions()] == ["13", "16"]


def test_check_digit_catches_typos() -> None:
    assert reference.is_valid_lg_code("452017")
    assert not reference.is_valid_lg_code("452018")
    assert reference.check_digit("45443") == 5  # 五ヶ瀬町 454435


def test_system_applies_marks_prefecture_run_systems() -> None:
    town = next(m for m in reference.municipalities() if m.name == "綾町")
    city = next(m for m in reference.municipalities() if m.name == "日南市")
    assert not reference.system_applies(town.kind, town.welfare_office, "13")
    assert reference.system_applies(town.kind, town.welfare_office, "01")
    assert reference.system_applies(city.kind, city.welfare_office, "13")


def test_org_name_normalisation() -> None:
    assert reference.normalize_org_name("五ケ瀬町") == reference.normalize_org_name("五ヶ瀬町")
    assert reference.normalize_org_name("五ヵ瀬町") == reference.normalize_org_name("五ヶ瀬町")
    assert reference.normalize_org_name("髙千穂町") == reference.normalize_org_name("高千穂町")
    assert reference.normalize_org_name(" 綾　町 ") == reference.normalize_org_name("綾町")
    assert reference.normalize_org_name("日南市") != reference.normalize_org_name("日向市")


# ---------------------------------------------------------------- meanings the model declares


def test_the_declarations_hold_and_the_check_catches_a_wrong_one() -> None:
    assert declaration_problems() == []
    issue = kind("issue")
    broken = dataclasses.replace(
        issue,
        due_field="title",  # not a date
        owner_field="vendor_id",  # not a staff member
        closed_statuses=("済み",),  # not a choice
        fields=tuple(
            dataclasses.replace(f, default="まだ") if f.name == "status" else f
            for f in issue.fields
        ),
    )
    problems = declaration_problems((*(k for k in KINDS if k is not issue), broken))
    assert len(problems) == 4, problems
    assert any("due_field" in p for p in problems) and any("owner_field" in p for p in problems)


def test_roles_name_the_due_date_owner_and_status() -> None:
    issue = kind("issue")
    assert issue.roles == {
        "status": "status",
        "due": "due_date",
        "owner": "owner_id",
        "priority": "priority",
    }
    owner = issue.field(str(issue.owner_field))
    assert (owner.type, owner.ref, owner.label) == (FieldType.REF, "staff", "担当者")
    assert kind("visit").owner_field == "staff_id" and kind("time").owner_field == "staff_id"
    assert kind("consultation").roles["due"] is None
    # Every kind whose records can be overdue says when, and has a status to say "done".
    for k in KINDS:
        if k.due_field is not None:
            assert k.status_field is not None and k.closed_statuses, k.name


NOW = datetime(2026, 2, 9, 14, 5, tzinfo=JST)


def test_defaults_are_declared_once_and_worked_out_for_a_new_record() -> None:
    assert default_values(kind("visit"), me="s1", now=NOW) == {
        "date": "2026-02-09",
        "mode": "訪問",
        "staff_id": "s1",
    }
    assert default_values(kind("issue"), me="s1", now=NOW) == {
        "status": "未対応",
        "owner_id": "s1",
        "raised_on": "2026-02-09",
    }
    assert default_values(kind("consultation"), me=None, now=NOW) == {
        "received_at": "2026-02-09T14:05",
        "status": "未対応",
    }
    assert default_values(kind("goal_progress"), me="s1", now=NOW) == {"month": "2026-02"}
    assert default_values(kind("organisation"), me="s1", now=NOW) == {}
    # Every default is a value its field accepts as it stands.
    for k in KINDS:
        values = default_values(k, me="00000000-0000-7000-8000-000000000000", now=NOW)
        for name, value in values.items():
            assert coerce(k.field(name), value) == value, (k.name, name)


def test_time_entries_are_append_only_through_the_field_they_name() -> None:
    t = kind("time")
    assert t.append_only and t.supersedes == "supersedes"
    assert t.field("supersedes").ref == "time"
    assert [k.name for k in KINDS if k.append_only] == ["time"]


def test_a_visits_hours_derive_from_its_times() -> None:
    v = kind("visit")
    assert [f.name for f in v.derived_fields] == ["hours"]
    new = validate(v, {"date": "2025-11-25", "org_id": "o", "mode": "訪問", "title": "x"})
    new |= {"start_time": "09:30", "end_time": "11:45"}
    fill_derived(v, new)
    assert new["hours"] == 2.25
    typed = {**new, "hours": 1.0}
    fill_derived(v, typed)
    assert typed["hours"] == 1.0  # typed hours are the user's own
    stored = {"start_time": "09:30", "end_time": "11:30", "hours": 2.0}
    edit: Record = {"end_time": "12:00"}
    fill_derived(v, edit, current=stored)
    assert edit == {"end_time": "12:00", "hours": 2.5}  # derived hours follow the times
    own = {"start_time": "09:30", "end_time": "11:30", "hours": 1.0}
    edit = {"end_time": "12:00"}
    fill_derived(v, edit, current=own)
    assert edit == {"end_time": "12:00"}  # hours typed by hand stay as they were
    notes: Record = {"notes": "追記"}
    fill_derived(v, notes, current={"start_time": "09:30", "end_time": "11:30", "hours": None})
    assert notes == {"notes": "追記"}


def test_check_finds_every_problem_at_once() -> None:
    v = kind("visit")
    checked = check(
        v,
        {
            "date": "2025-13-01",
            "org_id": "",
            "mode": "徒歩",
            "title": "x",
            "start_time": "10:00",
            "end_time": "09:00",
            "hours": "30",
        },
    )
    assert set(checked.field_errors) == {"date", "org_id", "mode", "hours"}
    assert set(checked.rule_errors) == {"end_time"}
    assert [e.field for e in checked.errors] == ["date", "end_time", "org_id", "mode", "hours"]
    assert checked.record["title"] == "x" and "date" not in checked.record
    with pytest.raises(InvalidRecord) as err:
        checked.raise_for_errors()
    assert len(err.value.errors) == 5
    # A refused value takes no part in a rule: only its own problem is named.
    bad_end = check(v, {"start_time": "10:00", "end_time": "9時半"}, partial=True)
    assert list(bad_end.field_errors) == ["end_time"] and not bad_end.rule_errors
    # An edit is checked over the stored record: the rule sees the start already held.
    edit = check(v, {"end_time": "09:00"}, partial=True, current={"start_time": "10:00"})
    assert list(edit.rule_errors) == ["end_time"]
    issue = check(
        kind("issue"), {"raised_on": "2025-10-01", "closed_on": "2025-09-30"}, partial=True
    )
    assert list(issue.rule_errors) == ["closed_on"]
    assert check(v, {"title": "x"}, partial=True).errors == ()


def test_an_issue_raised_from_a_finding_carries_what_the_model_says() -> None:
    visit = kind("visit")
    follow_up = visit.follow_up("findings")
    assert follow_up is not None and follow_up.kind == "issue"
    values = follow_up.values(
        {"org_id": "o1", "date": "2025-11-25", "title": "訪問"}, "v1", "・外字が遅れている\n詳細"
    )
    assert values == {
        "org_id": "o1",
        "raised_on": "2025-11-25",
        "visit_id": "v1",
        "title": "外字が遅れている",
        "description": "・外字が遅れている\n詳細",
    }
    assert visit.follow_up("agenda") is None


def test_a_proposal_raised_from_a_visit_carries_its_date_support_and_person() -> None:
    """「この訪問から提案を登録」: the visit's organisation, date, 支援の種類 and 担当者, linked
    back to the visit; the chosen text as the proposal's content, its first line as 件名."""
    follow_up = kind("visit").follow_up("notes")
    assert follow_up is not None and follow_up.kind == "proposal"
    visit = {"org_id": "o1", "date": "2025-10-02", "support_kind": "IT調達支援", "staff_id": "s1"}
    values = follow_up.values(visit, "v1", "回線の共同調達を提案\n仕様書の共通部分")
    assert values == {
        "org_id": "o1",
        "proposed_on": "2025-10-02",
        "support_kind": "IT調達支援",
        "staff_id": "s1",
        "visit_id": "v1",
        "title": "回線の共同調達を提案",
        "content": "回線の共同調達を提案\n仕様書の共通部分",
    }
    proposal = kind("proposal")
    assert proposal.open_statuses == ("提案済み", "検討中")
    late = check(
        proposal, {"proposed_on": "2025-10-02", "follow_up_on": "2025-10-01"}, partial=True
    )
    assert list(late.rule_errors) == ["follow_up_on"]
