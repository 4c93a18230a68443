"""The optional OS-keyring slot: a random key-encryption key kept by the operating system.

Only real credential stores are accepted (Windows Credential Manager, macOS Keychain, Secret
Service, KWallet). The ``fail`` and ``null`` backends and everything from ``keyrings.alt``
(which stores secrets base64-encoded in a file) are refused: remembering a key there would be
the same as writing it in plaintext.
"""

from __future__ import annotations

import base64
import contextlib
import secrets
from typing import TYPE_CHECKING

from dxdesk.errors import UserError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# keyring is imported where it is used: its import (entry points, backends) costs a twentieth of
# a second of every start, and a profile opened with a passphrase never needs it.

SERVICE = "dxdesk"
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _leaves(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)
    if inner is not None:  # ChainerBackend: every link must be acceptable
        out: list[KeyringBackend] = []
        for b in inner:
            out += _leaves(b)
        return out
    return [backend]


def backend_problem() -> str | None:
    """Why the current keyring cannot hold our key, or None when it can."""
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop the app
        return "資格情報ストアを初期化できません"
    leaves = _leaves(backend)
    if not leaves:
        return "利用できる資格情報ストアがありません"
    for leaf in leaves:
        module = type(leaf).__module__
        if module.startswith(_REFUSED_MODULES):
            return f"安全でない、または利用できない資格情報ストアです（{type(leaf).__name__}）"
        if getattr(leaf, "priority", 1) <= 0:
            return f"資格情報ストアの優先度が不足しています（{type(leaf).__name__}）"
    return None


def _username(db_id: str) -> str:
    return f"db-kek-{db_id}"


def store_kek(db_id: str) -> bytes:
    problem = backend_problem()
    if problem:
        raise UserError("keyring_unavailable", reason=problem)
    import keyring
    import keyring.errors

    kek = secrets.token_bytes(32)
    try:
        keyring.set_password(SERVICE, _username(db_id), base64.b64encode(kek).decode("ascii"))
    except keyring.errors.KeyringError:
        raise UserError("keyring_unavailable", reason="保存に失敗しました") from None
    return kek


def load_kek(db_id: str) -> bytes | None:
    if backend_problem():
        return None
    import keyring
    import keyring.errors

    try:
        text = keyring.get_password(SERVICE, _username(db_id))
    except keyring.errors.KeyringError:
        return None
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return None


def delete_kek(db_id: str) -> None:
    # Already gone, or no keyring at all: nothing to forget.
    import keyring
    import keyring.errors

    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, _username(db_id))
