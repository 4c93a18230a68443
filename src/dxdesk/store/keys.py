"""Key slots for the database key, LUKS-style, in a small authenticated file.

The database key is 32 random bytes given to SQLCipher as a raw key. It is never stored as
such: each slot wraps it with an AEAD (AES-256-GCM) under a key-encryption key from one source:

* ``passphrase``: Argon2id over the NFKC-normalised passphrase (salt and cost stored).
* ``recovery``: a 160-bit random recovery key shown once as grouped base32, through HKDF.
* ``keyring``: a random key-encryption key kept in the OS keyring; never the only slot.

The AEAD's associated data binds each slot to this database id and slot id, so slots cannot be
moved between profiles or swapped. The whole file carries an HMAC under a key derived from the
database key, checked after a slot opens, so edits to any slot or parameter are detected.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
import unicodedata
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dxdesk.errors import UserError
from dxdesk.fsutil import atomic_write_bytes

FORMAT = "dxdesk-keyslots"
VERSION = 1
KEY_BYTES = 32
RECOVERY_BYTES = 20  # 160 bits
MIN_PASSPHRASE = 8
CIPHER = "sqlcipher4-raw-key"
NONCE_BYTES = 12
SALT_BYTES = 16
# Upper bounds for Argon2id parameters read from a key file. They are used before the MAC can
# be checked, so a tampered file must not be able to make an unlock hang or exhaust memory.
MAX_ITERATIONS = 100
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_LANES = 64
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The defaults are tuned at profile creation (see ``tune``)."""

    iterations: int = 3
    memory_kib: int = 262_144
    lanes: int = 4

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        kdf = Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(secret)


def tune(target_seconds: float = 0.8, base: KdfParams | None = None) -> KdfParams:
    """Pick Argon2id iterations so one unlock costs about ``target_seconds`` on this machine."""
    base = base or KdfParams(iterations=2)
    samples = []
    for _ in range(2):  # the first run also pays for allocating the memory
        start = time.perf_counter()
        base.derive(b"calibration", secrets.token_bytes(16))
        samples.append(time.perf_counter() - start)
    per_iteration = max(min(samples) / base.iterations, 1e-4)
    iterations = round(target_seconds / per_iteration)
    return replace(base, iterations=min(max(iterations, 2), 12))


def normalize_passphrase(passphrase: str) -> bytes:
    # NFKC so that a passphrase typed with a Japanese IME in full-width mode still opens.
    try:
        return unicodedata.normalize("NFKC", passphrase).encode("utf-8")
    except UnicodeEncodeError:
        # Bytes that were not UTF-8 (an environment variable, a pipe): no keyboard types them.
        raise UserError("unreadable_text") from None


def check_new_passphrase(passphrase: str) -> None:
    if len(unicodedata.normalize("NFKC", passphrase)) < MIN_PASSPHRASE:
        raise UserError("passphrase_too_short", min=MIN_PASSPHRASE)


# ---------------------------------------------------------------- recovery keys


