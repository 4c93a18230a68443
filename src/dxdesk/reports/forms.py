"""The official form of the documents sent to the prefecture (宛先, 受託者, 文書番号, 記・以上).

Set once on the hub as ``document_form`` records (core/model.py) and synced like any record: one
for 既定 and, where a document differs, one for that document; a field left empty in a
document's record falls back to 既定's, and the addressee to the prefecture's division.
"""

from __future__ import annotations

from typing import Any

from dxdesk.reports.pdf import Letterhead
from dxdesk.store.database import Database

DEFAULT_KIND = "既定"
# 仕様書: deliverables go to 宮崎県総合政策部デジタル推進課 (shared/design/DOMAIN.md).
DEFAULT_ADDRESSEE = "宮崎県総合政策部デジタル推進課長　殿"
_CONTRACTOR = ("contractor_name", "contractor_address", "representative")


def _forms(db: Database, title: str) -> list[dict[str, Any]]:
    """The document's own form first, then 既定 (live records only)."""
    rows = db.query(
        "SELECT * FROM document_form WHERE _deleted = 0 AND doc_kind IN (?, ?)",
        (title, DEFAULT_KIND),
    )
    return sorted(rows, key=lambda r: r["doc_kind"] == DEFAULT_KIND)


def letterhead(db: Database, title: str, *, number: str = "") -> Letterhead:
    """The letterhead of the document titled ``title`` (e.g. 月次作業報告書)."""
    forms = _forms(db, title)

    def value(name: str) -> Any:
        for form in forms:
            v = form.get(name)
            if v not in (None, ""):
                return v
        return None

    return Letterhead(
        addressee=str(value("addressee") or DEFAULT_ADDRESSEE),
        contractor=tuple(str(v) for v in (value(n) for n in _CONTRACTOR) if v),
        number=number,
        cover_letter=bool(value("cover_letter")),
    )


def number_pattern(db: Database, title: str) -> str:
    """The document-number pattern (e.g. DX第{n}号) for ``title``, "" when none is set."""
    for form in _forms(db, title):
        if form.get("number_pattern"):
            return str(form["number_pattern"])
    return ""
