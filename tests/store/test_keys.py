"""Key slots: passphrase, recovery key and keyring slots, the file MAC, and the key file on disk."""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import stat
import uuid
from pathlib import Path
from typing import Any

import pytest

from dxdesk.errors import UserError
from dxdesk.store import keys
from dxdesk.store.keys import KdfParams, KeyFile

# The cheapest legal Argon2id cost: the tests below open slots hundreds of times.
TINY_KDF = KdfParams(iterations=1, memory_kib=8, lanes=1)
PASS = "correct horse battery"
PATH = Path("keys.json")


def _keyfile(
    passphrase: str = PASS, *, with_keyring: bool = False, params: KdfParams = TINY_KDF
) -> tuple[KeyFile, bytes, str, bytes]:
    db_key = secrets.token_bytes(32)
    recovery = keys.new_recovery_key()
    keyfile = keys.new_keyfile(db_key, str(uuid.uuid4()), passphrase, recovery, params)
    kek = secrets.token_bytes(32)
    if with_keyring:
        slot = keys.keyring_slot(db_key, keyfile.db_id, kek)
        keyfile = keyfile.with_slot(slot).sealed(db_key)
    return keyfile, db_key, recovery, kek


def _slot(data: dict[str, Any], slot_type: str) -> dict[str, Any]:
    return next(s for s in data["slots"] if s["type"] == slot_type)


def _flip_b64(text: str, index: int = 0) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode("ascii")


# ---------------------------------------------------------------- passphrase slot


def test_passphrase_round_trip_through_disk(tmp_path: Path) -> None:
    keyfile, db_key, _, _ = _keyfile()
    path = tmp_path / "keys.json"
    keyfile.save(path)
    loaded = KeyFile.load(path)
    assert loaded.open_with_passphrase(PASS) == db_key
    loaded.verify(db_key, path)  # does not raise


def test_wrong_passphrase_returns_none() -> None:
    keyfile, _, _, _ = _keyfile()
    assert keyfile.open_with_passphrase("correct horse battery!") is None
    assert keyfile.open_with_passphrase("") is None


def test_fullwidth_passphrase_opens_ascii_slot() -> None:
    keyfile, db_key, _, _ = _keyfile("pass word 2025")
    # What a Japanese IME in full-width mode types: full-width letters, digits and space.
    assert keyfile.open_with_passphrase("ｐａｓｓ　ｗｏｒｄ　２０２５") == db_key


def test_japanese_passphrase_round_trip() -> None:
    keyfile, db_key, _, _ = _keyfile("みやざき県の伴走支援")
    assert keyfile.open_with_passphrase("みやざき県の伴走支援") == db_key
    assert keyfile.open_with_passphrase("みやざき県の伴走支援。") is None


def test_short_passphrase_refused() -> None:
    with pytest.raises(UserError) as info:
        keys.check_new_passphrase("ｐａｓｓ")
    assert info.value.code == "passphrase_too_short"
    keys.check_new_passphrase("12345678")


# ---------------------------------------------------------------- recovery keys


def test_recovery_key_format() -> None:
    text = keys.new_recovery_key()
    groups = text.split("-")
    assert len(groups) == 8
    assert all(re.fullmatch(r"[A-Z2-7]{4}", g) for g in groups)
    raw = keys.parse_recovery_key(text)
    assert len(raw) * 8 == 160
    assert keys.format_recovery_key(raw) == text


def test_recovery_keys_differ() -> None:
    assert len({keys.new_recovery_key() for _ in range(20)}) == 20


def test_recovery_slot_opens() -> None:
    keyfile, db_key, recovery, _ = _keyfile()
    assert keyfile.open_with_recovery(recovery) == db_key
    assert keyfile.open_with_recovery(keys.new_recovery_key()) is None


def test_recovery_key_parsing_is_lenient() -> None:
    raw = bytes.fromhex("00" * 5 + "ff" * 5 + "5a" * 10)
    canonical = keys.format_recovery_key(raw)
    loose = canonical.lower().replace("-", " ")
    assert keys.parse_recovery_key(loose) == raw
    assert keys.parse_recovery_key(f"  {canonical.replace('-', '')}\n") == raw
    # Full-width characters typed through an IME.
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if c != "-" else "－" for c in canonical)
    assert keys.parse_recovery_key(fullwidth) == raw


