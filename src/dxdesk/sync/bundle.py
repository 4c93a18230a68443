"""The bundle file: writing and reading, with every check made before anything is trusted.

A bundle is one age v1 file (see docs/bundle-format.md). Its plaintext is::

    DXDESK-BUNDLE/1\\n          magic and format version
    {manifest JSON}\\n           one line, at most MAX_MANIFEST bytes
    {base64 Ed25519 signature}\\n  over b"dxdesk-bundle-v1\\n" + the manifest line
    zlib stream                 NDJSON, one change (a row of `changes`) per line

The manifest names the sender, the recipient, the bundle id, the features a reader must
support, the schema version, the per-device sequence ranges carried, the sender's state vector,
and the count, size and SHA-256 of the uncompressed payload. Reading verifies the signature
against the enrolled key before a single payload byte is decompressed, checks the declared sizes
against the limits before decompressing, and never decompresses past the declared size.

Writing streams twice over the changes (the first pass hashes, the second compresses and
encrypts), so memory stays flat: nothing is held whole and no plaintext touches the disk.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import secrets
import shutil
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from dxdesk import __version__
from dxdesk.core.hlc import acceptable as hlc_acceptable
from dxdesk.errors import UserError
from dxdesk.fsutil import fsync_dir, io_error, open_regular
from dxdesk.store import chain
from dxdesk.sync import crypto, origin

MAGIC = b"DXDESK-BUNDLE/"
FORMAT_VERSION = 1
SIGNING_DOMAIN = b"dxdesk-bundle-v1\n"
SUFFIX = ".dxb"
# What this reader understands; a bundle that requires anything else is refused (as git does).
SUPPORTED_FEATURES = frozenset({"changes-ndjson-1", "zlib", origin.FEATURE})
WRITTEN_FEATURES = ("changes-ndjson-1", "zlib")
# Written when the payload carries the origin proofs (sync/origin.py): every bundle this version
# writes. A reader that does not know it refuses the bundle and says to update dxdesk.
PROOF_FEATURES = (*WRITTEN_FEATURES, origin.FEATURE)
OPS = frozenset({"create", "update", "delete", "restore"})
_MAX_ID = 64
_MAX_NAME = 200
_MAX_DEVICES = 10_000
_MAX_FEATURES = 32
_READ_CHUNK = 64 * 1024
_COMPRESS_LEVEL = 6


@dataclass(frozen=True)
class Limits:
    """Upper bounds a reader enforces before and while decompressing."""

    max_file: int = 2 * 1024**3
    max_manifest: int = 1024 * 1024
    max_payload: int = 8 * 1024**3
    max_changes: int = 20_000_000
    max_line: int = 4 * 1024 * 1024


DEFAULT_LIMITS = Limits()


ChangeLike = chain.ChangeLike


ChangeRow = tuple[str, int, str, str, str, str, str]


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    sender: str
    sender_name: str
    recipient: str
    created_at: str
    schema_version: int
    full: bool
    requires: tuple[str, ...]
    ranges: dict[str, tuple[int, int]]
    state_vector: dict[str, int]
    count: int
    size: int
    sha256: str
    raw: bytes = field(repr=False)
    digest: str | None = None  # the sender's merge digest, for the divergence check
    # The recipient's state vector as the sender knew it, from which the changes were chosen
    # (None: a bundle from a writer that did not say). With ``scope`` it tells the merge which
    # sequence numbers the bundle accounts for (merge.apply's ``covers``).
    since: dict[str, int] | None = None
    scope: tuple[str, ...] | None = None  # the organisations a scoped bundle was limited to
    app_version: str | None = None  # the dxdesk that wrote it (display only: named on refusal)

    @property
    def content_hash(self) -> str:
        """Identity of the bundle's content: the signed manifest binds the payload hash."""
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class Sender:
    """What the roster knows of a sender: its enrolled public key, and whether it is revoked."""

    sign_public: str
    revoked: bool = False


