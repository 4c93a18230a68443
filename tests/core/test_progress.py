"""core.progress: the national rate on constructed cells, 対象外 by rule, the marks."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dxdesk.core import progress, reference
from dxdesk.core.progress import Behind

TOWN = {"id": "t", "code": "454419", "org_kind": "町", "welfare_office": False}
CITY = {"id": "c", "code": "452017", "org_kind": "市", "welfare_office": True}
DIVISION_13 = {"id": "d", "code": "450006-13", "org_kind": "県", "welfare_office": False}
TODAY = date(2025, 11, 25)


def steps(*statuses: str, on: str = "2025-06-30") -> list[dict[str, Any]]:
    return [
        {"step_no": n, "status": s, "updated_on": on, "note": ""}
        for n, s in enumerate(statuses, start=1)
    ]


def test_all_not_applicable_is_complete() -> None:
    cell = progress.make_cell(CITY, "01", {}, steps(*["対象外"] * 40), TODAY)
    assert cell.counts.completion_rate == 100.0
    assert cell.furthest_step is None  # nothing reached, though the rate is full


def test_none_recorded_is_not_started_not_blank() -> None:
    cell = progress.make_cell(CITY, "01", None, [], TODAY)
    assert cell.applies and not cell.recorded
    assert cell.counts == progress.StepCounts(not_started=40)
    assert (cell.counts.completion_rate, cell.counts.not_started_rate) == (0.0, 100.0)
    assert cell.state == progress.STATE_UNRECORDED


def test_mixed_counts_done_plus_not_applicable_over_forty() -> None:
    # 20 done, 5 対象外, 3 working, the rest (12) without a row: 未着手.
    rows = steps(*(["完了済み"] * 20 + ["対象外"] * 5 + ["作業中"] * 3))
    cell = progress.make_cell(CITY, "01", {"planned_go_live": "2026-12-01"}, rows, TODAY)
    assert cell.counts == progress.StepCounts(20, 3, 12, 5)
    assert cell.counts.completion_rate == 62.5  # (20 + 5) / 40
    assert cell.counts.working_rate == 7.5
    assert cell.counts.not_started_rate == 30.0
    assert cell.furthest_step == 20
    assert cell.state == progress.STATE_WORKING


def test_the_rate_differs_from_done_over_applicable() -> None:
    # 宮崎市's case in miniature: the old formula 完了 / (40 - 対象外) gives less.
    rows = steps(*(["完了済み"] * 30 + ["対象外"] * 8 + ["未着手"] * 2))
    c = progress.make_cell(CITY, "01", {}, rows, TODAY).counts
    assert c.completion_rate == 95.0
    assert round(30 / 32 * 100, 1) == 93.8


def test_rounding_is_half_up() -> None:
    assert progress.percent(1, 8) == 12.5
    assert progress.percent(1, 16) == 6.3  # 6.25 -> 6.3, not banker's 6.2
    assert progress.percent_label(94.5) == "95%"
    assert progress.percent_label(94.25) == "94%"
    assert progress.percent(0, 0) == 0.0


def test_town_welfare_systems_are_not_applicable_by_rule() -> None:
    prefecture_runs = {s.code for s in reference.business_systems() if s.prefecture_runs}
    assert prefecture_runs == {"13", "16"}
    for code in ("13", "16"):
        cell = progress.make_cell(TOWN, code, None, [], TODAY)
        assert not cell.applies and cell.state == progress.STATE_NOT_APPLICABLE
        assert progress.make_cell(CITY, code, None, [], TODAY).applies
    assert progress.make_cell(TOWN, "01", None, [], TODAY).applies
    # A division runs only the system named for it in resources/prefecture_divisions.csv.
    assert [c for c in ("01", "13", "16") if progress.applies("県", False, "450006-13", c)] == [
        "13"
    ]
    # Rows held for a cell the rule excludes are flagged, and never counted.
    odd = progress.make_cell(TOWN, "13", {"live": True}, steps("完了済み"), TODAY)
    assert odd.records_against_rule and progress.total([odd]) == progress.StepCounts()


def test_live_is_kept_apart_from_the_rate() -> None:
    rows = steps(*(["完了済み"] * 39))
    cell = progress.make_cell(CITY, "01", {"live": True}, rows, TODAY)
    assert cell.live and cell.state == progress.STATE_LIVE
    assert cell.counts.completion_rate == 97.5  # step 40 not recorded: the rate says so


def test_deadline_risk_needs_a_late_plan_without_special_support() -> None:
    late = {"planned_go_live": "2026-07-01"}
    assert progress.make_cell(CITY, "01", late, [], TODAY).deadline_risk
    special = {**late, "special_support": True, "special_reason": "メインフレーム"}
    assert not progress.make_cell(CITY, "01", special, [], TODAY).deadline_risk
    on_time = {"planned_go_live": "2026-03-31"}
    assert not progress.make_cell(CITY, "01", on_time, [], TODAY).deadline_risk
    assert not progress.make_cell(CITY, "01", {**late, "live": True}, [], TODAY).deadline_risk


def test_behind_plan() -> None:
    planning_done = ["完了済み"] * 13
    procurement_done = planning_done + ["完了済み"] * 16
    go = {"planned_go_live": "2026-10-01"}
    # 12 months before: 2025-10-01; procurement (steps 14-29) not done by then -> behind.
    cell = progress.make_cell(CITY, "01", go, steps(*planning_done), TODAY)
    assert cell.behind_plan and cell.behind[0].phase == "システム選定・調達"
    assert not progress.make_cell(CITY, "01", go, steps(*procurement_done), TODAY).behind_plan
    # Before the lead time, nothing is late yet.
    later = {"planned_go_live": "2027-06-01"}
    assert not progress.make_cell(CITY, "01", later, steps(*planning_done), TODAY).behind_plan
    # A passed go-live without 運用開始 is late whatever the steps say.
    passed = progress.make_cell(CITY, "01", {"planned_go_live": "2025-10-01"}, [], TODAY)
    assert passed.behind == (Behind(date(2025, 10, 1)),)  # the target passed, not live
    # 特定移行支援: measured against its own target date, not the original plan.
    special = {"planned_go_live": "2025-10-01", "special_support": True}
    assert not progress.make_cell(
        CITY, "01", {**special, "special_target": "2029-03-31"}, [], TODAY
    ).behind_plan
    # No date, no plan to be behind.
    assert not progress.make_cell(CITY, "01", {}, [], TODAY).behind_plan


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], {"計画立案": 0.0, "システム選定・調達": 0.0, "移行": 0.0}),
        (["完了済み"] * 13, {"計画立案": 100.0, "システム選定・調達": 0.0, "移行": 0.0}),
        (["対象外"] * 40, {"計画立案": 100.0, "システム選定・調達": 100.0, "移行": 100.0}),
    ],
)
def test_phase_counts(statuses: list[str], expected: dict[str, float]) -> None:
    cells = [progress.make_cell(CITY, "01", {}, steps(*statuses), TODAY)]
    cells.append(progress.make_cell(TOWN, "13", {}, steps(*statuses), TODAY))  # not counted
    got = {phase: c.completion_rate for phase, c in progress.phase_counts(cells)}
    assert got == expected
    sizes = {phase: c.total for phase, c in progress.phase_counts(cells)}
    assert sizes == {"計画立案": 13, "システム選定・調達": 16, "移行": 11}
