"""Kept values appearing after an upgrade: what a newer version wrote, merged once it is known.

A change holding a kind or fields this version did not know was stored as signed, its known
part merged, and listed in ``deferred_changes`` (sync/foreign.py). When this device is updated
and its model knows them (the update's migration added the table or the columns, empty),
``apply_deferred`` runs at open, after the migrations (services/profile.py): each listed change
whose kind or fields are now known is merged through the normal merge, with the whole held
history of its record (``merge.reapply``), so the values land exactly where a device that knew
them all along has them: the same clocks, the same conflict rules; an older kept value loses to
a newer write as it always would. It is then taken off the list (or narrowed to what is still
unknown, for a change from a version newer still). Running it twice changes nothing.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from dxdesk.store.database import Database
from dxdesk.store.records import BASE_KEY
from dxdesk.sync import foreign, merge
from dxdesk.sync.changes import MODEL, Change, Model

log = logging.getLogger("dxdesk.sync.deferred")


@dataclass(frozen=True)
class Settled:
    """What ``apply_deferred`` did."""

    merged: int = 0  # kept changes merged (in whole, or the part now known)
    changed: int = 0  # merges that made or changed a record here (its history's too)
    kept: int = 0  # changes still holding kinds or fields this version does not know


def apply_deferred(db: Database, *, model: Model = MODEL) -> Settled:
    """Merge the kept changes whose kinds or fields ``model`` now knows; the caller holds the
    transaction. One read of an empty table when there is nothing kept (every open)."""
    listed = foreign.entries(db)
    if not listed:
        return Settled()
    ready: list[Change] = []
    done: list[Change] = []
    narrowed: list[tuple[Change, tuple[str, ...]]] = []
    fresh: dict[str, set[str]] = {}
    known_kinds: set[str] = set()
    for entry in listed:
        c = entry.change
        k = model.by_name.get(c.kind)
        if k is None:
            continue  # still a newer version's kind
        types = model.field_types[k.name]
        if entry.fields is None:
            known_kinds.add(k.name)  # the kind is known now: its table is new and empty
            names = tuple(n for n in json.loads(c.payload) if n != BASE_KEY)
        else:
            names = entry.fields
            newly = {n for n in names if n in types}
            if not newly:
                continue  # none of its fields known yet
            fresh.setdefault(k.name, set()).update(newly)
        ready.append(c)
        still = tuple(n for n in names if n not in types)
        if still:
            narrowed.append((c, still))
        else:
            done.append(c)
    if ready:
        summary = merge.reapply(
            db, ready, model=model, fresh={k: tuple(sorted(v)) for k, v in fresh.items()}
        )
        changed = sum(c.new + c.updated for c in summary.kinds.values())
    else:
        changed = 0
    foreign.settle(db, done, narrowed, sorted(known_kinds))
    settled = Settled(len(ready), changed, len(listed) - len(done))
    if ready:
        log.info(
            "kept changes merged after an update: %d (%d still kept)", len(ready), settled.kept
        )
    return settled
