"""Reference records other than municipalities: prefecture divisions, business systems and
procedure steps (``core.reference`` reads them from resources/ and returns these).

Apart from ``core.reference`` so that opening the main window, which needs none of them, does not
create these classes: a frozen dataclass is ~1 ms to create (bench/gui.py W2b).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PrefectureDivision:
    code: str
    name: str
    reading: str
    system_code: str


@dataclass(frozen=True)
class BusinessSystem:
    code: str
    name: str
    short_name: str
    display_order: int
    prefecture_runs: bool
    abbr: str = ""  # two characters for narrow columns


@dataclass(frozen=True)
class ProcedureStep:
    no: int
    item: str
    phase: str
    name: str
