"""When an open profile locks itself (the idle-lock rule) and what unlocks it, without Qt.

The GUI records the time of the last user input and asks ``IdlePolicy.should_lock`` now and
then; this module decides. Times come from ``activity_clock``, a monotonic clock that keeps
counting while the laptop sleeps, so closing the lid for an hour locks the app on wake.
"""

from __future__ import annotations

import math
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dxdesk.errors import UserError
from dxdesk.settings import Settings

if TYPE_CHECKING:
    # Only a type: the GUI imports this module before a profile (and SQLCipher) is loaded.
    from dxdesk.services.profile import Profile


def activity_clock() -> float:
    """Seconds on a monotonic clock that includes time spent suspended, where the OS has one.

    ``time.monotonic`` stops during suspend on Linux and macOS; CLOCK_BOOTTIME (Linux) and
    CLOCK_MONOTONIC (macOS) do not. On Windows ``time.monotonic`` already includes sleep.
    """
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


@dataclass(frozen=True)
class IdlePolicy:
    """Lock after ``minutes`` without user input; 0 (or less) means never."""

    minutes: float = 15

    @classmethod
    def from_settings(cls, settings: Settings) -> IdlePolicy:
        return cls(minutes=settings.idle_lock_minutes)

    @property
    def enabled(self) -> bool:
        return self.minutes > 0

    @property
    def seconds(self) -> float:
        return self.minutes * 60 if self.enabled else 0.0

    def should_lock(self, last_activity_monotonic: float, now_monotonic: float) -> bool:
        """True once the time since the last activity has reached the limit."""
        if not self.enabled:
            return False
        return now_monotonic - last_activity_monotonic >= self.seconds

    def remaining(self, last_activity_monotonic: float, now_monotonic: float) -> float | None:
        """Seconds left before locking (0 when due), or None when the policy never locks."""
        if not self.enabled:
            return None
        return max(0.0, self.seconds - (now_monotonic - last_activity_monotonic))


# -------------------------------------------------------------------- the lock screen

FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 30.0


class UnlockThrottle:
    """How long the lock screen refuses a new attempt after wrong passphrases.

    The first failure waits ``first`` seconds, each further one twice as long, up to ``cap``
    (1, 2, 4, 8, 16, 30, 30 … s): a person who mistypes hardly notices, while guessing at a
    locked window drops to about two tries a minute. A right passphrase starts over. The clock
    is ``activity_clock``: monotonic, so changing the wall clock does not shorten a wait.
    """

    def __init__(
        self,
        *,
        first: float = FIRST_DELAY_SECONDS,
        cap: float = MAX_DELAY_SECONDS,
        clock: Callable[[], float] = activity_clock,
    ) -> None:
        self.first = first
        self.cap = cap
        self.clock = clock
        self.failures = 0
        self._not_before: float | None = None

    def delay_after(self, failures: int) -> float:
        """The wait after ``failures`` wrong passphrases in a row (0 for none)."""
        if failures <= 0:
            return 0.0
        # min() before the power: 2**failures would overflow a float after ~1000 failures.
        return min(self.first * 2.0 ** min(failures - 1, 64), self.cap)

    def wait_seconds(self) -> float:
        """Seconds until the next attempt is allowed; 0 when it is allowed now."""
        if self._not_before is None:
            return 0.0
        return max(0.0, self._not_before - self.clock())

    def record_failure(self) -> float:
        """Count a wrong passphrase; returns the wait it starts."""
        self.failures += 1
        delay = self.delay_after(self.failures)
        self._not_before = self.clock() + delay
        return delay

    def record_success(self) -> None:
        self.failures = 0
        self._not_before = None


class ScreenLock:
    """What the lock screen asks: is this the open profile's passphrase, and may it ask now?

    The check is ``Profile.confirm_passphrase`` (the key-slot file held in memory since
    unlocking, and the open database's key): the key file on disk is never read, so replacing
    it changes nothing. ``try_passphrase`` runs on the GUI's worker thread (Argon2id takes
    about 0.8 s); the lock keeps the throttle's count right should two attempts ever overlap.
    """

    def __init__(self, profile: Profile, throttle: UnlockThrottle | None = None) -> None:
        self.profile = profile
        self.throttle = throttle or UnlockThrottle()
        self._lock = threading.Lock()

    def wait_seconds(self) -> int:
        """Whole seconds to wait before the next attempt (rounded up, so never "0 秒")."""
        return math.ceil(self.throttle.wait_seconds())

    def try_passphrase(self, passphrase: str) -> None:
        """Return when the passphrase is right; raise ``UserError`` otherwise.

        ``passphrase_required`` (nothing typed) and ``unlock_wait`` (too early) do not count
        as attempts; ``wrong_passphrase`` does and starts a longer wait.
        """
        if not passphrase:
            raise UserError("passphrase_required")
        with self._lock:
            wait = self.wait_seconds()
            if wait > 0:
                raise UserError("unlock_wait", seconds=wait)
            try:
                self.profile.confirm_passphrase(passphrase)
            except UserError:
                self.throttle.record_failure()
                raise
            self.throttle.record_success()
