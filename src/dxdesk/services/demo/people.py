"""The demo's people and organisations: who works, who is worked with, and in what groups.

The first stages of a run: the office's closed day (which every later date avoids), the
project's staff and their leave, vendors, experts and each organisation's contacts; then, once
the matrix has given every organisation its vendors, the groups and the intensive-support
engagements. Later stages only read what these decided.
"""

from __future__ import annotations

from datetime import date, timedelta

from dxdesk.core.calendar import OfficeCalendar
from dxdesk.core.model import kind
from dxdesk.services.demo.plan import Contact, Row
from dxdesk.services.demo.state import Demo
from dxdesk.services.demo.text import fill
from dxdesk.services.demo.year import FY, FY_END, FY_START, ONE_DAY

# ------------------------------------------------------------------------------ closed day, people


def add_closed_day(demo: Demo) -> None:
    spec = demo.t["closed_day"]
    existing = [
        date.fromisoformat(str(r["date"]))
        for r in demo.svc.store.select(kind("closed_day"))
        if isinstance(r.get("date"), str)
    ]
    day = date.fromisoformat(str(spec["date"]))
    demo.add("closed_day", [{"date": day.isoformat(), "reason": str(spec["reason"])}])
    demo.calendar = OfficeCalendar([*existing, day])
    d = FY_START
    while d <= FY_END:
        if demo.calendar.is_open_day(d):
            demo.open_days.append(d)
        d += ONE_DAY


def add_staff(demo: Demo) -> None:
    leads = [r for r in demo.svc.store.select(kind("staff")) if r.get("role") == "統括責任者"]
    if leads:
        # The profile's owner is already the 統括責任者: the demo works under their name.
        demo.staff_ids["lead"] = str(leads[-1]["id"])
        demo.staff_names["lead"] = str(leads[-1]["name"])
        if not leads[-1].get("career"):
            # The 業務実施体制図 prints every member's career: the demo's lead has one.
            demo.svc.edit("staff", demo.staff_ids["lead"], {"career": demo.t["lead"]["career"]})
    else:
        lead = demo.t["lead"]
        rows: list[Row] = [
            {
                "name": lead["name"],
                "role": "統括責任者",
                "email": lead["email"],
                "notes": lead["notes"],
                "career": lead["career"],
            }
        ]
        demo.staff_ids["lead"] = demo.add("staff", rows)[0]
        demo.staff_names["lead"] = str(lead["name"])
    consultants = demo.t["consultants"]
    rows = [
        {
            "name": c["name"],
            "role": c["role"],
            "email": c["email"],
            "notes": c["notes"],
            "career": c["career"],
        }
        for c in consultants
    ]
    for c, record_id in zip(consultants, demo.add("staff", rows), strict=True):
        key = str(c["key"])
        demo.staff_ids[key] = record_id
        demo.staff_names[key] = str(c["name"])
        for area in c["areas"]:
            demo.area_staff[str(area)] = key
    # About twelve days of leave per consultant, never in the first week of April.
    for key in demo.consultant_keys:
        candidates = [d for d in demo.open_days if d >= FY_START + timedelta(days=7)]
        demo.leave[key] = set(demo.rng.sample(candidates, 12))


def add_vendors(demo: Demo) -> None:
    domains: dict[str, list[str]] = demo.t["domains"]
    rows: list[Row] = []
    used: set[str] = set()
    for v in demo.t["vendors"]:
        if "products" in v:
            products = [str(p) for p in v["products"]]
        else:
            names = v.get("domains") or list(domains)
            products = [f"{v['brand']} {d}" for d in names]
        rows.append(
            {
                "name": v["name"],
                "reading": v["reading"],
                "products": products,
                "contact": v["contact"],
                "notes": v["notes"],
            }
        )
        people = []
        for _ in range(2):
            surname, _given = demo.person(used)
            people.append(f"{v['short']} {demo.pick(demo.strs('vendor_roles'))} {surname}氏")
        demo.vendor_people[str(v["key"])] = people
        demo.vendor_short[str(v["key"])] = str(v["short"])
    for v, record_id in zip(demo.t["vendors"], demo.add("vendor", rows), strict=True):
        demo.vendor_ids[str(v["key"])] = record_id


def add_experts(demo: Demo) -> None:
    rows: list[Row] = []
    for i, e in enumerate(demo.t["experts"]):
        rows.append(
            {
                "name": e["name"],
                "affiliation": e["affiliation"],
                "fields": list(e["fields"]),
                "specialties": e["specialties"],
                "qualifications": e["qualifications"],
                "track_record": e["track_record"],
                "contact": f"expert{i + 1:02d}@example.jp",
                "available": bool(e["available"]),
                # The prefecture approves an expert before the municipalities may call on
                # them (6(2)ア②): the demo's available ones in April, one still pending.
                "availability": "平日日中（要事前調整）" if e["available"] else "当面対応不可",
                "pref_approved": bool(e["available"]) and i != 1,
                "approved_on": "2025-04-18" if e["available"] and i != 1 else None,
            }
        )
    for e, record_id in zip(demo.t["experts"], demo.add("expert", rows), strict=True):
        demo.expert_ids.append((record_id, [str(f) for f in e["fields"]], bool(e["available"])))


