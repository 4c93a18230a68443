"""age interop both ways with the `age` command-line tool, escrow, signatures, fingerprints."""

from __future__ import annotations

import io
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from dxdesk.errors import UserError
from dxdesk.store.migrations import head_version
from dxdesk.sync import bundle, crypto
from tests.sync.bundle_helpers import read_all, rows, senders
from tests.tools import needs_tool

AGE = shutil.which("age") or "age"
needs_age = needs_tool("age")


def keys() -> crypto.DeviceKeys:
    return crypto.generate_keys(str(uuid.uuid4()))


def identity_file(tmp_path: Path, k: crypto.DeviceKeys) -> Path:
    path = tmp_path / f"{k.device_id}.key"
    path.write_text(k.age_identity + "\n", encoding="ascii")
    path.chmod(0o600)
    return path


def plaintext(chunks: list[bytes]) -> bytes:
    return b"".join(chunks)


@needs_age
def test_age_cli_decrypts_our_bundle(tmp_path: Path) -> None:
    field, hub = keys(), keys()
    written = bundle.write_bundle(
        tmp_path,
        lambda: rows(field.device_id, 300),
        keys=field,
        sender_name="端末",
        recipient=hub.device_id,
        recipients=[hub.age_recipient],
        schema_version=head_version(),
        state_vector={field.device_id: 300},
        created_at="2025-11-25T10:00:00+09:00",
        full=False,
    )
    out = subprocess.run(
        [AGE, "-d", "-i", str(identity_file(tmp_path, hub)), str(written.path)],
        capture_output=True,
        check=True,
    ).stdout
    magic, manifest, _sig, _payload = out.split(b"\n", 3)
    assert magic == b"DXDESK-BUNDLE/1"
    assert bundle.parse_manifest(manifest).sha256 == written.manifest.sha256
    # And the sender's own identity opens nothing: the bundle is for the hub only.
    failed = subprocess.run(
        [AGE, "-d", "-i", str(identity_file(tmp_path, field)), str(written.path)],
        capture_output=True,
        check=False,
    )
    assert failed.returncode != 0


@needs_age
def test_we_decrypt_what_the_age_cli_encrypts(tmp_path: Path) -> None:
    hub = keys()
    secret = "会議メモ".encode() * 50_000  # several 64 KiB STREAM chunks
    src = tmp_path / "plain.bin"
    src.write_bytes(secret)
    enc = tmp_path / "cli.age"
    subprocess.run([AGE, "-r", hub.age_recipient, "-o", str(enc), str(src)], check=True)
    with enc.open("rb") as handle:
        assert plaintext(list(crypto.decrypt_chunks(handle, hub.age_identity))) == secret


@needs_age
def test_age_cli_bundle_is_read_by_us(tmp_path: Path) -> None:
    """A bundle whose encryption layer the age CLI made is read like our own."""
    field, hub = keys(), keys()
    written = bundle.write_bundle(
        tmp_path / "a",
        lambda: rows(field.device_id, 20),
        keys=field,
        sender_name="端末",
        recipient=hub.device_id,
        recipients=[hub.age_recipient],
        schema_version=1,
        state_vector={},
        created_at="2025-11-25T10:00:00+09:00",
        full=True,
    )
    plain = subprocess.run(
        [AGE, "-d", "-i", str(identity_file(tmp_path, hub)), str(written.path)],
        capture_output=True,
        check=True,
    ).stdout
    again = tmp_path / "again.dxb"
    subprocess.run([AGE, "-r", hub.age_recipient, "-o", str(again)], input=plain, check=True)
    got = read_all(again, hub, senders(field))
    assert [r[1] for r in got] == list(range(1, 21))


def test_escrow_key_opens_the_bundle_too(tmp_path: Path) -> None:
    field, hub, escrow = keys(), keys(), keys()
    written = bundle.write_bundle(
        tmp_path,
        lambda: rows(field.device_id, 5),
        keys=field,
        sender_name="端末",
        recipient=hub.device_id,
        recipients=[hub.age_recipient, escrow.age_recipient],
        schema_version=1,
        state_vector={},
        created_at="2025-11-25T10:00:00+09:00",
        full=False,
    )
    for who in (hub, escrow):
        with written.path.open("rb") as handle:
            assert plaintext(list(crypto.decrypt_chunks(handle, who.age_identity))).startswith(
                b"DXDESK-BUNDLE/1\n"
            )
    with written.path.open("rb") as handle, pytest.raises(UserError) as err:
        list(crypto.decrypt_chunks(handle, keys().age_identity))
    assert err.value.code == "bundle_wrong_recipient"


def test_signatures_bind_key_and_message() -> None:
    a, b = keys(), keys()
    sig = crypto.sign(a, b"manifest")
    assert crypto.verify(a.sign_public, sig, b"manifest")
    assert not crypto.verify(a.sign_public, sig, b"manifest!")
    assert not crypto.verify(b.sign_public, sig, b"manifest")
    assert not crypto.verify("not base64!", sig, b"manifest")


def test_fingerprint_is_twenty_digits_and_tied_to_both_keys() -> None:
    a, b = keys(), keys()
    fp = a.fingerprint
    assert len(fp) == 23 and fp.replace(" ", "").isdigit()
    assert fp == crypto.fingerprint(a.sign_public, a.age_recipient)
    assert fp != crypto.fingerprint(a.sign_public, b.age_recipient)
    assert fp != crypto.fingerprint(b.sign_public, a.age_recipient)


def test_stopping_early_ends_the_decrypting_thread(tmp_path: Path) -> None:
    import threading

    hub = keys()
    data = crypto.encrypt_bytes(b"x" * 2_000_000, [hub.age_recipient])
    chunks = crypto.decrypt_chunks(io.BytesIO(data), hub.age_identity)
    next(chunks)
    chunks.close()  # type: ignore[attr-defined]
    assert not any(t.name == "dxdesk-age-decrypt" for t in threading.enumerate())
