"""The demo's field work: visit records, the issues they raise and the consultations received.

These stages turn the schedule into prose: each visit's title, notes, findings and next
actions are filled from the phrase templates with what is true of its cells on that day, and
issues and consultations point back at the visits, cells, vendors and experts they concern.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from typing import Any

from dxdesk.core.calendar import format_wareki
from dxdesk.services.demo.plan import Cell, Row, Visit
from dxdesk.services.demo.state import Demo
from dxdesk.services.demo.text import fill
from dxdesk.services.demo.year import FY, FY_END, ONE_DAY, hhmm, iso

# ------------------------------------------------------------------------------ visits


def _cell_ctx(demo: Demo, cell: Cell, d: date) -> dict[str, object]:
    """The placeholders a cell fills in a phrase template, as the cell stands on ``d``."""
    step_no = min(cell.current_step(d), 40)
    step = demo.steps[step_no]
    special = cell.special or {}
    return {
        "system": demo.system_names[cell.system],
        "vendor": demo.vendor_short[cell.vendor],
        "step": step.name,
        "item": step.item,
        "go_live": format_wareki(cell.go_live),
        "target": format_wareki(cell.go_live),
        "reason": str(special.get("reason", "")),
    }


def _phase_of(demo: Demo, cell: Cell, d: date) -> str:
    """Which pool of phrases fits the cell on ``d``: special support, live, or its step's phase."""
    if cell.special:
        return "特定移行支援"
    if cell.live_on(d):
        return "運用開始"
    return demo.steps[min(cell.current_step(d), 40)].phase


# The kind of support a visit gave (6(2)ア), read from what the visit was about: no draw from
# the random stream, so the stages after this one stay as they were.
_SUPPORT_BY_PHASE = {
    "first": "ソリューション提案",
    "計画立案": "ソリューション提案",
    "システム選定・調達": "IT調達支援",
    "移行": "スケジュール調整支援",
    "特定移行支援": "スケジュール調整支援",
}
_FOCUS_SUPPORT = (
    ("研修", "研修"),
    ("リハーサル", "スケジュール調整支援"),
    ("進捗", "スケジュール調整支援"),
    ("移行判定", "スケジュール調整支援"),
    ("並行稼働", "スケジュール調整支援"),
    ("回線", "IT調達支援"),
    ("要件", "IT調達支援"),
    ("経費", "IT調達支援"),
    ("端末", "IT調達支援"),
)


def support_of(v: Visit, phase: str) -> str | None:
    """支援の種類 of a demo visit: a training is 研修, a go-live's is the schedule, an
    intensive-support day's follows its focus, others the phase their system is in; a survey
    or a visit after go-live gives none of the five."""
    if v.purpose == "研修・勉強会":
        return "研修"
    if v.tag == "survey":
        return None
    if v.tag == "golive":
        return "スケジュール調整支援"
    if v.tag == "intensive":
        found = next((kind for word, kind in _FOCUS_SUPPORT if word in v.focus), None)
        return found or "ソリューション提案"
    return _SUPPORT_BY_PHASE.get(phase)


def add_visits(demo: Demo) -> None:
    # Each visit's notes name the real date of the next visit to the same organisation.
    following: dict[str, Visit] = {}
    for v in reversed(demo.visits):
        if v.org.id in following:
            demo.next_visit[id(v)] = following[v.org.id]
        following[v.org.id] = v
    rows = [_visit_row(demo, v) for v in demo.visits]
    # Not booked as they are added: the demo books each visit's hours itself, for everyone who
    # went and with the travel (hours.py), linked to the visit as the rule would link them.
    added = demo.add("visit", rows, book_time=False)
    for v, record_id in zip(demo.visits, added, strict=True):
        v.id = record_id