# --------------------------------------------------------------------------- encoding


def encode_change(change: ChangeLike) -> bytes:
    """A change's payload line: its canonical form (store/chain.py, the chain's leaf) + LF."""
    line = chain.encode_row(
        change.device_id,
        change.dev_seq,
        change.hlc,
        change.kind,
        change.record_id,
        change.op,
        change.payload,
    )
    return line + b"\n"


def _encode(item: bytes | ChangeLike) -> bytes:
    return item if isinstance(item, bytes) else encode_change(item)


def _damaged(detail: str) -> UserError:
    return UserError("bundle_damaged", detail=detail)


def is_uuid(value: object) -> bool:
    """A UUID in its canonical text form (what every id in a bundle is)."""
    return _is_uuid(value)


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str) or len(value) > _MAX_ID:
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def decode_change(line: bytes) -> ChangeRow:
    """One payload line to a change row, every field checked; UserError when anything is off."""
    try:
        row = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _damaged("変更の行を読めません") from None
    if not isinstance(row, list) or len(row) != 7:
        raise _damaged("変更の行の形式が違います")
    device_id, dev_seq, hlc, kind, record_id, op, payload = row
    if not _is_uuid(device_id):
        raise _damaged("端末 ID が正しくありません")
    if type(dev_seq) is not int or not 1 <= dev_seq < 2**62:
        raise _damaged("連番が正しくありません")
    if not isinstance(hlc, str) or not hlc_acceptable(hlc):
        raise _damaged("時刻印が正しくないか、範囲外です")
    # A kind this version does not know is a newer version's: the merge keeps it (sync/foreign.py).
    if not isinstance(kind, str) or not 0 < len(kind) <= _MAX_ID:
        raise _damaged("記録の種類が正しくありません")
    if not isinstance(record_id, str) or not 0 < len(record_id) <= _MAX_ID:
        raise _damaged("記録 ID が正しくありません")
    if op not in OPS:
        raise _damaged("操作の種類が正しくありません")
    if (
        not isinstance(payload, str)
        or not chain.encodable(payload)
        or not chain.encodable(record_id)
    ):
        raise _damaged("変更内容が正しくありません")
    try:
        body = json.loads(payload)
    except (ValueError, RecursionError):
        raise _damaged("変更内容が正しくありません") from None
    if not isinstance(body, dict):
        raise _damaged("変更内容が正しくありません")
    return (device_id, dev_seq, hlc, kind, record_id, op, payload)


