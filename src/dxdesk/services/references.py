"""Names and codes to ids: organisations (by id, code or name) and references to records.

Below the record and time-sheet services, which both resolve what a person typed into what the
store keeps (names for people, ids for machines).
"""

from __future__ import annotations

import unicodedata
import uuid

from dxdesk.core.model import FieldType, Kind, Record, kind
from dxdesk.errors import UserError, ValidationError
from dxdesk.services.profile import Profile
from dxdesk.store import memberships


class References:
    def __init__(self, profile: Profile) -> None:
        self.database = profile.database
        self.store = profile.records

    def resolve_org(self, value: str) -> str:
        """An organisation id from an id, a 6- or 5-digit code, or a name (五ケ瀬町 too)."""
        found = memberships.find_orgs(self.database.conn, value)
        if len(found) != 1:
            raise UserError("unknown_organisation", value=value)
        return found[0]

    def resolve_refs(self, k: Kind, values: Record) -> None:
        for name, value in list(values.items()):
            if value is None or value == "":
                continue
            f = k.field(name)
            if f.type == FieldType.ORG:
                values[name] = self.resolve_org(str(value))
            elif f.type == FieldType.REF and f.ref:
                values[name] = self.resolve_ref(k, name, str(value))

    def resolve_ref(self, k: Kind, name: str, value: str) -> str:
        """A record's id from its id or, as a person types it, its title (a group's name)."""
        f = k.field(name)
        assert f.ref is not None
        target = kind(f.ref)
        text = value.strip()
        if _looks_like_id(text):
            if self.store.exists(target, text):
                return text
            raise ValidationError(name, f.label, f"{target.label}（ID：{text}）が見つかりません")
        wanted = unicodedata.normalize("NFKC", text)
        found = [
            str(r["id"])
            for r in self.database.query(
                f'SELECT id, "{target.title}" AS title FROM "{target.name}" WHERE _deleted = 0'
            )
            if r["title"] is not None
            and unicodedata.normalize("NFKC", str(r["title"])).strip() == wanted
        ]
        if len(found) == 1:
            return found[0]
        if found:
            raise ValidationError(
                name,
                f.label,
                f"「{text}」という{target.label}が複数あります。ID で指定してください",
            )
        raise ValidationError(name, f.label, f"「{text}」という{target.label}が見つかりません")


def _looks_like_id(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
