"""The hash chain over each change log: what lets a device sign its whole history at once.

Every change-log id (``changes.device_id``: a device's log, or a restored database's fresh log)
has a chain. The leaf of a change is the SHA-256 of its canonical line (the exact bytes a bundle
carries, without the newline); the chain value at ``dev_seq`` n is::

    chain(0) = SHA-256("dxdesk-log-v1\\n" + log id)
    chain(n) = SHA-256(chain(n-1) + leaf(n))

so ``chain(n)`` commits to every change 1..n of that log, in order. A device signs the chain
value of its newest change (a "head", sync/origin.py); whoever holds that signature can check
any run of the log that ends there, given the chain value before the run and the leaves of any
changes left out, and nobody can alter, renumber, insert or drop a change of it without finding
a SHA-256 collision. Chain values are stored with each held change (``changes.chain``), written
on every local write here and on every verified import (sync/merge.py).

Pure functions plus one backfill over a connection (the store's write path and the migration
that added chains need them; nothing here imports the rest of the store).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, Protocol

_LOG_DOMAIN = b"dxdesk-log-v1\n"
BATCH = 1000


class ChangeLike(Protocol):
    """A row of ``changes`` as sync handles it (merge.Change, or anything shaped like it)."""

    @property
    def device_id(self) -> str: ...
    @property
    def dev_seq(self) -> int: ...
    @property
    def hlc(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def op(self) -> str: ...
    @property
    def payload(self) -> str: ...


def encodable(text: str) -> bool:
    """No lone surrogate: JSON escapes can spell one; UTF-8, SQLite and documents cannot."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# json.dumps(..., ensure_ascii=False, separators=(",", ":")), with its encoder made once:
# dumps builds a new one on every call with options (a microsecond, twice per record of an
# import of a million).
COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def encode_row(
    device_id: str, dev_seq: int, hlc: str, kind: str, record_id: str, op: str, payload: str
) -> bytes:
    """The canonical line of a change (a bundle line without its newline): one JSON array."""
    row = [device_id, dev_seq, hlc, kind, record_id, op, payload]
    return COMPACT_JSON(row).encode("utf-8")


def leaf(line: bytes) -> bytes:
    return hashlib.sha256(line).digest()


def genesis(log_id: str) -> bytes:
    return hashlib.sha256(_LOG_DOMAIN + log_id.encode("utf-8")).digest()


def link(previous: bytes, leaf_hash: bytes) -> bytes:
    return hashlib.sha256(previous + leaf_hash).digest()


def chain_at(conn: Any, log_id: str, dev_seq: int) -> bytes | None:
    """The stored chain value of one held change (genesis for 0); None when not known here."""
    if dev_seq == 0:
        return genesis(log_id)
    row = conn.execute(
        "SELECT chain FROM changes WHERE device_id = ? AND dev_seq = ?", (log_id, dev_seq)
    ).fetchone()
    return None if row is None or row[0] is None else bytes(row[0])


def fill(conn: Any, logs: Iterable[str] | None = None) -> int:
    """Compute missing chain values where the log is held without a hole up to them.

    Changes logged before chains existed (migration 0008) and changes accepted from a writer
    that sent no chain have none. From the last known value (or genesis) onwards, every change
    whose predecessor is held gets its value; past a hole nothing can be computed (that log's
    chain is known again once a verified bundle covers the hole). Runs in the caller's
    transaction; returns how many values it wrote.
    """
    if logs is None:
        logs = [
            str(r[0])
            for r in conn.execute("SELECT DISTINCT device_id FROM changes WHERE chain IS NULL")
        ]
    written = 0
    for log_id in logs:
        first = conn.execute(
            "SELECT min(dev_seq) FROM changes WHERE device_id = ? AND chain IS NULL", (log_id,)
        ).fetchone()[0]
        if first is None:
            continue
        previous = chain_at(conn, log_id, int(first) - 1)
        if previous is None:
            continue
        expected = int(first)
        cursor = conn.execute(
            "SELECT dev_seq, hlc, kind, record_id, op, payload FROM changes"
            " WHERE device_id = ? AND dev_seq >= ? ORDER BY dev_seq",
            (log_id, expected),
        )
        updates: list[tuple[bytes, str, int]] = []
        stop = False
        while not stop and (rows := cursor.fetchmany(BATCH)):
            for seq, hlc, kind, record_id, op, payload in rows:
                if int(seq) != expected:
                    stop = True  # a hole: nothing past it can be computed here
                    break
                previous = link(
                    previous,
                    leaf(encode_row(log_id, int(seq), hlc, kind, record_id, op, payload)),
                )
                updates.append((previous, log_id, int(seq)))
                expected += 1
        conn.executemany(
            "UPDATE changes SET chain = ? WHERE device_id = ? AND dev_seq = ? AND chain IS NULL",
            updates,
        )
        written += len(updates)
    return written
