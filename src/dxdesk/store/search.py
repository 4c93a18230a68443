"""Full-text search over every free-text field of every kind, Japanese included.

The full-text tables hold each record's searchable text in search form (core/textfold.py:
width, case, ヶ/ケ and small-kana variants folded, by the triggers of store/schema.py), and the
query is folded the same way, so ＬＧＷＡＮ finds LGWAN, ｶﾞﾊﾞﾒﾝﾄ finds ガバメント and 五ケ瀬 finds
五ヶ瀬. FTS5's trigram tokenizer needs no word splitter, which suits Japanese, but it cannot
match terms under three characters; those are matched with LIKE over the same folded text
(every row of the kind is read, so one- and two-character queries work, just without the
index). Every term must match.

A search answers with one page of hits, newest first across all kinds, and the total number of
records that match, so no face ever cuts a result silently. A fact is listed once: a time
entry recorded for a visit (``FOLDED_INTO``) is part of that visit and is not listed again when
the visit itself matches, and a corrected time entry is history (``live_clause``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dxdesk.core.model import KINDS, FieldType, Kind, kind
from dxdesk.core.textfold import fold, fold_with_spans
from dxdesk.store.database import Database
from dxdesk.store.meanings import live_clause

MIN_TRIGRAM = 3
SNIPPET_RADIUS = 30
# Kind -> (its reference field, the kind it is part of). A time entry with a visit_id is the
# hours of that visit (the visit form and the week grid write it so): when the visit matches
# too, the entry would show the same fact a second time.
FOLDED_INTO: dict[str, tuple[str, str]] = {"time": ("visit_id", "visit")}
# Matches of one kind read by rowid at most; beyond, its date index is walked instead.
SEEK_LIMIT = 2_000


@dataclass(frozen=True)
class Hit:
    kind: str
    label: str
    record_id: str
    title: str
    snippet: str  # the matching passage of the record's text, as written
    date: str | None  # the kind's date field, ISO as stored
    org_id: str | None = None
    org: str = ""  # the organisation's name ("" for kinds without one)
    # Spans (start, end) of ``snippet`` that match a term, in order, not overlapping.
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Found:
    """One page of hits and how many records match in all."""

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    offset: int = 0

    @property
    def remaining(self) -> int:
        """Matches after this page."""
        return max(0, self.total - self.offset - len(self.hits))


def _escape_like(term: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", term)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def terms_of(text: str) -> list[str]:
    """The search terms of what a person typed: folded, split on any space (the ideographic
    space included: NFKC makes it a plain one)."""
    return fold(text).split()


def split_terms(terms: list[str]) -> tuple[list[str], list[str]]:
    """(terms the trigram index can match, terms under three characters for LIKE)."""
    return [t for t in terms if len(t) >= MIN_TRIGRAM], [t for t in terms if len(t) < MIN_TRIGRAM]


def match_expression(long_terms: list[str]) -> str:
    """An FTS5 MATCH argument: every term as a quoted phrase, all required."""
    return " AND ".join(_phrase(t) for t in long_terms)


def _fts_where(k: Kind, terms: list[str]) -> tuple[str, list[Any]]:
    """The WHERE clause over ``fts_<kind>`` alone for rows holding every (folded) term:
    MATCH for the terms the index can find, LIKE over the folded columns for shorter ones
    (evaluated only on the rows MATCH found when there is a long term too)."""
    fts = f'"fts_{k.name}"'
    long_terms, short_terms = split_terms(terms)
    where: list[str] = []
    params: list[Any] = []
    if long_terms:
        where.append(f"{fts} MATCH ?")
        params.append(match_expression(long_terms))
    for term in short_terms:
        where.append(
            "(" + " OR ".join(f"{fts}.\"{f}\" LIKE ? ESCAPE '\\'" for f in k.search_fields) + ")"
        )
        params += [f"%{_escape_like(term)}%"] * len(k.search_fields)
    return " AND ".join(where), params


def text_condition(k: Kind, alias: str, terms: list[str]) -> tuple[str, list[Any]]:
    """A WHERE clause on ``"kind" AS alias``: the row's text holds every (folded) term.

    The full-text table holds live records only (store/schema.py), so a deleted record never
    matches text. ``alias`` is an identifier of ours, never user text.
    """
    if not k.search_fields:
        return "0", []  # nothing of this kind can contain text
    if not terms:
        return "1", []
    where, params = _fts_where(k, terms)
    return f'{alias}.rid IN (SELECT rowid FROM "fts_{k.name}" WHERE {where})', params


def _simple(k: Kind, searched: frozenset[str]) -> bool:
    """Whether the full-text table alone says which records of ``k`` a search lists: it holds
    the live rows, and for this kind live means not deleted (no corrections, no parent) and no
    row is left out for being part of another hit."""
    folded = FOLDED_INTO.get(k.name)
    return (
        not k.append_only
        and k.parent is None
        and not (folded is not None and folded[1] in searched)
    )


def _matching(
    k: Kind, alias: str, terms: list[str], searched: frozenset[str]
) -> tuple[str, list[Any]]:
    """The rows of ``k`` a search lists: live, holding every term, not part of a record that
    is listed itself (``FOLDED_INTO``, when that kind is searched too)."""
    text, params = text_condition(k, alias, terms)
    where = [live_clause(k, alias), text]
    folded = FOLDED_INTO.get(k.name)
    if folded is not None and folded[1] in searched:
        ref, target_name = folded
        target = kind(target_name)
        inner, inner_params = _matching(target, f"{alias}_in", terms, frozenset())
        # Per row of ours that names a record: one look-up of that record (by its id).
        where.append(
            f'NOT EXISTS (SELECT 1 FROM "{target.name}" AS {alias}_in'
            f' WHERE {alias}_in.id = {alias}."{ref}" AND {inner})'
        )
        params = [*params, *inner_params]
    return " AND ".join(f"({w})" for w in where), params


def _plain(k: Kind, name: str, value: object) -> str:
    """Lists are stored as JSON text; show them the way people write them (a、b、c)."""
    if k.field(name).type == FieldType.LIST and isinstance(value, str):
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return "、".join(str(i) for i in items)
    return str(value)


def snippet(
    text: str, terms: Sequence[str], radius: int = SNIPPET_RADIUS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The passage of ``text`` around its first match of any (folded) term, and the spans of
    the passage that match a term, found in the folded text and shown in the original.

    About ``2 * radius`` characters: a third of ``radius`` before the first match, the rest
    after it, because a passage is read, and cut by its column, from the left: with the
    context centred, a narrow column showed the words before the match and not the match.
    """
    flat = " ".join(text.split())
    folded, starts, ends = fold_with_spans(flat)
    spans: list[tuple[int, int]] = []
    for term in terms:
        at = folded.find(term)
        while at >= 0 and term:
            spans.append((starts[at], ends[at + len(term) - 1]))
            at = folded.find(term, at + len(term))
    if not spans:
        return flat[: radius * 2] + ("…" if len(flat) > radius * 2 else ""), ()
    spans.sort()
    first_start, first_end = spans[0]
    before = max(4, radius // 3)
    start = max(0, first_start - before)
    end = min(len(flat), first_end + 2 * radius - before)
    # A match the passage would cut in two is shown whole.
    end = max([end, *(b for a, b in spans if a < end)])
    prefix = "…" if start else ""
    shown = prefix + flat[start:end] + ("…" if end < len(flat) else "")
    marks: list[tuple[int, int]] = []
    shift = len(prefix) - start
    for span_start, span_end in spans:
        a, b = max(span_start, start) + shift, min(span_end, end) + shift
        if a >= b:
            continue  # outside the passage shown
        if marks and a <= marks[-1][1]:
            marks[-1] = (marks[-1][0], max(marks[-1][1], b))
        else:
            marks.append((a, b))
    return shown, tuple(marks)


def _keys(
    database: Database, k: Kind, terms: list[str], searched: frozenset[str], count: int
) -> tuple[int, list[tuple[str, int]]]:
    """How many records of ``k`` a search lists, and the (date, rid) of the first ``count``
    of them in the listing's order: newest first by the kind's date, then the newest row."""
    conn = database.conn
    date = f'k."{k.date_field}"' if k.date_field else "NULL"
    if not _simple(k, searched):
        where, params = _matching(k, "k", terms, searched)
        # One pass: the window counts every match before LIMIT keeps the first ones.
        sql = (
            f'SELECT k.rid, {date} AS d, count(*) OVER () FROM "{k.name}" AS k'
            f" WHERE {where} ORDER BY d DESC, k.rid DESC LIMIT ?"
        )
        rows = conn.execute(sql, [*params, count]).fetchall()
        return (int(rows[0][2]) if rows else 0), [(str(r[1] or ""), int(r[0])) for r in rows]
    # The index alone: every row in it is live, so it counts without reading a record.
    fts = f'"fts_{k.name}"'
    where, params = _fts_where(k, terms)
    matches = f"SELECT rowid FROM {fts} WHERE {where}"
    few = [int(r[0]) for r in conn.execute(f"{matches} LIMIT ?", [*params, SEEK_LIMIT + 1])]
    if len(few) <= SEEK_LIMIT:
        # Few matches, all known: each is read by its rowid for its date.
        if not few or count == 0:
            return len(few), []
        if not k.date_field:
            return len(few), [("", rid) for rid in sorted(few, reverse=True)[:count]]
        marks = ", ".join("?" for _ in few)
        sql = (
            f'SELECT k.rid, {date} FROM "{k.name}" AS k WHERE k.rid IN ({marks})'
            f" ORDER BY {date} DESC, k.rid DESC LIMIT ?"
        )
        rows = conn.execute(sql, [*few, count]).fetchall()
        return len(few), [(str(r[1] or ""), int(r[0])) for r in rows]
    if not k.date_field:
        total = int(conn.execute(f"SELECT count(*) FROM ({matches})", params).fetchone()[0])
        newest = conn.execute(f"{matches} ORDER BY rowid DESC LIMIT ?", [*params, count])
        return total, [("", int(r[0])) for r in newest]
    # Many: reading thousands of wide rows (a decrypted page each) costs far more than walking
    # the narrow date index newest first and keeping the rows that match, which stops once the
    # page is full. The matches are gathered once, for the count and for the walk.
    sql = (
        f"WITH m(r) AS MATERIALIZED ({matches})"
        " SELECT 0, count(*), NULL FROM m UNION ALL SELECT 1, * FROM"
        f' (SELECT k.rid, {date} FROM "{k.name}" AS k INDEXED BY "{k.name}_date"'
        f" WHERE k.rid IN m ORDER BY {date} DESC, k.rid DESC LIMIT ?)"
    )
    total, keys = 0, []
    for part, value, day in conn.execute(sql, [*params, count]).fetchall():
        if part == 0:
            total = int(value)
        else:
            keys.append((str(day or ""), int(value)))
    keys.sort(reverse=True)  # a compound SELECT promises no order: newest first, as elsewhere
    return total, keys


def _hits(
    database: Database, k: Kind, rids: list[int], terms: list[str], radius: int
) -> dict[int, Hit]:
    fields = k.search_fields
    cols = ", ".join(f'k."{f}"' for f in fields)
    date = f'k."{k.date_field}"' if k.date_field else "NULL"
    org_id = f'k."{k.org_column}"' if k.org_column else "NULL"
    marks = ", ".join("?" for _ in rids)
    sql = (
        f'SELECT k.rid AS rid, k.id AS id, k."{k.title}" AS title, {date} AS d,'
        f" {org_id} AS org_id, (SELECT o.name FROM organisation AS o WHERE o.id = {org_id})"
        f' AS org, {cols} FROM "{k.name}" AS k WHERE k.rid IN ({marks})'
    )
    out: dict[int, Hit] = {}
    for row in database.query(sql, rids):
        text = " ".join(
            _plain(k, f, row.get(f)) for f in fields if row.get(f) not in (None, "", "[]")
        )
        shown, spans = snippet(text, terms, radius)
        out[int(row["rid"])] = Hit(
            kind=k.name,
            label=k.label,
            record_id=str(row["id"]),
            title=str(row["title"] or ""),
            snippet=shown,
            date=row["d"],
            org_id=row["org_id"],
            org=str(row["org"] or ""),
            marks=spans,
        )
    return out


def search(
    database: Database,
    text: str,
    *,
    kinds: tuple[Kind, ...] = KINDS,
    limit: int = 50,
    offset: int = 0,
    radius: int = SNIPPET_RADIUS,
) -> Found:
    """Hits ``offset`` .. ``offset + limit`` of every record that holds every term of
    ``text``, newest first (kinds without a date after the dated ones), and the total."""
    terms = terms_of(text)
    limit, offset = max(0, int(limit)), max(0, int(offset))
    if not terms:
        return Found([], 0, offset)
    searched = frozenset(k.name for k in kinds)
    total = 0
    order: list[tuple[str, int, int]] = []  # (date, -kind index, rid): sorted, newest first
    for i, k in enumerate(kinds):
        if not k.search_fields:
            continue
        n, keys = _keys(database, k, terms, searched, offset + limit)
        total += n
        order += [(d, -i, rid) for d, rid in keys]
    order.sort(reverse=True)
    page = order[offset : offset + limit]
    wanted: dict[int, list[int]] = {}
    for _, neg, rid in page:
        wanted.setdefault(-neg, []).append(rid)
    found = {
        (i, rid): hit
        for i, rids in wanted.items()
        for rid, hit in _hits(database, kinds[i], rids, terms, radius).items()
    }
    hits = [found[(-neg, rid)] for _, neg, rid in page if (-neg, rid) in found]
    return Found(hits, total, offset)


__all__ = [
    "FOLDED_INTO",
    "Found",
    "Hit",
    "match_expression",
    "search",
    "snippet",
    "split_terms",
    "terms_of",
    "text_condition",
]
