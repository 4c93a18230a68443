"""The case library (事例, 6(2)ア① and イ⑧), Qt-free: cases from anywhere in Japan, the
同規模自治体 filter, and an engagement's outcomes as a 支援事例 draft.

同規模 (similar size) is a band on a log scale around the asking municipality's population P:
a case of population Q is similar when P / (1 + band) <= Q <= P x (1 + band), so the default
band 0.5 takes 2/3 P to 1.5 P, the same reach above and below (a town of 6,000 is as near a town
of 9,000 as one of 4,000). P is the organisation's own 人口（国勢調査） when entered, else the
reference figure of resources/populations.csv (with its source); a case's Q is its own 人口
field, or for a case of one of the 26, that organisation's P.
Cases whose population is not known are left out of a similar filter, and counted (``unknown``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dxdesk.core import reference
from dxdesk.core.model import CASE_STATUSES, coerce, kind
from dxdesk.errors import UserError
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.store.meanings import live_clause
from dxdesk.store.records import Change

DEFAULT_BAND = 0.5


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    municipality: str  # the name: the organisation's, or the one typed for a case outside
    prefecture: str
    population: int | None
    theme: str
    year: int | None
    summary: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "municipality": self.municipality,
            "prefecture": self.prefecture,
            "population": self.population,
            "theme": self.theme,
            "year": self.year,
        }


@dataclass(frozen=True)
class CaseSearch:
    cases: tuple[Case, ...]
    reference: int | None  # the asking municipality's population (None: no similar filter)
    low: int | None
    high: int | None
    unknown: int  # cases left out because their population is not known


def org_population(profile: Profile, org_id: str) -> int | None:
    """The population of one of the 26: the figure entered on the organisation, else the
    reference one (None for the prefecture or one neither knows)."""
    return org_populations(profile).get(org_id)


def org_populations(profile: Profile) -> dict[str, int]:
    """By organisation id, its population as the 同規模 filter takes it: the figure entered on
    the organisation record (人口（国勢調査）, e.g. from e-Stat for a town whose figure the
    reference file leaves unverified), else resources/populations.csv by its 団体コード."""
    pops = reference.populations()
    out: dict[str, int] = {}
    for r in profile.database.query("SELECT id, code, population FROM organisation"):
        value = r["population"] if r["population"] is not None else pops.get(str(r["code"]))
        if value is not None:
            out[str(r["id"])] = int(value)
    return out


def band_limits(population: int, band: float) -> tuple[int, int]:
    """The populations similar to ``population`` (both ends included)."""
    if band < 0:
        raise UserError("bad_argument", detail="--band には 0 以上の数値を指定してください。")
    return round(population / (1 + band)), round(population * (1 + band))


class CaseService:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.db = profile.database

    def all_cases(self) -> list[Case]:
        rows = self.db.query(
            'SELECT c.*, o.name AS org_name, o.code AS org_code FROM "case" AS c'
            " LEFT JOIN organisation AS o ON o.id = c.org_id"
            f" WHERE {live_clause(kind('case'), 'c')} ORDER BY c.year DESC, c.title, c.id"
        )
        pops = org_populations(self.profile)
        out = []
        for r in rows:
            population = r["population"]
            if population is None and r["org_id"] is not None:
                population = pops.get(str(r["org_id"]))
            out.append(
                Case(
                    str(r["id"]),
                    str(r["title"] or ""),
                    str(r["org_name"] or r["municipality"] or ""),
                    str(r["prefecture"] or ("宮崎県" if r["org_name"] else "")),
                    None if population is None else int(population),
                    str(r["theme"] or ""),
                    None if r["year"] is None else int(r["year"]),
                    str(r["summary"] or ""),
                )
            )
        return out

    def search(
        self,
        similar_to: str | None = None,
        theme: str | None = None,
        band: float = DEFAULT_BAND,
    ) -> CaseSearch:
        """Cases of a theme and, with ``similar_to`` (an organisation by name, code or id), of
        a population within the band around that organisation's."""
        found = self.all_cases()
        if theme:
            wanted = str(coerce(kind("case").field("theme"), theme))
            found = [c for c in found if c.theme == wanted]
        if similar_to is None:
            return CaseSearch(tuple(found), None, None, None, 0)
        records = RecordService(self.profile)
        org_id = records.resolve_org(similar_to)
        population = org_population(self.profile, org_id)
        if population is None:
            name = self.db.query("SELECT name FROM organisation WHERE id = ?", (org_id,))
            raise UserError("no_population", org=str(name[0]["name"]) if name else similar_to)
        low, high = band_limits(population, band)
        unknown = sum(1 for c in found if c.population is None)
        similar = [c for c in found if c.population is not None and low <= c.population <= high]
        similar.sort(key=lambda c: (abs((c.population or 0) - population), c.title))
        return CaseSearch(tuple(similar), population, low, high, unknown)

    def draft_from_engagement(self, engagement_id: str) -> Change:
        """A 支援事例 draft (作成中) from an engagement's outcomes; the change made. The
        engagement's theme names it, its notes and menu give the background and approach, its
        outcomes the results and the knowledge passed the lessons."""
        rows = self.db.query(
            "SELECT e.*, o.name AS org FROM engagement AS e"
            " LEFT JOIN organisation AS o ON o.id = e.org_id WHERE e.id = ? AND e._deleted = 0",
            (engagement_id,),
        )
        if not rows:
            raise UserError("unknown_record", label=kind("engagement").label, id=engagement_id)
        e = rows[0]
        theme = str(e["theme"] or e["dx_theme"] or "集中支援")
        held = RecordService(self.profile).get("engagement", engagement_id).get("menu")
        menu = held if isinstance(held, list) else []
        approach = "\n".join(
            x
            for x in (
                ("支援メニュー：" + "、".join(str(m) for m in menu)) if menu else "",
                str(e["experts_dispatched"] or ""),
            )
            if x
        )
        change = RecordService(self.profile).add(
            "case_study",
            {
                "org_id": e["org_id"],
                "engagement_id": engagement_id,
                "title": f"{e['org'] or ''}における{theme}".strip(),
                "status": CASE_STATUSES[0],
                "background": e["notes"],
                "approach": approach or None,
                "results": e["outcomes"],
                "lessons": e["knowledge_passed"],
            },
        )
        return change


def reference_orgs(profile: Profile) -> list[tuple[str, str, int | None]]:
    """(id, name, population) of each municipality, in code order: the organisations a
    similar-size search can be asked for (None where no figure is entered nor verified)."""
    pops = org_populations(profile)
    return [
        (str(r["id"]), str(r["name"]), pops.get(str(r["id"])))
        for r in profile.database.query(
            "SELECT id, name, code, org_kind FROM organisation WHERE _deleted = 0 ORDER BY code"
        )
        if r["org_kind"] != "県"  # a prefecture division has no population of its own
    ]
