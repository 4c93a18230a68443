"""The optional OS-keyring slot, through the CLI: remember, open without a passphrase, forget,
and refuse credential stores that would keep the key in plaintext (or not at all)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend

from dxdesk.errors import UserError
from dxdesk.store import keyring_store
from dxdesk.store.keys import KeyFile
from tests.conftest import PASSPHRASE, MemoryKeyring, run_cli, tree_digest

WITH_PASSPHRASE = {"DXDESK_PASSPHRASE": PASSPHRASE}


def dxdesk(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    return run_cli(["--profile", str(root), *args], env=env)


def slot_types(root: Path) -> list[str]:
    return [s.type for s in KeyFile.load(root / "keys.json").slots]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    path = tmp_path / "宮崎" / "プロファイル"
    code, _out, err = dxdesk(path, "init", "--name", "山田", "--device", "PC", env=WITH_PASSPHRASE)
    assert code == 0, err
    return path


@pytest.fixture
def other_keyring() -> Iterator[None]:
    """Restore whatever keyring the test process had, whatever the test sets."""
    previous = keyring.get_keyring()
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_remember_then_open_without_passphrase(root: Path, memory_keyring: MemoryKeyring) -> None:
    code, out, err = dxdesk(root, "remember", env=WITH_PASSPHRASE)
    assert code == 0, err
    assert "記憶しました" in out
    assert len(memory_keyring.store) == 1
    ((service, _user),) = memory_keyring.store
    assert service == "dxdesk"

    # No --passphrase-file, no DXDESK_PASSPHRASE, nothing on stdin: the keyring opens it.
    code, out, err = dxdesk(root, "info", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["slots"] == ["passphrase", "recovery", "keyring"]
    code, out, err = dxdesk(root, "add", "expert", "name=佐藤 花子")
    assert code == 0, err
    # An explicit passphrase still works (and a wrong one is still refused).
    assert dxdesk(root, "info", env=WITH_PASSPHRASE)[0] == 0
    assert dxdesk(root, "info", env={"DXDESK_PASSPHRASE": "wrong passphrase"})[0] == 1


def test_keyring_slot_is_never_the_only_slot(root: Path, memory_keyring: MemoryKeyring) -> None:
    assert dxdesk(root, "remember", env=WITH_PASSPHRASE)[0] == 0
    types = slot_types(root)
    assert sorted(types) == ["keyring", "passphrase", "recovery"]
    keyfile = KeyFile.load(root / "keys.json")
    for slot_type in ("passphrase", "recovery"):
        with pytest.raises(ValueError):
            keyfile.without(slot_type)
    # Remembering twice replaces the slot; it does not pile up secrets.
    assert dxdesk(root, "remember")[0] == 0
    assert sorted(slot_types(root)) == ["keyring", "passphrase", "recovery"]
    assert len(memory_keyring.store) == 1
    # The stored secret is a key-encryption key, not the database key.
    code, out, _err = dxdesk(root, "raw-key", "--yes")
    assert code == 0
    (secret,) = memory_keyring.store.values()
    assert out.strip() not in secret and bytes.fromhex(out.strip()).hex() not in secret


def test_forget_removes_slot_and_secret(root: Path, memory_keyring: MemoryKeyring) -> None:
    assert dxdesk(root, "remember", env=WITH_PASSPHRASE)[0] == 0
    code, out, err = dxdesk(root, "forget")
    assert code == 0, err
    assert "消去しました" in out
    assert memory_keyring.store == {}
    assert sorted(slot_types(root)) == ["passphrase", "recovery"]

    before = tree_digest(root)
    code, out, err = dxdesk(root, "info")
    assert code == 1
    assert err == "エラー：パスフレーズが入力されていません。\n"
    assert tree_digest(root) == before
    assert dxdesk(root, "info", env=WITH_PASSPHRASE)[0] == 0
    # Forgetting again is harmless.
    assert dxdesk(root, "forget", env=WITH_PASSPHRASE)[0] == 0


def test_lost_keyring_secret_falls_back_to_passphrase(
    root: Path, memory_keyring: MemoryKeyring
) -> None:
    assert dxdesk(root, "remember", env=WITH_PASSPHRASE)[0] == 0
    memory_keyring.store.clear()  # e.g. the user cleared the credential manager
    code, _out, err = dxdesk(root, "info")
    assert code == 1 and "パスフレーズが入力されていません" in err
    assert dxdesk(root, "info", env=WITH_PASSPHRASE)[0] == 0


def test_rekey_keeps_the_keyring_working(root: Path, memory_keyring: MemoryKeyring) -> None:
    assert dxdesk(root, "remember", env=WITH_PASSPHRASE)[0] == 0
    code, _out, err = dxdesk(root, "rekey", env={"DXDESK_NEW_PASSPHRASE": "after rekey 2025"})
    assert code == 0, err
    assert "keyring" in slot_types(root)
    code, _out, err = dxdesk(root, "verify")
    assert code == 0, err
    assert dxdesk(root, "info", env={"DXDESK_PASSPHRASE": "after rekey 2025"})[0] == 0


def test_backend_problem_accepts_a_real_store(memory_keyring: MemoryKeyring) -> None:
    assert keyring_store.backend_problem() is None


class AltFileKeyring(KeyringBackend):
    """Stands in for keyrings.alt's file backends (base64 in a file: plaintext in effect)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("a refused backend must never receive the key")

    def delete_password(self, service: str, username: str) -> None:
        return None


