"""The hybrid logical clock's limits: counter carry, far-ahead stamps, and string order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxdesk.core.hlc import (
    MAX_AHEAD_MS,
    MAX_COUNTER,
    MAX_WALL_MS,
    HybridClock,
    Timestamp,
    horizon,
)

DAY = 86_400_000
NOW = 1_764_000_000_000  # 2025-11-24, a fixed "wall clock" for the tests


class Wall:
    """A wall clock the test moves by hand (forwards or backwards)."""

    def __init__(self, ms: int = NOW) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def _ordered(stamps: list[Timestamp]) -> None:
    texts = [s.encode() for s in stamps]
    assert all(len(t) == 22 for t in texts)
    assert [Timestamp.decode(t) for t in texts] == stamps
    assert sorted(texts) == [s.encode() for s in sorted(stamps)]


def test_counter_carries_into_the_wall_part_instead_of_overflowing() -> None:
    wall = Wall()
    clock = HybridClock(Timestamp(NOW, MAX_COUNTER - 2), wall=wall)
    stamps = [clock.now() for _ in range(5)]
    assert stamps == [
        Timestamp(NOW, MAX_COUNTER - 1),
        Timestamp(NOW, MAX_COUNTER),
        Timestamp(NOW + 1, 0),
        Timestamp(NOW + 1, 1),
        Timestamp(NOW + 1, 2),
    ]
    _ordered(stamps)
    # Observing a remote stamp at the end of its millisecond carries too.
    after = clock.observe(Timestamp(NOW + 10, MAX_COUNTER))
    assert after == Timestamp(NOW + 11, 0)
    assert after.encode() > Timestamp(NOW + 10, MAX_COUNTER).encode()


def test_a_million_stamps_in_one_millisecond_stay_ordered() -> None:
    # The case the old fixed-width counter got wrong: a clock that followed a remote stamp
    # ahead of the wall clock issues every local stamp from the counter.
    clock = HybridClock(wall=Wall())
    clock.observe(Timestamp(NOW + 3_600_000, MAX_COUNTER - 10))
    previous = clock.last.encode()
    for _ in range(MAX_COUNTER + 20):
        text = clock.now().encode()
        assert text > previous and len(text) == 22
        previous = text
    assert clock.last.wall_ms == NOW + 3_600_000 + 2


def test_timestamps_out_of_range_cannot_be_made_or_read() -> None:
    for wall, counter in ((0, MAX_COUNTER + 1), (-1, 0), (MAX_WALL_MS + 1, 0), (0, -1)):
        with pytest.raises(ValueError):
            Timestamp(wall, counter)
    for text in (
        "000000000000001-1000000",
        "+00000000000001-000001",
        "00000000000001 -000001",
        "١٢٣٤٥٦٧٨٩٠١٢٣٤٥-000001",  # digits, but not ASCII ones
        "000000000000001_000001",
    ):
        with pytest.raises(ValueError):
            Timestamp.decode(text)
    with pytest.raises(OverflowError):
        Timestamp(MAX_WALL_MS, MAX_COUNTER).next()


def test_a_stamp_a_day_ahead_is_followed_but_not_one_further() -> None:
    wall = Wall()
    clock = HybridClock(wall=wall)
    near = Timestamp(NOW + MAX_AHEAD_MS, 5)
    assert clock.observe(near) > near
    assert clock.now() > near  # within a day: an ordinary skew, followed

    clock = HybridClock(wall=wall)
    before = clock.now()
    far = Timestamp(NOW + MAX_AHEAD_MS + 1, 0)
    after = clock.observe(far)
    assert after == far.next()  # the write that edits what it stamped still comes later
    assert clock.last == before  # but the clock stays with real time
    nxt = clock.now()
    assert before < nxt < far
    # Once real time is within a day of it, it is an ordinary stamp again.
    wall.ms += 2
    assert clock.observe(far) > far and clock.now() > far


def test_a_far_stamp_is_not_taken_over_when_the_clock_resumes() -> None:
    wall = Wall()
    far = Timestamp(NOW + 400 * DAY, 0)
    assert HybridClock(far, wall=wall).last == Timestamp(0, 0)
    near = Timestamp(NOW + 3_600_000, 0)
    assert HybridClock(near, wall=wall).last == near
    assert horizon(NOW) == Timestamp(NOW + MAX_AHEAD_MS, MAX_COUNTER)
    assert horizon(MAX_WALL_MS) == Timestamp(MAX_WALL_MS, MAX_COUNTER)


_ops = st.lists(
    st.one_of(
        st.tuples(st.just("now"), st.integers(-2 * DAY, 2 * DAY)),  # wall jumps, either way
        st.tuples(
            st.just("observe"),
            st.integers(-3 * DAY, 500 * DAY),  # remote wall offset from ours
            st.integers(0, MAX_COUNTER),
        ),
        st.tuples(st.just("burst"), st.integers(1, 50)),  # many stamps within one millisecond
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_ops, st.integers(MAX_COUNTER - 30, MAX_COUNTER))
def test_stamps_only_grow_and_encode_in_order(ops: list[tuple[int | str, ...]], c0: int) -> None:
    wall = Wall()
    clock = HybridClock(Timestamp(NOW, c0), wall=wall)
    issued: list[Timestamp] = []
    for op in ops:
        if op[0] == "now":
            wall.ms = max(0, wall.ms + int(op[1]))
            issued.append(clock.now())
        elif op[0] == "burst":
            issued.extend(clock.now() for _ in range(int(op[1])))
        else:
            remote = Timestamp(max(0, wall.ms + int(op[1])), int(op[2]))
            before = clock.last
            after = clock.observe(remote)
            assert after > remote and after > before
            if remote.wall_ms > wall.ms + MAX_AHEAD_MS and remote > before:
                assert clock.last == before  # not followed
                continue
            issued.append(after)
        assert clock.last == issued[-1]
    assert issued == sorted(issued) and len(set(issued)) == len(issued)
    _ordered(issued)


@given(
    st.integers(0, MAX_WALL_MS),
    st.integers(0, MAX_COUNTER),
    st.integers(0, MAX_WALL_MS),
    st.integers(0, MAX_COUNTER),
)
def test_string_order_is_timestamp_order(w1: int, c1: int, w2: int, c2: int) -> None:
    a, b = Timestamp(w1, c1), Timestamp(w2, c2)
    assert (a.encode() < b.encode()) == (a < b)
    assert (a.encode() == b.encode()) == (a == b)
    if a < Timestamp(MAX_WALL_MS, MAX_COUNTER):
        assert a < a.next() and a.next().encode() > a.encode()
        assert not (a < b < a.next())  # next is the very next one
