"""The communication tool (6(3)), Qt-free: importing a month's activity per group from the tool's
CSV export, and the per-group series the window's chart draws.

The export is read as UTF-8 (with or without a BOM) or, failing that, CP932 (Excel on Japanese
Windows). Headers are matched by name, Japanese or English (``HEADERS``), in any order; extra
columns are ignored. Every row is read and checked before anything is written, and all of them
are written in one transaction: a file with one bad row imports nothing. A (group, month) is one
record (``comm_activity`` is keyed), so importing the same export again updates, never doubles.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dxdesk.core.model import coerce, kind
from dxdesk.errors import UserError, ValidationError
from dxdesk.reports.documents._communication import GroupActivity, activity_figures
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.store.meanings import live_clause

# Our field -> the header names accepted for it (compared after NFKC and lower case).
HEADERS: dict[str, tuple[str, ...]] = {
    "month": ("年月", "月", "month", "期間"),
    "group": ("グループ", "グループ名", "チャンネル", "group", "channel", "team"),
    "posts": ("投稿数", "メッセージ数", "posts", "messages"),
    "active_members": ("アクティブ人数", "アクティブユーザー数", "active members", "active users"),
    "members": ("参加人数", "メンバー数", "members"),
}
REQUIRED = ("month", "group", "posts", "active_members")


@dataclass(frozen=True)
class ImportResult:
    tool: str
    rows: int
    encoding: str  # "UTF-8" or "CP932"
    months: tuple[str, ...]


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def decode(data: bytes) -> tuple[str, str]:
    """The text of an export and the encoding it was in (UTF-8 first, then CP932)."""
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "CP932"
    except UnicodeDecodeError as exc:
        raise ValueError(f"{exc.start}バイト目が UTF-8 でも Shift_JIS でもありません") from None


class CommToolService:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.db = profile.database
        self.records = RecordService(profile)

    def resolve_tool(self, value: str | None) -> tuple[str, str]:
        """(id, name) of a tool by id or name; with none given, the only tool there is."""
        rows = self.db.query(
            f"SELECT id, name FROM comm_tool AS t WHERE {live_clause(kind('comm_tool'), 't')}"
            " ORDER BY name"
        )
        if value:
            wanted = _norm(value)
            rows = [r for r in rows if value == r["id"] or wanted == _norm(str(r["name"]))]
        if len(rows) != 1:
            if value:
                detail = f"コミュニケーションツール「{value}」が見つかりません。"
            elif rows:
                detail = "コミュニケーションツールが複数あります。--tool で指定してください。"
            else:
                detail = "コミュニケーションツールが登録されていません。先に登録してください。"
            raise UserError("bad_argument", detail=detail)
        return str(rows[0]["id"]), str(rows[0]["name"])

    def import_csv(self, path: str | Path, tool: str | None = None) -> ImportResult:
        tool_id, tool_name = self.resolve_tool(tool)
        p = Path(path)
        try:
            text, encoding = decode(p.read_bytes())
        except OSError:
            raise UserError("io_error", path=str(p)) from None
        except ValueError as exc:
            raise UserError("activity_csv_unreadable", path=str(p), detail=str(exc)) from None
        reader = csv.reader(io.StringIO(text))
        header = next(reader, None)
        if header is None:
            raise UserError("activity_csv_unreadable", path=str(p), detail="空のファイルです")
        names = [_norm(h) for h in header]
        columns: dict[str, int] = {}
        for field_name, accepted in HEADERS.items():
            for i, h in enumerate(names):
                if h in {_norm(a) for a in accepted}:
                    columns.setdefault(field_name, i)
        missing = [f for f in REQUIRED if f not in columns]
        if missing:
            labels = "、".join(HEADERS[f][0] for f in missing)
            raise UserError("activity_csv_columns", missing=labels)
        groups = {
            _norm(str(r["name"])): str(r["id"])
            for r in self.db.query(
                f"SELECT id, name FROM comm_group AS g WHERE {live_clause(kind('comm_group'), 'g')}"
                " AND tool_id = ?",
                (tool_id,),
            )
        }
        k = kind("comm_activity")
        planned: list[dict[str, object]] = []
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue

            def cell(name: str, row: list[str] = row) -> str:
                i = columns.get(name)
                return row[i].strip() if i is not None and i < len(row) else ""

            group = cell("group")
            group_id = groups.get(_norm(group))
            if group_id is None:
                raise UserError("activity_csv_group", line=line, group=group, tool=tool_name)
            values: dict[str, object] = {"comm_group_id": group_id}
            for name in ("month", "posts", "active_members", "members"):
                raw = cell(name).replace(",", "")
                if name == "month" and len(raw) >= 10:
                    raw = raw[:7]  # an export dated by day (2025-05-01) names its month
                try:
                    values[name] = coerce(k.field(name), raw)
                except ValidationError as err:
                    raise UserError(
                        "activity_csv_value", line=line, detail=f"{err.label}：{err.reason}"
                    ) from None
            if values["month"] is None:
                raise UserError("activity_csv_value", line=line, detail="年月がありません")
            planned.append(values)
        with self.db.transaction():
            for values in planned:
                self.records.put("comm_activity", values)
        months = tuple(sorted({str(v["month"]) for v in planned}))
        return ImportResult(tool_name, len(planned), encoding, months)

    def series(self, first_month: str, last_month: str) -> dict[str, list[GroupActivity]]:
        """Each group's months (``tool / group`` as the key), for the per-group chart."""
        out: dict[str, list[GroupActivity]] = {}
        for f in activity_figures(self.db, first_month, last_month):
            out.setdefault(f"{f.tool} / {f.group}", []).append(f)
        return out


__all__ = ["CommToolService", "GroupActivity", "ImportResult", "decode"]