AltFileKeyring.__module__ = "keyrings.alt.file"


REFUSED = {
    "fail": keyring.backends.fail.Keyring,
    "null": keyring.backends.null.Keyring,
    "keyrings.alt": AltFileKeyring,
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_backend_problem_refuses_unsafe_stores(name: str, other_keyring: None) -> None:
    keyring.set_keyring(REFUSED[name]())
    problem = keyring_store.backend_problem()
    assert problem is not None
    with pytest.raises(UserError) as info:
        keyring_store.store_kek("00000000-0000-4000-8000-000000000000")
    assert info.value.code == "keyring_unavailable"
    assert keyring_store.load_kek("00000000-0000-4000-8000-000000000000") is None


def test_backend_problem_refuses_a_chain_with_one_unsafe_link(other_keyring: None) -> None:
    from keyring.backends.chainer import ChainerBackend

    links: list[KeyringBackend] = [MemoryKeyring()]

    class Chain(ChainerBackend):
        @property
        def backends(self) -> list[KeyringBackend]:  # type: ignore[override]
            return links

    keyring.set_keyring(Chain())
    assert keyring_store.backend_problem() is None
    links.append(AltFileKeyring())
    assert keyring_store.backend_problem() is not None


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_init_remember_on_refused_backend_writes_nothing(
    name: str, tmp_path: Path, other_keyring: None
) -> None:
    keyring.set_keyring(REFUSED[name]())
    root = tmp_path / "新規" / "プロファイル"
    code, out, err = dxdesk(
        root, "init", "--name", "山田", "--device", "PC", "--remember", env=WITH_PASSPHRASE
    )
    assert code == 1, (out, err)
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("エラー：この端末では安全な資格情報ストアを利用できません")
    assert out == ""
    assert not root.exists() or not any(root.rglob("*"))


def test_remember_on_refused_backend_changes_nothing(root: Path, other_keyring: None) -> None:
    keyring.set_keyring(keyring.backends.null.Keyring())
    before = tree_digest(root)
    code, _out, err = dxdesk(root, "remember", env=WITH_PASSPHRASE)
    assert code == 1
    assert err.startswith("エラー：この端末では安全な資格情報ストアを利用できません")
    assert tree_digest(root) == before
    assert slot_types(root) == ["passphrase", "recovery"]


def test_init_remember_on_a_real_store(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    root = tmp_path / "新規"
    code, out, err = dxdesk(
        root, "init", "--name", "山田", "--device", "PC", "--remember", env=WITH_PASSPHRASE
    )
    assert code == 0, err
    assert "回復キー" in out
    assert len(memory_keyring.store) == 1
    assert dxdesk(root, "info")[0] == 0


class BrokenKeyring(MemoryKeyring):
    """Accepted by the checks, but saving fails (a locked or broken credential store)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")


def test_init_remember_that_fails_late_still_shows_the_recovery_key(
    tmp_path: Path, other_keyring: None
) -> None:
    """If saving to the keyring fails after the profile exists, the recovery key is not lost."""
    keyring.set_keyring(BrokenKeyring())
    root = tmp_path / "新規"
    code, out, err = dxdesk(
        root, "init", "--name", "山田", "--device", "PC", "--remember", env=WITH_PASSPHRASE
    )
    assert code == 1
    assert "資格情報ストア" in err and len(err.splitlines()) == 1
    assert "回復キー" in out and str(root) in out
    assert slot_types(root) == ["passphrase", "recovery"]
    assert dxdesk(root, "info", env=WITH_PASSPHRASE)[0] == 0
