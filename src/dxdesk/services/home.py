"""The home screen's figures, by the profile's role (Qt-free; gui/home.py shows them).

The supervisor (a hub profile): deadlines of the next weeks and overdue ones (services/deadlines.py),
the month's on-site days against the target per intensive-support municipality (the window's
badges, services/overview.py), the intensive-support warnings (services/engagements.py), open issues not yet shared with the prefecture and for how long,
overdue issues, recent imports and the conflicts to review. A field consultant: this week's
visits, their own open issues and consultations, hours entered this week and the open days
without any, the last bundle sent and its conflicts to review. Every item names what it opens (``Item.target``).

Titles, items and empty notes are ``Text`` (services/phrases.py: a message key and typed
parameters), so the window shows them in its language and date style and the CLI the same
sentence in Japanese (``phrases.japanese``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from dxdesk.core.clock import today_jst
from dxdesk.core.model import kind
from dxdesk.services.calendar import office_calendar
from dxdesk.services.deadlines import DeadlineService
from dxdesk.services.engagements import warning_lines
from dxdesk.services.overview import OverviewService
from dxdesk.services.phrases import Label, Text, YearMonth, text
from dxdesk.services.profile import Profile
from dxdesk.store import ledger
from dxdesk.store.meanings import open_clause
from dxdesk.store.timeentries import active_time

SUPERVISOR, CONSULTANT = "supervisor", "consultant"
SHOWN = 8  # items per section; the section's count says how many there are
# Sections whose cost grows with the data or is tens of milliseconds: the attention list
# scores the whole progress matrix (about 60 ms on the demo profile); on-site days, open
# issues and this week's visits read rows in proportion to the records (a hub or laptop with
# 100,000 visits and 20,000 issues: 15-40 ms each when the file is cold). The window paints
# the others first and fills these in, one per turn of the event loop, after its first paint
# (gui/home.py; bench/gui.py W3).
DEFERRED = frozenset(
    {
        "attention",
        "site_days",
        "unshared",
        "overdue_issues",
        "week_visits",
        "own_issue",
        "own_consultation",
    }
)
NONE = text("home.none")

# What an item opens: ("record", kind, id), ("org", org id), ("deadline", key), ("view", name),
# ("progress", org id, system code or "") — the matrix with that cell's detail (or row).
Target = tuple[str, ...]


@dataclass(frozen=True)
class Item:
    text: Text
    target: Target
    alert: bool = False  # overdue, below target, waiting long: shown in red


@dataclass(frozen=True)
class Section:
    key: str
    title: Text
    count: int
    items: tuple[Item, ...]
    empty: Text = NONE


@dataclass(frozen=True)
class Home:
    role: str
    today: date
    sections: tuple[Section, ...] = field(default=())
    pending: tuple[str, ...] = ()  # sections still placeholders (HomeService.home defer=True)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def heading(self, section: Section) -> Text:
        """A section's title with its count (the title alone while it is being computed)."""
        if section.key in self.pending:
            return section.title
        return text("home.section", title=section.title, count=section.count)


def role_of(profile: Profile) -> str:
    return SUPERVISOR if profile.role == "hub" else CONSULTANT


def _section(
    key: str, title: Text, items: list[Item], empty: Text = NONE, *, limit: int = SHOWN
) -> Section:
    return Section(key, title, len(items), tuple(items[:limit]), empty)


