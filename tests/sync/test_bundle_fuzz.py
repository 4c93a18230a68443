"""Fuzzing the bundle reader: any bytes either read as a bundle or are refused with a UserError.

Bounded in time (a fixed number of examples, no deadline flakiness); two strategies: mutations
of a whole plaintext (the signature usually stops those early), and payloads behind a correctly
signed manifest, which reach the decompressor and the row parser.
"""

from __future__ import annotations

import json
import uuid
import zlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxdesk.errors import UserError
from dxdesk.sync import bundle, crypto
from tests.sync.bundle_helpers import craft, read_all, rows, senders

FIELD = crypto.generate_keys(str(uuid.uuid4()))
HUB = crypto.generate_keys(str(uuid.uuid4()))
TRUST = senders(FIELD)
GOOD = rows(FIELD.device_id, 3)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def outcome(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "f.dxb"
    path.write_bytes(data)
    try:
        read_all(path, HUB, TRUST)
    except UserError as err:
        return err.code
    return "read"


def _plain() -> bytes:
    data = craft(FIELD, HUB, GOOD)
    import io

    return b"".join(crypto.decrypt_chunks(io.BytesIO(data), HUB.age_identity))


PLAIN = _plain()


@FUZZ
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, len(PLAIN)), st.integers(0, 16), st.binary(max_size=16)),
        max_size=4,
    )
)
def test_mutated_plaintext_never_crashes_the_reader(tmp_path: Path, cuts) -> None:
    data = bytearray(PLAIN)
    for at, drop, insert in cuts:
        data[at : at + drop] = insert
    result = outcome(tmp_path, crypto.encrypt_bytes(bytes(data), [HUB.age_recipient]))
    assert result == "read" or result.startswith("bundle_")
    if result == "read":  # only a change that leaves the signed head and payload intact
        assert bytes(data).split(b"\n", 2)[:2] == PLAIN.split(b"\n", 2)[:2]


lines = st.one_of(
    st.binary(max_size=80),
    st.lists(
        st.one_of(st.integers(-(2**70), 2**70), st.text(max_size=40), st.none(), st.booleans()),
        max_size=8,
    ).map(lambda v: json.dumps(v).encode()),
)


@FUZZ
@given(body_lines=st.lists(lines, max_size=6), raw=st.booleans(), count=st.integers(0, 8))
def test_signed_head_with_any_payload_is_read_or_refused(
    tmp_path: Path, body_lines: list[bytes], raw: bool, count: int
) -> None:
    body = b"\n".join(body_lines)
    import hashlib

    manifest = {
        "count": count,
        "size": len(body),
        "sha256": hashlib.sha256(body).hexdigest(),
        "ranges": {FIELD.device_id: [1, 2**40]},
    }
    payload = body if raw else zlib.compress(body)
    result = outcome(tmp_path, craft(FIELD, HUB, GOOD, manifest=manifest, payload=payload))
    assert result in {"read", "bundle_damaged"}


@FUZZ
@given(
    manifest=st.dictionaries(
        st.sampled_from(
            sorted(
                [
                    "bundle_id",
                    "sender",
                    "recipient",
                    "count",
                    "size",
                    "ranges",
                    "state_vector",
                    "requires",
                    "schema_version",
                    "full",
                    "created_at",
                    "sha256",
                ]
            )
        ),
        st.one_of(
            st.none(),
            st.integers(-5, 5),
            st.text(max_size=10),
            st.lists(st.integers(0, 3), max_size=3),
            st.dictionaries(st.text(max_size=3), st.integers(0, 3), max_size=2),
        ),
        max_size=4,
    )
)
def test_signed_manifest_with_wrong_types_is_refused_not_crashed(tmp_path: Path, manifest) -> None:
    result = outcome(tmp_path, craft(FIELD, HUB, GOOD, manifest=manifest))
    assert result == "read" or result.startswith("bundle_")
    assert bundle.SUPPORTED_FEATURES  # the reader's feature list is what the refusals compare to
