"""Search as both faces show it: one page of hits, how many match in all, each hit's date in
the app's date display and its snippet with the matches marked.

The matching itself (folded text, the full-text index, one row per fact) is store/search.py's;
this is what the command line and the window render, so both say the same thing the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from dxdesk.core.calendar import ISO
from dxdesk.core.model import kind
from dxdesk.services.profile import Profile
from dxdesk.services.query import display_value
from dxdesk.store import search as fts
from dxdesk.store.search import Hit

# Markers for a terminal, the first pair the snippet does not already hold (【至急】 is common
# in Japanese notes, so a second and a third pair stand by).
MARKERS = (("【", "】"), ("［", "］"), ("«", "»"))


@dataclass(frozen=True)
class SearchPage:
    """Hits ``offset + 1`` .. ``end`` of ``total``, newest first."""

    text: str
    hits: tuple[Hit, ...]
    total: int
    offset: int = 0

    @property
    def end(self) -> int:
        return self.offset + len(self.hits)

    @property
    def remaining(self) -> int:
        """How many matching records come after this page (0: nothing was left out)."""
        return max(0, self.total - self.end)


def search(
    profile: Profile,
    text: str,
    *,
    limit: int = 50,
    offset: int = 0,
    radius: int = fts.SNIPPET_RADIUS,
) -> SearchPage:
    found = fts.search(profile.database, text, limit=limit, offset=offset, radius=radius)
    return SearchPage(text, tuple(found.hits), found.total, found.offset)


def shown_date(hit: Hit, date_style: str = ISO) -> str:
    """The hit's date as every table of the app shows its kind's date (services/query.py)."""
    k = kind(hit.kind)
    if k.date_field is None or hit.date is None:
        return ""
    return display_value(k.field(k.date_field), hit.date, {}, date_style)


def marked(hit: Hit) -> str:
    """The snippet with each match between markers: …の【LGWAN】接続系…"""
    text = hit.snippet
    opening, closing = next(
        ((a, b) for a, b in MARKERS if a not in text and b not in text), MARKERS[-1]
    )
    out, done = [], 0
    for start, end in hit.marks:
        out += [text[done:start], opening, text[start:end], closing]
        done = end
    out.append(text[done:])
    return "".join(out)


__all__ = ["Hit", "SearchPage", "marked", "search", "shown_date"]
