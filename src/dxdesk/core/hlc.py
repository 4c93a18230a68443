"""Hybrid logical clock (Kulkarni et al. 2014) for ordering edits across devices.

A timestamp is (wall milliseconds, counter). It never goes backwards on one device even when
the laptop's clock does, and after seeing a remote timestamp it stays ahead of it, so "later
edit wins" is well defined. Encoded as a fixed-width string so that SQL and Python compare it
the same way; ties between devices are broken by device id, outside this module.

Two limits keep the fixed width honest:

- The counter has six digits. When it would pass 999999 it carries into the wall part
  (wall + 1 ms, counter 0), as HLC implementations do, so a burst of a million stamps within one
  millisecond (or after following a remote stamp ahead of the wall clock) still yields strictly
  increasing, correctly encoded stamps. The wall part has fifteen digits (until the year 33658).
- A remote stamp more than ``MAX_AHEAD_MS`` (one day) after this machine's wall clock comes from
  a device whose clock is wrong. Following it would stamp every later local edit in that
  device's future, so they would win every conflict until real time catches up. Such a stamp is
  not followed: ``observe`` returns one stamp just after it (for the write that edits what it
  stamped, which must still win over the value its writer saw) and the clock itself keeps to real
  time. Once the wall clock is within a day of such a stamp it is an ordinary stamp again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

_WALL_DIGITS = 15
_COUNTER_DIGITS = 6
MAX_WALL_MS = 10**_WALL_DIGITS - 1
MAX_COUNTER = 10**_COUNTER_DIGITS - 1
# The same threshold as the merge's "ahead" count (sync/merge.py): a day of clock skew.
MAX_AHEAD_MS = 24 * 3600 * 1000
_FORM = re.compile(rf"[0-9]{{{_WALL_DIGITS}}}-[0-9]{{{_COUNTER_DIGITS}}}")
# The latest wall time a stamp from elsewhere may carry: 9999-01-01T00:00:00Z. Past the year
# 9999 a stamp no longer converts to a date (every display of "when" would fail), so only a forged
# or broken clock writes one; a bundle carrying one is refused before anything is written.
# Stamps between a day ahead and this bound are merged but not followed (above).
LATEST_ACCEPTED_MS = 253_370_764_800_000


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int

    def __post_init__(self) -> None:
        # Out of range values would encode wider and break the string order.
        if not (0 <= self.wall_ms <= MAX_WALL_MS and 0 <= self.counter <= MAX_COUNTER):
            raise ValueError("HLC timestamp out of range")

    def encode(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        if not _FORM.fullmatch(text):
            raise ValueError("not an HLC timestamp")
        wall, _, counter = text.partition("-")
        return cls(int(wall), int(counter))

    def next(self) -> Timestamp:
        """The smallest timestamp after this one (the counter carries into the wall part)."""
        if self.counter < MAX_COUNTER:
            return Timestamp(self.wall_ms, self.counter + 1)
        if self.wall_ms >= MAX_WALL_MS:
            raise OverflowError("no HLC timestamp after the largest one")
        return Timestamp(self.wall_ms + 1, 0)


def acceptable(text: str) -> bool:
    """Is this an encoded stamp that another device may have written (form and range)?"""
    if not _FORM.fullmatch(text):
        return False
    return int(text[:_WALL_DIGITS]) <= LATEST_ACCEPTED_MS


def _wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


def horizon(wall_ms: int | None = None, max_ahead_ms: int = MAX_AHEAD_MS) -> Timestamp:
    """The largest stamp a clock at ``wall_ms`` (default: now) follows; later ones it does not."""
    wall = _wall_clock_ms() if wall_ms is None else wall_ms
    return Timestamp(max(0, min(wall + max_ahead_ms, MAX_WALL_MS)), MAX_COUNTER)


class HybridClock:
    """Issues monotonically increasing timestamps for one device."""

    def __init__(
        self,
        last: Timestamp | None = None,
        wall: Callable[[], int] = _wall_clock_ms,
        *,
        max_ahead_ms: int = MAX_AHEAD_MS,
    ) -> None:
        self._wall = wall
        self._max_ahead = max_ahead_ms
        self._last = Timestamp(0, 0)
        if last is not None and not self.too_far_ahead(last):
            self._last = last

    @property
    def last(self) -> Timestamp:
        """The newest stamp this clock issued or followed (never one it declined to follow)."""
        return self._last

    def too_far_ahead(self, stamp: Timestamp) -> bool:
        """True for a stamp more than ``max_ahead_ms`` past this machine's wall clock."""
        return stamp > horizon(self._wall(), self._max_ahead)

    def _tick(self, after: Timestamp) -> Timestamp:
        wall = min(self._wall(), MAX_WALL_MS)
        return after.next() if after.wall_ms >= wall else Timestamp(wall, 0)

    def now(self) -> Timestamp:
        self._last = self._tick(self._last)
        return self._last

    def observe(self, remote: Timestamp) -> Timestamp:
        """Merge a timestamp received from another device; returns a stamp later than both.

        A remote stamp too far ahead (see the module notes) is not followed: the returned stamp
        is just after it, for the one write that must be later than it, and the clock stays.
        """
        if remote > self._last and self.too_far_ahead(remote):
            return remote.next()
        self._last = self._tick(max(self._last, remote))
        return self._last
