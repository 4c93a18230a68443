"""First-run setup decisions and the idle-lock rule, without Qt."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from dxdesk.core.clock import JST
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, can_open_with_keyring, open_profile
from dxdesk.services.session import IdlePolicy, activity_clock
from dxdesk.services.setup import (
    STRENGTH_LABELS,
    SetupState,
    check_identity,
    check_passphrase,
    keyring_option,
    passphrase_strength,
    recovery_key_groups,
    recovery_key_lines,
    recovery_key_text,
    run_setup,
)
from dxdesk.settings import Settings
from dxdesk.store.keys import KeyFile, new_recovery_key, parse_recovery_key
from tests.conftest import PASSPHRASE, MemoryKeyring

# -------------------------------------------------------------------- strength


@pytest.mark.parametrize("text", ["", "abc", "宮崎の朝", "1234567"])
def test_too_short_is_weak_and_says_the_minimum(text: str) -> None:
    strength = passphrase_strength(text)
    assert strength.score == 0
    assert strength.label == "弱い"
    assert strength.hint == "8文字以上にしてください"


@pytest.mark.parametrize(
    "text", ["password", "Password1", "P@ssw0rd!", "12345678", "qwertyuiop", "Miyazaki2025"]
)
def test_common_passwords_are_weak(text: str) -> None:
    strength = passphrase_strength(text)
    assert strength.score == 0
    assert "よく使われる" in strength.hint


@pytest.mark.parametrize("text", ["aaaaaaaaaaaa", "abcdefghijkl", "zyxwvutsrqpo", "abcabcabcabc"])
def test_repeats_and_sequences_are_weak(text: str) -> None:
    strength = passphrase_strength(text)
    assert strength.score == 0
    assert "推測されやすく" in strength.hint


def test_a_name_with_a_year_is_not_strong() -> None:
    assert passphrase_strength("tanaka1985").score <= 1
    assert passphrase_strength("Yamada2025!").score <= 2


def test_long_sentences_are_strong_and_hints_suggest_them() -> None:
    weak = passphrase_strength("tanaka1985")
    assert weak.hint == "単語を組み合わせた長い文にすると覚えやすく強くなります"
    for sentence in (
        "宮崎県庁の朝は早いです",
        "correct horse battery staple",
        "日向灘の朝日と 3 匹の猫",
    ):
        strength = passphrase_strength(sentence)
        assert strength.score == 4, (sentence, strength)
        assert strength.label == "とても強い"


def test_score_grows_with_length_and_labels_match() -> None:
    scores = [passphrase_strength("kx7Rq2mw" + "vbnHt4" * k).score for k in range(4)]
    assert scores == sorted(scores)
    assert scores[-1] == 4
    for text in ("tanaka1985", "Xk9#mQ2p", "kyou wa ii tenki", "a"):
        strength = passphrase_strength(text)
        assert 0 <= strength.score <= 4
        assert strength.label == STRENGTH_LABELS[strength.score]
        assert strength.hint


def test_full_width_counts_like_half_width() -> None:
    # The key is derived from the NFKC form, so the estimate must look at the same text.
    assert passphrase_strength("ｐａｓｓｗｏｒｄ").score == 0
    assert passphrase_strength("ＡＢＣ") == passphrase_strength("ABC")


# -------------------------------------------------------------------- steps


def test_identity_checks() -> None:
    assert check_identity("山田 太郎", "山田のノートPC", "field") == []
    assert check_identity("山田 太郎", "PC", "hub") == []
    assert check_identity("  ", "PC", "field") == ["氏名を入力してください。"]
    assert check_identity("山田", "", "field") == ["端末名を入力してください。"]
    assert check_identity("山田", "PC", "boss") == ["端末の役割を選択してください。"]
    assert len(check_identity("", "", "")) == 3
    assert "100文字以内" in check_identity("あ" * 101, "PC", "field")[0]


def test_passphrase_checks() -> None:
    assert check_passphrase(PASSPHRASE, PASSPHRASE) == []
    short = check_passphrase("short", "short")
    assert short == ["パスフレーズは8文字以上で設定してください。"]
    mismatch = check_passphrase("long enough one", "long enough two")
    assert mismatch == ["確認用に入力されたパスフレーズが一致しません。"]
    assert "もう一度" in check_passphrase("long enough one", "")[0]
    assert len(check_passphrase("", "")) == 2
    # Typed once in full width and once in half width: the same key, so not a mismatch.
    assert check_passphrase("ｔｅｓｔ ｐｈｒａｓｅ ２０２５", "test phrase 2025") == []


def test_keyring_option_follows_the_backend(memory_keyring: MemoryKeyring) -> None:
    assert keyring_option() == (True, "")


def test_keyring_option_refuses_the_fail_backend(no_keyring: None) -> None:
    available, reason = keyring_option()
    assert not available
    assert "資格情報ストア" in reason


# -------------------------------------------------------------------- run_setup


def _state(*, remember: bool) -> SetupState:
    return SetupState(
        owner_name=" 山田 太郎 ",
        device_name="山田のノートPC",
        role="hub",
        passphrase=PASSPHRASE,
        remember=remember,
    )


def test_run_setup_remembers_in_the_keyring(
    profile_paths: ProfilePaths, memory_keyring: MemoryKeyring
) -> None:
    result = run_setup(profile_paths, _state(remember=True))
    try:
        assert result.warnings == []
        assert result.profile.meta["owner_name"] == "山田 太郎"
        assert result.profile.role == "hub"
        parse_recovery_key(result.recovery_key)
    finally:
        result.profile.close(backup=False)
    assert KeyFile.load(profile_paths.keys).has("keyring")
    assert len(memory_keyring.store) == 1
    assert can_open_with_keyring(profile_paths)
    open_profile(profile_paths, Credentials(passphrase=PASSPHRASE)).close(backup=False)


def test_run_setup_without_remember_leaves_no_keyring_slot(
    profile_paths: ProfilePaths, memory_keyring: MemoryKeyring
) -> None:
    result = run_setup(profile_paths, _state(remember=False))
    result.profile.close(backup=False)
    assert not KeyFile.load(profile_paths.keys).has("keyring")
    assert memory_keyring.store == {}


def test_run_setup_keyring_refusal_is_a_warning(
    profile_paths: ProfilePaths, no_keyring: None
) -> None:
    result = run_setup(profile_paths, _state(remember=True))
    result.profile.close(backup=False)
    assert len(result.warnings) == 1
    assert "資格情報ストア" in result.warnings[0]
    assert not KeyFile.load(profile_paths.keys).has("keyring")
    open_profile(profile_paths, Credentials(passphrase=PASSPHRASE)).close(backup=False)


def test_run_setup_refuses_bad_input_and_creates_nothing(profile_paths: ProfilePaths) -> None:
    state = _state(remember=False)
    state.owner_name = ""
    with pytest.raises(UserError) as err:
        run_setup(profile_paths, state)
    assert "氏名" in err.value.message
    state = _state(remember=False)
    state.passphrase = "short"
    with pytest.raises(UserError) as err:
        run_setup(profile_paths, state)
    assert err.value.code == "passphrase_too_short"
    assert not profile_paths.exists()


# -------------------------------------------------------------------- recovery text


def test_recovery_key_groups_and_lines() -> None:
    key = new_recovery_key()
    groups = recovery_key_groups(key)
    assert len(groups) == 8
    assert all(len(g) == 4 for g in groups)
    lines = recovery_key_lines(key)
    assert len(lines) == 2
    assert "-".join(lines) == key


def test_recovery_key_text(tmp_path: Path) -> None:
    key = new_recovery_key()
    created = datetime(2025, 11, 25, 9, 30, tzinfo=JST)
    text = recovery_key_text(key, tmp_path / "山田", "山田 太郎", "山田のノートPC", created=created)
    for line in recovery_key_lines(key):
        assert f"    {line}\n" in text
    assert "山田 太郎" in text
    assert "山田のノートPC" in text
    assert str(tmp_path / "山田") in text
    assert "令和7年11月25日（2025-11-25）" in text
    assert "回復キーで解錠…" in text
    # What a person copies from the sheet opens the slot again.
    typed = " ".join(re.findall(r"^ {4}(\S+)$", text, flags=re.MULTILINE))
    assert parse_recovery_key(typed.lower()) == parse_recovery_key(key)


# -------------------------------------------------------------------- idle policy


def test_idle_policy_locks_at_the_limit() -> None:
    policy = IdlePolicy(minutes=15)
    assert policy.enabled
    assert policy.seconds == 900
    assert not policy.should_lock(1000.0, 1000.0 + 899.9)
    assert policy.should_lock(1000.0, 1000.0 + 900)
    assert policy.should_lock(1000.0, 1000.0 + 5000)
    assert policy.remaining(1000.0, 1600.0) == pytest.approx(300)
    assert policy.remaining(1000.0, 9000.0) == 0


@pytest.mark.parametrize("minutes", [0, -5])
def test_idle_policy_zero_means_never(minutes: int) -> None:
    policy = IdlePolicy(minutes=minutes)
    assert not policy.enabled
    assert not policy.should_lock(0.0, 10.0**9)
    assert policy.remaining(0.0, 10.0) is None


def test_idle_policy_from_settings(tmp_path: Path) -> None:
    assert IdlePolicy.from_settings(Settings()).minutes == 15
    Settings(idle_lock_minutes=0).save(tmp_path / "s.json")
    assert not IdlePolicy.from_settings(Settings.load(tmp_path / "s.json")).enabled


def test_activity_clock_is_monotonic() -> None:
    samples = [activity_clock() for _ in range(100)]
    assert samples == sorted(samples)
