"""The faces' name for the shared-records rule: it lives in store/shared.py, below the
documents (the hearing sheet lists an organisation's shared issues too) and the services."""

from __future__ import annotations

from dxdesk.store.shared import (
    SHARED_MARK,
    Shared,
    org_condition,
    org_counts,
    org_records,
    shared,
    sharing_kind,
)

__all__ = [
    "SHARED_MARK",
    "Shared",
    "org_condition",
    "org_counts",
    "org_records",
    "shared",
    "sharing_kind",
]
