"""Origin authentication: every change is proven to come from the device that made it.

A bundle's own signature proves only who *sent* it. The hub relays field laptop A's changes to
laptop B, so B must be able to check A's changes against A's key, whoever carried them, and the
hub must be able to refuse a laptop that ships changes under another device's log. The proof is
the hash chain of each change log (store/chain.py) and a signed *head*: "log L of device D has
N changes, chain value C", signed by D. A bundle (feature ``origin-chain-1``) carries, for every
log it has changes of, one *segment*::

    {"t":"head","log":L,"device":D,"seq":N,"chain":hex,"sig":base64}
    {"t":"from","log":L,"seq":S,"chain":hex}           chain value before the segment
    [change S+1] [change S+2] ...                        the changes carried, in order
    {"t":"leaves","log":L,"from":n,"hashes":hex...}      leaves of changes left out (scope)
    ...                                                  through N

The reader recomputes the chain from ``from`` through every change and leaf to N and compares it
with the signed head: by SHA-256's collision resistance, each change carried is then exactly the
one D logged at that number, nothing was inserted, altered, renumbered or reordered, and every
change left out is accounted for by its leaf. The ``from`` value need not be trusted (it is
authenticated by the head it leads to); it is compared with this database's own chain value at S,
which is how a second history under one log (a copied profile) shows: the histories differ from
the first change they do not share, and the incoming one is kept aside (sync/merge.py, forks).

What each device may say is decided by the caller's ``Policy`` (services/sync.py): a field laptop
only its own logs; its hub anyone's on the roster.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from dxdesk.errors import UserError
from dxdesk.store import chain
from dxdesk.sync import crypto

FEATURE = "origin-chain-1"
HEAD_DOMAIN = b"dxdesk-head-v1\n"
LEAVES_PER_LINE = 1024  # 64 KiB of hex a line, far below the reader's line limit
_HASH_HEX = 64


@dataclass(frozen=True)
class Head:
    """Device ``device_id`` signs: its log ``log_id`` holds ``seq`` changes, chain ``chain``."""

    log_id: str
    device_id: str
    seq: int
    chain: bytes
    signature: bytes

    def message(self) -> bytes:
        return message(self.log_id, self.device_id, self.seq, self.chain)

    def line(self) -> bytes:
        return _line(
            {
                "t": "head",
                "log": self.log_id,
                "device": self.device_id,
                "seq": self.seq,
                "chain": self.chain.hex(),
                "sig": base64.b64encode(self.signature).decode("ascii"),
            }
        )


def message(log_id: str, device_id: str, seq: int, value: bytes) -> bytes:
    return HEAD_DOMAIN + f"{log_id}\n{device_id}\n{seq}\n".encode("ascii") + value


def sign_head(keys: crypto.DeviceKeys, log_id: str, seq: int, value: bytes) -> Head:
    signature = crypto.sign(keys, message(log_id, keys.device_id, seq, value))
    return Head(log_id, keys.device_id, seq, value, signature)


def _line(obj: dict[str, Any]) -> bytes:
    return (
        json.dumps(obj, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode("ascii")
        + b"\n"
    )


# --------------------------------------------------------------------------- writing


HeldChange = chain.ChangeLike


def segment(
    head: Head,
    start: int,
    start_chain: bytes,
    changes: Iterable[HeldChange],
    left_out: Callable[[HeldChange], bool],
) -> Iterator[bytes | HeldChange]:
    """The lines of one log's segment: head, start, then every change S+1..N carried or leaf.

    ``changes`` must be the held changes numbered start+1..head.seq without a hole (the caller
    checks); ``left_out`` says which are not for this recipient (scope): those go as leaves.
    """
    yield head.line()
    yield _line({"t": "from", "log": head.log_id, "seq": start, "chain": start_chain.hex()})
    pending: list[str] = []
    first = 0
    for c in changes:
        if left_out(c):
            if not pending:
                first = c.dev_seq
            line = chain.encode_row(
                c.device_id, c.dev_seq, c.hlc, c.kind, c.record_id, c.op, c.payload
            )
            pending.append(chain.leaf(line).hex())
            if len(pending) >= LEAVES_PER_LINE:
                yield _leaves(head.log_id, first, pending)
                pending = []
            continue
        if pending:
            yield _leaves(head.log_id, first, pending)
            pending = []
        yield c
    if pending:
        yield _leaves(head.log_id, first, pending)


def _leaves(log_id: str, first: int, hashes: list[str]) -> bytes:
    return _line({"t": "leaves", "log": log_id, "from": first, "hashes": "".join(hashes)})


# --------------------------------------------------------------------------- reading


class Policy(Protocol):
    """What the importing device knows and allows (services/sync.py builds it)."""

    def check_head(self, head: Head) -> None:
        """Raise UserError unless this head's device may speak for its log through this
        sender, and its signature verifies against that device's enrolled key."""

    def diverges(self, log_id: str, seq: int, value: bytes) -> bool:
        """Does this database hold another chain value at (log, seq)? (two histories)"""

    def legacy(self, device_id: str) -> None:
        """A change from a bundle without origin proofs: raise unless the sender may send it
        on its own signature (its own first log, directly)."""


# One incoming change row with its chain value (None from a bundle without proofs).
Verified = tuple[tuple[str, int, str, str, str, str, str], bytes | None]


def _forged(detail: str) -> UserError:
    return UserError("bundle_origin_forged", detail=detail)


def _damaged(detail: str) -> UserError:
    return UserError("bundle_damaged", detail=detail)


def _hex32(value: object, what: str) -> bytes:
    if not isinstance(value, str) or len(value) != _HASH_HEX:
        raise _damaged(f"{what}の形式が違います")
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise _damaged(f"{what}の形式が違います") from None


