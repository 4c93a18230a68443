"""Devices for merge tests: real encrypted profiles, created once per module and copied.

A copied profile keeps the template's key slots and history (the reference data seeded under
the template's device id, as if every device had synced once) and gets its own device id.
Changes move between devices through the merge functions directly; bundle files add crypto on
top and have their own tests.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dxdesk.core.ids import new_id
from dxdesk.core.model import KINDS, kind, validate
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, Profile, create_profile, open_profile
from dxdesk.store.database import Database
from dxdesk.store.records import from_sql
from dxdesk.sync import merge
from tests.conftest import FAST_KDF, PASSPHRASE


def make_templates(root: Path, names: Iterable[str]) -> dict[str, Path]:
    """One profile, copied once per name, each copy with its own device id."""
    base = root / "template"
    profile, _ = create_profile(
        ProfilePaths(base),
        owner_name="統括 太郎",
        device_name="テンプレート",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    profile.close(backup=False)
    out = {}
    for name in names:
        dest = root / name
        shutil.copytree(base, dest)
        p = _open(dest)
        with p.database.transaction() as conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", (new_id(),))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'device_name'", (name,))
        p.close(backup=False)
        out[name] = dest
    return out


def _open(root: Path) -> Profile:
    return open_profile(ProfilePaths(root), Credentials(passphrase=PASSPHRASE, use_keyring=False))


@dataclass
class Device:
    name: str
    profile: Profile

    @property
    def db(self) -> Database:
        return self.profile.database

    @property
    def device_id(self) -> str:
        return self.profile.device_id

    def add(self, kind_name: str, values: Mapping[str, object]) -> str:
        k = kind(kind_name)
        with self.db.transaction():
            return self.profile.records.insert(k, validate(k, values)).record_id

    def edit(self, kind_name: str, record_id: str, values: Mapping[str, object]) -> bool:
        """An edit as a user makes it; False when the record is deleted or unknown here."""
        k = kind(kind_name)
        try:
            with self.db.transaction():
                change = self.profile.records.update(
                    k, record_id, validate(k, values, partial=True)
                )
        except UserError as err:
            if err.code in ("record_deleted", "unknown_record"):
                return False
            raise
        return change is not None

    def delete(self, kind_name: str, record_id: str) -> None:
        with self.db.transaction():
            self.profile.records.delete(kind(kind_name), record_id)

    def restore(self, kind_name: str, record_id: str) -> None:
        with self.db.transaction():
            self.profile.records.restore(kind(kind_name), record_id)

    def get(self, kind_name: str, record_id: str) -> dict[str, Any] | None:
        return self.profile.records.get(kind(kind_name), record_id, include_deleted=True)

    def missing_from(self, other: Device) -> list[merge.Change]:
        """What ``other`` holds and this device lacks, as the sender computes it."""
        return list(merge.changes_since(other.db, merge.state_vector(self.db)))

    def receive(
        self,
        changes: Iterable[merge.Change],
        covers: Mapping[str, tuple[int, int]] | None = None,
    ) -> merge.Summary:
        with self.db.transaction():
            return merge.apply(self.db, changes, clock=self.profile.records.clock, covers=covers)

    def pull(self, other: Device) -> merge.Summary:
        return self.receive(self.missing_from(other))

    def conflicts(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT * FROM conflicts ORDER BY id")

    def close(self) -> None:
        self.profile.close(backup=False)


def open_devices(templates: Mapping[str, Path], tmp: Path) -> dict[str, Device]:
    out = {}
    for name, src in templates.items():
        dest = tmp / name
        shutil.copytree(src, dest)
        out[name] = Device(name, _open(dest))
    return out


@contextmanager
def devices_open(templates: Mapping[str, Path], tmp: Path) -> Iterator[dict[str, Device]]:
    """Fresh copies of the templates, open for one test, closed after it."""
    devices = open_devices(templates, tmp)
    try:
        yield devices
    finally:
        for d in devices.values():
            d.close()


def shuffled(changes: list[merge.Change], seed: int) -> list[merge.Change]:
    out = list(changes)
    random.Random(seed).shuffle(out)
    return out


def visible_state(device: Device) -> dict[str, dict[str, Any]]:
    """Every record of every kind (tombstones too) as the model sees it."""
    out: dict[str, dict[str, Any]] = {}
    for k in KINDS:
        cursor = device.db.conn.execute(f'SELECT * FROM "{k.name}"')
        cols = [d[0] for d in cursor.description]
        for values in cursor:
            record = from_sql(k, dict(zip(cols, values, strict=True)))
            for meta in ("_created_at", "_updated_at"):
                record.pop(meta, None)
            out[f"{k.name}/{record['id']}"] = record
    return out


def effective_clocks(device: Device, kind_name: str, record_id: str) -> dict[str, str]:
    k = kind(kind_name)
    row = device.db.query(f'SELECT _clocks FROM "{k.name}" WHERE id = ?', (record_id,))[0]
    stored = json.loads(row["_clocks"])
    return {n: merge.effective(stored, n) for n in (*k.field_names, "_deleted")}
