"""Helpers for the bundle tests: key pairs, change rows, and hand-made bundles.

``craft`` builds a bundle plaintext the way bundle.write_bundle does, but lets a test change any
part (manifest fields, signature key, payload bytes) to prove that each one is checked.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
import zlib
from pathlib import Path
from typing import Any

from dxdesk.sync import bundle, crypto
from dxdesk.sync.merge import Change as Row


def rows(device_id: str, n: int, start: int = 1) -> list[Row]:
    return [
        Row(
            device_id,
            i,
            f"{1_764_000_000_000 + i:015d}-000000",
            "visit",
            str(uuid.UUID(int=i)),
            "create",
            json.dumps({"title": f"訪問 {i}", "notes": "高千穂町"}, ensure_ascii=False),
        )
        for i in range(start, start + n)
    ]


def senders(*keys: crypto.DeviceKeys, revoked: tuple[str, ...] = ()) -> Any:
    table = {k.device_id: bundle.Sender(k.sign_public, k.device_id in revoked) for k in keys}
    return table.get


def craft(
    sender: crypto.DeviceKeys,
    recipient: crypto.DeviceKeys,
    changes: list[Row],
    *,
    signer: crypto.DeviceKeys | None = None,
    manifest: dict[str, Any] | None = None,
    payload: bytes | None = None,
    magic: bytes = b"DXDESK-BUNDLE/1",
    recipients: list[str] | None = None,
) -> bytes:
    """An encrypted bundle; ``manifest`` overrides fields, ``payload`` replaces the zlib body."""
    body = b"".join(bundle.encode_change(c) for c in changes)
    ranges: dict[str, list[int]] = {}
    for c in changes:
        pair = ranges.setdefault(c.device_id, [c.dev_seq, c.dev_seq])
        pair[0], pair[1] = min(pair[0], c.dev_seq), max(pair[1], c.dev_seq)
    obj: dict[str, Any] = {
        "format": 1,
        "requires": list(bundle.WRITTEN_FEATURES),
        "bundle_id": str(uuid.uuid4()),
        "sender": sender.device_id,
        "sender_name": "テスト端末",
        "recipient": recipient.device_id,
        "created_at": "2025-11-25T10:00:00+09:00",
        "schema_version": 1,
        "full": False,
        "ranges": ranges,
        "state_vector": {k: v[1] for k, v in ranges.items()},
        "count": len(changes),
        "size": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
        **(manifest or {}),
    }
    raw = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    signature = crypto.sign(signer or sender, bundle.SIGNING_DOMAIN + raw)
    data = payload if payload is not None else zlib.compress(body)
    plain = magic + b"\n" + raw + b"\n" + base64.b64encode(signature) + b"\n" + data
    return crypto.encrypt_bytes(plain, recipients or [recipient.age_recipient])


def read_all(path: Path, me: crypto.DeviceKeys, trust: Any, **kw: Any) -> list[bundle.ChangeRow]:
    with bundle.open_bundle(path, me, trust, **kw) as b:
        return list(b.rows())
