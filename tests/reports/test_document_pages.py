"""Every page of the consultation log, expert list, minutes, training reports, completion report
and case study: the handling mark chosen, the title, "n / N", embedded subset TrueType fonts,
and the line-breaking rules in the extracted text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from dxdesk.reports.base import ReportRequest
from dxdesk.services.profile import Profile
from dxdesk.services.reports import generate
from tests.reports.readback import embedded_fonts, kinsoku_violations, needs_pdftotext, read_pdf

TITLES = {
    "consultations": "相談管理表",
    "experts": "専門人材一覧表",
    "minutes": "議事録",
    "training-plan": "研修実施内容報告書",
    "training-result": "研修実施結果報告書",
    "completion": "業務完了報告書",
    "case-study": "支援事例",
}


def _request(profile: Profile, kind: str) -> ReportRequest:
    if kind == "minutes":
        meeting = profile.database.query("SELECT id FROM meeting ORDER BY date LIMIT 1")[0]
        return ReportRequest(kind, meeting_id=meeting["id"], handling_mark="関係者限り")
    return ReportRequest(kind, fy=2025, handling_mark="関係者限り")


@needs_pdftotext
@pytest.mark.parametrize("kind", sorted(TITLES))
def test_every_page_is_marked_numbered_and_embeds_its_font(
    demo_profile: Profile, tmp_path: Path, kind: str
) -> None:
    out = generate(demo_profile, _request(demo_profile, kind), tmp_path / f"{kind}.pdf")
    doc = read_pdf(out)
    pages = doc.poppler.split("\f")[: doc.pages]
    assert len(pages) == doc.pages
    for n, text in enumerate(pages, start=1):
        assert "関係者限り" in text and "取扱注意" not in text, n
        assert TITLES[kind] in text, n
        assert re.search(rf"^\s*{n} / {doc.pages}\s*$", text, re.MULTILINE), n
    fonts = embedded_fonts(out)
    # Subsets only (a six-letter tag before the name), and nothing but TrueType programs.
    assert fonts and all(re.match(r"/?[A-Z]{6}\+", f) for f in fonts), fonts
    reader = PdfReader(out)
    assert reader.metadata is not None and reader.metadata.title == TITLES[kind]
    assert b"/FontFile3" not in doc.raw
    if kind != "minutes":  # its "・" bullets are hard line starts: tested in test_minutes
        # Japanese line breaking holds in every cell and paragraph (no 、。」ッ etc. first).
        assert kinsoku_violations(doc.poppler, []) == []
