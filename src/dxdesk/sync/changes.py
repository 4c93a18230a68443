"""A change as sync handles it (one row of the ``changes`` log) and the model tables it is read by.

The shared ground of the incoming checks (sync/incoming.py), the state vector and export side
(sync/vector.py) and the merge (sync/merge.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dxdesk.core.model import KINDS, FieldType, Kind
from dxdesk.store.rows import CLOCKED_FIELDS, DELETED, STAR, effective

BATCH = 500
OPS = ("create", "update", "delete", "restore")
KIND_BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
FIELD_TYPES: dict[str, dict[str, FieldType]] = {
    k.name: {f.name: f.type for f in k.fields} for k in KINDS
}
FIELD_NAMES: dict[str, tuple[str, ...]] = {k.name: k.field_names for k in KINDS}
# The clock and row vocabulary is the store's (store/rows.py), named here for sync's modules.
__all__ = [
    "BATCH",
    "CLOCKED_FIELDS",
    "DELETED",
    "FIELD_NAMES",
    "FIELD_TYPES",
    "KIND_BY_NAME",
    "OPS",
    "STAR",
    "Change",
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
