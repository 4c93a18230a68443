"""The lock screen's rules without Qt: what proves the passphrase, and how long to wait."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Profile
from dxdesk.services.session import ScreenLock, UnlockThrottle
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.sync.sync_helpers import make_profile


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_the_wait_doubles_from_one_second_to_a_cap() -> None:
    throttle = UnlockThrottle(clock=Clock())
    assert [throttle.delay_after(n) for n in range(8)] == [0, 1, 2, 4, 8, 16, 30, 30]
    assert throttle.delay_after(10_000) == 30  # no overflow after a night of guessing


def test_a_failure_refuses_attempts_until_its_wait_has_passed() -> None:
    clock = Clock()
    throttle = UnlockThrottle(clock=clock)
    assert throttle.wait_seconds() == 0
    assert throttle.record_failure() == 1
    assert throttle.wait_seconds() == 1
    clock.now += 0.4
    assert throttle.wait_seconds() == pytest.approx(0.6)
    clock.now += 0.6
    assert throttle.wait_seconds() == 0
    assert throttle.record_failure() == 2
    throttle.record_success()
    assert throttle.failures == 0 and throttle.wait_seconds() == 0


def test_screen_lock_counts_only_real_attempts(profile: Profile) -> None:
    clock = Clock()
    guard = ScreenLock(profile, UnlockThrottle(clock=clock))
    with pytest.raises(UserError) as err:
        guard.try_passphrase("")
    assert err.value.code == "passphrase_required"
    with pytest.raises(UserError) as err:
        guard.try_passphrase("guess")
    assert err.value.code == "wrong_passphrase"
    # Too early: refused before any key derivation, even with the right passphrase.
    clock.now += 0.5
    with pytest.raises(UserError) as err:
        guard.try_passphrase(PASSPHRASE)
    assert err.value.code == "unlock_wait"
    assert err.value.params == {"seconds": 1}  # rounded up: never "0 秒"
    assert guard.throttle.failures == 1
    clock.now += 0.5
    guard.try_passphrase(PASSPHRASE)
    assert guard.throttle.failures == 0


def test_screen_lock_ignores_the_key_file_on_disk(
    profile: Profile, profile_paths: ProfilePaths, tmp_path: Path
) -> None:
    make_profile(tmp_path / "other", "field", "他人", "another passphrase").close(backup=False)
    other_paths = ProfilePaths(tmp_path / "other")
    shutil.copyfile(other_paths.keys, profile_paths.keys)
    guard = ScreenLock(profile, UnlockThrottle(first=0))
    with pytest.raises(UserError) as err:
        guard.try_passphrase("another passphrase")
    assert err.value.code == "wrong_passphrase"
    guard.try_passphrase(PASSPHRASE)
    profile_paths.keys.unlink()  # even with no key file at all
    guard.try_passphrase(PASSPHRASE)


def test_a_passphrase_changed_while_open_is_the_one_asked(profile: Profile) -> None:
    guard = ScreenLock(profile, UnlockThrottle(first=0))
    profile.change_passphrase("the new passphrase", kdf=FAST_KDF)
    guard.try_passphrase("the new passphrase")
    with pytest.raises(UserError):
        guard.try_passphrase(PASSPHRASE)
