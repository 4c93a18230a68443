"""Drafts: what a form holds before it is saved, kept so that nothing typed is lost.

A form writes its contents here every few seconds while it has unsaved changes, and discards
the draft once the record is saved or the user throws the changes away. After a crash or a
power cut the next start finds the drafts left over (``pending``) and offers to restore them.

Drafts are stored in the encrypted database (table ``drafts``, migration 0004), never in a
temp file. They are local to this device: not records, not synced, not in the change log, and
the audit log does not mention them either (it never holds text).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dxdesk.core.clock import stamp
from dxdesk.core.ids import new_id
from dxdesk.services.profile import Profile

log = logging.getLogger("dxdesk.services")


@dataclass(frozen=True)
class Draft:
    """One unsaved form: which form and kind, the record it edits (None: a new one), its text."""

    id: str
    form: str
    kind: str
    record_id: str | None
    values: dict[str, str] = field(default_factory=dict)
    saved_at: str = ""


def new_draft_id() -> str:
    return new_id()


class DraftService:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.database = profile.database

    def save(
        self,
        draft_id: str,
        form: str,
        kind: str,
        record_id: str | None,
        values: Mapping[str, str],
    ) -> None:
        """Create or replace the draft, in one transaction."""
        payload = json.dumps(
            {str(k): str(v) for k, v in values.items()},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        with self.database.transaction() as conn:
            conn.execute(
                "INSERT INTO drafts (id, form, kind, record_id, payload, saved_at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET form = excluded.form, kind = excluded.kind,"
                " record_id = excluded.record_id, payload = excluded.payload,"
                " saved_at = excluded.saved_at",
                (draft_id, form, kind, record_id or None, payload, stamp()),
            )

    def discard(self, draft_id: str) -> None:
        """Forget the draft (saved or thrown away); nothing happens if there is none."""
        with self.database.transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def get(self, draft_id: str) -> Draft | None:
        rows = self.database.query("SELECT * FROM drafts WHERE id = ?", (draft_id,))
        return _draft(rows[0]) if rows else None

    def pending(self) -> list[Draft]:
        """Every draft left, newest first."""
        rows = self.database.query("SELECT * FROM drafts ORDER BY saved_at DESC, id DESC")
        return [_draft(r) for r in rows]


def _draft(row: Mapping[str, Any]) -> Draft:
    try:
        loaded = json.loads(row["payload"])
    except (TypeError, ValueError):
        loaded = None
    if not isinstance(loaded, dict):
        # Never lose a draft over a damaged payload; show what can be shown (nothing here).
        log.warning("draft %s has an unreadable payload", row["id"])
        loaded = {}
    values = {str(k): str(v) for k, v in loaded.items() if v is not None}
    return Draft(
        id=str(row["id"]),
        form=str(row["form"]),
        kind=str(row["kind"]),
        record_id=str(row["record_id"]) if row["record_id"] else None,
        values=values,
        saved_at=str(row["saved_at"]),
    )
