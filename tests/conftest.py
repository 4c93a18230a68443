"""Shared fixtures: a cheap KDF, an in-memory keyring, and ready-made profiles.

Only the KDF cost and the keyring backend are swapped; the database is always real SQLCipher.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Profile, create_profile
from dxdesk.store.keys import KdfParams

FAST_KDF = KdfParams(iterations=1, memory_kib=8192, lanes=1)
PASSPHRASE = "テスト用 passphrase 2025"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process only; for tests, never shipped."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real tune() aims at ~0.7 s per unlock; tests use the cheapest legal Argon2id cost.
    monkeypatch.setattr("dxdesk.services.profile.tune", lambda *a, **k: FAST_KDF)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in (
        "DXDESK_PROFILE",
        "DXDESK_PASSPHRASE",
        "DXDESK_NEW_PASSPHRASE",
        "DXDESK_RECOVERY_KEY",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """The `fail` backend: what a bare Linux box without a secret service offers."""
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def profile_paths(tmp_path: Path) -> ProfilePaths:
    # Japanese in the path on purpose: users live in C:\Users\山田\...
    return ProfilePaths(tmp_path / "山田" / "プロファイル")


@pytest.fixture
def new_profile(profile_paths: ProfilePaths) -> Iterator[tuple[Profile, str]]:
    profile, recovery = create_profile(
        profile_paths,
        owner_name="山田 太郎",
        device_name="山田のノートPC",
        role="field",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    try:
        yield profile, recovery
    finally:
        profile.close(backup=False)


@pytest.fixture
def profile(new_profile: tuple[Profile, str]) -> Profile:
    return new_profile[0]


def tree_digest(root: Path) -> dict[str, str]:
    """Hash of every file under root, to prove that a failed command changed no byte."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def run_cli(
    args: list[str], *, env: dict[str, str] | None = None, stdin: str = ""
) -> tuple[int, str, str]:
    """Run the CLI in-process the way a user would, capturing its output."""
    import io
    import sys
    from contextlib import redirect_stderr, redirect_stdout

    from dxdesk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    old_env = {k: os.environ.get(k) for k in (env or {})}
    old_stdin = sys.stdin
    os.environ.update(env or {})
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(args)
    finally:
        sys.stdin = old_stdin
        for k, v in old_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return code, out.getvalue(), err.getvalue()


def pytest_runtest_setup(item: pytest.Item) -> None:
    # @needs_tool(...) (tests/tools.py): one line and a skip here, a failure in CI.
    from tests.tools import require_tool

    for mark in item.iter_markers("requires_tool"):
        require_tool(*mark.args)