def _visit_row(demo: Demo, v: Visit) -> Row:
    t = demo.t
    rng = demo.rng
    contacts = demo.contacts[v.org.id]
    lead_contact = contacts[0]
    nxt = demo.next_visit.get(id(v))
    attendees = [c.label for c in contacts[: rng.randint(1, len(contacts))]]
    ctx: dict[str, object] = {
        "org": v.org.name,
        "office": v.org.office,
        "dept": lead_contact.department,
        "attendee": lead_contact.label,
        "n": max(1, len(attendees) - 1 + rng.randint(0, 2)),
        "month": v.date.month,
        "month2": v.date.month % 12 + 1,
        "focus": v.focus,
        "focus2": v.focus,
        "next": format_wareki(nxt.date, weekday=True) if nxt else "",
        "due": demo.due_text(v.date, rng.randint(5, 15)),
        "system": "",
        "vendor": "",
        "step": "",
        "item": "",
        "go_live": "",
        "target": "",
        "reason": "",
    }
    if v.tag == "intensive":
        focus_all = [str(f) for f in demo.engagements[v.org.id]["focus"]]
        ctx["focus2"] = demo.pick([f for f in focus_all if f != v.focus] or focus_all)
    cell = v.cells[0] if v.cells else demo.rng.choice(demo.cells_by_org[v.org.id])
    ctx.update(_cell_ctx(demo, cell, v.date))
    phase = "first" if v.tag == "first" else _phase_of(demo, cell, v.date)
    ctx["topic"] = fill(demo.pick(demo.strs("topics", phase)), ctx)
    titles = t["visit_titles"]
    # On an intensive-support day, a meeting or hearing is written up like any other.
    style = "regular" if v.tag == "intensive" and v.cells else v.tag
    if style == "intensive":
        title = fill(demo.pick(titles["intensive"]), ctx)
    elif v.tag == "intensive":
        title = fill(demo.pick(titles[v.purpose]), ctx)
    elif v.tag in ("first", "golive", "survey", "pref"):
        title = fill(demo.pick(titles[v.tag]), ctx)
    else:
        title = fill(demo.pick(titles[v.purpose]), ctx)
    v.title = title
    sentences: list[str] = []
    findings: list[str] = []
    actions: list[str] = []
    if style == "intensive":
        sentences.append(fill(demo.pick(demo.strs("intensive_notes", "open")), ctx))
        more = demo.strs("intensive_notes", "more")
        sentences += [fill(s, ctx) for s in rng.sample(more, rng.randint(1, 2))]
        if rng.random() < 0.3:
            findings.append(fill(demo.pick(demo.strs("intensive_findings")), ctx))
        actions += [
            fill(s, ctx) for s in rng.sample(demo.strs("intensive_next"), rng.randint(1, 2))
        ]
        agenda = fill(str(t["agendas"]["intensive"]), ctx)
    elif style == "golive":
        sentences.append(fill(demo.pick(demo.strs("golive_notes", "open")), ctx))
        sentences += [fill(s, ctx) for s in rng.sample(demo.strs("golive_notes", "more"), 2)]
        actions += [fill(s, ctx) for s in rng.sample(demo.strs("golive_next"), 2)]
        agenda = str(t["agendas"]["golive"])
    elif style == "survey":
        sentences.append(fill(demo.pick(demo.strs("intro", v.mode)), ctx))
        sentences += [fill(s, ctx) for s in demo.strs("survey_notes")[: rng.randint(2, 3)]]
        agenda = str(t["agendas"]["survey"])
    elif style == "pref":
        sentences.append(fill(demo.pick(demo.strs("pref_notes", "open")), ctx))
        sentences += [fill(s, ctx) for s in rng.sample(demo.strs("pref_notes", "more"), 2)]
        actions.append(fill(demo.pick(demo.strs("next_actions")), ctx))
        agenda = fill(str(t["agendas"]["pref"]), ctx)
    else:
        sentences.append(fill(demo.pick(demo.strs("intro", v.mode)), ctx))
        used: set[str] = set()
        for c in v.cells:
            cctx = {**ctx, **_cell_ctx(demo, c, v.date)}
            pool = demo.strs("phase", _phase_of(demo, c, v.date))
            template = demo.pick([p for p in pool if p not in used] or pool)
            used.add(template)
            sentences.append(fill(template, cctx))
        if rng.random() < 0.55:
            sentences.append(fill(demo.pick(demo.strs("concerns")), ctx))
        closing = demo.strs("closing") if nxt else demo.strs("closing_last")
        sentences.append(fill(demo.pick(closing), ctx))
        if rng.random() < 0.65:
            findings += [fill(s, ctx) for s in rng.sample(demo.strs("findings"), rng.randint(1, 2))]
        actions += [fill(s, ctx) for s in rng.sample(demo.strs("next_actions"), rng.randint(1, 2))]
        agenda = fill(str(t["agendas"]["first" if v.tag == "first" else "regular"]), ctx)
    vendors: list[str] = []
    if v.purpose == "打合せ" or v.tag == "golive":
        people = demo.vendor_people[cell.vendor]
        vendors = people[: rng.randint(1, 2)]
    if v.mode == "訪問":
        place = fill(demo.pick(demo.strs("places")), ctx)
    else:
        place = "Web会議" if v.mode == "オンライン" else "電話"
    return {
        "date": v.date.isoformat(),
        "start_time": v.start,
        "end_time": v.end,
        "org_id": v.org.id,
        "mode": v.mode,
        "purpose": v.purpose,
        "support_kind": support_of(v, phase),
        "title": title,
        "place": place,
        "staff_id": demo.staff_ids[v.staff],
        "systems": [demo.system_names[c.system] for c in v.cells],
        "attendees_org": attendees,
        "attendees_vendor": vendors,
        "attendees_ours": [demo.staff_names[k] for k in v.ours],
        "agenda": agenda,
        "notes": "".join(sentences),
        "findings": "\n".join(findings) or None,
        "next_actions": "\n".join(actions) or None,
        "hours": v.hours,
    }


