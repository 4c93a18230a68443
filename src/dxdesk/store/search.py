"""Full-text search over every free-text field of every kind, Japanese included.

FTS5's trigram tokenizer needs no word splitter, which suits Japanese, but it cannot match
terms under three characters; those fall back to LIKE over the same columns, so one- and
two-character queries (「県」, 「宮崎」) still work, just without the index.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from dxdesk.core.model import KINDS, FieldType, Kind
from dxdesk.store.database import Database

MIN_TRIGRAM = 3
SNIPPET_RADIUS = 30


@dataclass(frozen=True)
class Hit:
    kind: str
    label: str
    record_id: str
    title: str
    snippet: str
    date: str | None


def _escape_like(term: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", term)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def split_terms(terms: list[str]) -> tuple[list[str], list[str]]:
    """(terms the trigram index can match, terms under three characters for LIKE)."""
    return [t for t in terms if len(t) >= MIN_TRIGRAM], [t for t in terms if len(t) < MIN_TRIGRAM]


def match_expression(long_terms: list[str]) -> str:
    """An FTS5 MATCH argument: every term as a quoted phrase, all required."""
    return " AND ".join(_phrase(t) for t in long_terms)


def like_clauses(
    alias: str, fields: tuple[str, ...], short_terms: list[str]
) -> tuple[list[str], list[Any]]:
    """One WHERE clause per short term: it appears (literally) in any of the fields."""
    where: list[str] = []
    params: list[Any] = []
    for term in short_terms:
        where.append("(" + " OR ".join(f"{alias}.\"{f}\" LIKE ? ESCAPE '\\'" for f in fields) + ")")
        params += [f"%{_escape_like(term)}%"] * len(fields)
    return where, params


def terms_of(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("\u3000", " ").strip()
    return [t for t in text.split(" ") if t]


def _plain(kind: Kind, name: str, value: object) -> str:
    """Lists are stored as JSON text; show them the way people write them (a、b、c)."""
    if kind.field(name).type == FieldType.LIST and isinstance(value, str):
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return "、".join(str(i) for i in items)
    return str(value)


def _snippet(text: str, terms: list[str]) -> str:
    flat = " ".join(text.split())
    pos = -1
    for term in terms:
        # Case-insensitive like the trigram index and LIKE, or an "lgwan" hit shows no "LGWAN".
        found = re.search(re.escape(term), flat, re.IGNORECASE)
        if found:
            pos = found.start()
            break
    if pos < 0:
        return flat[: SNIPPET_RADIUS * 2]
    start = max(0, pos - SNIPPET_RADIUS)
    end = min(len(flat), pos + SNIPPET_RADIUS)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def search_kind(database: Database, kind: Kind, terms: list[str], limit: int) -> list[Hit]:
    fields = kind.search_fields
    if not fields or not terms:
        return []
    long_terms, short_terms = split_terms(terms)
    cols = ", ".join(f"k.{f}" for f in fields)
    date_col = f"k.{kind.date_field}" if kind.date_field else "NULL"
    params: list[Any] = []
    where = ["k._deleted = 0"]
    if long_terms:
        # Newest rows first, straight from the index in rowid order, so a common term stops
        # after `limit` matches instead of ranking every match (bm25 over all of them).
        sql = (
            f"SELECT k.id, k.{kind.title} AS title, {date_col} AS d, {cols} "
            f'FROM (SELECT rowid AS r FROM "fts_{kind.name}" WHERE "fts_{kind.name}" MATCH ?'
            f' ORDER BY rowid DESC) f JOIN "{kind.name}" k ON k.rid = f.r'
        )
        params.append(match_expression(long_terms))
        order = "ORDER BY f.r DESC"
    else:
        sql = f'SELECT k.id, k.{kind.title} AS title, {date_col} AS d, {cols} FROM "{kind.name}" k'
        order = f"ORDER BY {date_col} DESC" if kind.date_field else "ORDER BY k.rid DESC"
    like_where, like_params = like_clauses("k", fields, short_terms)
    where += like_where
    params += like_params
    sql += " WHERE " + " AND ".join(where) + f" {order} LIMIT {int(limit)}"
    hits = []
    for row in database.query(sql, params):
        text = " ".join(
            _plain(kind, f, row.get(f)) for f in fields if row.get(f) not in (None, "", "[]")
        )
        hits.append(
            Hit(
                kind=kind.name,
                label=kind.label,
                record_id=row["id"],
                title=str(row["title"] or ""),
                snippet=_snippet(text, terms),
                date=row["d"],
            )
        )
    return hits


def search(
    database: Database, text: str, *, kinds: tuple[Kind, ...] = KINDS, limit: int = 50
) -> list[Hit]:
    terms = terms_of(text)
    hits: list[Hit] = []
    for kind in kinds:
        hits += search_kind(database, kind, terms, limit)
    hits.sort(key=lambda h: h.date or "", reverse=True)
    return hits[:limit]
