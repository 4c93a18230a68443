"""The demo's time sheet: every staff member's hours, day by day, for the whole year.

Written after the visits, trainings and meetings because it books what they planned (visits
with their travel, trainings, meetings) and fills each working day to a plausible total with
desk work.
"""

from __future__ import annotations

from dxdesk.core.model import VISIT_ACTIVITY
from dxdesk.services.demo.plan import Row, Visit
from dxdesk.services.demo.state import Demo


def _travel_hours(demo: Demo, visit: Visit, staff: str) -> float:
    travel = demo.t["travel_hours"]
    if visit.tag == "intensive" and staff == visit.staff:
        return float(travel["stationed"])
    by_org: dict[str, float] = travel["org"]
    by_area: dict[str, float] = travel["area"]
    return float(by_org.get(visit.org.code, by_area.get(visit.org.area, 1.0)))


def add_time_entries(demo: Demo) -> None:
    rng = demo.rng
    activity = dict(VISIT_ACTIVITY)  # the rule a visit books its own entry by
    for v in demo.visits:
        for key in v.ours:
            plan = demo.time_plan[(key, v.date)]
            plan.append((v.hours, activity[v.purpose], v.org.id, v, v.mode == "訪問", v.title))
            if v.mode == "訪問":
                plan.append(
                    (
                        _travel_hours(demo, v, key),
                        "移動",
                        v.org.id,
                        v,
                        False,
                        f"{v.org.name}への移動（往復）",
                    )
                )
    desk = demo.strs("time_desk")
    internal = demo.strs("time_internal")
    rows: list[Row] = []
    for day in demo.open_days:
        for key in ["lead", *demo.consultant_keys]:
            if day in demo.leave[key]:
                continue
            plan = list(demo.time_plan.get((key, day), []))
            if key == "lead" and not plan and rng.random() < 0.6:
                continue  # the lead also manages other contracts
            target = (
                rng.choice((7.0, 7.5, 7.5, 8.0)) if key != "lead" else rng.choice((2.0, 3.0, 4.0))
            )
            rest = target - sum(p[0] for p in plan)
            visit = next((p[3] for p in plan if p[3] is not None), None)
            if rest >= 0.5:
                if visit is not None:
                    plan.append(
                        (
                            rest,
                            "資料作成",
                            visit.org.id,
                            visit,
                            False,
                            f"{visit.org.name} 訪問記録の作成",
                        )
                    )
                elif rest > 4.5 and rng.random() < 0.5:
                    meet = rng.choice((1.0, 1.5))
                    plan.append((meet, "会議", None, None, False, demo.pick(internal)))
                    plan.append((rest - meet, "資料作成", None, None, False, demo.pick(desk)))
                else:
                    plan.append((rest, "資料作成", None, None, False, demo.pick(desk)))
            for hours, act, org_id, linked, on_site, note in plan:
                rows.append(
                    {
                        "date": day.isoformat(),
                        "staff_id": demo.staff_ids[key],
                        "org_id": org_id,
                        "hours": max(0.25, round(hours * 4) / 4),
                        "on_site": on_site,
                        "activity": act,
                        "visit_id": linked.id if linked is not None else None,
                        "note": note,
                    }
                )
    demo.add("time", rows)