# ------------------------------------------------------------------------------ issues


def add_issues(demo: Demo) -> None:
    rng = demo.rng
    specs = demo.t["issues"]
    chance = {
        "first": 0.55,
        "regular": 0.55,
        "golive": 0.45,
        "intensive": 0.18,
        "pref": 0.35,
        "survey": 0.0,
    }
    intensive_categories = ("業務見直し", "人員・体制", "DX推進", "データ移行")
    rows: list[Row] = []
    share_days = [*demo.monthly_meetings]
    for v in demo.visits:
        if rng.random() >= chance[v.tag]:
            continue
        pool = [s for s in specs if v.tag != "intensive" or s["category"] in intensive_categories]
        spec = rng.choice(pool)
        cell = v.cells[0] if v.cells else rng.choice(demo.cells_by_org[v.org.id])
        ctx: dict[str, object] = {"org": v.org.name, **_cell_ctx(demo, cell, v.date)}
        raised = v.date
        status, closed = _issue_status(demo, raised)
        due = demo.after_open_days(raised, rng.choice((15, 20, 30, 40)))
        if status == "完了":
            response = fill(str(spec["response"]), ctx)
        else:
            response = fill(demo.pick(demo.strs("issue_open_status", status)), ctx)
        shared = None
        if rng.random() < 0.6:
            later = [d for d in share_days if d > raised]
            shared = later[0] if later else None
        related: list[str] = []
        if spec["category"] in ("ネットワーク・クラウド", "ベンダ調整") and rng.random() < 0.4:
            peers = list(dict.fromkeys(c.org.id for c in demo.cells if c.vendor == cell.vendor))
            peers = [p for p in peers if p != v.org.id]
            related = rng.sample(peers, min(len(peers), rng.randint(1, 3)))
        text = " ".join(str(spec[k]) for k in ("title", "description", "countermeasure"))
        about_system = "{system}" in text or spec["category"] in ("データ移行", "標準化・移行")
        about_vendor = "{vendor}" in text or spec["category"] == "ベンダ調整"
        rows.append(
            {
                "org_id": v.org.id,
                "related_orgs": related,
                "title": fill(str(spec["title"]), ctx),
                "system_code": cell.system if about_system else None,
                "vendor_id": demo.vendor_ids[cell.vendor] if about_vendor else None,
                "category": spec["category"],
                "priority": rng.choices(("高", "中", "低"), weights=(20, 55, 25))[0],
                "status": status,
                "owner_id": demo.staff_ids[v.staff],  # who found it follows it up
                "description": fill(str(spec["description"]), ctx),
                "countermeasure": fill(str(spec["countermeasure"]), ctx),
                "response_status": response,
                "raised_on": raised.isoformat(),
                "due_date": due.isoformat(),
                "shared_on": iso(shared),
                "closed_on": iso(closed),
                "visit_id": v.id,
            }
        )
    ids = demo.add_with_members("issue", rows, "related_orgs")
    for row, record_id in zip(rows, ids, strict=True):
        demo.issues_by_org[str(row["org_id"])].append(
            (date.fromisoformat(str(row["raised_on"])), record_id)
        )


def _issue_status(demo: Demo, raised: date) -> tuple[str, date | None]:
    rng = demo.rng
    if raised <= date(FY, 12, 31):
        status = rng.choices(("完了", "保留", "対応中"), weights=(90, 5, 5))[0]
    else:
        status = rng.choices(("完了", "対応中", "未対応", "保留"), weights=(50, 35, 10, 5))[0]
    if status != "完了":
        return status, None
    closed = demo.after_open_days(raised, rng.randint(5, 50))
    if closed > FY_END:
        closed = demo.calendar.previous_open_day(FY_END + ONE_DAY)
    return status, max(closed, raised)


# ------------------------------------------------------------------------------ consultations