def _decode_proof(line: bytes) -> dict[str, Any]:
    """A proof line (sync/origin.py checks its fields): a JSON object with a string ``t``."""
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _damaged("署名の行を読めません") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("t"), str):
        raise _damaged("署名の行の形式が違います")
    return obj


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def parse_manifest(raw: bytes) -> Manifest:
    """The manifest line, strictly typed. Unknown keys are ignored (features say what matters)."""
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _damaged("目録を読めません") from None
    if not isinstance(obj, dict):
        raise _damaged("目録の形式が違います")

    def get(name: str, typ: type | tuple[type, ...]) -> Any:
        value = obj.get(name)
        if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
            raise _damaged(f"目録の項目 {name} が正しくありません")
        return value

    requires = get("requires", list)
    if len(requires) > _MAX_FEATURES or not all(
        isinstance(f, str) and 0 < len(f) <= _MAX_ID for f in requires
    ):
        raise _damaged("目録の項目 requires が正しくありません")
    for name in ("bundle_id", "sender", "recipient"):
        if not _is_uuid(obj.get(name)):
            raise _damaged(f"目録の項目 {name} が正しくありません")
    ranges_raw = get("ranges", dict)
    vector_raw = get("state_vector", dict)
    if len(ranges_raw) > _MAX_DEVICES or len(vector_raw) > _MAX_DEVICES:
        raise _damaged("目録の端末数が多すぎます")
    ranges: dict[str, tuple[int, int]] = {}
    for device, pair in ranges_raw.items():
        if (
            not _is_uuid(device)
            or not isinstance(pair, list)
            or len(pair) != 2
            or not all(type(n) is int and 1 <= n < 2**62 for n in pair)
            or pair[0] > pair[1]
        ):
            raise _damaged("目録の連番の範囲が正しくありません")
        ranges[device] = (pair[0], pair[1])
    vector = _parse_vector(vector_raw, "状態ベクトル")
    since = None if obj.get("since") is None else _parse_vector(get("since", dict), "since")
    scope_raw = obj.get("scope")
    scope: tuple[str, ...] | None = None
    if scope_raw is not None:
        if (
            not isinstance(scope_raw, list)
            or len(scope_raw) > _MAX_DEVICES
            or not all(isinstance(o, str) and 0 < len(o) <= _MAX_NAME for o in scope_raw)
        ):
            raise _damaged("目録の項目 scope が正しくありません")
        scope = tuple(scope_raw)
    count, size = get("count", int), get("size", int)
    sha = get("sha256", str)
    if count < 0 or size < 0 or not _is_hex64(sha):
        raise _damaged("目録の内容の大きさが正しくありません")
    digest = obj.get("digest")
    if digest is not None and not _is_hex64(digest):
        raise _damaged("目録の項目 digest が正しくありません")
    app_version = obj.get("app_version")
    if app_version is not None and not (
        isinstance(app_version, str) and 0 < len(app_version) <= 40 and chain.encodable(app_version)
    ):
        raise _damaged("目録の項目 app_version が正しくありません")
    sender_name, created_at = get("sender_name", str), get("created_at", str)
    if len(sender_name) > _MAX_NAME or len(created_at) > _MAX_ID:
        raise _damaged("目録の項目が長すぎます")
    if not chain.encodable(sender_name) or not _is_time(created_at):
        raise _damaged("目録の項目 created_at または sender_name が正しくありません")
    return Manifest(
        bundle_id=obj["bundle_id"],
        sender=obj["sender"],
        sender_name=sender_name,
        recipient=obj["recipient"],
        created_at=created_at,
        schema_version=get("schema_version", int),
        full=get("full", bool),
        requires=tuple(requires),
        ranges=ranges,
        state_vector=vector,
        count=count,
        size=size,
        sha256=sha,
        raw=bytes(raw),
        digest=digest,
        since=since,
        scope=scope,
        app_version=app_version,
    )


