"""The 要注意 list on constructed cells (each rule, its points from progress_rules.json and its
thresholds from the user's settings, the ranking), the matrix workbook read back with openpyxl and its figures recomputed from the raw
rows, and the vendor view against the system records."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dxdesk.core import reference
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