def test_recovery_key_accepts_digits_for_look_alike_letters() -> None:
    # A key whose text contains O, I and B, retyped with 0, 1 and 8.
    raw = base64.b32decode("OIBOIBOIBOIBOIBOIBOIBOIBOIBOIBAA")
    canonical = keys.format_recovery_key(raw)
    assert {"O", "I", "B"} <= set(canonical)
    typed = canonical.translate(str.maketrans("OIB", "018")).lower()
    assert keys.parse_recovery_key(typed) == raw


def test_recovery_look_alikes_open_a_slot() -> None:
    keyfile, db_key, recovery, _ = _keyfile()
    typed = recovery.translate(str.maketrans("OIB", "018")).lower().replace("-", " ")
    assert keyfile.open_with_recovery(typed) == db_key


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "hello",
        "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA",  # 28 characters: too short
        "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-A",  # too long
        "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAA9",  # 9 is not base32 and no look-alike
        "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAあ",
        "テスト用 passphrase 2025",
    ],
)
def test_recovery_key_garbage_refused(garbage: str) -> None:
    with pytest.raises(UserError) as info:
        keys.parse_recovery_key(garbage)
    assert info.value.code == "wrong_recovery_key"


def test_open_with_garbage_recovery_key_is_a_user_error() -> None:
    keyfile, _, _, _ = _keyfile()
    with pytest.raises(UserError) as info:
        keyfile.open_with_recovery("not a recovery key")
    assert info.value.code == "wrong_recovery_key"


# ---------------------------------------------------------------- keyring slot and slot set


def test_keyring_slot_opens_with_kek() -> None:
    keyfile, db_key, _, kek = _keyfile(with_keyring=True)
    assert keyfile.open_with_kek(kek) == db_key
    assert keyfile.open_with_kek(secrets.token_bytes(32)) is None
    keyfile.verify(db_key, PATH)


def test_no_keyring_slot_opens_nothing() -> None:
    keyfile, _, _, kek = _keyfile()
    assert keyfile.open_with_kek(kek) is None


def test_without_keyring_drops_it_and_needs_resealing() -> None:
    keyfile, db_key, _, kek = _keyfile(with_keyring=True)
    dropped = keyfile.without("keyring")
    assert not dropped.has("keyring")
    assert dropped.open_with_kek(kek) is None
    with pytest.raises(UserError):
        dropped.verify(db_key, PATH)  # unsealed: its MAC is empty
    dropped.sealed(db_key).verify(db_key, PATH)


@pytest.mark.parametrize("slot_type", ["passphrase", "recovery"])
def test_passphrase_and_recovery_slots_are_never_removed(slot_type: str) -> None:
    keyfile, _, _, _ = _keyfile()
    with pytest.raises(ValueError):
        keyfile.without(slot_type)


def test_with_slot_replaces_the_slot_of_that_type() -> None:
    keyfile, db_key, _, _ = _keyfile()
    slot = keys.passphrase_slot(db_key, keyfile.db_id, "another passphrase", TINY_KDF)
    changed = keyfile.with_slot(slot).sealed(db_key)
    assert [s.type for s in changed.slots].count("passphrase") == 1
    assert changed.open_with_passphrase("another passphrase") == db_key
    assert changed.open_with_passphrase(PASS) is None


# ---------------------------------------------------------------- authentication


def test_slot_moved_to_another_database_does_not_open() -> None:
    keyfile, db_key, recovery, _ = _keyfile()
    other = KeyFile(db_id=str(uuid.uuid4()), slots=keyfile.slots).sealed(db_key)
    assert other.open_with_passphrase(PASS) is None
    assert other.open_with_recovery(recovery) is None


def test_slot_renamed_does_not_open() -> None:
    keyfile, _, _, _ = _keyfile()
    data = json.loads(keyfile.to_bytes())
    _slot(data, "passphrase")["id"] = "passphrase-00000000"
    tampered = KeyFile.from_bytes(json.dumps(data).encode(), PATH)
    assert tampered.open_with_passphrase(PASS) is None


