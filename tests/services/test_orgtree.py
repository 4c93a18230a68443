"""The organisation tree's shape without Qt: headings, their order, who sits where, and what each
organisation's status and notes say (services/orgtree.py; the window draws exactly this)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dxdesk.services.orgtree import (
    BY_AREA,
    BY_KIND,
    OrgGroup,
    OrgTreeService,
    Phrase,
    Phrased,
    fill,
    group_organisations,
    org_node,
)
from dxdesk.services.overview import OrgBadge
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.services.groups import add_groups

PLAIN = OrgBadge(
    org_id="",
    code="",
    name="",
    org_kind="町",
    area="",
    bansou=False,
    open_issues=0,
    days_on_site=0,
    days_since_visit=None,
    target_days=None,
)


def badge(org_id: str, org_kind: str = "町", area: str = "", **values: Any) -> OrgBadge:
    """A badge named and coded by its id unless ``values`` (OrgBadge's fields) say otherwise."""
    fields = {"code": org_id, "name": org_id, "org_kind": org_kind, "area": area, **values}
    return replace(PLAIN, org_id=org_id, **fields)


# As OverviewService.organisations orders them: by code, the prefecture's divisions last.
BADGES = [
    badge("a1", "市", "北部"),
    badge("a2", "町", "南部"),
    badge("a3", "町", "北部"),
    badge("a4", "村", ""),
    badge("p1", "県"),
    badge("p2", "県"),
]


def shape(groups: list[OrgGroup]) -> list[tuple[str, list[str]]]:
    return [(group.title, [node.org.org_id for node in group.orgs]) for group in groups]


def test_by_area_headings_come_as_their_first_organisation_does() -> None:
    groups = group_organisations(BADGES, BY_AREA)
    assert shape(groups) == [
        ("北部", ["a1", "a3"]),
        ("南部", ["a2"]),
        (Phrase.OTHER, ["a4"]),  # no 圏域 recorded
        (Phrase.PREFECTURE, ["p1", "p2"]),
    ]
    # The tree's own headings are Phrases (translated by the window); the data's are plain text.
    assert [isinstance(group.title, Phrase) for group in groups] == [False, False, True, True]


def test_by_kind_the_prefecture_keeps_its_own_heading() -> None:
    groups = group_organisations(BADGES, BY_KIND)
    assert shape(groups) == [
        ("市", ["a1"]),
        ("町", ["a2", "a3"]),
        ("村", ["a4"]),
        (Phrase.PREFECTURE, ["p1", "p2"]),
    ]


def test_group_records_in_recorded_order_then_the_rest_then_the_prefecture() -> None:
    groups = [
        {"name": "北の連携", "group_type": "生活圏", "members": ["a3", "a1"]},
        {"name": "A社", "group_type": "ベンダ", "members": ["a2"]},  # another grouping
        {"name": "南の連携", "group_type": "生活圏", "members": ["a3", "p2"]},
        {"name": "壊れた", "group_type": "生活圏", "members": "a4"},  # not a list: ignored
    ]
    tree = group_organisations(BADGES, "生活圏", groups)
    assert shape(tree) == [
        ("北の連携", ["a1", "a3"]),  # members in the badges' order, not the record's
        ("南の連携", ["a3", "p2"]),  # one organisation in two groups; a division in a group
        (Phrase.UNGROUPED, ["a2", "a4"]),
        (Phrase.PREFECTURE, ["p1"]),
    ]
    # Nobody is lost, whatever the grouping.
    for grouping in (BY_AREA, BY_KIND, "生活圏", "ベンダ", "テーマ"):
        shown = {
            n.org.org_id for g in group_organisations(BADGES, grouping, groups) for n in g.orgs
        }
        assert shown == {b.org_id for b in BADGES}


def test_a_quiet_organisation_has_no_mark_status_or_notes() -> None:
    node = org_node(badge("x"))
    assert (node.label, node.status, node.notes) == ("x", (), ())
    assert node.status_text() == ""
    assert node.tooltip_lines() == ["x", "x"]  # name, code


def test_status_and_notes_of_a_busy_organisation() -> None:
    hands_on = org_node(
        badge("綾町", bansou=True, open_issues=2, days_on_site=3, days_since_visit=5)
    )
    assert hands_on.label == "綾町●"
    assert hands_on.status == (
        Phrased(Phrase.OPEN_ISSUES, (2,)),
        Phrased(Phrase.DAYS_ON_SITE, (3,)),
        Phrased(Phrase.DAYS_SINCE_VISIT, (5,)),
    )
    assert hands_on.status_text() == "課題2 · 現地3日 · 5日前"
    assert hands_on.tooltip_lines() == ["綾町", "綾町", "● 伴走支援対象"]
    # Under intensive support: ◆ wins over ●, and the days count against the target.
    intensive = org_node(badge("椎葉村", bansou=True, days_on_site=0, target_days=10))
    assert intensive.label == "椎葉村◆"
    assert intensive.status_text() == "現地0/10日"
    assert intensive.tooltip_lines()[2:] == ["● 伴走支援対象", "◆ 集中支援（月10日目標）"]
    # Another face renders the same parts in its own words.
    english = {Phrase.DAYS_ON_SITE_OF_TARGET: "%1/%2 days on site"}
    assert intensive.status_text(lambda p: fill(english[p.phrase], p.numbers)) == (
        "0/10 days on site"
    )


def test_the_service_reads_the_badges_and_the_group_records(profile: Profile) -> None:
    records = RecordService(profile)
    add_groups(records)
    service = OrgTreeService(profile, records=records)
    names = {b.org_id: b.name for b in service.overview.organisations()}
    tree = {g.title: [n.org.name for n in g.orgs] for g in service.groups("生活圏")}
    assert list(tree) == ["宮崎・東諸県", "綾・国富連携", Phrase.UNGROUPED, Phrase.PREFECTURE]
    assert tree["宮崎・東諸県"] == ["宮崎市", "国富町", "綾町"]
    assert tree["綾・国富連携"] == ["綾町"]
    assert len(tree[Phrase.UNGROUPED]) == 26 - 3
    assert len(tree[Phrase.PREFECTURE]) == 2
    assert {n.org.org_id for g in service.groups("ベンダ") for n in g.orgs} == set(names)
    by_area = service.groups(BY_AREA)
    assert "A社利用団体" not in {g.title for g in by_area}
    assert by_area[-1].title is Phrase.PREFECTURE
    assert sum(len(g.orgs) for g in by_area) == len(names) == 28
