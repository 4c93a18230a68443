"""The demo's trainings and meetings: the year's events beyond visits.

Trainings come from the fixed programme in the demo text; the monthly report meetings sum up
the month before them (visits, consultations, trainings, go-lives), so they are written after
the field work. Both book their hours into the time plan that ``hours`` turns into entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date

from dxdesk.core.calendar import format_wareki
from dxdesk.core.model import DECISION, OPEN_POINT
from dxdesk.services.demo.plan import Org, Row
from dxdesk.services.demo.state import Demo
from dxdesk.services.demo.text import fill
from dxdesk.services.demo.year import FY, FY_START, ONE_DAY, hhmm, minutes_of, work_hours

# ------------------------------------------------------------------------------ trainings


def _format_of(place: str) -> str:
    """対面 / オンライン / ハイブリッド, as the demo's place text says it."""
    if "併用" in place or "ハイブリッド" in place:
        return "ハイブリッド"
    if "Web" in place or "オンライン" in place:
        return "オンライン"
    return "対面"


def add_trainings(demo: Demo) -> None:
    rng = demo.rng
    rows: list[Row] = []
    for i, tr in enumerate(demo.t["trainings"]):
        day = date.fromisoformat(str(tr["date"]))
        scope = str(tr["scope"])
        if scope == "all":
            pool = list(demo.municipalities)
        elif scope == "bansou":
            pool = [o for o in demo.municipalities if o.bansou]
        else:
            areas = scope.split(",")
            pool = [o for o in demo.municipalities if o.area in areas]
        share = 1.0 if len(pool) <= 8 else rng.uniform(0.6, 0.9)
        orgs = sorted(rng.sample(pool, max(1, round(len(pool) * share))), key=lambda o: o.code)
        planned = int(tr["planned"])
        row: Row = {
            "title": tr["title"],
            "training_type": tr["type"],
            "date": day.isoformat(),
            "start_time": tr["start"],
            "end_time": tr["end"],
            "place": tr["place"],
            # From the place, drawing nothing from the random stream (later stages unchanged).
            "format": _format_of(str(tr["place"])),
            "audience": tr["audience"],
            "org_ids": [o.id for o in orgs],
            "instructor": tr["instructor"],
            "aims": tr["aims"],
            "programme": tr["programme"],
            "planned_participants": planned,
        }
        if "cancelled" in tr:
            row |= {"status": "中止", "issues_found": tr["cancelled"]}
        else:
            participants = round(planned * rng.uniform(0.75, 1.1))
            answers = round(participants * rng.uniform(0.7, 0.95))
            a, c, d = rng.randint(35, 55), rng.randint(2, 8), rng.randint(0, 3)
            b = 100 - a - c - d
            survey = (
                f"回答{answers}件（回収率{round(answers / participants * 100)}%）。"
                f"満足度は「満足」{a}%、「やや満足」{b}%、「やや不満」{c}%、「不満」{d}%でした。"
                + demo.pick(demo.strs("survey_comments"))
            )
            row |= {
                "status": "実施済み",
                "participants": participants,
                "survey_results": survey,
                "issues_found": "".join(
                    rng.sample(demo.strs("training_issues"), rng.randint(1, 2))
                ),
                "proposals": demo.pick(demo.strs("training_proposals")),
            }
            demo.training_days.append((day, participants))
            hours = work_hours(str(tr["start"]), str(tr["end"]))
            for key in demo.training_staff[i]:
                note = f"{tr['title']}の運営"
                demo.time_plan[(key, day)].append((hours + 0.5, "研修", None, None, False, note))
        rows.append(row)
    demo.add_with_members("training", rows, "org_ids")


# ------------------------------------------------------------------------------ meetings


