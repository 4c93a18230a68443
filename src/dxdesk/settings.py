"""User settings: declared once, typed, versioned, in a plain JSON file the CLI and GUI share.

Nothing secret and nothing personal lives here (names and records are in the encrypted
database); it holds preferences only.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from dxdesk.fsutil import atomic_write_bytes

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Settings:
    version: int = SETTINGS_VERSION
    backups_kept: int = 10  # automatic backups kept (the oldest pruned), see backup_space_mb
    # A change taken to disk is backed up at most once per this many minutes (and when the
    # window closes): a full copy of a big profile takes seconds, so not after every command.
    backup_interval_minutes: int = 30
    # Automatic backups and pre-import snapshots together stay under this many MB (the newest
    # automatic backup is always kept); manual backups and pre-restore copies are never pruned.
    backup_space_mb: int = 2000
    monthly_report_rule: str = "earlier"  # when the 10th is closed: earlier | later
    language: str = "ja"
    pdf_font: str = ""  # empty: discover a Japanese TrueType font
    idle_lock_minutes: int = 15
    # How the window shows dates (core/calendar.DATE_STYLES: wareki R7.11.25 or iso 2025-11-25);
    # stored values are ISO either way.
    date_style: str = "iso"
    # The thresholds of the 標準化の要注意 list (services/attention.py; the points each reason
    # adds stay in resources/progress_rules.json): a cell is 停滞 when no step has changed for
    # this many whole months, and an organisation's 完了率 has 低下 when it is at least this many
    # percentage points below the end of last month; a 伴走支援 target needs a visit when none
    # (訪問・ヒアリング of any 形態) has been recorded for this many weeks.
    attention_stalled_months: int = 3
    attention_rate_drop_points: float = 1.0
    attention_no_visit_weeks: int = 8

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name: f.type for f in fields(cls)}
        values: dict[str, Any] = {}
        defaults = cls()
        for name in known:
            if name not in data:
                continue
            value, default = data[name], getattr(defaults, name)
            if isinstance(default, float) and type(value) is int:
                value = float(value)  # JSON written by hand: 2 for 2.0
            if type(value) is type(default):  # a bool is no count, nor a count a bool
                values[name] = value
        values["version"] = SETTINGS_VERSION
        return replace(defaults, **values)

    def save(self, path: Path) -> None:
        text = json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"
        atomic_write_bytes(path, text.encode("utf-8"))  # 0600: private like the whole profile
