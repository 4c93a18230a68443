"""The organisation tree's shape, below Qt: which headings, in which order, which organisations
under each, and what each one's status and notes say.

This module exists so that the rules of the main window's left pane (grouping the organisations
by 圏域, by 区分 or by the supervisor's own group records, the prefecture's divisions last, the
◆/● marks, which counts a badge shows) are decided once, testable without Qt, and renderable by
the command line as well as the window. ``gui/orgtree.py`` only turns the result into items.

Texts follow the services' rule (docs/architecture.md, Translations): what this module says
itself is a Japanese template with numbers (``Phrase`` + ``Phrased``), never a finished sentence
in one language; the window looks each ``Phrase`` up in its own catalogue and fills the same
numbers, and ``Phrased.japanese`` renders it for a Japanese-only face. Names from the data
(organisations, 圏域, 区分, group records) are shown as recorded.

The records here are NamedTuples, not dataclasses: the tree is built before the window's first
paint, where each frozen dataclass costs about a millisecond to create (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import NamedTuple

from dxdesk.services.overview import OrgBadge, OverviewService
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

# The two groupings read from the organisations themselves; any other grouping names a
# ``group_type`` of the supervisor's group records (core.model GROUP_TYPES: 生活圏, ベンダ, ...).
BY_AREA = "area"
BY_KIND = "kind"
DISTRICT_GROUPINGS = (BY_AREA, BY_KIND)

PREFECTURE_KIND = "県"  # org_kind of the prefecture's divisions, always under their own heading
STATUS_SEPARATOR = " · "


class Phrase(StrEnum):
    """Every text the tree says itself, as its Japanese template (%1, %2: the numbers).

    The value is the catalogue's source text: gui/orgtree.py translates each member by a
    literal ``tr()`` of the same Japanese (a test checks the two agree)."""

    # Headings the tree names itself (other headings are names from the data).
    PREFECTURE = "県（所管課）"
    OTHER = "その他"  # an organisation without 圏域 (or 区分)
    UNGROUPED = "グループ未設定"  # in no group record of the grouping shown
    # The status column, in this order.
    OPEN_ISSUES = "課題%1"
    DAYS_ON_SITE_OF_TARGET = "現地%1/%2日"  # under intensive support: days against the target
    DAYS_ON_SITE = "現地%1日"
    DAYS_SINCE_VISIT = "%1日前"
    # The tooltip's notes, after the name and the code.
    HANDS_ON = "● 伴走支援対象"
    INTENSIVE = "◆ 集中支援（月%1日目標）"


def fill(template: str, numbers: Sequence[int]) -> str:
    """A template with its numbers: %1 is the first, %2 the second (as the catalogue's)."""
    text = str(template)  # a Phrase's Japanese, or its translation
    for position, number in enumerate(numbers, start=1):
        text = text.replace(f"%{position}", str(number))
    return text


class Phrased(NamedTuple):
    """A phrase and the numbers that fill it, rendered by each face in its own language."""

    phrase: Phrase
    numbers: tuple[int, ...] = ()

    def japanese(self) -> str:
        return fill(self.phrase, self.numbers)


Render = Callable[[Phrased], str]


class OrgNode(NamedTuple):
    """One organisation as the tree shows it."""

    org: OrgBadge
    mark: str  # after the name: "◆" intensive support, else "●" hands-on support, else ""
    status: tuple[Phrased, ...]  # the 状況 column's parts
    notes: tuple[Phrased, ...]  # the tooltip's lines after the name and the code

    @property
    def label(self) -> str:
        return f"{self.org.name}{self.mark}"

    def status_text(self, render: Render = Phrased.japanese) -> str:
        return STATUS_SEPARATOR.join(render(part) for part in self.status)

    def tooltip_lines(self, render: Render = Phrased.japanese) -> list[str]:
        return [self.org.name, self.org.code, *(render(note) for note in self.notes)]


class OrgGroup(NamedTuple):
    """A heading and the organisations under it, in tree order."""

    title: Phrase | str  # a Phrase for the tree's own headings, else a name from the data
    orgs: tuple[OrgNode, ...]


def org_node(b: OrgBadge) -> OrgNode:
    mark = "◆" if b.target_days else ("●" if b.bansou else "")
    status: list[Phrased] = []
    if not b.counted:
        pass  # not counted yet: a blank 状況, never a "0" that reads as a figure
    elif b.open_issues:
        status.append(Phrased(Phrase.OPEN_ISSUES, (b.open_issues,)))
    if b.target_days and b.counted:
        status.append(Phrased(Phrase.DAYS_ON_SITE_OF_TARGET, (b.days_on_site, b.target_days)))
    elif b.days_on_site:
        status.append(Phrased(Phrase.DAYS_ON_SITE, (b.days_on_site,)))
    if b.days_since_visit is not None:
        status.append(Phrased(Phrase.DAYS_SINCE_VISIT, (b.days_since_visit,)))
    notes: list[Phrased] = []
    if b.bansou:
        notes.append(Phrased(Phrase.HANDS_ON))
    if b.target_days:
        notes.append(Phrased(Phrase.INTENSIVE, (b.target_days,)))
    return OrgNode(b, mark, tuple(status), tuple(notes))


def _by_district(badges: Sequence[OrgBadge], grouping: str) -> list[tuple[OrgBadge, str]]:
    pairs: list[tuple[OrgBadge, str]] = []
    for b in badges:
        if b.org_kind == PREFECTURE_KIND:
            pairs.append((b, Phrase.PREFECTURE))
        else:
            name = b.area if grouping == BY_AREA else b.org_kind
            pairs.append((b, name or Phrase.OTHER))
    return pairs


def _by_group_records(
    badges: Sequence[OrgBadge], grouping: str, groups: Iterable[Mapping[str, object]]
) -> list[tuple[OrgBadge, str]]:
    members: dict[str, list[str]] = {}
    order: list[str] = []  # groups in the order they were recorded
    for group in groups:
        listed = group.get("members")
        if group.get("group_type") != grouping or not isinstance(listed, list):
            continue
        order.append(str(group["name"]))
        for org_id in listed:
            members.setdefault(str(org_id), []).append(str(group["name"]))
    by_group: dict[str, list[OrgBadge]] = {}
    rest: list[OrgBadge] = []
    prefecture: list[OrgBadge] = []
    for b in badges:
        # A division the supervisor put in a group sits there, like any organisation.
        if b.org_kind == PREFECTURE_KIND and b.org_id not in members:
            prefecture.append(b)
        elif b.org_id in members:
            for name in members[b.org_id]:
                by_group.setdefault(name, []).append(b)
        else:
            rest.append(b)
    pairs: list[tuple[OrgBadge, str]] = [
        (b, name) for name in dict.fromkeys(order) if name in by_group for b in by_group[name]
    ]
    pairs += [(b, Phrase.UNGROUPED) for b in rest]
    pairs += [(b, Phrase.PREFECTURE) for b in prefecture]
    return pairs


def group_organisations(
    badges: Sequence[OrgBadge], grouping: str, groups: Iterable[Mapping[str, object]] = ()
) -> list[OrgGroup]:
    """The tree's groups for ``badges`` (in OverviewService.organisations' order) under one
    grouping: BY_AREA, BY_KIND, or a group_type of the ``groups`` records. Every organisation
    appears at least once; one may sit in several groups."""
    if grouping in DISTRICT_GROUPINGS:
        pairs = _by_district(badges, grouping)
    else:
        pairs = _by_group_records(badges, grouping, groups)
    nodes = {b.org_id: org_node(b) for b in badges}
    # Headings in the order their first organisation comes; equal titles share one heading
    # (a Phrase equals its Japanese text, as the window's one heading per text always did).
    folded: dict[str, list[OrgNode]] = {}
    for b, title in pairs:
        folded.setdefault(title, []).append(nodes[b.org_id])
    return [OrgGroup(title, tuple(orgs)) for title, orgs in folded.items()]


class OrgTreeService:
    """The tree for a month and a grouping, from the badges and the group records."""

    def __init__(
        self,
        profile: Profile,
        *,
        overview: OverviewService | None = None,
        records: RecordService | None = None,
    ) -> None:
        # The window passes the services it already holds (one "today" for badges and panel).
        self.overview = overview or OverviewService(profile)
        self.records = records or RecordService(profile)

    def groups(
        self, grouping: str, month: str | None = None, *, counted: bool = True
    ) -> list[OrgGroup]:
        """The tree under ``grouping``; ``counted`` False: the names without the figures (the
        window's first paint; services/overview.py OrgBadge.counted)."""
        badges = self.overview.organisations(month, counted=counted)
        # The districts need no group record: not read for them.
        groups: list[dict[str, object]] = []
        if grouping not in DISTRICT_GROUPINGS:
            for group in self.records.list_records("group"):
                members = self.records.children("group", str(group["id"]))["group_member"]
                groups.append({**group, "members": [m["org_id"] for m in members]})
        return group_organisations(badges, grouping, groups)