def _tamper_cases() -> list[tuple[str, str, Any]]:
    return [
        ("passphrase", "ct", _flip_b64),
        ("passphrase", "nonce", _flip_b64),
        ("recovery", "ct", _flip_b64),
        ("recovery", "nonce", _flip_b64),
        ("passphrase", "kdf.salt", _flip_b64),
        ("recovery", "kdf.salt", _flip_b64),
        ("passphrase", "kdf.iterations", lambda v: v + 1),
        ("passphrase", "kdf.memory_kib", lambda v: v + 8),
        ("passphrase", "kdf.lanes", lambda v: v + 1),
        ("passphrase", "kdf.iterations", lambda v: 0),
        ("passphrase", "kdf.lanes", lambda v: 0),
        ("passphrase", "kdf.memory_kib", lambda v: 0),
        ("passphrase", "kdf.iterations", lambda v: "1"),
        ("passphrase", "kdf.name", lambda v: "scrypt"),
        ("recovery", "kdf.name", lambda v: "argon2id"),
        ("passphrase", "kdf.salt", lambda v: v[:-2] + "!!"),
        ("passphrase", "nonce", lambda v: base64.b64encode(b"short").decode()),
        ("passphrase", "kdf", lambda v: {}),
        ("recovery", "kdf", lambda v: {}),
    ]


@pytest.mark.parametrize(("slot_type", "field", "change"), _tamper_cases())
def test_tampered_slot_never_yields_a_key_silently(slot_type: str, field: str, change: Any) -> None:
    keyfile, db_key, recovery, _ = _keyfile()
    data = json.loads(keyfile.to_bytes())
    target = _slot(data, slot_type)
    if field.startswith("kdf."):
        target = target["kdf"]
        field = field[4:]
    target[field] = change(target[field])
    _assert_rejected(json.dumps(data).encode(), db_key, PASS, recovery, None)


@pytest.mark.parametrize("position", [0, 9, 35])
def test_changed_db_id_never_yields_a_key(position: int) -> None:
    keyfile, db_key, recovery, _ = _keyfile()
    data = json.loads(keyfile.to_bytes())
    db_id = data["db_id"]
    replacement = "0" if db_id[position] != "0" else "1"
    data["db_id"] = db_id[:position] + replacement + db_id[position + 1 :]
    _assert_rejected(json.dumps(data).encode(), db_key, PASS, recovery, None)


def test_changed_mac_is_refused() -> None:
    keyfile, db_key, recovery, _ = _keyfile()
    data = json.loads(keyfile.to_bytes())
    data["mac"] = _flip_b64(data["mac"], 31)
    _assert_rejected(json.dumps(data).encode(), db_key, PASS, recovery, None)


def test_non_canonical_mac_encoding_is_refused() -> None:
    """Two texts for one MAC (unused low bits of the last base64 digit) would be malleable."""
    keyfile, db_key, recovery, _ = _keyfile()
    data = json.loads(keyfile.to_bytes())
    mac = data["mac"]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = alphabet.index(mac[-2])
    data["mac"] = mac[:-2] + alphabet[last ^ 0b01] + "="
    assert base64.b64decode(data["mac"]) == base64.b64decode(mac)
    _assert_rejected(json.dumps(data).encode(), db_key, PASS, recovery, None)


def test_unknown_cipher_is_refused() -> None:
    keyfile, db_key, recovery, _ = _keyfile()
    data = json.loads(keyfile.to_bytes())
    data["cipher"] = "sqlcipher3-passphrase"
    _assert_rejected(json.dumps(data).encode(), db_key, PASS, recovery, None)


def test_removed_slot_is_detected() -> None:
    keyfile, db_key, recovery, kek = _keyfile(with_keyring=True)
    data = json.loads(keyfile.to_bytes())
    data["slots"] = [s for s in data["slots"] if s["type"] != "keyring"]
    _assert_rejected(json.dumps(data).encode(), db_key, PASS, recovery, kek)


def _assert_rejected(
    data: bytes, db_key: bytes, passphrase: str, recovery: str, kek: bytes | None
) -> None:
    """A changed key file must fail to load, open nothing, or fail its MAC: never pass."""
    outcome = _outcome(data, db_key, passphrase, recovery, kek)
    assert outcome != "accepted"


