"""Hybrid logical clock (Kulkarni et al. 2014) for ordering edits across devices.

A timestamp is (wall milliseconds, counter). It never goes backwards on one device even when
the laptop's clock does, and after seeing a remote timestamp it stays ahead of it, so "later
edit wins" is well defined. Encoded as a fixed-width string so that SQL and Python compare it
the same way; ties between devices are broken by device id, outside this module.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

_WALL_DIGITS = 15
_COUNTER_DIGITS = 6


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int

    def encode(self) -> str:
        return f"{self.wall_ms:0{_WALL_DIGITS}d}-{self.counter:0{_COUNTER_DIGITS}d}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        wall, _, counter = text.partition("-")
        if len(wall) != _WALL_DIGITS or len(counter) != _COUNTER_DIGITS:
            raise ValueError("not an HLC timestamp")
        return cls(int(wall), int(counter))


def _wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues monotonically increasing timestamps for one device."""

    def __init__(
        self, last: Timestamp | None = None, wall: Callable[[], int] = _wall_clock_ms
    ) -> None:
        self._last = last or Timestamp(0, 0)
        self._wall = wall

    @property
    def last(self) -> Timestamp:
        return self._last

    def now(self) -> Timestamp:
        wall = self._wall()
        if wall > self._last.wall_ms:
            self._last = Timestamp(wall, 0)
        else:
            self._last = Timestamp(self._last.wall_ms, self._last.counter + 1)
        return self._last

    def observe(self, remote: Timestamp) -> Timestamp:
        """Merge a timestamp received from another device (used by sync)."""
        wall = self._wall()
        top = max(wall, self._last.wall_ms, remote.wall_ms)
        if top == self._last.wall_ms == remote.wall_ms:
            counter = max(self._last.counter, remote.counter) + 1
        elif top == self._last.wall_ms:
            counter = self._last.counter + 1
        elif top == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._last = Timestamp(top, counter)
        return self._last
