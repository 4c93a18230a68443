"""Monthly snapshots of the matrix rebuilt from the change log, and the difference of two
months, on histories constructed through the services with the day and the clock set."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dxdesk.core.clock import JST
from dxdesk.core.hlc import HybridClock
from dxdesk.errors import UserError
from dxdesk.services.phrases import japanese
from dxdesk.services.profile import Profile
from dxdesk.services.progress import ProgressService, behind_text, diff_json


def _on(profile: Profile, day: date) -> ProgressService:
    """The services as on ``day``: its default date, and the change log's clock at noon JST
    that day (a fresh clock: every record written here is new, so no stamp goes backwards)."""
    noon = int(datetime(day.year, day.month, day.day, 12, tzinfo=JST).timestamp() * 1000)
    profile.records.clock = HybridClock(wall=lambda: noon)
    return ProgressService(profile, day)


def _history(profile: Profile) -> None:
    # January: 高千穂町 住民記録 steps 1-5 done, 6 under way; 宮崎市 住民記録 1-3 done.
    _on(profile, date(2026, 1, 20)).set_steps("高千穂町", "住民記録", "1-5", "完了済み")
    _on(profile, date(2026, 1, 21)).set_steps("高千穂町", "住民記録", "6", "作業中")
    _on(profile, date(2026, 1, 22)).set_steps("宮崎市", "住民記録", "1-3", "完了済み")
    # February: 高千穂町 6-8 done; 宮崎市 nothing (it stalls); a note alone moves nothing.
    _on(profile, date(2026, 2, 10)).set_steps("高千穂町", "01", "6-8", "完了済み")
    _on(profile, date(2026, 2, 12)).set_steps("宮崎市", "01", "3", "完了済み", note="確認済み")
    # March: 高千穂町 step 8 was a mistake (back to 作業中); 宮崎市 goes live on 個人住民税.
    _on(profile, date(2026, 3, 5)).set_steps("高千穂町", "01", "8", "作業中")
    _on(profile, date(2026, 3, 9)).set_fields("宮崎市", "個人住民税", {"live": True})
    # 2 April: February's step 9 of 高千穂町, entered late with the day it was reached.
    _on(profile, date(2026, 4, 2)).set_steps("高千穂町", "01", "9", "完了済み", "2026-02-27")


def _cell(service: ProgressService, month: str | None, org: str, code: str) -> tuple:
    m = service.matrix(month)
    org_id = next(o.id for o in m.orgs if o.name == org)
    c = m.cell(org_id, code)
    return (c.counts.done, c.counts.working, c.furthest_step, c.live, c.counts.completion_rate)


def test_each_month_as_it_stood(profile: Profile) -> None:
    _history(profile)
    s = ProgressService(profile, date(2026, 4, 15))
    assert _cell(s, "2025-12", "高千穂町", "01") == (0, 0, None, False, 0.0)
    assert _cell(s, "2026-01", "高千穂町", "01") == (5, 1, 5, False, 12.5)
    # February's end knows step 9 (reached 27 February, recorded in April).
    assert _cell(s, "2026-02", "高千穂町", "01") == (9, 0, 9, False, 22.5)
    assert _cell(s, "2026-03", "高千穂町", "01") == (8, 1, 9, False, 20.0)
    assert _cell(s, "2026-03", "高千穂町", "01") == _cell(s, None, "高千穂町", "01")
    assert _cell(s, "2026-01", "宮崎市", "01") == (3, 0, 3, False, 7.5)
    assert _cell(s, "2026-02", "宮崎市", "04")[3] is False
    assert _cell(s, "2026-03", "宮崎市", "04")[3] is True
    # The current month stands at today; a month to come is refused with a sentence.
    assert _cell(s, "2026-04", "高千穂町", "01") == _cell(s, None, "高千穂町", "01")
    with pytest.raises(UserError) as e:
        s.matrix("2026-05")
    assert e.value.code == "progress_future_month"
    with pytest.raises(UserError) as e:
        s.matrix("2026-13")
    assert e.value.code == "bad_month"


def test_the_difference_of_two_months(profile: Profile) -> None:
    _history(profile)
    s = ProgressService(profile, date(2026, 4, 15))
    d = diff_json(s.diff("2026-01", "2026-02"))
    changed = {(c["org_name"], c["system_code"]): c for c in d["changed"]}
    assert set(changed) == {("高千穂町", "01")}
    t = changed[("高千穂町", "01")]
    assert t["completion_rate"] == {"from": 12.5, "to": 22.5}
    assert t["furthest_step"] == {"from": 5, "to": 9}
    assert t["completed_steps"] == [6, 7, 8, 9] and t["reopened_steps"] == []
    # 宮崎市's 住民記録 did not move in February (the note is not a move): it stalled.
    assert [(c["org_name"], c["system_code"]) for c in d["stalled"]] == [("宮崎市", "01")]
    d = diff_json(s.diff("2026-02", "2026-03"))
    changed = {(c["org_name"], c["system_code"]): c for c in d["changed"]}
    assert set(changed) == {("高千穂町", "01"), ("宮崎市", "04")}
    assert changed[("高千穂町", "01")]["reopened_steps"] == [8]
    assert changed[("高千穂町", "01")]["furthest_step"] == {"from": 9, "to": 9}
    assert changed[("宮崎市", "04")]["live"] == {"from": False, "to": True}
    assert changed[("宮崎市", "04")]["completion_rate"] == {"from": 0.0, "to": 0.0}
    with pytest.raises(UserError) as e:
        s.diff("2026-03", "2026-02")
    assert e.value.code == "progress_diff_order"


def test_a_deleted_step_is_gone_from_the_months_after(profile: Profile) -> None:
    from dxdesk.services.records import RecordService

    s = _on(profile, date(2026, 1, 10))
    s.set_steps("高千穂町", "01", "1-2", "完了済み")
    record = next(x.record_id for x in s.detail("高千穂町", "01").steps if x.no == 2)
    assert record is not None
    _on(profile, date(2026, 2, 3))
    RecordService(profile).delete("step_status", record)
    s = ProgressService(profile, date(2026, 3, 1))
    assert _cell(s, "2026-01", "高千穂町", "01")[0] == 2
    assert _cell(s, "2026-02", "高千穂町", "01")[0] == 1


def test_one_rows_refresh_equals_the_whole_matrix(profile: Profile) -> None:
    s = ProgressService(profile, date(2026, 3, 1))
    s.set_steps("宮崎市", "01", "1-5", "完了済み", "2026-01-10")
    m = s.matrix()
    s.set_steps("高千穂町", "02", "1-20", "作業中")
    s.set_fields("高千穂町", "02", {"planned_go_live": "2027-01-01"})
    org = s.records.resolve_org("高千穂町")
    partial, whole = s.refresh_org(m, org), s.matrix()
    assert partial.cells == whole.cells
    assert partial.by_org(org).counts.working == 20


def test_a_rate_that_dropped_since_last_month_needs_attention(profile: Profile) -> None:
    from dxdesk.services.attention import AttentionService

    _on(profile, date(2026, 1, 10)).set_steps("高千穂町", "01", "1-8", "完了済み")
    service = AttentionService(profile, date(2026, 2, 20))
    assert [e for e in service.entries(compare=True) if e.system_code is None] == []
    # February: the eight steps were recorded by mistake (a correction, back to 作業中).
    _on(profile, date(2026, 2, 12)).set_steps("高千穂町", "01", "1-8", "作業中")
    service = AttentionService(profile, date(2026, 2, 20))
    town = service.progress.records.resolve_org("高千穂町")
    assert service.previous_rates()[town] == 1.1  # 8 of 18 cells x 40 steps
    drops = [e for e in service.entries(compare=True) if e.system_code is None]
    assert [(e.org_name, e.reasons[0].code) for e in drops] == [("高千穂町", "rate_drop")]
    assert "1.1%から0.0%" in drops[0].reasons[0].text
    assert [e for e in service.entries() if e.system_code is None] == []  # no comparison asked


def test_the_systems_fields_as_they_stood_at_each_month_end(profile: Profile) -> None:
    """運用開始, 特定移行支援, the planned go-live and the vendor of a past month are the values
    recorded by its end (from the change log), not today's: each change counts from the day it
    was recorded, and the marks (期限後, 遅れ, the vendor's cells) follow."""
    from dxdesk.services.progress import vendor_cells, vendor_names
    from dxdesk.services.records import RecordService

    _on(profile, date(2025, 12, 1))
    records = RecordService(profile)
    first = records.add("vendor", {"name": "株式会社第一電算"}).record_id
    second = records.add("vendor", {"name": "株式会社第二システム"}).record_id
    # December: planned after the deadline, the first vendor.
    _on(profile, date(2025, 12, 10)).set_fields(
        "綾町", "住民記録", {"planned_go_live": "2026-06-01", "vendor_id": first}
    )
    # January: 特定移行支援 with its reason and target, the second vendor.
    _on(profile, date(2026, 1, 15)).set_fields(
        "綾町",
        "01",
        {
            "special_support": True,
            "special_reason": "メインフレーム",
            "special_target": "2027-03-31",
            "vendor_id": second,
        },
    )
    # February: the plan changes back (no 特定移行支援, go-live in March), and it goes live.
    _on(profile, date(2026, 2, 20)).set_fields(
        "綾町", "01", {"special_support": False, "planned_go_live": "2026-03-01"}
    )
    _on(profile, date(2026, 3, 2)).set_fields("綾町", "01", {"live": True})
    s = ProgressService(profile, date(2026, 3, 20))

    def at(month: str) -> tuple:
        m = s.matrix(month)
        org = next(o for o in m.orgs if o.name == "綾町")
        c = m.cell(org.id, "01")
        vendors = [v.vendor for v in vendor_cells(m, vendor_names(s)) if v.org.id == org.id]
        planned = c.planned_go_live.isoformat() if c.planned_go_live else None
        return (c.recorded, planned, c.special_support, c.deadline_risk, c.live, vendors)

    assert at("2025-11") == (False, None, False, False, False, [])
    assert at("2025-12") == (True, "2026-06-01", False, True, False, ["株式会社第一電算"])
    assert at("2026-01") == (True, "2026-06-01", True, False, False, ["株式会社第二システム"])
    assert at("2026-02") == (True, "2026-03-01", False, False, False, ["株式会社第二システム"])
    # March stands at today: live, as the records are now.
    assert at("2026-03") == (True, "2026-03-01", False, False, True, ["株式会社第二システム"])

    # The marks are judged with that month's plan: December's target is the planned go-live
    # (計画立案 due 18 months before it), January's the 特定移行支援 target.
    def behind(month: str) -> tuple[str, ...]:
        m = s.matrix(month)
        org = next(o for o in m.orgs if o.name == "綾町")
        return tuple(japanese(behind_text(b)) for b in m.cell(org.id, "01").behind)

    assert "2024-12-01" in behind("2025-12")[0]
    assert len(behind("2026-01")) == 1 and "2025-09-30" in behind("2026-01")[0]
