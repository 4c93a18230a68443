"""Names and codes to ids: organisations (by id, code or name) and references to records.

Below the record and time-sheet services, which both resolve what a person typed into what the
store keeps (names for people, ids for machines).
"""

from __future__ import annotations

import uuid

from dxdesk.core import reference
from dxdesk.core.model import FieldType, Kind, Record, kind
from dxdesk.errors import UserError, ValidationError
from dxdesk.services.profile import Profile


class References:
    def __init__(self, profile: Profile) -> None:
        self.database = profile.database
        self.store = profile.records

    def resolve_org(self, value: str) -> str:
        """An organisation id from an id, a 6- or 5-digit code, or a name (五ケ瀬町 too)."""
        text = value.strip()
        rows = self.database.query(
            "SELECT id, code, name FROM organisation WHERE _deleted = 0 AND (id = ? OR code = ?)",
            (text, text),
        )
        if not rows and text.isdigit() and len(text) == 5:
            rows = self.database.query(
                "SELECT id FROM organisation WHERE _deleted = 0 AND substr(code, 1, 5) = ?",
                (text,),
            )
        if not rows:
            wanted = reference.normalize_org_name(text)
            rows = [
                r
                for r in self.database.query("SELECT id, name FROM organisation WHERE _deleted = 0")
                if reference.normalize_org_name(str(r["name"])) == wanted
            ]
        if len(rows) != 1:
            raise UserError("unknown_organisation", value=value)
        return str(rows[0]["id"])

    def resolve_refs(self, k: Kind, values: Record) -> None:
        for name, value in list(values.items()):
            if value is None or value == "":
                continue
            f = k.field(name)
            if f.type == FieldType.ORG:
                values[name] = self.resolve_org(str(value))
            elif f.type == FieldType.REF and f.ref:
                target = kind(f.ref)
                if not _looks_like_id(str(value)) or not self.store.exists(target, str(value)):
                    raise ValidationError(
                        name, f.label, f"{target.label}（ID：{value}）が見つかりません"
                    )


def _looks_like_id(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
