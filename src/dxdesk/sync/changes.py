"""A change as sync handles it (one row of the ``changes`` log) and the model tables it is read by.

The shared ground of the incoming checks (sync/incoming.py), the state vector and export side
(sync/vector.py) and the merge (sync/merge.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from dxdesk.core.model import KINDS, FieldType, Kind
from dxdesk.store.rows import CLOCKED_FIELDS, DELETED, STAR, clocked_fields, effective

BATCH = 500
OPS = ("create", "update", "delete", "restore")


class Model:
    """The kinds one version of dxdesk knows, with the per-kind tables sync reads them by.

    The running version's is ``MODEL``. The merge, the incoming checks and the export side take
    a model as a parameter, so a test can run a newer version's (core/model.py's kinds plus a
    field or a kind) against a profile, as the forward-compatibility tests do.
    """

    def __init__(self, kinds: Iterable[Kind]) -> None:
        self.kinds: tuple[Kind, ...] = tuple(kinds)
        self.by_name: dict[str, Kind] = {k.name: k for k in self.kinds}
        self.field_types: dict[str, dict[str, FieldType]] = {
            k.name: {f.name: f.type for f in k.fields} for k in self.kinds
        }
        self.field_names: dict[str, tuple[str, ...]] = {k.name: k.field_names for k in self.kinds}
        self.clocked: dict[str, tuple[str, ...]] = {k.name: clocked_fields(k) for k in self.kinds}
        # Which kinds and fields (and of which types) it knows: two databases' merge digests
        # can be compared only when they were made with the same words (services/sync.py).
        words = "\n".join(
            f"{k.name}\t{f.name}\t{f.type}"
            for k in sorted(self.kinds, key=lambda k: k.name)
            for f in k.fields
        )
        self.fingerprint = hashlib.sha256(words.encode("utf-8")).hexdigest()


MODEL = Model(KINDS)
KIND_BY_NAME: dict[str, Kind] = MODEL.by_name
FIELD_TYPES: dict[str, dict[str, FieldType]] = MODEL.field_types
FIELD_NAMES: dict[str, tuple[str, ...]] = MODEL.field_names
# The clock and row vocabulary is the store's (store/rows.py), named here for sync's modules.
__all__ = [
    "BATCH",
    "CLOCKED_FIELDS",
    "DELETED",
    "FIELD_NAMES",
    "FIELD_TYPES",
    "KIND_BY_NAME",
    "MODEL",
    "OPS",
    "STAR",
    "Change",
    "Model",
    "effective",
]


@dataclass(frozen=True)
class Change:
    """Exactly one row of the ``changes`` table (without the local ``seq``)."""

    device_id: str
    dev_seq: int
    hlc: str
    kind: str
    record_id: str
    op: str
    payload: str
    # Its value in the origin's hash chain (store/chain.py), as verified on import; None from a
    # bundle that carries no proofs (the value is then computed here where the log allows).
    chain: bytes | None = field(default=None, compare=False, repr=False)

    @property
    def clock(self) -> str:
        return f"{self.hlc}@{self.device_id}"
