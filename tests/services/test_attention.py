"""The 要注意 list on constructed cells (each rule, its points from progress_rules.json and its
thresholds from the user's settings, the ranking), the matrix workbook read back with openpyxl and its figures recomputed from the raw
rows, and the vendor view against the system records."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dxdesk.core import reference
from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services import attention
from dxdesk.services.demo import populate_demo
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.progress import (
    ProgressService,
    vendor_cells,
    vendor_names,
    write_matrix_workbook,
)
from dxdesk.services.records import RecordService
from dxdesk.services.shared import sharing_kind
from dxdesk.settings import Settings
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 2, 15)
RULES = json.loads((reference.RESOURCES / "progress_rules.json").read_text(encoding="utf-8"))
A = attention.rules(Settings())  # the points of the JSON, the default thresholds


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Profile]:
    profile, _ = create_profile(
        ProfilePaths(tmp_path_factory.mktemp("要注意") / "デモ"),
        owner_name="要注意 確認",
        device_name="要注意テスト用PC",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    try:
        populate_demo(profile)
        yield profile
    finally:
        profile.close(backup=False)


def _codes(e: attention.Entry) -> list[str]:
    return [r.code for r in e.reasons]


def test_each_rule_on_constructed_cells(profile: Profile) -> None:
    svc = ProgressService(profile, TODAY)
    # 高千穂町 住民記録: go-live planned after the deadline, no 特定移行支援 -> deadline risk;
    # its steps last moved 2025-06-30, 7 months before TODAY -> stalled (threshold 3).
    svc.set_steps("高千穂町", "住民記録", "1-12", "完了済み", "2025-06-30")
    svc.set_fields("高千穂町", "住民記録", {"planned_go_live": "2026-07-01"})
    # 日之影町 固定資産税: 特定移行支援 with neither reason nor target date.
    svc.set_fields("日之影町", "固定資産税", {"special_support": True})
    # 門川町 住民記録: planned 2025-11-30 and not live -> behind, 2 whole months overdue.
    svc.set_steps("門川町", "住民記録", "1-40", "作業中", "2026-02-01")
    svc.set_fields("門川町", "住民記録", {"planned_go_live": "2025-11-30"})
    # 綾町 住民記録: live -> never listed, however old.
    svc.set_steps("綾町", "住民記録", "1-20", "完了済み", "2024-01-10")
    svc.set_fields("綾町", "住民記録", {"live": True, "planned_go_live": "2024-01-10"})

    entries = attention.AttentionService(profile, TODAY).entries()
    by = {(e.org_name, e.system_code): e for e in entries}
    assert set(by) == {("高千穂町", "01"), ("日之影町", "03"), ("門川町", "01")}

    takachiho = by[("高千穂町", "01")]
    # Both phases are late too (計画立案 due 2025-01-01, 調達 2025-07-01; only steps 1-12 done),
    # each a behind reason without overdue points (the go-live has not passed).
    assert _codes(takachiho) == ["behind", "behind", "deadline_risk", "stalled"]
    assert "計画立案" in takachiho.reasons[0].text and "2025-01-01" in takachiho.reasons[0].text
    stalled = A["stalled"]
    months = 7  # 2025-06-30 -> 2026-02-15
    expected = (
        2 * A["behind_plan"]["points"]
        + A["deadline_risk"]["points"]
        + stalled["points"]
        + min(
            stalled["max_extra_points"],
            (months - stalled["months"]) * stalled["points_per_extra_month"],
        )
    )
    assert takachiho.score == expected
    assert "2026-07-01" in takachiho.reasons[2].text and "特定移行支援" in takachiho.reasons[2].text
    assert "7か月" in takachiho.reasons[3].text and "2025-06-30" in takachiho.reasons[3].text

    hinokage = by[("日之影町", "03")]
    assert _codes(hinokage) == ["special_reason", "special_target"]
    assert hinokage.score == (
        A["special_without_reason"]["points"] + A["special_without_target"]["points"]
    )

    kadogawa = by[("門川町", "01")]
    assert _codes(kadogawa) == ["behind"]  # steps moved 2026-02-01: not stalled
    b = A["behind_plan"]
    assert kadogawa.score == b["points"] + min(
        b["max_overdue_points"], 2 * b["points_per_month_overdue"]
    )
    assert "2025-11-30" in kadogawa.reasons[0].text

    # Ranked by score, highest first; --limit keeps the head.
    assert [e.score for e in entries] == sorted((e.score for e in entries), reverse=True)
    assert attention.AttentionService(profile, TODAY).entries(1) == entries[:1]

    # A target date and a reason clear the 特定移行支援 entry.
    svc.set_fields(
        "日之影町",
        "固定資産税",
        {"special_reason": "メインフレーム", "special_target": "2027-03-31"},
    )
    after = {
        (e.org_name, e.system_code): e for e in attention.AttentionService(profile, TODAY).entries()
    }
    # ... though its plan (target 2027-03-31, no step done) is now judged: behind by phases.
    assert set(_codes(after[("日之影町", "03")])) == {"behind"}


def test_rate_drop_only_with_a_previous_figure(profile: Profile) -> None:
    svc = ProgressService(profile, TODAY)
    svc.set_steps("高千穂町", "住民記録", "1-4", "完了済み", "2026-02-01")
    m = svc.matrix()
    town = next(o for o in m.orgs if o.name == "高千穂町")
    now = m.by_org(town.id).completion_rate  # 4 of 18 cells x 40 steps
    assert now == round(4 * 100 / (18 * 40) + 1e-9, 1)
    assert attention.rank(m, A) == []  # no snapshot: no drop to report
    dropped = attention.rank(m, A, {town.id: now + 2.0})
    assert [(e.org_name, e.system_code, _codes(e)) for e in dropped] == [
        ("高千穂町", None, ["rate_drop"])
    ]
    assert f"{now + 2.0:.1f}%から{now:.1f}%" in dropped[0].reasons[0].text
    # Below the threshold (a rounding wobble) is not a drop.
    small = A["rate_drop"]["min_points"] / 2
    assert attention.rank(m, A, {town.id: now + small}) == []


def test_the_thresholds_are_the_users_settings(profile: Profile) -> None:
    """Changing a setting changes the list the service ranks, and nothing else does."""
    svc = ProgressService(profile, TODAY)
    svc.set_steps("高千穂町", "住民記録", "1-4", "作業中", "2025-06-30")  # 7 months before TODAY
    svc.set_steps("日之影町", "住民記録", "1-4", "作業中", "2025-11-10")  # 3 whole months
    svc.set_steps("門川町", "住民記録", "1-4", "作業中", "2026-01-20")  # less than one month

    def stalled() -> dict[str, int]:
        return {
            e.org_name: r.points
            for e in attention.AttentionService(profile, TODAY).entries()
            for r in e.reasons
            if r.code == "stalled"
        }

    s = A["stalled"]
    assert profile.settings.attention_stalled_months == 3  # the default
    assert stalled() == {
        "高千穂町": s["points"] + min(s["max_extra_points"], 4 * s["points_per_extra_month"]),
        "日之影町": s["points"],
    }
    profile.update_settings(attention_stalled_months=6)
    assert stalled() == {"高千穂町": s["points"] + s["points_per_extra_month"]}
    profile.update_settings(attention_stalled_months=8)
    assert stalled() == {}
    profile.update_settings(attention_stalled_months=1)
    assert set(stalled()) == {"高千穂町", "日之影町"}  # 門川町: 26 days, not a month
    # Saved to the file the CLI reads, and read back from it.
    assert Settings.load(profile.paths.settings).attention_stalled_months == 1

    # The drop of 完了率: 0.5 points below last month is a drop at 0.5, not at the default 1.0.
    m = svc.matrix()
    town = next(o for o in m.orgs if o.name == "高千穂町")
    before = {town.id: m.by_org(town.id).completion_rate + 0.5}
    assert not [e for e in attention.rank(m, A, before) if e.system_code is None]
    profile.update_settings(attention_rate_drop_points=0.5)
    service = attention.AttentionService(profile, TODAY)
    assert [e.org_name for e in service.entries(previous=before) if e.system_code is None] == [
        "高千穂町"
    ]
    assert attention.rules(profile.settings)["rate_drop"]["points"] == A["rate_drop"]["points"]


def test_settings_read_a_whole_number_for_a_fraction(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"attention_rate_drop_points": 2, "attention_stalled_months": 4.5}),
        encoding="utf-8",
    )
    loaded = Settings.load(path)
    assert loaded.attention_rate_drop_points == 2.0  # a hand-written 2 is 2.0
    assert loaded.attention_stalled_months == 3  # a fraction of a month is refused: the default
    replace(loaded, attention_stalled_months=5).save(path)
    assert Settings.load(path).attention_stalled_months == 5


def test_demo_ranking_agrees_with_the_raw_rows(demo: Profile) -> None:
    entries = attention.AttentionService(demo, TODAY).entries()
    assert entries, "the demo year has cells behind plan"
    # Deadline risk recomputed from system_status with SQL of its own.
    risky = {
        (str(r["name"]), str(r["system_code"]))
        for r in demo.database.query(
            "SELECT o.name, s.system_code FROM system_status s JOIN organisation o"
            " ON o.id = s.org_id WHERE s._deleted = 0 AND coalesce(s.live, 0) = 0"
            " AND coalesce(s.special_support, 0) = 0 AND s.planned_go_live > ?",
            (RULES["deadline"]["date"],),
        )
    }
    listed = {(e.org_name, str(e.system_code)) for e in entries if "deadline_risk" in _codes(e)}
    assert listed == risky
    # 特定移行支援 without a target date, from the rows.
    no_target = {
        (str(r["name"]), str(r["system_code"]))
        for r in demo.database.query(
            "SELECT o.name, s.system_code FROM system_status s JOIN organisation o"
            " ON o.id = s.org_id WHERE s._deleted = 0 AND s.special_support = 1"
            " AND coalesce(s.live, 0) = 0 AND s.special_target IS NULL"
        )
    }
    assert {
        (e.org_name, str(e.system_code)) for e in entries if "special_target" in _codes(e)
    } == no_target
    # Milestones overdue, from the rows: a planned 契約 / データ移行 / テスト before TODAY whose
    # step is neither 完了済み nor 対象外, of a cell not live.
    overdue = Counter()
    for field, no in (("planned_contract", 28), ("planned_migration", 34), ("planned_test", 35)):
        for r in demo.database.query(
            f"SELECT o.name, s.system_code FROM system_status s JOIN organisation o"
            f" ON o.id = s.org_id LEFT JOIN step_status t ON t.org_id = s.org_id"
            f" AND t.system_code = s.system_code AND t.step_no = ? AND t._deleted = 0"
            f" WHERE s._deleted = 0 AND coalesce(s.live, 0) = 0 AND s.{field} < ?"
            " AND coalesce(t.status, '未着手') NOT IN ('完了済み', '対象外')",
            (no, TODAY.isoformat()),
        ):
            overdue[(str(r["name"]), str(r["system_code"]))] += 1
    listed_m = Counter(
        {
            (e.org_name, str(e.system_code)): _codes(e).count("milestone")
            for e in entries
            if "milestone" in _codes(e)
        }
    )
    assert listed_m == overdue and overdue, "the demo plans its milestones"
    scores = [e.score for e in entries]
    assert scores == sorted(scores, reverse=True)
    assert all(e.score == sum(r.points for r in e.reasons) > 0 for e in entries)


def test_matrix_workbook_read_back(demo: Profile, tmp_path: Path) -> None:
    svc = ProgressService(demo, TODAY)
    m = svc.matrix()
    target = tmp_path / "出力 先" / "標準化の進捗.xlsx"
    target.parent.mkdir()
    write_matrix_workbook(target, m)
    wb = load_workbook(io.BytesIO(target.read_bytes()))
    assert wb.sheetnames == ["進捗表", "完了率", "団体別", "業務別", "工程別", "凡例"]
    # Raw figures per (org code, system code): done + 対象外 steps, straight from the rows.
    raw: dict[tuple[str, str], int] = {}
    for r in demo.database.query(
        "SELECT o.code, s.system_code, sum(s.status IN ('完了済み', '対象外')) AS n"
        " FROM step_status s JOIN organisation o ON o.id = s.org_id WHERE s._deleted = 0"
        " GROUP BY o.code, s.system_code"
    ):
        raw[(str(r["code"]), str(r["system_code"]))] = int(r["n"])
    rates = wb["完了率"]
    header = [c.value for c in rates[1]]
    assert header[:3] == ["団体コード", "団体名", "団体計（完了率%）"]
    systems = [str(h).split()[0] for h in header[3:]]
    assert systems == [s.code for s in reference.business_systems()]
    rows = list(rates.iter_rows(min_row=2, values_only=True))
    org_rows = [r for r in rows if r[0]]
    assert len(org_rows) == 28
    checked = 0
    col_sums: dict[str, list[int]] = {code: [0, 0] for code in systems}
    for row in org_rows:
        code = str(row[0])
        applying = 0
        done = 0
        for code_s, value in zip(systems, row[3:], strict=True):
            if value is None:
                continue  # 対象外 by rule (or a division's other systems)
            n = raw.get((code, code_s), 0)
            assert value == pytest.approx(round(n * 100 / 40 + 1e-9, 1)), (code, code_s)
            applying += 1
            done += n
            col_sums[code_s][0] += n
            col_sums[code_s][1] += 40
            checked += 1
        assert row[2] == pytest.approx(round(done * 100 / (40 * applying) + 1e-9, 1))
    assert checked == sum(1 for c in m.cells.values() if c.applies)
    summary = next(r for r in rows if r[1] == "業務計（完了率%）")
    for code_s, value in zip(systems, summary[3:], strict=True):
        n, d = col_sums[code_s]
        assert value == pytest.approx(round(n * 100 / d + 1e-9, 1))
    # The label sheet: text cells "rate step marks", marks as words explained in 凡例.
    labels = wb["進捗表"]
    lrows = {str(r[1]): r for r in labels.iter_rows(min_row=2, values_only=True)}
    miyazaki = lrows["宮崎市"]
    assert all(isinstance(v, str) for v in miyazaki[3:])
    first = str(miyazaki[3]).split()
    assert first[0] == f"{rates.cell(2, 4).value:.1f}%"
    town = lrows["高千穂町"]
    assert town[3 + systems.index("13")] == "－"
    behind = sum(1 for c in m.cells.values() if c.behind_plan)
    marked = sum(
        1
        for r in labels.iter_rows(min_row=2, values_only=True)
        if r[0]
        for v in r[3:]
        if isinstance(v, str) and "遅れ" in v
    )
    assert marked == behind
    assert lrows["業務計（計画より遅れ）"][2] == behind
    legend = {r[0]: r[1] for r in wb["凡例"].iter_rows(min_row=2, values_only=True)}
    assert {"遅れ", "特定", "期限後", "運用", "－", "未"} <= set(legend)
    assert "÷40" in str(legend["完了率"])


def test_vendor_view_from_the_system_records(demo: Profile) -> None:
    svc = ProgressService(demo, TODAY)
    m = svc.matrix()
    names = vendor_names(svc)
    items = vendor_cells(m, names)
    expected = set()
    for r in demo.database.query(
        "SELECT s.org_id, s.system_code, s.vendor_id, s.current_vendor_id FROM system_status s"
        " WHERE s._deleted = 0"
    ):
        cell = m.cells[(str(r["org_id"]), str(r["system_code"]))]
        if not cell.applies:
            continue
        if r["vendor_id"]:
            expected.add((str(r["vendor_id"]), "標準準拠", str(r["org_id"]), str(r["system_code"])))
        if r["current_vendor_id"]:
            expected.add(
                (str(r["current_vendor_id"]), "現行", str(r["org_id"]), str(r["system_code"]))
            )
    got = {(v.vendor_id, v.role, v.org.id, v.cell.system_code) for v in items}
    assert got == expected and len(items) == len(expected)
    assert expected, "the demo's systems name their vendors"
    assert [v.vendor for v in items] == sorted(v.vendor for v in items)


def test_a_record_for_a_deleted_vendor_keeps_its_id(profile: Profile) -> None:
    # A vendor removed later: its cells stay listed under the id, not dropped silently.
    records = RecordService(profile)
    vid = records.add("vendor", {"name": "株式会社テスト電算"}).record_id
    ProgressService(profile, TODAY).set_fields("高千穂町", "住民記録", {"vendor_id": vid})
    svc = ProgressService(profile, TODAY)
    items = vendor_cells(svc.matrix(), vendor_names(svc))
    assert [(v.vendor, v.role, v.org.name) for v in items] == [
        ("株式会社テスト電算", "標準準拠", "高千穂町")
    ]
    records.delete("vendor", vid)
    items = vendor_cells(svc.matrix(), vendor_names(svc))
    assert [(v.vendor, v.org.name) for v in items] == [(vid, "高千穂町")]


def _org_reasons(profile: Profile, today: date = TODAY) -> dict[str, list[attention.Reason]]:
    """The organisation-wide entries of the list, by organisation name."""
    return {
        e.org_name: list(e.reasons)
        for e in attention.AttentionService(profile, today).entries()
        if e.system_code is None
    }


def _visit(records: RecordService, org: str, day: str, mode: str = "訪問") -> str:
    values = {"org_id": records.resolve_org(org), "date": day, "mode": mode, "title": "定例訪問"}
    return records.add("visit", values).record_id


def test_open_high_priority_issues_own_and_shared(profile: Profile) -> None:
    """Open issues of priority 高 of an organisation, its own and those naming it among their
    related organisations; closed ones and other priorities do not count."""
    records = RecordService(profile)
    org = records.resolve_org

    def issue(owner: str, title: str, raised: str, **values: object) -> str:
        base = {"org_id": org(owner), "title": title, "raised_on": raised, "priority": "高"}
        return records.add("issue", {**base, **values}).record_id

    assert "high_issues" not in {r.code for rs in _org_reasons(profile).values() for r in rs}
    shared = issue("都城市", "ベンダ改修の遅れ（共同）", "2025-10-01", status="対応中")
    records.set_members("issue", shared, {"三股町": True, "高原町": True})
    issue("三股町", "窓口端末の更新", "2025-12-01")  # 未対応 by default
    issue("三股町", "保留中の調整", "2025-09-15", status="保留")  # 保留 is not done: open
    issue("三股町", "回線の共同調達", "2025-08-01", status="完了", closed_on="2025-11-20")
    issue("三股町", "優先度 中の課題", "2025-07-01", priority="中")
    issue("三股町", "把握日が今日より後", "2026-03-01")  # not raised yet on TODAY

    got = {
        name: [r for r in reasons if r.code == "high_issues"]
        for name, reasons in _org_reasons(profile).items()
    }
    per = A["high_priority_issues"]["points_per_issue"]
    mimata = got["三股町"]
    assert [r.points for r in mimata] == [3 * per]  # shared + 窓口端末 + 保留中
    assert mimata[0].text == (
        "未完了の優先度「高」の課題が3件あります（最も古いもの：「保留中の調整」、把握日 2025-09-15）。"
    )
    assert [r.points for r in got["都城市"]] == [per]  # 宮崎市・都城市 too: issues are not visits
    assert "ベンダ改修の遅れ（共同）" in got["高原町"][0].text
    assert "綾町" not in got
    # Closing the shared issue takes it from all three; the points stop at their cap.
    records.edit("issue", shared, {"status": "完了", "closed_on": "2026-01-10"})
    got = _org_reasons(profile)
    assert "都城市" not in got and "高原町" not in got
    assert "2件" in got["三股町"][0].text
    for n in range(6):
        issue("綾町", f"課題{n}", f"2025-11-0{n + 1}")
    aya = next(r for r in _org_reasons(profile)["綾町"] if r.code == "high_issues")
    assert aya.points == A["high_priority_issues"]["max_points"] < 6 * per
    assert "6件" in aya.text and "「課題0」" in aya.text


def test_no_visit_for_the_weeks_of_the_setting(profile: Profile) -> None:
    """A 伴走支援 target without a visit (any 形態) for attention_no_visit_weeks weeks; 宮崎市,
    都城市 and the prefecture divisions never; an organisation never visited counts from the
    first visit recorded; nothing before any visit is recorded."""
    assert sharing_kind(kind("visit")) is None  # a visit is its organisation's alone
    records = RecordService(profile)
    assert _org_reasons(profile) == {}  # no visit recorded anywhere: nothing to measure
    weeks = Settings().attention_no_visit_weeks
    assert weeks == 8 == A["no_visit"]["weeks"]
    # TODAY is 2026-02-15: 8 weeks before is 2025-12-21.
    _visit(records, "高千穂町", "2025-12-21")  # exactly 8 weeks: listed
    _visit(records, "日之影町", "2025-12-22")  # 7 weeks 6 days: not yet
    _visit(records, "門川町", "2025-12-01", mode="電話")  # 10 weeks (a hearing by telephone)
    _visit(records, "門川町", "2026-03-01")  # planned after TODAY: not a visit held
    _visit(records, "宮崎市", "2025-06-01")  # not a 伴走支援 target
    got = {
        name: next(r for r in reasons if r.code == "no_visit")
        for name, reasons in _org_reasons(profile).items()
        if any(r.code == "no_visit" for r in reasons)
    }
    rule = A["no_visit"]
    assert got["高千穂町"].text == "訪問・ヒアリングの記録が8週間ありません（最終 2025-12-21）。"
    assert got["高千穂町"].points == rule["points"]
    assert got["門川町"].points == rule["points"] + 2 * rule["points_per_extra_week"]
    assert "日之影町" not in got
    # Never visited: from the first visit recorded (宮崎市's, 2025-06-01: 37 weeks).
    assert got["綾町"].text == (
        "訪問・ヒアリングの記録がありません（記録の始まった2025-06-01から37週間）。"
    )
    assert got["綾町"].points == rule["points"] + rule["max_extra_points"]
    m = ProgressService(profile, TODAY).matrix()
    targets = {o.name for o in m.orgs if o.bansou and not o.is_division}
    assert len(targets) == 24
    assert set(got) == targets - {"日之影町"}
    # A deleted visit is no visit; an online one is.
    records.delete("visit", _visit(records, "綾町", "2026-02-14"))
    _visit(records, "高千穂町", "2026-02-01", mode="オンライン")
    again = _org_reasons(profile)
    assert "高千穂町" not in again and "記録の始まった" in again["綾町"][0].text
    # The setting changes the list: 7 weeks lists 日之影町 (7 weeks 6 days), 12 leaves 門川町.
    profile.update_settings(attention_no_visit_weeks=7)
    assert "no_visit" in {r.code for r in _org_reasons(profile)["日之影町"]}
    profile.update_settings(attention_no_visit_weeks=12)
    listed = _org_reasons(profile)
    assert "門川町" not in listed and "日之影町" not in listed and "綾町" in listed
    assert attention.rules(profile.settings)["no_visit"]["weeks"] == 12
    with pytest.raises(UserError) as e:
        profile.update_settings(attention_no_visit_weeks=53)
    assert "訪問・ヒアリングなし" in e.value.message
    assert profile.settings.attention_no_visit_weeks == 12


def test_organisation_reasons_merge_into_one_entry(profile: Profile) -> None:
    """An organisation's own reasons are one entry without a system, ranked among the cells;
    a past month's list holds the matrix's reasons alone."""
    records = RecordService(profile)
    _visit(records, "宮崎市", "2025-06-01")
    records.add(
        "issue",
        {
            "org_id": records.resolve_org("綾町"),
            "title": "庁内体制",
            "priority": "高",
            "raised_on": "2026-01-05",
        },
    )
    svc = ProgressService(profile, TODAY)
    m = svc.matrix()
    aya = next(o for o in m.orgs if o.name == "綾町")
    entries = attention.ranked(svc, m, {aya.id: m.by_org(aya.id).completion_rate + 5})
    mine = [e for e in entries if e.org_name == "綾町"]
    assert len(mine) == 1 and mine[0].system_code is None and mine[0].system_name == ""
    assert _codes(mine[0]) == ["rate_drop", "high_issues", "no_visit"]
    assert mine[0].score == sum(r.points for r in mine[0].reasons)
    assert not mine[0].alert  # red is for a plan slipping
    # A past month's matrix: the organisations' records are today's, so they are left out.
    past = attention.ranked(svc, svc.matrix("2026-01"))
    assert past == []


def test_milestones_overdue(profile: Profile) -> None:
    """A planned 契約 / データ移行 / テスト date passed without its step 完了済み is a reason,
    with points per month overdue; a reached or 対象外 step clears it; 運用開始 is the
    behind-plan reason, not a second one."""
    svc = ProgressService(profile, TODAY)
    svc.set_fields(
        "高千穂町",
        "住民記録",
        {
            "planned_contract": "2025-10-10",  # 4 whole months before TODAY
            "planned_migration": "2026-02-14",  # yesterday: 0 months
            "planned_test": "2026-02-15",  # today: not passed
            "planned_go_live": "2026-03-31",
        },
    )

    def milestones() -> list[attention.Reason]:
        entries = attention.AttentionService(profile, TODAY).entries()
        return [
            r
            for e in entries
            if (e.org_name, e.system_code) == ("高千穂町", "01")
            for r in e.reasons
            if r.code == "milestone"
        ]

    rule = A["milestone_overdue"]
    got = milestones()
    assert [r.text for r in got] == [
        "契約の予定日（2025-10-10）を過ぎましたが、手順⑪-1（ベンダとの契約協議の実施）が"
        "完了していません。",
        "データ移行の予定日（2026-02-14）を過ぎましたが、手順⑭-3（最終データ移行の実施・結果確認）"
        "が完了していません。",
    ]
    assert [r.points for r in got] == [
        rule["points"] + min(rule["max_overdue_points"], 4 * rule["points_per_month_overdue"]),
        rule["points"],
    ]
    entry = next(
        e for e in attention.AttentionService(profile, TODAY).entries() if e.system_code == "01"
    )
    assert entry.alert
    svc.set_steps("高千穂町", "01", "28", "完了済み", "2026-01-05")
    svc.set_steps("高千穂町", "01", "34", "対象外", "2026-01-05")
    assert milestones() == []
    # The go-live passed: one behind-plan reason, no milestone reason for it.
    later = date(2026, 4, 10)
    entries = attention.AttentionService(profile, later).entries()
    codes = [r.code for e in entries if e.system_code == "01" for r in e.reasons]
    assert "milestone" in codes  # テスト (2026-02-15) is now passed
    texts = [r.text for e in entries if e.system_code == "01" for r in e.reasons]
    assert not any(t.startswith("運用開始の予定日") for t in texts)
    assert any("2026-03-31" in t and "運用開始していません" in t for t in texts)