def _seq(value: object, what: str) -> int:
    if type(value) is not int or not 0 <= value < 2**62:
        raise _damaged(f"{what}の連番が正しくありません")
    return value


class Verifier:
    """Checks a bundle's stream of proof lines and changes; yields verified changes.

    Divergent logs (another history held here) are reported to ``on_diverge(log, from_seq)``
    before the first change past the divergence is yielded, so the merge can keep them aside.
    Every check failing raises UserError; the caller's transaction then rolls back.
    """

    def __init__(
        self,
        policy: Policy,
        *,
        proofs: bool,
        is_uuid: Callable[[object], bool],
        on_diverge: Callable[[str, int], None],
    ) -> None:
        self.policy = policy
        self.proofs = proofs
        self.is_uuid = is_uuid
        self.on_diverge = on_diverge
        self.heads: list[Head] = []
        self.segments: dict[str, tuple[int, int]] = {}  # log -> (start, head seq)
        self._done: set[str] = set()
        self._head: Head | None = None
        self._started = False
        self._seq = 0
        self._chain = b""

    # ---------------------------------------------------------------- segments

    def _close(self) -> None:
        head = self._head
        if head is None:
            return
        if not self._started or self._seq != head.seq or self._chain != head.chain:
            raise _forged(f"端末 {head.device_id[:8]} の変更が署名と一致しません")
        self._head = None

    def _open_head(self, obj: dict[str, Any]) -> None:
        self._close()
        log_id, device = obj.get("log"), obj.get("device")
        if not self.is_uuid(log_id) or not self.is_uuid(device):
            raise _damaged("署名行の端末 ID が正しくありません")
        assert isinstance(log_id, str) and isinstance(device, str)
        if log_id in self._done:
            raise _damaged("同じ変更履歴の署名が二度あります")
        sig_text = obj.get("sig")
        try:
            signature = base64.b64decode(str(sig_text), validate=True)
        except (binascii.Error, ValueError):
            raise _damaged("署名行の形式が違います") from None
        if not isinstance(sig_text, str) or len(signature) != crypto.SIGNATURE_BYTES:
            raise _damaged("署名行の形式が違います")
        head = Head(
            log_id,
            device,
            _seq(obj.get("seq"), "署名行"),
            _hex32(obj.get("chain"), "署名行"),
            signature,
        )
        self.policy.check_head(head)
        self._done.add(log_id)
        self._head = head
        self._started = False
        self.heads.append(head)

    def _open_from(self, obj: dict[str, Any]) -> None:
        head = self._head
        if head is None or self._started or obj.get("log") != head.log_id:
            raise _damaged("変更履歴の開始行の位置が違います")
        start = _seq(obj.get("seq"), "開始行")
        value = _hex32(obj.get("chain"), "開始行")
        if start > head.seq:
            raise _damaged("変更履歴の開始行が署名より後です")
        if start == 0 and value != chain.genesis(head.log_id):
            raise _forged(f"端末 {head.device_id[:8]} の変更履歴の始まりが一致しません")
        self._seq, self._chain, self._started = start, value, True
        self.segments[head.log_id] = (start, head.seq)
        if start > 0 and self.policy.diverges(head.log_id, start, value):
            self.on_diverge(head.log_id, start + 1)

    def _leaves(self, obj: dict[str, Any]) -> None:
        head = self._head
        if head is None or not self._started or obj.get("log") != head.log_id:
            raise _damaged("省略された変更の行の位置が違います")
        if _seq(obj.get("from"), "省略行") != self._seq + 1:
            raise _forged(f"端末 {head.device_id[:8]} の変更の連番が連続していません")
        hashes = obj.get("hashes")
        if not isinstance(hashes, str) or not hashes or len(hashes) % _HASH_HEX:
            raise _damaged("省略された変更の行の形式が違います")
        try:
            raw = bytes.fromhex(hashes)
        except ValueError:
            raise _damaged("省略された変更の行の形式が違います") from None
        count = len(raw) // 32
        if self._seq + count > head.seq:
            raise _forged(f"端末 {head.device_id[:8]} の変更が署名より多くあります")
        value = self._chain
        for i in range(count):
            value = chain.link(value, raw[i * 32 : i * 32 + 32])
        self._chain = value
        self._seq += count

    # ---------------------------------------------------------------- the stream

    def stream(self, items: Iterable[tuple[Any, bytes]]) -> Iterator[Verified]:
        """``items``: (parsed line, line bytes) as the bundle reader yields them: a change row
        (tuple) or a proof line (dict)."""
        for item, line in items:
            if isinstance(item, dict):
                if not self.proofs:
                    raise _damaged("署名の行が含まれていますが、形式が宣言されていません")
                kind = item.get("t")
                if kind == "head":
                    self._open_head(item)
                elif kind == "from":
                    self._open_from(item)
                elif kind == "leaves":
                    self._leaves(item)
                else:
                    raise _damaged("不明な行があります")
                continue
            row = item
            if not self.proofs:
                self.policy.legacy(row[0])
                yield row, None
                continue
            head = self._head
            if head is None or not self._started or row[0] != head.log_id:
                raise _forged("署名のない変更が含まれています")
            if row[1] != self._seq + 1 or row[1] > head.seq:
                raise _forged(f"端末 {head.device_id[:8]} の変更の連番が署名と一致しません")
            self._chain = chain.link(self._chain, chain.leaf(line))
            self._seq += 1
            # A held change at this number with other content or chain value is the merge's to
            # find (it reads the held rows of each batch anyway: sync/merge.py _fresh).
            yield row, self._chain
        self._close()