def _is_time(text: str) -> bool:
    """An ISO 8601 time with its offset, before the accepted bound (core/hlc.py)."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return False
    return when.tzinfo is not None and when.year < 9999


def _parse_vector(raw: dict[Any, Any], what: str) -> dict[str, int]:
    """{device UUID: sequence number >= 0}, as the state vector and ``since`` are written."""
    if len(raw) > _MAX_DEVICES:
        raise _damaged("目録の端末数が多すぎます")
    vector: dict[str, int] = {}
    for device, seq in raw.items():
        if not _is_uuid(device) or type(seq) is not int or not 0 <= seq < 2**62:
            raise _damaged(f"目録の{what}が正しくありません")
        vector[device] = seq
    return vector


def _is_hex64(value: object) -> bool:
    return (
        isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    )


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class Written:
    path: Path
    manifest: Manifest


class _Plaintext:
    """read(n) over header + compressed payload, produced on demand from the second pass."""

    def __init__(self, head: bytes, lines: Iterator[bytes]) -> None:
        self._buffer = bytearray(head)
        self._lines = lines
        self._compressor = zlib.compressobj(_COMPRESS_LEVEL)
        self._done = False
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, n: int = -1) -> bytes:
        want = n if n and n > 0 else _READ_CHUNK
        while len(self._buffer) < want and not self._done:
            batch = bytearray()
            for line in self._lines:
                batch += line
                if len(batch) >= _READ_CHUNK:
                    break
            if batch:
                self.digest.update(batch)
                self.size += len(batch)
                self._buffer += self._compressor.compress(bytes(batch))
            else:
                self._buffer += self._compressor.flush()
                self._done = True
        out = bytes(self._buffer[:want])
        del self._buffer[:want]
        return out


def new_bundle_id() -> str:
    return str(uuid.uuid4())


def bundle_file_name(created_at: str, device_id: str, bundle_id: str) -> str:
    """The file name of a bundle, from ids and its time only (never from user text); known
    before the bundle is written, so the export log inside it can name its own file."""
    stamp = created_at[:19].replace("-", "").replace(":", "").replace("T", "-")
    return f"dxdesk-{stamp}-{device_id[:8]}-{bundle_id[:8]}{SUFFIX}"


def write_bundle(
    out_dir: Path,
    source: Callable[[], Iterable[bytes | ChangeLike]],
    *,
    keys: crypto.DeviceKeys,
    sender_name: str,
    recipient: str,
    recipients: list[str],
    schema_version: int,
    state_vector: dict[str, int],
    created_at: str,
    full: bool,
    since: dict[str, int] | None = None,
    extra: dict[str, Any] | None = None,
    requires: tuple[str, ...] = WRITTEN_FEATURES,
    bundle_id: str | None = None,
) -> Written:
    """Write one bundle into ``out_dir`` (temp name, fsync, rename) and return it.

    ``source`` is called twice and must yield the same changes both times (the caller holds
    one read snapshot). The file name is made here from ids only, never from user text.
    """
    digest = hashlib.sha256()
    size = count = 0
    ranges: dict[str, list[int]] = {}
    for item in source():
        line = _encode(item)
        digest.update(line)
        size += len(line)
        if isinstance(item, bytes):
            continue  # a proof line (sync/origin.py): not a change
        count += 1
        pair = ranges.setdefault(item.device_id, [item.dev_seq, item.dev_seq])
        pair[0] = min(pair[0], item.dev_seq)
        pair[1] = max(pair[1], item.dev_seq)
    bundle_id = bundle_id or new_bundle_id()
    manifest_obj: dict[str, Any] = {
        **(extra or {}),
        "format": FORMAT_VERSION,
        "requires": list(requires),
        "bundle_id": bundle_id,
        "sender": keys.device_id,
        "sender_name": sender_name[:_MAX_NAME],
        "app_version": __version__,
        "recipient": recipient,
        "created_at": created_at,
        "schema_version": schema_version,
        "full": full,
        "ranges": ranges,
        "state_vector": state_vector,
        **({} if since is None else {"since": since}),
        "count": count,
        "size": size,
        "sha256": digest.hexdigest(),
    }
    raw = _canonical(manifest_obj)
    manifest = parse_manifest(raw)
    signature = crypto.sign(keys, SIGNING_DOMAIN + raw)
    head = b"%s%d\n%s\n%s\n" % (MAGIC, FORMAT_VERSION, raw, base64.b64encode(signature))

    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        free = shutil.disk_usage(out_dir).free
    except OSError as exc:
        raise io_error(exc, out_dir) from exc
    # zlib never grows data by more than ~0.03 %; age adds 16 bytes per 64 KiB and a header.
    needed = len(head) + size + size // 500 + 1024 * 1024
    if free < needed:
        raise UserError("disk_full")
    name = bundle_file_name(created_at, keys.device_id, bundle_id)
    dest = out_dir / name
    tmp = out_dir / f".{name}.{secrets.token_hex(6)}.tmp"
    plain = _Plaintext(head, (_encode(c) for c in source()))
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            crypto.encrypt_io(plain, handle, recipients)
            handle.flush()
            os.fsync(handle.fileno())
        if plain.digest.hexdigest() != manifest.sha256 or plain.size != size:
            raise RuntimeError("the changes differed between the two export passes")
        os.replace(tmp, dest)
        fsync_dir(out_dir)
    except OSError as exc:
        raise io_error(exc, dest) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return Written(dest, manifest)


# --------------------------------------------------------------------------- reading


class _Capped:
    """A reader that stops at ``limit`` bytes, for a file that grows while it is read."""

    def __init__(self, handle: BinaryIO, limit: int) -> None:
        self._handle = handle
        self._limit = limit
        self._left = limit

    def read(self, n: int = -1) -> bytes:
        want = self._left + 1 if n is None or n < 0 else min(n, self._left + 1)
        data = self._handle.read(want)
        self._left -= len(data)
        if self._left < 0:
            raise UserError("bundle_too_large", limit=_human(self._limit))
        return data


class _Stream:
    """Lines and raw chunks from the decrypted plaintext, with hard caps on line length."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = bytearray()

    def line(self, limit: int, what: str) -> bytes:
        while True:
            end = self._buffer.find(b"\n", 0, limit + 1)
            if end >= 0:
                out = bytes(self._buffer[:end])
                del self._buffer[: end + 1]
                return out
            if len(self._buffer) > limit:
                raise _damaged(f"{what}が長すぎます")
            try:
                self._buffer += next(self._chunks)
            except StopIteration:
                raise _damaged(f"{what}が途中で切れています") from None

    def rest(self) -> Iterator[bytes]:
        if self._buffer:
            yield bytes(self._buffer)
            self._buffer.clear()
        yield from self._chunks


