"""The cryptography of bundles: age v1 encryption (pyrage) and Ed25519 signatures (cryptography).

Nothing here is home-made: the age format (X25519 recipients, 64 KiB ChaCha20-Poly1305 STREAM
chunks) comes from rage through pyrage, so the ``age`` command-line tool reads our bundles and we
read its files. Encryption and decryption stream: memory stays flat whatever the bundle's size.

Decryption is pull-style (an iterator of plaintext chunks) although pyrage pushes into a writer:
a worker thread runs ``decrypt_io`` and hands chunks over a small bounded queue.
"""

from __future__ import annotations

import base64
import hashlib
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

import pyrage  # type: ignore[import-untyped]
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from dxdesk.errors import UserError

SIGNATURE_BYTES = 64
PUBLIC_KEY_BYTES = 32
FINGERPRINT_DIGITS = 20
_FINGERPRINT_DOMAIN = b"dxdesk-fingerprint-v1\0"
_QUEUE_CHUNKS = 8  # 8 x 8 KiB in flight between the decrypting thread and the reader


class Readable(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class DeviceKeys:
    """This device's key pairs. ``sign_private`` and ``age_identity`` never leave the database."""

    device_id: str
    sign_private: bytes = field(repr=False)
    sign_public: str
    age_identity: str = field(repr=False)
    age_recipient: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.age_recipient)


def generate_keys(device_id: str) -> DeviceKeys:
    signing = Ed25519PrivateKey.generate()
    identity = pyrage.x25519.Identity.generate()
    return DeviceKeys(
        device_id=device_id,
        sign_private=signing.private_bytes_raw(),
        sign_public=_b64(signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)),
        age_identity=str(identity),
        age_recipient=str(identity.to_public()),
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def decode_public_key(text: str) -> bytes:
    """The raw 32 bytes of an Ed25519 public key in base64; ValueError when malformed."""
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != PUBLIC_KEY_BYTES or _b64(raw) != text:
        raise ValueError("not an Ed25519 public key")
    return raw


def check_recipient(text: str) -> str:
    """An age X25519 recipient (``age1...``); ValueError when malformed."""
    try:
        pyrage.x25519.Recipient.from_str(text)
    except (pyrage.RecipientError, ValueError, TypeError):
        raise ValueError("not an age recipient") from None
    return text


def fingerprint(sign_public: str, age_recipient: str) -> str:
    """20 decimal digits in groups of 5: easy to read aloud and compare by phone (~66 bits)."""
    digest = hashlib.sha256(
        _FINGERPRINT_DOMAIN + decode_public_key(sign_public) + age_recipient.encode("ascii")
    ).digest()
    number = int.from_bytes(digest[:16], "big") % 10**FINGERPRINT_DIGITS
    digits = f"{number:0{FINGERPRINT_DIGITS}d}"
    return " ".join(digits[i : i + 5] for i in range(0, FINGERPRINT_DIGITS, 5))


def sign(keys: DeviceKeys, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(keys.sign_private).sign(message)


def verify(sign_public: str, signature: bytes, message: bytes) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(decode_public_key(sign_public))
        key.verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


# ---------------------------------------------------------------------- age


def _recipients(recipients: Sequence[str]) -> list[pyrage.x25519.Recipient]:
    out = []
    for text in recipients:
        try:
            out.append(pyrage.x25519.Recipient.from_str(text))
        except (pyrage.RecipientError, ValueError, TypeError):
            raise UserError("bundle_bad_key", detail="受信者の公開鍵") from None
    if not out:
        raise ValueError("at least one recipient")
    return out


def encrypt_io(source: Readable, dest: BinaryIO, recipients: Sequence[str]) -> None:
    """Encrypt everything ``source.read`` yields into ``dest`` (age v1, binary, streaming)."""
    reader = _Capturing(source)
    try:
        pyrage.encrypt_io(reader, dest, _recipients(recipients))
    except pyrage.EncryptError:
        if reader.failure is not None:
            raise reader.failure from None
        raise


class _Capturing:
    """A read() that keeps its own exception: pyrage turns it into an error of its own."""

    def __init__(self, source: Readable) -> None:
        self.source = source
        self.failure: BaseException | None = None

    def read(self, n: int = -1) -> bytes:
        try:
            return self.source.read(n)
        except BaseException as exc:
            self.failure = exc
            raise


def decrypt_chunks(source: Readable, identity: str) -> Iterator[bytes]:
    """Plaintext chunks of an age file, authenticated chunk by chunk as they arrive.

    A chunk is only handed out after its Poly1305 tag checked; a truncated or altered file raises
    UserError before its damaged part is seen. Closing the iterator early stops the worker.
    """
    try:
        ident = pyrage.x25519.Identity.from_str(identity)
    except (pyrage.IdentityError, ValueError, TypeError):
        raise UserError("bundle_bad_key", detail="この端末の秘密鍵") from None
    chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=_QUEUE_CHUNKS)
    stop = threading.Event()

    class _Stopped(Exception):
        pass

    class _Sink:
        def write(self, data: bytes) -> int:
            _put(bytes(data))
            return len(data)

        def flush(self) -> None:
            pass

    def _put(item: bytes | BaseException | None) -> None:
        while True:
            if stop.is_set():
                raise _Stopped
            try:
                chunks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    reader = _Capturing(source)

    def _work() -> None:
        try:
            pyrage.decrypt_io(reader, _Sink(), [ident])
        except _Stopped:
            return
        except BaseException as exc:  # handed to the reader, which raises it
            try:
                _put(reader.failure or exc)
            except _Stopped:
                return
        else:
            try:
                _put(None)
            except _Stopped:
                return

    worker = threading.Thread(target=_work, name="dxdesk-age-decrypt", daemon=True)
    worker.start()
    try:
        while True:
            item = chunks.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise _decrypt_error(item)
            yield item
    finally:
        stop.set()
        worker.join()


def _decrypt_error(exc: BaseException) -> BaseException:
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, pyrage.DecryptError):
        text = str(exc).lower()
        if "no matching keys" in text or "no identity matched" in text:
            return UserError("bundle_wrong_recipient")
        return UserError("bundle_damaged", detail="暗号の認証に失敗しました")
    if isinstance(exc, OSError):
        return UserError("bundle_damaged", detail="読み込みに失敗しました")
    return exc


def encrypt_bytes(data: bytes, recipients: Sequence[str]) -> bytes:
    """Small payloads (enrolment files, tests)."""
    return bytes(pyrage.encrypt(data, _recipients(recipients)))


def reader_from_chunks(chunks: Iterator[bytes]) -> Callable[[int], bytes]:
    """A read(n) over an iterator of chunks, for parsers that want byte counts."""
    buffer = bytearray()

    def read(n: int) -> bytes:
        while len(buffer) < n:
            try:
                buffer.extend(next(chunks))
            except StopIteration:
                break
        out = bytes(buffer[:n])
        del buffer[:n]
        return out

    return read
