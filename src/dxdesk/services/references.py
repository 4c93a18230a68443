"""Names and codes to ids: organisations (by id, code or name) and references to records.

Below the record and time-sheet services, which both resolve what a person typed into what the
store keeps (names for people, ids for machines).
"""

from __future__ import annotations

import unicodedata
import uuid

from dxdesk.core.model import ORGANISATION, FieldType, Kind, Record, kind
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
        found = self._by_title(target, text)
        if len(found) == 1:
            return found[0]
        if found:
            raise ValidationError(
                name,
                f.label,
                f"「{text}」という{target.label}が複数あります。ID で指定してください",
            )
        raise ValidationError(name, f.label, f"「{text}」という{target.label}が見つかりません")

    def _by_title(self, target: Kind, text: str, include_deleted: bool = False) -> list[str]:
        """The ids of the records whose title is ``text`` (NFKC, as typed)."""
        wanted = unicodedata.normalize("NFKC", text.strip())
        live = "" if include_deleted else " WHERE _deleted = 0"
        return [
            str(r["id"])
            for r in self.database.query(
                f'SELECT id, "{target.title}" AS title FROM "{target.name}"{live}'
            )
            if r["title"] is not None
            and unicodedata.normalize("NFKC", str(r["title"])).strip() == wanted
        ]

    def resolve_record(self, k: Kind, value: str, include_deleted: bool = False) -> str:
        """A record of ``k`` by id, or by title where exactly one record has it; an
        organisation by its code or name as everywhere (``resolve_org``)."""
        text = value.strip()
        # An id as it is, deleted or not: show, delete and undelete say what state it is in.
        if self.database.query(f'SELECT 1 FROM "{k.name}" WHERE id = ?', (text,)):
            return text
        if k.name == ORGANISATION and not _looks_like_id(text):
            return self.resolve_org(text)
        if not _looks_like_id(text):
            found = self._by_title(k, text, include_deleted)
            if len(found) == 1:
                return found[0]
            if found:
                raise UserError("ambiguous_record", label=k.label, text=text, count=len(found))
        raise UserError("unknown_record", label=k.label, id=text)


def _looks_like_id(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