class OpenBundle:
    """A decrypted, signature-checked bundle whose payload has not been read yet."""

    def __init__(self, manifest: Manifest, stream: _Stream, limits: Limits) -> None:
        self.manifest = manifest
        self._stream = stream
        self._limits = limits
        self._used = False

    @property
    def proofs(self) -> bool:
        """Does the payload carry origin proofs (sync/origin.py)?"""
        return origin.FEATURE in self.manifest.requires

    def rows(self) -> Iterator[ChangeRow]:
        """Every change, validated as it streams (proof lines are skipped: ``items``)."""
        for item, _line in self.items():
            if not isinstance(item, dict):
                yield item

    def items(self) -> Iterator[tuple[ChangeRow | dict[str, Any], bytes]]:
        """Every payload line, validated as it streams, with its bytes: a change row, or a
        proof line (a JSON object) when the bundle carries proofs. The hash, count and size
        are checked at the end, before the last line is handed out, so a consumer never
        finishes on bad data."""
        if self._used:
            raise RuntimeError("a bundle's payload can be read once")
        self._used = True
        m = self.manifest
        digest = hashlib.sha256()
        size = count = 0
        decompressor = zlib.decompressobj()
        pending = bytearray()
        held: tuple[ChangeRow | dict[str, Any], bytes] | None = None
        proofs = self.proofs
        for chunk in self._stream.rest():
            data = chunk
            while data:
                # Never inflate past the declared size (+1 byte to notice a lie).
                room = m.size - size + 1
                try:
                    out = decompressor.decompress(data, room)
                except zlib.error:
                    raise _damaged("圧縮データが壊れています") from None
                data = decompressor.unconsumed_tail
                size += len(out)
                if size > m.size:
                    raise _damaged("内容が目録の大きさを超えています")
                digest.update(out)
                pending += out
                start = 0
                while True:
                    end = pending.find(b"\n", start)
                    if end < 0:
                        break
                    line = bytes(pending[start:end])
                    start = end + 1
                    item: ChangeRow | dict[str, Any]
                    if proofs and line[:1] == b"{":
                        item = _decode_proof(line)
                    else:
                        item = decode_change(line)
                        count += 1
                        if count > m.count:
                            raise _damaged("変更の数が目録と一致しません")
                        span = m.ranges.get(item[0])
                        if span is None or not span[0] <= item[1] <= span[1]:
                            raise _damaged("変更が目録の連番の範囲外です")
                    if held is not None:
                        yield held
                    held = (item, line)
                del pending[:start]
                if len(pending) > self._limits.max_line:
                    raise _damaged("変更の行が長すぎます")
                if decompressor.eof:
                    if data or decompressor.unused_data:
                        raise _damaged("圧縮データの後に余分なデータがあります")
                    break
        if not decompressor.eof:
            raise _damaged("圧縮データが途中で切れています")
        if pending:
            raise _damaged("最後の変更の行が途中で切れています")
        if count != m.count or size != m.size or digest.hexdigest() != m.sha256:
            raise _damaged("内容のハッシュが目録と一致しません")
        if held is not None:
            yield held


