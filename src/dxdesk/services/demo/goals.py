"""The demo's goals, their monthly progress and the case studies of intensive support.

Progress is counted from what the other stages produced (consultations, participants,
intensive-support days, go-lives, theme groups), so the figures a report shows agree with the
records behind them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from dxdesk.services.demo.plan import Row
from dxdesk.services.demo.state import Demo
from dxdesk.services.demo.year import FY, ONE_DAY, fy_months

# ------------------------------------------------------------------------------ goals


def add_goals(demo: Demo) -> None:
    rng = demo.rng
    specs = demo.t["goals"]
    month_ends = [date(y, mo, 1) + timedelta(days=32) for y, mo in fy_months()]
    month_ends = [d.replace(day=1) - ONE_DAY for d in month_ends]
    bansou_live = [c for c in demo.cells if c.live and c.org.bansou]
    series: dict[str, list[float]] = {
        "consultations": [float(sum(1 for d in demo.consult_dates if d <= e)) for e in month_ends],
        "participants": [
            float(sum(n for d, n in demo.training_days if d <= e)) for e in month_ends
        ],
        "intensive_days": [
            float(sum(1 for v in demo.visits if v.tag == "intensive" and v.date <= e))
            for e in month_ends
        ],
        "live_cells": [float(sum(1 for c in bansou_live if c.go_live <= e)) for e in month_ends],
        "frontyard": [float(sum(1 for m in demo.frontyard.values() if m <= i)) for i in range(12)],
        "ai": [float(sum(1 for m in demo.ai_trials.values() if m <= i)) for i in range(12)],
    }
    live_target = math.ceil((len(bansou_live) + rng.randint(6, 12)) / 10) * 10
    rows: list[Row] = []
    for g in specs:
        target = live_target if g["key"] == "live_cells" else g["target"]
        rows.append(
            {
                "fy": FY,
                "title": g["title"],
                "category": g["category"],
                "description": g["description"],
                "target_value": target,
                "unit": g["unit"],
                # Agreed with the prefecture before general DX support began (6(2)).
                "indicator": f"年度当初からの累計（{g['unit']}）",
                "baseline": 0,
                "agreed_on": "2025-04-25",
                "agreement_version": "第1版",
            }
        )
    ids = demo.add("goal", rows)
    progress: list[Row] = []
    for g, row, goal_id in zip(specs, rows, ids, strict=True):
        values = series[str(g["key"])]
        target = float(str(row["target_value"]))
        before = 0.0
        for (year, month), value in zip(fy_months(), values, strict=True):
            pct = round(value / target * 100) if target else 0
            pace = _pace(g, pct, len(progress) % 12)
            comment = demo.pick(demo.strs("goal_comments", pace))
            # The month in three parts (月次作業報告書 §4): what was done, where the goal
            # stands, what comes next.
            progress.append(
                {
                    "goal_id": goal_id,
                    "month": f"{year:04d}-{month:02d}",
                    "value": value,
                    "actions": f"{month}月は{g['title']}に向けて取組を進め、"
                    f"当月の増加は{value - before:g}{g['unit']}でした。",
                    "achievement": f"{month}月末時点の累計は{value:g}{g['unit']}"
                    f"（目標比{pct}%）です。{comment}",
                    "next_steps": NEXT_STEPS.get(pace, NEXT_STEPS["behind"]),
                }
            )
            before = value
    demo.add("goal_progress", progress)


# The month's next steps by how the goal is doing (ahead, on track, behind).
NEXT_STEPS = {
    "ahead": "現在の取組を継続し、未着手の団体への横展開を図ります。",
    "on_track": "計画どおり支援を継続し、各団体の進捗を月次で確認します。",
    "behind": "未着手の団体へ個別に働きかけ、遅れている取組の支援を強化します。",
}


def _pace(goal: Mapping[str, Any], pct: int, month_index: int) -> str:
    """Which comment fits a cumulative value: against a straight line to the target."""
    expected = (month_index + 1) / 12 * 100
    if pct >= expected * 1.1:
        return "ahead"
    if pct >= expected * 0.85:
        return "on_track"
    return "live_cells" if goal["key"] == "live_cells" else "behind"


# ------------------------------------------------------------------------------ case studies


def add_case_studies(demo: Demo) -> None:
    rows: list[Row] = []
    for cs in demo.t["case_studies"]:
        org = demo.org_by_code[str(cs["org"])]
        rows.append(
            {
                "org_id": org.id,
                "engagement_id": demo.engagement_ids.get(org.id),
                "title": cs["title"],
                "status": cs["status"],
                "background": cs["background"],
                "approach": cs["approach"],
                "results": cs["results"],
                "lessons": cs["lessons"],
            }
        )
    demo.add("case_study", rows)
