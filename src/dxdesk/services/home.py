"""The home screen's figures, by the profile's role (Qt-free; gui/home.py shows them).

The supervisor (a hub profile): deadlines of the next weeks and overdue ones (services/deadlines.py),
the month's on-site days against the target per intensive-support municipality (the window's
badges, services/overview.py), the intensive-support warnings (services/engagements.py), open issues not yet shared with the prefecture and for how long,
overdue issues, recent imports and the conflicts to review. A field consultant: this week's
visits, their own open issues and consultations, hours entered this week and the open days
without any, the last bundle sent and its conflicts to review. Every item names what it opens (``Item.target``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dxdesk.core.clock import today_jst
from dxdesk.core.model import kind
from dxdesk.services.calendar import office_calendar
from dxdesk.services.deadlines import DeadlineService
from dxdesk.services.engagements import warning_lines
from dxdesk.services.overview import OverviewService
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
TITLES = {
    "attention": "標準化の要注意（点数の高い順）",
    "unshared": "県へ未共有の課題",
    "overdue_issues": "期限を過ぎた課題",
    "week_visits": "今週の訪問",
}

# What an item opens: ("record", kind, id), ("org", org id), ("deadline", key), ("view", name),
# ("progress", org id, system code or "") — the matrix with that cell's detail (or row).
Target = tuple[str, ...]


@dataclass(frozen=True)
class Item:
    text: str
    target: Target
    alert: bool = False  # overdue, below target, waiting long: shown in red


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    count: int
    items: tuple[Item, ...]
    empty: str = "ありません。"


@dataclass(frozen=True)
class Home:
    role: str
    today: date
    sections: tuple[Section, ...] = field(default=())
    pending: tuple[str, ...] = ()  # sections still placeholders (HomeService.home defer=True)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


def role_of(profile: Profile) -> str:
    return SUPERVISOR if profile.role == "hub" else CONSULTANT


def _section(
    key: str, title: str, items: list[Item], empty: str = "ありません。", *, limit: int = SHOWN
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
            title = TITLES[key]
        return Section(key, title, 0, (), "集計しています…")

    def _site_days_title(self, month: str | None) -> str:
        month = month or self.today.strftime("%Y-%m")
        return f"{int(month[:4])}年{int(month[5:7])}月の現地支援日数（集中支援）"

    def _own_title(self, kind_name: str) -> str:
        return f"担当の未完了の{kind(kind_name).label}"

    # ------------------------------------------------------------ supervisor

    def deadlines(self) -> Section:
        items = []
        for d in DeadlineService(self.profile, self.today).upcoming():
            assert d.due is not None
            when = f"{d.due.month}/{d.due.day}"
            text = f"{when} {d.title}（{d.status}）"
            if d.overdue:
                text = f"{when} 期限超過 {d.title}（{d.status}）"
            items.append(Item(text, ("deadline", d.key), d.overdue))
        # All of them (the list scrolls): an old overdue one must not hide this week's.
        return _section(
            "deadlines", "期限が近い・過ぎた提出物（3週間以内）", items, limit=len(items)
        )

    def engagement_warnings(self) -> Section:
        # The rules are services/engagements.py's; each item opens its engagement.
        items = [
            Item(text, ("record", "engagement", eid), True)
            for eid, text in warning_lines(self.profile, self.today)
        ]
        return _section("engagements", "集中支援の注意事項", items)

    def site_days(self, month: str | None = None) -> Section:
        month = month or self.today.strftime("%Y-%m")
        items = []
        for b in OverviewService(self.profile, self.today).organisations(month):
            if b.target_days is None:
                continue
            text = f"{b.name} 現地 {b.days_on_site}日 ／ 目標 {b.target_days}日"
            items.append(Item(text, ("org", b.org_id), b.days_on_site < b.target_days))
        return _section(
            "site_days",
            self._site_days_title(month),
            items,
            "今年度の集中支援の記録がありません。",
        )

    def attention(self) -> Section:
        """The first entries of the 要注意 list (services/attention.py), each opening its cell."""
        from dxdesk.services.attention import AttentionService, rule_data

        entries = AttentionService(self.profile, self.today).entries()
        items = [
            Item(
                f"{e.org_name} {e.system_name}".strip() + f"（{e.score}点）：{e.headline}",
                ("progress", e.org_id, e.system_code or ""),
                alert=e.alert,
            )
            for e in entries
        ]
        return _section(
            "attention",
            TITLES["attention"],
            items,
            "注意が必要な団体・業務はありません。",
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
            text = f"{r['org'] or ''} {r['title']}（把握から{days}日）"
            items.append(Item(text, ("record", "issue", str(r["id"])), days > 14))
        return Section("unshared", TITLES["unshared"], count, tuple(items))

    def overdue_issues(self) -> Section:
        items = []
        today = self.today.isoformat()
        count, rows = self._issue_rows("i.due_date < ?", (today,), "i.due_date")
        for r in rows:
            days = (self.today - date.fromisoformat(str(r["due_date"]))).days
            text = f"{r['org'] or ''} {r['title']}（期限 {r['due_date']}、{days}日超過）"
            items.append(Item(text, ("record", "issue", str(r["id"])), True))
        return Section("overdue_issues", TITLES["overdue_issues"], count, tuple(items))

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
            text = f"{str(r['at'])[:16].replace('T', ' ')} {sender} から取り込み"
            if isinstance(changed, int):
                text += f"（{changed}件の変更）"
            items.append(Item(text, ("view", "conflicts")))
        return _section("imports", "最近の取り込み", items, "取り込みはまだありません。")

    def conflicts(self) -> Section:
        """The conflicts waiting for a person, as the conflict log counts them
        (``services.sync.describe_conflicts``: an entry whose losing value is current again
        waits for nobody): the record's organisation, kind, title and field."""
        from dxdesk.services import sync

        items = []
        for c in sync.describe_conflicts(self.profile):
            where = f"{c.org}　" if c.org else ""
            text = f"{where}{c.kind_label}「{c.title}」の{c.field_label}（{c.detected_at[:10]}）"
            items.append(Item(text, ("view", "conflicts")))
        return _section("conflicts", "確認が必要な競合", items)

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
            d = date.fromisoformat(str(r["date"]))
            when = f"{d.month}/{d.day} {r['start_time'] or ''}".strip()
            items.append(
                Item(f"{when} {r['org'] or ''} {r['title']}", ("record", "visit", str(r["id"])))
            )
        return _section("week_visits", TITLES["week_visits"], items)

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
                f"{r['org'] or ''} {r['title']}（{r['status']}）",
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
        items = [Item(f"今週の入力：{total:g}時間（{len(by_day)}日分）", ("view", "week"))]
        for day in missing:
            text = f"{day.month}/{day.day} 工数が未入力です"
            items.append(Item(text, ("view", "week"), True))
        return Section("week_hours", "今週の工数", len(missing), tuple(items[: SHOWN + 1]))

    def last_bundle(self) -> Section:
        rows = ledger.last_export(self.db)
        items = []
        for r in rows:
            at = str(r["at"])[:16].replace("T", " ")
            days = (self.today - date.fromisoformat(str(r["at"])[:10])).days
            text = f"{at} {r['name'] or ''} へ {r['change_count']}件の変更（{days}日前）"
            items.append(Item(text, ("view", "export"), days > 7))
        return _section(
            "last_bundle", "最後に送ったバンドル", items, "まだバンドルを送っていません。"
        )