def _check_manifest(manifest: Manifest, *, me: str, limits: Limits) -> None:
    # What a newer writer needs honoured is a feature in ``requires``; anything else it adds
    # (kinds, fields, manifest keys) is kept or ignored (docs/architecture.md, "Versions that
    # mix"), so a newer ``schema_version`` alone refuses nothing.
    unknown = sorted(set(manifest.requires) - SUPPORTED_FEATURES)
    if unknown:
        raise UserError("bundle_unsupported_feature", feature=", ".join(unknown)[:200])
    if manifest.recipient != me:
        raise UserError("bundle_wrong_recipient")
    if manifest.size > limits.max_payload or manifest.count > limits.max_changes:
        raise UserError("bundle_too_large", limit=_human(min(manifest.size, limits.max_payload)))


def _human(n: int) -> str:
    return f"{n / 1024**2:.0f} MiB"


@contextlib.contextmanager
def open_bundle(
    path: Path,
    keys: crypto.DeviceKeys,
    senders: Callable[[str], Sender | None],
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[OpenBundle]:
    """Decrypt and verify a bundle's head; the payload is then read through ``rows()``.

    Refuses, each with its own message: too large, not an age file for this device, not a
    bundle, a newer format, an unknown or revoked sender, a bad signature, an unsupported
    feature, another recipient.
    """
    path = Path(path)
    # A pipe or a device could block or never end: refused before it is opened.
    handle = open_regular(path, not_regular=UserError("bundle_not_bundle"))
    with handle:
        try:
            info = os.fstat(handle.fileno())
        except OSError as exc:
            raise UserError("io_error", path=str(path)) from exc
        if info.st_size > limits.max_file:
            raise UserError("bundle_too_large", limit=_human(limits.max_file))
        chunks = crypto.decrypt_chunks(_Capped(handle, limits.max_file), keys.age_identity)
        try:
            stream = _Stream(chunks)
            magic = stream.line(len(MAGIC) + 8, "先頭行")
            if not magic.startswith(MAGIC):
                raise UserError("bundle_not_bundle")
            version = magic[len(MAGIC) :]
            if not version.isdigit() or len(version) > 6:
                raise UserError("bundle_not_bundle")
            if int(version) != FORMAT_VERSION:
                raise UserError("bundle_version_unsupported", found=int(version))
            raw = stream.line(limits.max_manifest, "目録")
            sig_line = stream.line(128, "署名")
            manifest = parse_manifest(raw)
            try:
                signature = base64.b64decode(sig_line, validate=True)
            except (binascii.Error, ValueError):
                raise _damaged("署名の形式が違います") from None
            sender = senders(manifest.sender)
            if sender is None:
                raise UserError("bundle_unknown_sender", sender=manifest.sender)
            if sender.revoked:
                raise UserError("bundle_revoked_sender", sender=manifest.sender)
            if len(signature) != crypto.SIGNATURE_BYTES or not crypto.verify(
                sender.sign_public, signature, SIGNING_DOMAIN + raw
            ):
                raise UserError("bundle_bad_signature")
            _check_manifest(manifest, me=keys.device_id, limits=limits)
            yield OpenBundle(manifest, stream, limits)
        finally:
            chunks.close()  # type: ignore[attr-defined]