def add_meetings(demo: Demo) -> None:
    rng = demo.rng
    m = demo.t["meeting"]
    pref_people = demo.strs("pref_attendees")
    rows: list[Row] = []
    live_before = [c for c in demo.cells if c.live]
    for idx, day in enumerate(demo.monthly_meetings):
        ours = [
            "lead",
            *[k for k in rng.sample(demo.consultant_keys, 3) if demo.free(k, day)][:2],
        ]
        for key in ours:
            demo.busy[key].add(day)
        if idx == 0:
            title, agenda, minutes = (
                str(m["kickoff_title"]),
                str(m["kickoff_agenda"]),
                str(m["kickoff_minutes"]),
            )
            start, end = "10:00", "11:30"
            report_month = FY_START.month
        else:
            prev = demo.monthly_meetings[idx - 1]
            month_start = date(prev.year, prev.month, 1)
            month_end = day.replace(day=1) - ONE_DAY
            in_month = [v for v in demo.visits if month_start <= v.date <= month_end]
            held = [(d, n) for d, n in demo.training_days if month_start <= d <= month_end]
            training = (
                fill(
                    str(m["monthly_training"]),
                    {"n": len(held), "people": sum(n for _, n in held)},
                )
                if held
                else ""
            )
            ctx = {
                "month": prev.month,
                "visits": len(in_month),
                "intensive": sum(1 for v in in_month if v.tag == "intensive"),
                "consults": sum(1 for d in demo.consult_dates if month_start <= d <= month_end),
                "training": training,
                "live": sum(1 for c in live_before if c.go_live <= month_end),
            }
            title = fill(str(m["monthly_title"]), ctx)
            agenda = fill(str(m["monthly_agenda"]), ctx)
            minutes = fill(str(m["monthly_minutes"]), ctx)
            start, end = "14:00", "15:30"
            report_month = prev.month
        kickoff = idx == 0
        decision_pool = m["kickoff_decisions"] if kickoff else m["monthly_decisions"]
        action_pool = m["kickoff_actions"] if kickoff else m["monthly_actions"]
        decisions = "\n".join(
            fill(s, {"month": report_month}) for s in rng.sample(decision_pool, 2)
        )
        actions = "\n".join(
            fill(s, {"due": demo.due_text(day, rng.randint(5, 10))})
            for s in rng.sample(action_pool, 2)
        )
        if idx + 1 < len(demo.monthly_meetings):
            nxt = demo.monthly_meetings[idx + 1]
            next_meeting = f"{format_wareki(nxt, weekday=True)} 14:00〜 宮崎県庁"
        else:
            next_meeting = "令和8年度 第1回（4月中旬予定）"
        fmt = "対面" if rng.random() < 0.7 else "ハイブリッド"
        rows.append(
            {
                "title": title,
                "meeting_type": "月次報告会",
                "date": day.isoformat(),
                "start_time": start,
                "end_time": end,
                "place": str(m["place"]) + ("（Web会議併用）" if fmt == "ハイブリッド" else ""),
                "format": fmt,
                "attendees_pref": rng.sample(pref_people, rng.randint(2, 3)),
                "attendees_ours": [demo.staff_names[k] for k in ours],
                "agenda": agenda,
                "minutes": minutes,
                "decisions": decisions,
                "action_items": actions,
                "next_meeting": next_meeting,
            }
        )
        for key in ours:
            demo.time_plan[(key, day)].append(
                (work_hours(start, end), "会議", None, None, False, "月次報告会への出席")
            )
    rows += _area_meetings(demo) + _vendor_meetings(demo) + _division_meetings(demo)
    rows.sort(key=lambda r: (str(r["date"]), str(r["start_time"])))
    _add_with_items(demo, rows)


def _add_with_items(demo: Demo, rows: list[Row]) -> None:
    """The meetings, their decisions and open points as meeting_item records (a line of the
    planned texts each), the open points under the meeting's organisation."""
    texts = [(r.pop("decisions", None), r.pop("action_items", None)) for r in rows]
    ids = demo.add("meeting", rows)
    items: list[Row] = []
    for meeting_id, row, (decisions, actions) in zip(ids, rows, texts, strict=True):
        for item_type, body in ((DECISION, decisions), (OPEN_POINT, actions)):
            for order, line in enumerate(str(body or "").splitlines(), start=1):
                # One item a line, without its bullet: the minutes print their own.
                item = line.strip().lstrip("・").strip()
                if item:
                    items.append(
                        {
                            "meeting_id": meeting_id,
                            "item_type": item_type,
                            "text": item,
                            "org_id": row.get("org_id"),
                            "sort_order": order,
                        }
                    )
    demo.meeting_items = list(zip(demo.add("meeting_item", items), items, strict=True))


def _meeting_row(
    demo: Demo,
    *,
    title: str,
    meeting_type: str,
    day: date,
    org: Org | None,
    attendees_org: list[str],
    staff: list[str],
    agenda: str,
    minutes: str,
    ctx: Mapping[str, object],
) -> Row:
    rng = demo.rng
    m = demo.t["meeting"]
    start = rng.choice(("10:00", "13:30", "14:00", "15:00"))
    end = hhmm(minutes_of(start) + rng.choice((60, 90, 120)))
    fmt = rng.choice(("対面", "オンライン", "ハイブリッド"))
    full = {**ctx, "due": demo.due_text(day, rng.randint(5, 10))}
    due2 = {**ctx, "due": demo.due_text(day, rng.randint(10, 15))}
    for key in staff:
        demo.busy[key].add(day)
        demo.time_plan[(key, day)].append(
            (
                work_hours(start, end),
                "会議",
                org.id if org else None,
                None,
                False,  # on_site is kept for visits
                title,
            )
        )
    return {
        "title": title,
        "meeting_type": meeting_type,
        "date": day.isoformat(),
        "start_time": start,
        "end_time": end,
        "place": "Web会議"
        if fmt == "オンライン"
        else (org.office if org else "宮崎県庁") + " 会議室",
        "format": fmt,
        "org_id": org.id if org else None,
        "attendees_org": attendees_org,
        "attendees_pref": rng.sample(demo.strs("pref_attendees"), 1),
        "attendees_ours": [demo.staff_names[k] for k in staff],
        "agenda": agenda,
        "minutes": minutes,
        "decisions": "\n".join(fill(s, full) for s in rng.sample(m["generic_decisions"], 2)),
        "action_items": "\n".join(
            fill(s, c)
            for s, c in zip(rng.sample(m["generic_actions"], 2), (full, due2), strict=True)
        ),
        "next_meeting": "日程は別途調整",
    }


