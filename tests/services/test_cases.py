"""The case library's 同規模自治体 filter (services/cases.py): the band's two ends, a case of one
of the 26 sized from the reference data, a case of unknown size counted and left out, the theme
filter, and an engagement's outcomes as a 支援事例 draft."""

from __future__ import annotations

import pytest

from dxdesk.core import reference
from dxdesk.errors import UserError
from dxdesk.services.cases import CaseService, band_limits
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService


def _case(s: RecordService, title: str, **values: object) -> str:
    base: dict[str, object] = {"title": title, "theme": "フロントヤード改革"}
    return s.add("case", {**base, **values}).record_id


def test_the_reference_holds_the_census_figures_it_names() -> None:
    pops = reference.populations()
    assert pops["452017"] == 401_339  # 宮崎市, 令和2年国勢調査
    assert pops["454010"] == 19_922  # 高鍋町
    assert "454419" not in pops  # 高千穂町: not verified, never guessed
    codes = {m.code for m in reference.municipalities()}
    assert set(pops) <= codes and len(pops) == 21


def test_similar_population_band_ends_and_unknown_sizes(profile: Profile) -> None:
    s = RecordService(profile)
    low, high = band_limits(19_922, 0.5)  # 高鍋町
    assert (low, high) == (13_281, 29_883)
    inside = {
        _case(s, "下端", municipality="A町", prefecture="熊本県", population=low),
        _case(s, "上端", municipality="B市", prefecture="大分県", population=high),
        _case(s, "西都市の事例", org_id="西都市"),  # 28,610 from the reference data
    }
    _case(s, "下端の外", municipality="C町", prefecture="鹿児島県", population=low - 1)
    _case(s, "上端の外", municipality="D市", prefecture="福岡県", population=high + 1)
    _case(s, "宮崎市の事例", org_id="宮崎市")
    _case(s, "規模不明", municipality="E村", prefecture="長野県")
    _case(s, "別テーマ", municipality="F町", population=20_000, theme="AI・RPA")
    found = CaseService(profile).search("高鍋町", "フロントヤード改革")
    assert {c.id for c in found.cases} == inside
    assert (found.reference, found.low, found.high, found.unknown) == (19_922, low, high, 1)
    # Nearest in size first (6,641 / 8,688 / 9,961 away); the theme alone filters too.
    assert [c.title for c in found.cases] == ["下端", "西都市の事例", "上端"]
    assert len(CaseService(profile).search(theme="AI・RPA").cases) == 1
    assert len(CaseService(profile).search().cases) == 8
    assert [c.title for c in CaseService(profile).search("高鍋町", band=0).cases] == []


def test_refusals(profile: Profile) -> None:
    service = CaseService(profile)
    with pytest.raises(UserError) as err:
        service.search("高千穂町")  # no verified reference population
    assert err.value.code == "no_population"
    with pytest.raises(UserError) as err:
        service.search("高鍋町", band=-1)
    assert err.value.code == "bad_argument"
    with pytest.raises(UserError) as err:
        RecordService(profile).add("case", {"title": "場所なし", "theme": "その他"})
    assert err.value.code == "invalid_value"


def test_an_engagements_outcomes_become_a_case_study_draft(profile: Profile) -> None:
    s = RecordService(profile)
    e = s.add(
        "engagement",
        {
            "org_id": "高鍋町",
            "fy": 2025,
            "theme": "書かない窓口",
            "menu": ["課題の抽出・整理", "好事例の紹介"],
            "outcomes": "申請書の記入時間が半減",
            "knowledge_passed": "業務フロー図の書き方",
        },
    ).record_id
    draft = s.get("case_study", CaseService(profile).draft_from_engagement(e).record_id)
    assert draft["title"] == "高鍋町における書かない窓口"
    assert draft["status"] == "作成中" and draft["engagement_id"] == e
    assert draft["results"] == "申請書の記入時間が半減"
    assert draft["approach"] == "支援メニュー：課題の抽出・整理、好事例の紹介"
    with pytest.raises(UserError):
        s.add("engagement", {"org_id": "高鍋町", "fy": 2025, "menu": ["何でも支援"]})


def test_each_listed_child_kind_belongs_to_its_parent() -> None:
    from dxdesk.core.model import kind
    from dxdesk.services.engagement_details import _LINES, DETAIL_CHILDREN

    for parent, children in DETAIL_CHILDREN.items():
        for child in children:
            assert kind(child).parent_kind == parent and child in _LINES, child


def test_a_population_entered_on_the_organisation_takes_the_place_of_the_reference(
    profile: Profile,
) -> None:
    """高千穂町's figure is not verified in resources/populations.csv: once the supervisor enters
    it from e-Stat on the organisation, the filter works for it, and a case of 高千穂町 is sized
    by it; an entered figure also replaces a reference one (the record is the newer fact)."""
    s = RecordService(profile)
    service = CaseService(profile)
    _case(s, "高千穂町の事例", org_id="高千穂町")
    near = _case(s, "近い規模", municipality="G町", prefecture="熊本県", population=12_000)
    with pytest.raises(UserError):
        service.search("高千穂町")
    s.edit("organisation", s.resolve_org("高千穂町"), {"population": 11_642})
    found = service.search("高千穂町")
    assert found.reference == 11_642
    assert {c.title for c in found.cases} == {"高千穂町の事例", "近い規模"}
    assert next(c for c in found.cases if c.id == near).population == 12_000
    assert next(c for c in found.cases if c.title == "高千穂町の事例").population == 11_642
    s.edit("organisation", s.resolve_org("高鍋町"), {"population": 20_000})
    assert service.search("高鍋町").reference == 20_000
    with pytest.raises(UserError):  # a population is a positive number
        s.edit("organisation", s.resolve_org("高鍋町"), {"population": 0})