class HomeService:
    def __init__(self, profile: Profile, today: date | None = None) -> None:
        self.profile = profile
        self.db = profile.database
        self.today = today or today_jst()

    def home(self, month: str | None = None, *, defer: bool = False) -> Home:
        """``month`` (YYYY-MM): the window's 対象月 for the on-site days; default this month.

        ``defer``: the DEFERRED sections are placeholders (``Home.pending`` names them), for a
        first paint that does not wait for them; ``section(key)`` computes one afterwards."""
        makers = self._makers(month)
        sections = tuple(
            self._placeholder(key, month) if defer and key in DEFERRED else make()
            for key, make in makers.items()
        )
        pending = tuple(k for k in makers if defer and k in DEFERRED)
        return Home(role_of(self.profile), self.today, sections, pending)

    def section(self, key: str, month: str | None = None) -> Section:
        """One section, computed now (a deferred one, after the first paint)."""
        return self._makers(month)[key]()

    def _makers(self, month: str | None) -> dict[str, Callable[[], Section]]:
        """The role's sections in their order on the screen, each by its key."""
        if role_of(self.profile) == SUPERVISOR:
            return {
                "deadlines": self.deadlines,
                "site_days": lambda: self.site_days(month),
                "attention": self.attention,
                "engagements": self.engagement_warnings,
                "unshared": self.unshared_issues,
                "overdue_issues": self.overdue_issues,
                "imports": self.imports,
                "conflicts": self.conflicts,
            }
        return {
            "week_visits": self.week_visits,
            "own_issue": lambda: self.own_open("issue"),
            "own_consultation": lambda: self.own_open("consultation"),
            "week_hours": self.week_hours,
            "last_bundle": self.last_bundle,
            # A field laptop meets conflicts too (the hub's edits against its own).
            "conflicts": self.conflicts,
        }

    def _placeholder(self, key: str, month: str | None) -> Section:
        if key == "site_days":
            title = self._site_days_title(month)
        elif key.startswith("own_"):
            title = self._own_title(key[4:])
        else:
            title = text(f"home.{key}")
        return Section(key, title, 0, (), text("home.pending"))

    def _site_days_title(self, month: str | None) -> Text:
        month = month or self.today.strftime("%Y-%m")
        return text("home.site_days", month=YearMonth(int(month[:4]), int(month[5:7])))

    def _own_title(self, kind_name: str) -> Text:
        return text("home.own", kind=Label("Kind", kind(kind_name).label))

    # ------------------------------------------------------------ supervisor

    def deadlines(self) -> Section:
        items = []
        for d in DeadlineService(self.profile, self.today).upcoming():
            assert d.due is not None
            line = text(
                "home.deadline_overdue" if d.overdue else "home.deadline",
                due=d.due,
                title=d.name,
                status=d.status_text,
            )
            items.append(Item(line, ("deadline", d.key), d.overdue))
        # All of them (the list scrolls): an old overdue one must not hide this week's.
        return _section("deadlines", text("home.deadlines"), items, limit=len(items))

    def engagement_warnings(self) -> Section:
        # The rules are services/engagements.py's; each item opens its engagement.
        items = [
            Item(message, ("record", "engagement", eid), True)
            for eid, message in warning_lines(self.profile, self.today)
        ]
        return _section("engagements", text("home.engagements"), items)

    def site_days(self, month: str | None = None) -> Section:
        month = month or self.today.strftime("%Y-%m")
        items = []
        for b in OverviewService(self.profile, self.today).organisations(month):
            if b.target_days is None:
                continue
            line = text("home.site_day", org=b.name, done=b.days_on_site, target=b.target_days)
            items.append(Item(line, ("org", b.org_id), b.days_on_site < b.target_days))
        return _section(
            "site_days", self._site_days_title(month), items, text("home.no_engagement")
        )

    def attention(self) -> Section:
        """The first entries of the 要注意 list (services/attention.py), each opening its cell."""
        from dxdesk.services.attention import AttentionService, rule_data

        entries = AttentionService(self.profile, self.today).entries()
        items = [
            Item(
                text(
                    "home.attention_cell",
                    org=e.org_name,
                    system=e.system_name,
                    score=e.score,
                    headline=e.headline,
                )
                if e.system_name
                else text("home.attention_org", org=e.org_name, score=e.score, headline=e.headline),
                ("progress", e.org_id, e.system_code or ""),
                alert=e.alert,
            )
            for e in entries
        ]
        return _section(
            "attention",
            text("home.attention"),
            items,
            text("home.no_attention"),
            limit=int(rule_data()["home_shown"]),
        )

    def _issue_rows(
        self, where: str, params: tuple[object, ...], order: str
    ) -> tuple[int, list[dict[str, Any]]]:
        """How many open issues match, and the first SHOWN of them in ``order``: only the
        shown rows are read into Python (20,000 issues, half of them unshared: 90 ms for all
        rows, bench/gui.py W3)."""
        clause = f"i._deleted = 0 AND {open_clause(kind('issue'), 'i')} AND {where}"
        count = self.db.query(f"SELECT count(*) AS n FROM issue AS i WHERE {clause}", params)
        rows = self.db.query(
            "SELECT i.id, i.title, i.raised_on, i.due_date, i._created_at, o.name AS org"
            " FROM issue AS i LEFT JOIN organisation AS o ON o.id = i.org_id"
            f" WHERE {clause} ORDER BY {order} LIMIT {SHOWN}",
            params,
        )
        return int(count[0]["n"]), rows

    def unshared_issues(self) -> Section:
        items = []
        count, rows = self._issue_rows(
            "i.shared_on IS NULL", (), "coalesce(i.raised_on, i._created_at)"
        )
        for r in rows:
            since = str(r["raised_on"] or r["_created_at"])[:10]
            days = (self.today - date.fromisoformat(since)).days
            line = text("home.unshared_issue", org=r["org"] or "", title=r["title"], days=days)
            items.append(Item(line, ("record", "issue", str(r["id"])), days > 14))
        return Section("unshared", text("home.unshared"), count, tuple(items))

    def overdue_issues(self) -> Section:
        items = []
        today = self.today.isoformat()
        count, rows = self._issue_rows("i.due_date < ?", (today,), "i.due_date")
        for r in rows:
            due = date.fromisoformat(str(r["due_date"]))
            days = (self.today - due).days
            line = text(
                "home.overdue_issue", org=r["org"] or "", title=r["title"], due=due, days=days
            )
            items.append(Item(line, ("record", "issue", str(r["id"])), True))
        return Section("overdue_issues", text("home.overdue_issues"), count, tuple(items))

    def imports(self) -> Section:
        items = []
        names = self._device_names()
        for r in ledger.import_history(self.db, SHOWN):
            summary = json.loads(r["summary"]) if r["summary"] else {}
            summary = summary if isinstance(summary, dict) else {}
            changed = summary.get("count")
            sender = str(summary.get("sender_name") or "") or names.get(
                str(r["sender"]), str(r["sender"])[:8]
            )
            at = _stamp(r["at"])
            if isinstance(changed, int):
                line = text(
                    "home.import_changes", at=at, sender=sender, changes=text("changes", n=changed)
                )
            else:
                line = text("home.import", at=at, sender=sender)
            items.append(Item(line, ("view", "conflicts")))
        return _section("imports", text("home.imports"), items, text("home.no_import"))

    def conflicts(self) -> Section:
        """The conflicts waiting for a person, as the conflict log counts them
        (``services.sync.describe_conflicts``: an entry whose losing value is current again
        waits for nobody): the record's organisation, kind, title and field."""
        from dxdesk.services import sync

        items = []
        for c in sync.describe_conflicts(self.profile):
            values: dict[str, object] = {
                "kind": Label("Kind", c.kind_label),
                "title": c.title,
                "field": text("conflict.delete")
                if c.field_label == sync.DELETE_LABEL
                else Label("Field", c.field_label),
                "on": date.fromisoformat(c.detected_at[:10]),
            }
            line = (
                text("home.conflict_org", org=c.org, **values)
                if c.org
                else text("home.conflict", **values)
            )
            items.append(Item(line, ("view", "conflicts")))
        return _section("conflicts", text("home.conflicts"), items)

    def unreviewed_conflicts(self) -> int:
        """The figure alone (a badge, a status line): the same count as the section's."""
        from dxdesk.services import sync

        return sync.unreviewed_conflicts(self.profile)

    def _device_names(self) -> dict[str, str]:
        return {
            str(r["device_id"]): str(r["name"])
            for r in self.db.query("SELECT device_id, name FROM devices")
        }

    # ------------------------------------------------------------ field consultant

    def _week(self) -> tuple[date, date]:
        monday = self.today - timedelta(days=self.today.weekday())
        return monday, monday + timedelta(days=6)

    def _staff(self) -> str | None:
        return self.profile.meta.get("owner_staff_id")

    def week_visits(self) -> Section:
        monday, sunday = self._week()
        staff = self._staff()
        rows = self.db.query(
            "SELECT v.id, v.date, v.start_time, v.title, o.name AS org FROM visit AS v"
            " LEFT JOIN organisation AS o ON o.id = v.org_id WHERE v._deleted = 0"
            " AND v.date BETWEEN ? AND ? AND (? IS NULL OR v.staff_id = ?)"
            " ORDER BY v.date, v.start_time",
            (monday.isoformat(), sunday.isoformat(), staff, staff),
        )
        items = []
        for r in rows:
            day = date.fromisoformat(str(r["date"]))
            where = {"day": day, "org": r["org"] or "", "title": r["title"]}
            line = (
                text("home.visit_at", time=r["start_time"], **where)
                if r["start_time"]
                else text("home.visit", **where)
            )
            items.append(Item(line, ("record", "visit", str(r["id"]))))
        return _section("week_visits", text("home.week_visits"), items)

    def _own_devices(self) -> tuple[str, str]:
        device = str(self.profile.meta.get("device_id", ""))
        return device, str(self.profile.meta.get("log_device_id") or device)

    def own_open(self, kind_name: str) -> Section:
        k = kind(kind_name)
        # "Own": the record's owner field once the model names one (Kind.owner_field), until
        # then the records this laptop created (their create is in its change log).
        owner = getattr(k, "owner_field", None)
        staff = self._staff()
        title = k.title
        date_col = k.date_field or "_created_at"
        params: tuple[str, ...]
        if owner and staff:
            where, params = f't."{owner}" = ?', (staff,)
        else:
            where = (
                "EXISTS (SELECT 1 FROM changes AS c WHERE c.kind = ? AND c.record_id = t.id"
                " AND c.op = 'create' AND c.device_id IN (?, ?))"
            )
            params = (k.name, *self._own_devices())
        rows = self.db.query(
            f'SELECT t.id, t."{title}" AS title, t."{date_col}" AS d, t.status, o.name AS org'
            f' FROM "{k.name}" AS t LEFT JOIN organisation AS o ON o.id = t.org_id'
            f" WHERE t._deleted = 0 AND {open_clause(k, 't')} AND {where}"
            f' ORDER BY t."{date_col}" DESC',
            params,
        )
        items = [
            Item(
                text(
                    "home.own_item",
                    org=r["org"] or "",
                    title=r["title"],
                    status=Label("Choice", str(r["status"])),
                ),
                ("record", k.name, str(r["id"])),
            )
            for r in rows
        ]
        return _section(f"own_{kind_name}", self._own_title(kind_name), items)

    def week_hours(self) -> Section:
        monday, sunday = self._week()
        staff = self._staff()
        rows = self.db.query(
            'SELECT t.date AS d, sum(t.hours) AS h FROM "time" AS t'
            f" WHERE {active_time('t')} AND t.date BETWEEN ? AND ?"
            " AND (? IS NULL OR t.staff_id = ?) GROUP BY t.date",
            (monday.isoformat(), sunday.isoformat(), staff, staff),
        )
        by_day = {str(r["d"]): float(r["h"] or 0) for r in rows}
        cal = office_calendar(self.profile)
        missing = []
        d = monday
        while d < self.today:  # today's work may not be entered yet
            if cal.is_open_day(d) and d.isoformat() not in by_day:
                missing.append(d)
            d += timedelta(days=1)
        total = sum(by_day.values())
        items = [Item(text("home.hours_total", hours=total, days=len(by_day)), ("view", "week"))]
        for day in missing:
            items.append(Item(text("home.hours_missing", day=day), ("view", "week"), True))
        return Section(
            "week_hours", text("home.week_hours"), len(missing), tuple(items[: SHOWN + 1])
        )

    def last_bundle(self) -> Section:
        rows = ledger.last_export(self.db)
        items = []
        for r in rows:
            at = _stamp(r["at"])
            days = (self.today - at.date()).days
            line = text(
                "home.bundle",
                at=at,
                name=r["name"] or "",
                changes=text("changes", n=int(r["change_count"] or 0)),
                ago=text("days_ago", n=days),
            )
            items.append(Item(line, ("view", "export"), days > 7))
        return _section("last_bundle", text("home.last_bundle"), items, text("home.no_bundle"))


def _stamp(value: object) -> datetime:
    """A stored time stamp to the minute, as written (Asia/Tokyo wall-clock time)."""
    return datetime.fromisoformat(str(value)[:16])
