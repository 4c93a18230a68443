from __future__ import annotations

import pytest

from dxdesk.core import reference
from dxdesk.core.model import (
    KINDS,
    FieldType,
    check_rules,
    coerce,
    hours_from_times,
    kind,
    validate,
)
from dxdesk.errors import UserError, ValidationError


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
    assert hours_from_times({"start_time": "10:00", "end_time": "11:30"}) == 1.5
    assert hours_from_times({"start_time": "10:00"}) is None


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
