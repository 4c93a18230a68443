"""When an open profile locks itself: the idle-lock rule, without Qt.

The GUI records the time of the last user input and asks ``IdlePolicy.should_lock`` now and
then; this module decides. Times come from ``activity_clock``, a monotonic clock that keeps
counting while the laptop sleeps, so closing the lid for an hour locks the app on wake.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from dxdesk.settings import Settings


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