def _meeting_day(demo: Demo, staff: str, lo: date, hi: date) -> date:
    pool = [d for d in demo.open_days if lo <= d <= hi and demo.free(staff, d)]
    return demo.rng.choice(pool)


def _area_meetings(demo: Demo) -> list[Row]:
    m = demo.t["meeting"]
    rows: list[Row] = []
    for area in dict.fromkeys(o.area for o in demo.municipalities):
        staff = demo.area_staff[area]
        day = _meeting_day(demo, staff, date(FY, 9, 1), date(FY, 11, 28))
        members = [o for o in demo.municipalities if o.area == area]
        attendees = [f"{o.name} {demo.contacts[o.id][0].label}" for o in members]
        titles = [str(s["title"]) for s in demo.t["issues"] if "{" not in str(s["title"])]
        ctx = {
            "area": area,
            "issue": demo.pick([*titles, "データクレンジングの進め方", "移行後の運用経費"]),
            "vendor": "",
        }
        rows.append(
            _meeting_row(
                demo,
                title=fill(str(m["area_title"]), ctx),
                meeting_type="定例会",
                day=day,
                org=None,
                attendees_org=attendees,
                staff=[staff],
                agenda=str(m["area_agenda"]),
                minutes=fill(str(m["area_minutes"]), ctx),
                ctx=ctx,
            )
        )
    return rows


def _vendor_meetings(demo: Demo) -> list[Row]:
    m = demo.t["meeting"]
    members: Counter[str] = Counter()
    for v in demo.t["vendors"]:
        if v["main"]:
            members[str(v["key"])] = len({c.org.id for c in demo.cells if c.vendor == v["key"]})
    rows: list[Row] = []
    for key, _n in sorted(members.items(), key=lambda kv: (-kv[1], kv[0]))[:3]:
        orgs = list(
            dict.fromkeys(c.org for c in demo.cells if c.vendor == key and not c.org.is_division)
        )
        day = _meeting_day(demo, "lead", date(FY, 6, 1), date(FY, 10, 31))
        staff = ["lead", *[k for k in demo.consultant_keys if demo.free(k, day)][:1]]
        ctx = {"vendor": demo.vendor_short[key]}
        rows.append(
            _meeting_row(
                demo,
                title=fill(str(m["vendor_title"]), ctx),
                meeting_type="打合せ",
                day=day,
                org=None,
                attendees_org=[f"{o.name} {demo.contacts[o.id][0].label}" for o in orgs],
                staff=staff,
                agenda=fill(str(m["vendor_agenda"]), ctx),
                minutes=fill(str(m["vendor_minutes"]), ctx),
                ctx=ctx,
            )
        )
    return rows


def _division_meetings(demo: Demo) -> list[Row]:
    m = demo.t["meeting"]
    rows: list[Row] = []
    for org in demo.orgs:
        if not org.is_division:
            continue
        cell = demo.cells_by_org[org.id][0]
        staff = demo.area_staff["県"]
        for lo, hi in (
            (date(FY, 5, 7), date(FY, 6, 30)),
            (date(FY, 11, 4), date(FY + 1, 1, 30)),
        ):
            day = _meeting_day(demo, staff, lo, hi)
            ctx = {
                "org": org.name,
                "system": demo.system_names[cell.system],
                "vendor": demo.vendor_short[cell.vendor],
            }
            rows.append(
                _meeting_row(
                    demo,
                    title=fill(str(m["pref_title"]), ctx),
                    meeting_type="打合せ",
                    day=day,
                    org=org,
                    attendees_org=[c.label for c in demo.contacts[org.id]],
                    staff=[staff],
                    agenda=str(m["pref_agenda"]),
                    minutes=fill(str(m["pref_minutes"]), ctx),
                    ctx=ctx,
                )
            )
    return rows
