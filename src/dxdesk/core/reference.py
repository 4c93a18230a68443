"""Reference data (municipalities, business systems, procedure steps) loaded from resources/.

The facts and their sources live in CSV files under ``dxdesk/resources``; this module only
reads and checks them. Loaded once per process (the files are tiny and immutable).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from dxdesk.core.textfold import fold

if TYPE_CHECKING:
    from dxdesk.core.reference_records import BusinessSystem, PrefectureDivision, ProcedureStep

# dxdesk/resources, next to the code in a source tree, a wheel and a PyInstaller bundle alike. Not
# importlib.resources: importing it (and its readers) is ~5 ms of every start of the window.
RESOURCES = Path(__file__).parent.parent / "resources"


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    reading: str
    kind: str  # 市 / 町 / 村
    gun: str
    area: str  # 二次医療圏
    bansou: bool  # 伴走支援 target
    welfare_office: bool  # runs its own 福祉事務所


def _rows(name: str) -> list[dict[str, str]]:
    text = (RESOURCES / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def check_digit(code5: str) -> int:
    """全国地方公共団体コード check digit of a 5-digit code."""
    total = sum(int(c) * w for c, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def is_valid_lg_code(code: str) -> bool:
    return len(code) == 6 and code.isdigit() and check_digit(code[:5]) == int(code[5])


@cache
def municipalities() -> tuple[Municipality, ...]:
    out = []
    for r in _rows("municipalities.csv"):
        if not is_valid_lg_code(r["code"]):
            raise ValueError(f"bad local government code in resources: {r['code']}")
        out.append(
            Municipality(
                code=r["code"],
                name=r["name"],
                reading=r["reading"],
                kind=r["kind"],
                gun=r["gun"],
                area=r["area"],
                bansou=r["bansou"] == "1",
                welfare_office=r["welfare_office"] == "1",
            )
        )
    return tuple(out)


@cache
def prefecture_divisions() -> tuple[PrefectureDivision, ...]:
    from dxdesk.core.reference_records import PrefectureDivision

    return tuple(
        PrefectureDivision(r["code"], r["name"], r["reading"], r["system_code"])
        for r in _rows("prefecture_divisions.csv")
    )


@cache
def business_systems() -> tuple[BusinessSystem, ...]:
    from dxdesk.core.reference_records import BusinessSystem

    rows = [
        BusinessSystem(
            r["code"],
            r["name"],
            r["short_name"],
            int(r["display_order"]),
            r["prefecture_runs"] == "1",
            r.get("abbr") or r["short_name"],
        )
        for r in _rows("business_systems.csv")
    ]
    return tuple(sorted(rows, key=lambda s: s.display_order))


@cache
def procedure_steps() -> tuple[ProcedureStep, ...]:
    from dxdesk.core.reference_records import ProcedureStep

    return tuple(
        ProcedureStep(int(r["no"]), r["item"], r["phase"], r["name"])
        for r in _rows("procedure_steps.csv")
    )


def system_by_code(code: str) -> BusinessSystem | None:
    key = code.zfill(2) if code.isdigit() else code
    for s in business_systems():
        if key in (s.code, s.name, s.short_name):
            return s
    return None


def normalize_org_name(text: str) -> str:
    """An organisation name as typed, for comparing: the search form of core/textfold.py
    (width, case, ケ/ヶ/ヵ, 髙/高 ...) without spaces, so 五ケ瀬町 and 「五ヶ瀬 町」 name one town."""
    return "".join(fold(text).split())


def system_applies(org_kind: str, welfare_office: bool, system_code: str) -> bool:
    """Whether an organisation runs a system itself (else its cell is 対象外, not missing)."""
    system = system_by_code(system_code)
    if system is None:
        return False
    if org_kind == "県":
        return False  # prefecture divisions are handled by their own system_code
    return not (system.prefecture_runs and not welfare_office)


@cache
def populations() -> dict[str, int]:
    """The population of each of the 26 municipalities whose figure is verified, by 団体コード
    (resources/populations.csv, with its source: 令和2年国勢調査)."""
    out: dict[str, int] = {}
    for r in _rows("populations.csv"):
        if r["population"]:
            out[r["code"]] = int(r["population"])
    return out