def _outcome(data: bytes, db_key: bytes, passphrase: str, recovery: str, kek: bytes | None) -> str:
    try:
        keyfile = KeyFile.from_bytes(data, PATH)
    except UserError as err:
        assert err.code == "keyfile_corrupt"
        return "load"
    opened = [
        keyfile.open_with_passphrase(passphrase),
        keyfile.open_with_recovery(recovery),
        keyfile.open_with_kek(kek) if kek is not None else None,
    ]
    found = [k for k in opened if k is not None]
    # Never a different key: the AEAD either gives back the real key or nothing.
    assert all(k == db_key for k in found)
    if not found:
        return "closed"
    try:
        keyfile.verify(found[0], PATH)
    except UserError as err:
        assert err.code == "keyfile_corrupt"
        return "mac"
    return "accepted"


@pytest.mark.parametrize("mask", [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80])
def test_every_single_bit_flip_of_the_file_is_caught(mask: int) -> None:
    """Flip one bit at every byte of a real key file: nothing changed may go unnoticed."""
    keyfile, db_key, recovery, kek = _keyfile(with_keyring=True)
    original = keyfile.to_bytes()
    assert _outcome(original, db_key, PASS, recovery, kek) == "accepted"
    seen = set()
    for i in range(len(original)):
        mutated = bytearray(original)
        mutated[i] ^= mask
        outcome = _outcome(bytes(mutated), db_key, PASS, recovery, kek)
        assert outcome != "accepted", f"byte {i} ({chr(original[i])!r}) ^ {mask:#x} went unnoticed"
        seen.add(outcome)
    assert "load" in seen


def test_garbage_files_are_corrupt(tmp_path: Path) -> None:
    keyfile, _, _, _ = _keyfile()
    good = json.loads(keyfile.to_bytes())
    cases: list[bytes] = [
        b"",
        b"\xff\xfe",
        b"[]",
        b"null",
        json.dumps({**good, "format": "other"}).encode(),
        json.dumps({**good, "version": 2}).encode(),
        json.dumps({**good, "db_id": "not-a-uuid"}).encode(),
        json.dumps({**good, "slots": []}).encode(),
        json.dumps({**good, "slots": "x"}).encode(),
        json.dumps({**good, "slots": [good["slots"][0], good["slots"][0]]}).encode(),
        json.dumps({k: v for k, v in good.items() if k != "mac"}).encode(),
    ]
    for data in cases:
        path = tmp_path / "keys.json"
        path.write_bytes(data)
        with pytest.raises(UserError) as info:
            KeyFile.load(path)
        assert info.value.code == "keyfile_corrupt", data


def test_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        KeyFile.load(tmp_path / "absent.json")
    assert info.value.code == "keyfile_missing"


# ---------------------------------------------------------------- tuning and storage


def test_tune_stays_within_bounds() -> None:
    tiny = KdfParams(iterations=1, memory_kib=64, lanes=1)
    for target in (0.0, 0.001, 1000.0):
        params = keys.tune(target, base=tiny)
        assert 2 <= params.iterations <= 12
        assert (params.memory_kib, params.lanes) == (64, 1)
    assert keys.tune(0.0, base=tiny).iterations == 2
    assert keys.tune(1000.0, base=tiny).iterations == 12


def test_save_is_atomic_and_private(tmp_path: Path) -> None:
    keyfile, db_key, _, _ = _keyfile()
    path = tmp_path / "keys.json"
    path.write_text("old content")
    keyfile.save(path)
    keyfile.save(path)  # over an existing file too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keys.json"]
    assert KeyFile.load(path).open_with_passphrase(PASS) == db_key
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_key_file_never_contains_the_key(tmp_path: Path) -> None:
    keyfile, db_key, recovery, kek = _keyfile(with_keyring=True)
    path = tmp_path / "keys.json"
    keyfile.save(path)
    text = path.read_bytes()
    needles = [
        db_key,
        db_key.hex().encode(),
        db_key.hex().upper().encode(),
        base64.b64encode(db_key),
        base64.b64encode(db_key).rstrip(b"="),
        base64.urlsafe_b64encode(db_key).rstrip(b"="),
        base64.b32encode(db_key).rstrip(b"="),
        base64.b64encode(kek).rstrip(b"="),
        kek.hex().encode(),
        recovery.encode(),
        recovery.replace("-", "").encode(),
        base64.b64encode(keys.parse_recovery_key(recovery)).rstrip(b"="),
        PASS.encode(),
    ]
    for needle in needles:
        assert needle not in text
    # Not even a 12-byte window of the key, in any of the encodings above.
    for start in range(0, 21):
        assert db_key[start : start + 12].hex().encode() not in text
