from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxdesk.core import ids
from dxdesk.core.hlc import HybridClock, Timestamp
from dxdesk.core.ids import is_valid_id, natural_id, new_id


def test_new_id_is_uuid7_and_time_ordered() -> None:
    a = new_id(now_ms=1_700_000_000_000)
    b = new_id(now_ms=1_700_000_000_001)
    assert uuid.UUID(a).version == 7 and uuid.UUID(a).variant == uuid.RFC_4122
    assert a < b
    assert len({new_id() for _ in range(10_000)}) == 10_000
    assert is_valid_id(a) and not is_valid_id("452017")


def test_natural_id_is_deterministic() -> None:
    assert natural_id("organisation", "452017") == natural_id("organisation", "452017")
    assert natural_id("organisation", "452017") != natural_id("organisation", "452025")


def test_clock_never_goes_backwards_even_if_wall_clock_does() -> None:
    walls = iter([1000, 1000, 900, 2000])
    clock = HybridClock(wall=lambda: next(walls))
    stamps = [clock.now() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert stamps[2] == Timestamp(1000, 2)


def test_observe_stays_ahead_of_remote() -> None:
    clock = HybridClock(wall=lambda: 100)
    remote = Timestamp(5000, 7)
    after = clock.observe(remote)
    assert after > remote
    assert clock.now() > after


@given(st.integers(0, 10**14), st.integers(0, 999_999))
def test_encoding_preserves_order(wall: int, counter: int) -> None:
    t = Timestamp(wall, counter)
    assert Timestamp.decode(t.encode()) == t
    u = Timestamp(wall, counter + 1) if counter < 999_999 else Timestamp(wall + 1, 0)
    assert (t.encode() < u.encode()) == (t < u)


def test_ids_of_one_process_increase_strictly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Made one after the other, ids sort in that order: within one millisecond, and when the
    wall clock is set back (the later of two corrections is the greater id)."""
    many = [new_id() for _ in range(5000)]
    assert many == sorted(many) and len(set(many)) == len(many)
    ms = [int(i.replace("-", "")[:12], 16) for i in many]
    assert len(set(ms)) < len(ms)  # several ids shared a millisecond and still increased
    before = new_id()
    monkeypatch.setattr(ids.time, "time_ns", lambda: 1_000_000_000)  # back to 1970
    after = [new_id() for _ in range(3)]
    assert [before, *after] == sorted([before, *after])
    assert all(uuid.UUID(i).version == 7 for i in after)


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_natural_id_is_uuid5_of_the_joined_key(parts: list[str]) -> None:
    """The hand-made UUIDv5 is the standard library's, for any key (Japanese, empty, long)."""
    expected = str(uuid.uuid5(ids.DXDESK_NAMESPACE, "/".join(parts)))
    assert natural_id(*parts) == expected


def test_natural_ids_stored_before_stay_the_same() -> None:
    # Ids already in every profile (a reference organisation, a progress cell), as written.
    assert natural_id("organisation", "452017") == "91496f07-c6fe-5e52-b2ac-4149d73dd427"
    cell = natural_id("step_status", "宮崎市", "01", "12")
    assert cell == "25217326-b016-5c63-ba3b-6b966941de82"
    assert uuid.UUID(cell).version == 5 and uuid.UUID(cell).variant == uuid.RFC_4122
