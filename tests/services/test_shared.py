"""An issue shared by several municipalities (6(2)ア⑤) is one record that shows under each
(services/shared.py): the organisation's list, the tree's figure, its overview, the cell's
issues and ``list --org``, on a real store; totals count it once."""

from __future__ import annotations

from datetime import date

from dxdesk.core.model import kind
from dxdesk.services.overview import OverviewService
from dxdesk.services.profile import Profile
from dxdesk.services.query import ListQuery, ListService, initial_query
from dxdesk.services.records import RecordService
from dxdesk.services.shared import Shared, org_condition, shared, sharing_kind

TODAY = date(2025, 11, 25)


def _issues(profile: Profile) -> tuple[RecordService, dict[str, str], dict[str, str]]:
    """都城市's open issue shared with 三股町 and 高原町, 三股町's own open issue, and 都城市's
    closed issue shared with 三股町."""
    records = RecordService(profile)
    orgs = {n: records.resolve_org(n) for n in ("都城市", "三股町", "高原町", "綾町")}

    def add(org: str, title: str, status: str, related: tuple[str, ...] = ()) -> str:
        values = {"org_id": org, "title": title, "status": status}
        if status == "完了":
            values["closed_on"] = "2025-11-20"
        rid = records.add("issue", {**values, "raised_on": "2025-11-01"}).record_id
        if related:
            records.set_members("issue", rid, dict.fromkeys(related, True))
        return rid

    ids = {
        "shared": add(
            orgs["都城市"], "ベンダの改修スケジュールの遅れ", "対応中", ("三股町", "高原町")
        ),
        "own": add(orgs["三股町"], "窓口端末の更新", "未対応"),
        "closed": add(orgs["都城市"], "接続回線の共同調達", "完了", ("三股町",)),
    }
    return records, orgs, ids


def test_the_model_says_which_kinds_are_shared() -> None:
    assert sharing_kind(kind("issue")) == kind("related_org")
    assert sharing_kind(kind("consultation")) == kind("consultation_related_org")
    # Memberships of kinds without an organisation of their own share nothing.
    for name in ("group", "training", "visit", "proposal"):
        assert sharing_kind(kind(name)) is None, name
    sql, params = org_condition(kind("visit"), "visit", "o1")
    assert (sql, params) == ('"visit"."org_id" = ?', ["o1"])


def test_a_shared_issue_shows_under_each_organisation_and_counts_once(profile: Profile) -> None:
    records, orgs, ids = _issues(profile)
    lists = ListService(profile)

    def listed(org: str, *, open_only: bool = True) -> list[str]:
        q = initial_query("issue", orgs[org]) if open_only else ListQuery("issue", orgs[org])
        assert lists.count(q) == len(lists.page(q, 0, 100))
        return sorted(str(r["id"]) for r in lists.page(q, 0, 100))

    assert listed("都城市") == [ids["shared"]]
    assert listed("三股町") == sorted([ids["shared"], ids["own"]])
    assert listed("高原町") == [ids["shared"]]
    assert listed("綾町") == []
    assert listed("三股町", open_only=False) == sorted(ids.values())
    # Over every organisation: each record once.
    assert lists.count(initial_query("issue")) == 2
    assert lists.count(ListQuery("issue")) == 3
    # The tree's figures: each organisation's own and shared open issues.
    badges = {b.name: b.open_issues for b in OverviewService(profile, today=TODAY).organisations()}
    assert (badges["都城市"], badges["三股町"], badges["高原町"], badges["綾町"]) == (1, 2, 1, 0)
    # The CLI's list reads the same rule.
    assert sorted(r["id"] for r in records.list_records("issue", org="高原町")) == [ids["shared"]]
    # The organisation's overview names the shared one with its 主担当団体 first.
    ov = OverviewService(profile, today=TODAY).org_overview(orgs["高原町"], "2025-11")
    assert ov.open_issue_count == 1
    [line] = ov.open_issues
    assert line["shared_names"] == ["都城市", "三股町", "高原町"]
    own = OverviewService(profile, today=TODAY).org_overview(orgs["三股町"], "2025-11")
    assert {i["title"]: i["shared_names"] for i in own.open_issues} == {
        "ベンダの改修スケジュールの遅れ": ["都城市", "三股町", "高原町"],
        "窓口端末の更新": [],
    }


def test_the_mark_names_the_lead_organisation_and_how_many_others(profile: Profile) -> None:
    records, orgs, ids = _issues(profile)
    k = kind("issue")
    rows = [records.get("issue", i) for i in ids.values()]
    marks = shared(profile.database, k, rows)
    assert set(marks) == {ids["shared"], ids["closed"]}
    assert marks[ids["shared"]] == Shared(orgs["都城市"], (orgs["三股町"], orgs["高原町"]))
    names = records.org_names()
    assert marks[ids["shared"]].japanese(names) == "共有：都城市ほか2団体"
    assert marks[ids["closed"]].japanese(names) == "共有：都城市ほか1団体"
    # Taken off the issue, 高原町 no longer holds it; naming the lead organisation itself as
    # related shares nothing.
    records.set_members("issue", ids["shared"], {"高原町": False})
    lists = ListService(profile)
    assert lists.count(initial_query("issue", orgs["高原町"])) == 0
    records.set_members("issue", ids["own"], {"三股町": True})
    again = shared(profile.database, k, [records.get("issue", ids["own"])])
    assert again == {}
    assert lists.count(initial_query("issue", orgs["三股町"])) == 2
    # A deleted issue shows under none of them.
    records.delete("issue", ids["shared"])
    assert lists.count(initial_query("issue", orgs["三股町"])) == 1
    badges = {b.name: b.open_issues for b in OverviewService(profile, today=TODAY).organisations()}
    assert (badges["都城市"], badges["三股町"]) == (0, 1)


def test_a_consultation_several_towns_bring_shows_under_each(profile: Profile) -> None:
    """A question common to one vendor's users is answered once (6(2)ア⑤): the consultation
    is in each organisation's list, marked as shared, and the list over all holds it once."""
    records = RecordService(profile)
    orgs = {n: records.resolve_org(n) for n in ("都城市", "三股町", "高原町")}
    values = {
        "received_at": "2025-11-10T10:00",
        "channel": "メール",
        "category": "標準化・共通化",
        "topic": "同じベンダの帳票様式の変更について",
        "status": "未対応",
    }
    asked = records.add("consultation", {**values, "org_id": orgs["都城市"]}).record_id
    records.set_members("consultation", asked, {"三股町": True})
    own = records.add(
        "consultation", {**values, "org_id": orgs["三股町"], "topic": "窓口の案内表示"}
    ).record_id
    lists = ListService(profile)

    def listed(org: str | None) -> list[str]:
        q = ListQuery("consultation", orgs[org] if org else None)
        assert lists.count(q) == len(lists.page(q, 0, 100))
        return sorted(str(r["id"]) for r in lists.page(q, 0, 100))

    assert listed("三股町") == sorted([asked, own])
    assert listed("都城市") == [asked]
    assert listed("高原町") == []
    assert listed(None) == sorted([asked, own])  # once over every organisation
    mark = shared(profile.database, kind("consultation"), [records.get("consultation", asked)])
    assert mark == {asked: Shared(orgs["都城市"], (orgs["三股町"],))}
    assert mark[asked].japanese(records.org_names()) == "共有：都城市ほか1団体"
    # Removed from the share, it is 都城市's alone again.
    records.set_members("consultation", asked, {"三股町": False})
    assert listed("三股町") == [own]