def add_contacts(demo: Demo) -> None:
    rows: list[Row] = []
    titles = demo.strs("titles")
    for org in demo.orgs:
        used: set[str] = set()
        contacts: list[Contact] = []
        if org.is_division:
            n = 1
            first_depts = [f"{demo.system_names[org.division_system]}担当"]
            depts = first_depts
        elif org.org_kind == "市":
            n = demo.rng.randint(2, 3)
            first_depts, depts = (
                demo.strs("first_department_city"),
                demo.strs("departments_city"),
            )
        else:
            n = demo.rng.randint(1, 2)
            first_depts, depts = (
                demo.strs("first_department_town"),
                demo.strs("departments_town"),
            )
        for i in range(n):
            surname, given = demo.person(used)
            dept = demo.pick(first_depts) if i == 0 else demo.pick(depts)
            title = demo.pick(("係長", "主査", "課長補佐")) if i == 0 else demo.pick(titles)
            contacts.append(Contact(dept, surname, title))
            rows.append(
                {
                    "org_id": org.id,
                    "name": f"{surname} {given}",
                    "department": dept,
                    "title": title,
                    "phone": f"内線{demo.rng.randint(200, 899)}",
                    "notes": "標準化・DX推進の窓口担当" if i == 0 else "",
                }
            )
        demo.contacts[org.id] = contacts
    demo.add("contact", rows)


# ------------------------------------------------------------------------------ groups, engagements


def add_groups(demo: Demo) -> None:
    desc = demo.t["group_descriptions"]
    rows: list[Row] = []
    areas = list(dict.fromkeys(o.area for o in demo.municipalities))
    for area in areas:
        members = [o.id for o in demo.municipalities if o.area == area]
        rows.append(
            {
                "name": f"{area}圏域",
                "group_type": "生活圏",
                "members": members,
                "description": fill(str(desc["area"]), {"area": area, "n": len(members)}),
            }
        )
    for v in demo.t["vendors"]:
        key = str(v["key"])
        members = list(dict.fromkeys(c.org.id for c in demo.cells if c.vendor == key))
        if len(members) >= 2:
            rows.append(
                {
                    "name": f"{v['short']}利用団体",
                    "group_type": "ベンダ",
                    "members": members,
                    "description": fill(
                        str(desc["vendor"]), {"vendor": v["short"], "n": len(members)}
                    ),
                }
            )
    special_orgs = list(dict.fromkeys(c.org.id for c in demo.cells if c.special))
    rows.append(
        {
            "name": "特定移行支援システム該当団体",
            "group_type": "テーマ",
            "members": special_orgs,
            "description": str(desc["special"]),
        }
    )
    # Front-yard reform and AI trials: who joins, and in which month (drives goal progress).
    engaged = {str(e["org"]) for e in demo.t["engagements"]}
    for key, joined in (("frontyard", demo.frontyard), ("ai", demo.ai_trials)):
        spec = demo.t["theme_groups"][key]
        lead = demo.org_by_code[str(spec["lead_org"])]
        others = [o for o in demo.municipalities if o.bansou and o is not lead]
        for org in [lead, *demo.rng.sample(others, int(spec["size"]) - 1)]:
            # Month index from April (0); intensive-support towns start early.
            early = org.code in engaged
            joined[org.id] = demo.rng.randint(1, 4) if early else demo.rng.randint(2, 11)
        rows.append(
            {
                "name": spec["name"],
                "group_type": "テーマ",
                "members": list(joined),
                "description": str(desc[key]),
            }
        )
    demo.add_with_members("group", rows, "members")


def add_engagements(demo: Demo) -> None:
    rows: list[Row] = []
    for e in demo.t["engagements"]:
        org = demo.org_by_code[str(e["org"])]
        demo.engagements[org.id] = e
        rows.append(
            {
                "org_id": org.id,
                "fy": FY,
                "start_date": str(e["start"]),
                "end_date": FY_END.isoformat(),
                "target_days": 10,
                "theme": e["theme"],
                "notes": e["notes"],
            }
        )
    for org_id, record_id in zip(demo.engagements, demo.add("engagement", rows), strict=True):
        demo.engagement_ids[org_id] = record_id
    # Each engagement's 常時支援者 as its child record (one each in the plan, for the year).
    demo.add(
        "engagement_supporter",
        [
            {
                "engagement_id": demo.engagement_ids[demo.org_by_code[str(e["org"])].id],
                "staff_id": demo.staff_ids[str(e["staff"])],
                "dedicated": True,
            }
            for e in demo.t["engagements"]
        ],
    )


# ------------------------------------------------------------------------------ the year's plan


def add_plan(demo: Demo) -> None:
    """The 実施工程表 of the 業務実施計画書: fixed lines of demo_text.json (no random draw, so
    the stages before it produce what they did without it)."""
    rows: list[Row] = []
    for i, p in enumerate(demo.t["plan_items"], start=1):
        rows.append(
            {
                "fy": FY,
                "title": p["title"],
                "category": p["category"],
                "milestone": bool(p.get("milestone")),
                "start_date": p["start"],
                "end_date": p.get("end"),
                "owner_id": demo.staff_ids[str(p["owner"])],
                "sort_order": i * 10,
            }
        )
    demo.add("plan_item", rows)
