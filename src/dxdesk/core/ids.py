"""Globally unique record ids (UUIDv7, RFC 9562), made without coordination.

Time-ordered so that new records cluster at the end of indexes; the random part comes from
``secrets`` so ids from different laptops never collide.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
import uuid

# Fixed namespace for ids derived from natural keys (organisations, progress cells), so that two
# devices that create "the same" reference row agree on its id and merge instead of duplicating.
DXDESK_NAMESPACE = uuid.UUID("6f1d8c1e-1c3a-5b8e-9a52-3d2f4b7c9e10")
_NAMESPACE_BYTES = DXDESK_NAMESPACE.bytes


_RAND_BITS = 74
_lock = threading.Lock()
_last = [0, 0]  # [ms, rand] of the newest id made in this process


def new_id(now_ms: int | None = None) -> str:
    """Return a new UUIDv7 as a lowercase canonical string.

    Ids made by this process without ``now_ms`` increase strictly (RFC 9562 6.2, method 2: the
    random part counts up within a millisecond, and a clock set back does not go back), so two
    records made one after the other on a device sort in that order, as "the later correction
    wins" (store/timeentries.py) relies on.
    """
    if now_ms is not None:
        ms, rand = now_ms, secrets.randbits(_RAND_BITS)
    else:
        with _lock:
            ms, rand = time.time_ns() // 1_000_000, secrets.randbits(_RAND_BITS)
            last_ms, last_rand = _last
            if ms <= last_ms:
                ms, rand = last_ms, last_rand + 1
                if rand >> _RAND_BITS:  # the millisecond's ids are used up: borrow the next
                    ms, rand = last_ms + 1, secrets.randbits(_RAND_BITS - 1)
            _last[:] = [ms, rand]
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= (rand >> 62) << 64  # 12 bits rand_a
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)  # 62 bits rand_b
    return str(uuid.UUID(int=value))


def natural_id(*parts: str) -> str:
    """A deterministic id (UUIDv5) for a row identified by a natural key.

    Exactly ``str(uuid.uuid5(DXDESK_NAMESPACE, "/".join(parts)))`` (RFC 9562 5.5: SHA-1 of the
    namespace and the name, version and variant bits set), without the two ``UUID`` objects: a
    national import derives a million ids (3 µs each that way, 1 µs this way)."""
    digest = hashlib.sha1(
        _NAMESPACE_BYTES + "/".join(parts).encode("utf-8"), usedforsecurity=False
    ).digest()
    b = bytearray(digest[:16])
    b[6] = (b[6] & 0x0F) | 0x50  # version 5
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def is_valid_id(text: str) -> bool:
    try:
        parsed = uuid.UUID(text)
    except ValueError:
        return False
    return str(parsed) == text