def new_recovery_key() -> str:
    return format_recovery_key(secrets.token_bytes(RECOVERY_BYTES))


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Accept what a person copies by hand: any case, spaces, hyphens, 0/1/8 for O/I/B."""
    cleaned = unicodedata.normalize("NFKC", text).upper()
    cleaned = "".join(ch for ch in cleaned if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 32 or any(ch not in _B32 for ch in cleaned):
        raise UserError("wrong_recovery_key")
    return base64.b32decode(cleaned)


# ---------------------------------------------------------------- slots


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    data = base64.b64decode(text, validate=True)
    if _b64(data) != text:  # one text per value: the unused low bits must be zero
        raise ValueError("non-canonical base64")
    return data


def _check_kdf(slot_type: str, kdf: dict[str, Any]) -> None:
    """Refuse KDF parameters this version never writes (raises ValueError or KeyError)."""
    if slot_type == "passphrase":
        if kdf["name"] != "argon2id" or len(_unb64(kdf["salt"])) != SALT_BYTES:
            raise ValueError("bad passphrase slot parameters")
        iterations, memory, lanes = kdf["iterations"], kdf["memory_kib"], kdf["lanes"]
        if not all(type(v) is int for v in (iterations, memory, lanes)):
            raise ValueError("Argon2id parameters must be integers")
        if not (
            1 <= iterations <= MAX_ITERATIONS
            and 1 <= lanes <= MAX_LANES
            and 8 * lanes <= memory <= MAX_MEMORY_KIB
        ):
            raise ValueError("Argon2id parameters out of range")
    elif slot_type == "recovery":
        if kdf["name"] != "hkdf-sha256" or len(_unb64(kdf["salt"])) != SALT_BYTES:
            raise ValueError("bad recovery slot parameters")
    elif slot_type == "keyring":
        if kdf["name"] != "os-keyring":
            raise ValueError("bad keyring slot parameters")
    else:
        raise ValueError("unknown slot type")


@dataclass(frozen=True)
class Slot:
    id: str
    type: str  # passphrase | recovery | keyring
    nonce: bytes
    ciphertext: bytes
    kdf: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "kdf": self.kdf,
            "aead": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "ct": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        if data.get("aead") != "aes-256-gcm":
            raise ValueError("unsupported AEAD")
        slot = cls(
            id=str(data["id"]),
            type=str(data["type"]),
            nonce=_unb64(data["nonce"]),
            ciphertext=_unb64(data["ct"]),
            kdf=dict(data.get("kdf") or {}),
        )
        # A wrapped 32-byte key plus the 16-byte GCM tag, under a 96-bit nonce.
        if len(slot.nonce) != NONCE_BYTES or len(slot.ciphertext) != KEY_BYTES + 16:
            raise ValueError("bad slot sizes")
        _check_kdf(slot.type, slot.kdf)
        return slot


# The cryptography package is imported where it is used: reading a key file (is there a keyring
# slot?) comes before the unlock dialog, the ciphers only after it (bench/gui.py W2a).


def _aad(db_id: str, slot_id: str) -> bytes:
    return f"dxdesk-keyslot/v{VERSION}/{db_id}/{slot_id}".encode()


def _wrap(kek: bytes, db_key: bytes, db_id: str, slot_id: str) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, db_key, _aad(db_id, slot_id))


def _unwrap(kek: bytes, slot: Slot, db_id: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(kek).decrypt(slot.nonce, slot.ciphertext, _aad(db_id, slot.id))
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


def _recovery_kek(raw: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"dxdesk recovery slot"
    ).derive(raw)


def _mac_key(db_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"dxdesk keyfile mac"
    ).derive(db_key)


@dataclass(frozen=True)
class KeyFile:
    """The parsed key-slot file. Immutable: every change returns a new KeyFile."""

    db_id: str
    slots: tuple[Slot, ...]
    mac: bytes = b""

    # -- serialisation

    def _body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "db_id": self.db_id,
            "cipher": CIPHER,
            "slots": [s.to_json() for s in self.slots],
        }

    def _canonical(self) -> bytes:
        return json.dumps(self._body(), sort_keys=True, separators=(",", ":")).encode("utf-8")

    def sealed(self, db_key: bytes) -> KeyFile:
        mac = hmac.new(_mac_key(db_key), self._canonical(), hashlib.sha256).digest()
        return replace(self, mac=mac)

    def verify(self, db_key: bytes, path: Path) -> None:
        expected = hmac.new(_mac_key(db_key), self._canonical(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, self.mac):
            raise UserError("keyfile_corrupt", path=str(path))

    def to_bytes(self) -> bytes:
        body = self._body()
        body["mac"] = _b64(self.mac)
        return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, path: Path) -> KeyFile:
        try:
            body = json.loads(data.decode("utf-8"))
            if body.get("format") != FORMAT or body.get("version") != VERSION:
                raise ValueError("unknown key file format")
            if body.get("cipher") != CIPHER:  # not covered by the MAC: _body() writes it
                raise ValueError("unknown cipher")
            db_id = str(body["db_id"])
            uuid.UUID(db_id)
            slots = tuple(Slot.from_json(s) for s in body["slots"])
            mac = _unb64(body["mac"])
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise UserError("keyfile_corrupt", path=str(path)) from None
        if not slots or len({s.id for s in slots}) != len(slots):
            raise UserError("keyfile_corrupt", path=str(path))
        return cls(db_id=db_id, slots=slots, mac=mac)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise UserError("keyfile_missing", path=str(path)) from None
        except OSError:
            raise UserError("keyfile_corrupt", path=str(path)) from None
        return cls.from_bytes(data, path)

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())

    # -- slots

    def slot_of_type(self, slot_type: str) -> Slot | None:
        for s in self.slots:
            if s.type == slot_type:
                return s
        return None

    def has(self, slot_type: str) -> bool:
        return self.slot_of_type(slot_type) is not None

    def with_slot(self, slot: Slot) -> KeyFile:
        others = tuple(s for s in self.slots if s.type != slot.type)
        return replace(self, slots=(*others, slot), mac=b"")

    def without(self, slot_type: str) -> KeyFile:
        if slot_type in ("passphrase", "recovery"):
            raise ValueError("the passphrase and recovery slots are never removed")
        return replace(self, slots=tuple(s for s in self.slots if s.type != slot_type), mac=b"")

    # -- opening

    def open_with_passphrase(self, passphrase: str) -> bytes | None:
        slot = self.slot_of_type("passphrase")
        if slot is None:
            return None
        params = KdfParams(
            iterations=int(slot.kdf["iterations"]),
            memory_kib=int(slot.kdf["memory_kib"]),
            lanes=int(slot.kdf["lanes"]),
        )
        kek = params.derive(normalize_passphrase(passphrase), _unb64(slot.kdf["salt"]))
        return _unwrap(kek, slot, self.db_id)

    def open_with_recovery(self, recovery_key: str) -> bytes | None:
        slot = self.slot_of_type("recovery")
        if slot is None:
            return None
        raw = parse_recovery_key(recovery_key)
        return _unwrap(_recovery_kek(raw, _unb64(slot.kdf["salt"])), slot, self.db_id)

    def open_with_kek(self, kek: bytes) -> bytes | None:
        slot = self.slot_of_type("keyring")
        return None if slot is None else _unwrap(kek, slot, self.db_id)


def passphrase_slot(db_key: bytes, db_id: str, passphrase: str, params: KdfParams) -> Slot:
    salt = secrets.token_bytes(SALT_BYTES)
    slot_id = f"passphrase-{secrets.token_hex(4)}"
    kek = params.derive(normalize_passphrase(passphrase), salt)
    nonce, ct = _wrap(kek, db_key, db_id, slot_id)
    kdf = {
        "name": "argon2id",
        "salt": _b64(salt),
        "iterations": params.iterations,
        "memory_kib": params.memory_kib,
        "lanes": params.lanes,
    }
    return Slot(slot_id, "passphrase", nonce, ct, kdf)


def recovery_slot(db_key: bytes, db_id: str, recovery_key: str) -> Slot:
    salt = secrets.token_bytes(SALT_BYTES)
    slot_id = f"recovery-{secrets.token_hex(4)}"
    kek = _recovery_kek(parse_recovery_key(recovery_key), salt)
    nonce, ct = _wrap(kek, db_key, db_id, slot_id)
    return Slot(slot_id, "recovery", nonce, ct, {"name": "hkdf-sha256", "salt": _b64(salt)})


def keyring_slot(db_key: bytes, db_id: str, kek: bytes) -> Slot:
    slot_id = f"keyring-{secrets.token_hex(4)}"
    nonce, ct = _wrap(kek, db_key, db_id, slot_id)
    return Slot(slot_id, "keyring", nonce, ct, {"name": "os-keyring"})


def new_keyfile(
    db_key: bytes, db_id: str, passphrase: str, recovery_key: str, params: KdfParams
) -> KeyFile:
    slots = (
        passphrase_slot(db_key, db_id, passphrase, params),
        recovery_slot(db_key, db_id, recovery_key),
    )
    return KeyFile(db_id=db_id, slots=slots).sealed(db_key)