def add_consultations(demo: Demo) -> None:
    rng = demo.rng
    specs = demo.t["consultations"]
    weights = {
        "標準化・共通化": 30,
        "フロントヤード改革": 12,
        "eLTAX": 7,
        "マイナンバーカード": 10,
        "セキュリティ": 12,
        "AI・RPA": 15,
        "テレワーク": 5,
        "その他": 9,
    }
    by_category: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for s in specs:
        by_category[str(s["category"])].append(s)
    categories = list(weights)
    orgs = list(demo.municipalities)
    org_weights = [
        1.4 if o.code in ("452017", "452025") else (1.3 if o.id in demo.engagements else 1.0)
        for o in orgs
    ]
    picks = [o for o in orgs for _ in range(2)]  # every municipality asks at least twice
    picks += rng.choices(orgs, weights=org_weights, k=rng.randint(140, 165))
    days = sorted(rng.choice(demo.open_days) for _ in picks)
    rng.shuffle(picks)
    entries = []
    for org, day in zip(picks, days, strict=True):
        minute = rng.randint(35, 67) * 15  # 08:45 .. 16:45
        entries.append((day, minute, org))
    entries.sort(key=lambda e: (e[0], e[1], e[2].code))
    rows: list[Row] = []
    shared_with: list[tuple[int, list[str]]] = []  # (row, other organisations' ids)
    for day, minute, org in entries:
        category = rng.choices(categories, weights=[weights[c] for c in categories])[0]
        spec = rng.choice(by_category[category])
        cell = rng.choice(demo.cells_by_org[org.id])
        ctx: dict[str, object] = {"org": org.name, **_cell_ctx(demo, cell, day)}
        contacts = demo.contacts[org.id]
        if rng.random() < 0.6:
            requester = rng.choice(contacts).label
        else:
            surname, _given = demo.person()
            dept_pool = "departments_city" if org.org_kind == "市" else "departments_town"
            requester = (
                f"{demo.pick(demo.strs(dept_pool))} {surname}{demo.pick(demo.strs('titles'))}"
            )
        experts = [e for e in demo.expert_ids if category in e[1] and e[2]] or [
            e for e in demo.expert_ids if e[2]
        ]
        expert_id = rng.choice(experts)[0]
        status, answered, closed = _consult_status(demo, day)
        issue_id = None
        known = [i for d, i in demo.issues_by_org.get(org.id, []) if d <= day]
        if category == "標準化・共通化" and known and rng.random() < 0.3:
            issue_id = rng.choice(known)
        base = 30 if category == "標準化・共通化" else 15
        rows.append(
            {
                "received_at": f"{day.isoformat()}T{hhmm(minute)}",
                "channel": rng.choices(
                    ("電話", "メール", "Web会議", "訪問", "チャット"),
                    weights=(30, 35, 20, 5, 10),
                )[0],
                "org_id": org.id,
                "requester": requester,
                "category": category,
                "system_code": cell.system if spec["system"] else None,
                "support_kind": spec["support"],  # the topic's, as demo_text.json says
                "topic": fill(str(spec["topic"]), ctx),
                "content": fill(str(spec["content"]), ctx),
                "expert_id": expert_id,
                # Every third consultation asked for an expert by name (no draw: the stream
                # of the stages after this one stays as it was).
                "requested_expert_id": expert_id if len(rows) % 3 == 0 else None,
                "response": fill(str(spec["response"]), ctx) if answered else None,
                "answered_on": iso(answered),
                "status": status,
                "closed_on": iso(closed),
                "minutes_spent": base + rng.randint(0, 12) * 15
                if answered
                else rng.choice((15, 30)),
                "issue_id": issue_id,
                "remarks": demo.pick(demo.strs("consult_remarks")) or None,
            }
        )
        demo.consult_dates.append(day)
        # A question about a system that the same vendor serves in other towns is asked for
        # them too, now and then (6(2)ア⑤): one consultation shown under each. Chosen by
        # position and code order, not drawn: the random stream of later stages stays as it was.
        if spec["system"] and len(rows) % 9 == 4:
            peers = sorted(
                {c.org for c in demo.cells if c.vendor == cell.vendor and c.system == cell.system}
                - {org},
                key=lambda o: o.code,
            )
            shared_with.append((len(rows) - 1, [o.id for o in peers[:2]]))
    ids = demo.add("consultation", rows)
    demo.add(
        "consultation_related_org",
        [{"consultation_id": ids[at], "org_id": o} for at, orgs in shared_with for o in orgs],
    )


def _consult_status(demo: Demo, received: date) -> tuple[str, date | None, date | None]:
    rng = demo.rng
    late = received > date(FY + 1, 3, 6)
    status = rng.choices(("完了", "対応中", "未対応"), weights=(60, 30, 10))[0] if late else "完了"
    if status == "未対応":
        return status, None, None
    answered = received if rng.random() < 0.3 else demo.after_open_days(received, rng.randint(1, 5))
    answered = min(answered, FY_END)
    if status == "対応中":
        return status, answered, None
    closed = answered if rng.random() < 0.6 else demo.after_open_days(answered, rng.randint(1, 3))
    return status, answered, min(closed, FY_END)
