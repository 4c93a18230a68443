"""The official form: documents sent to the prefecture carry the addressee, the contractor and
the document number set once in document_form records, on the date chosen when they are made,
and a reprint with that date reads the same as the submitted one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dxdesk.core.model import DOCUMENT_FORM_KINDS
from dxdesk.reports.base import ReportRequest
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate, list_kinds
from tests.conftest import PASSPHRASE, run_cli
from tests.reports.readback import needs_pdftotext, read_pdf, squash

DEFAULT_ADDRESSEE = "宮崎県総合政策部デジタル推進課長　殿"


def _month(profile: Profile) -> None:
    RecordService(profile).add(
        "visit",
        {"date": "2025-11-12", "org_id": "高千穂町", "mode": "訪問", "title": "移行状況の確認"},
    )


def test_every_document_sent_out_has_a_form_of_its_own() -> None:
    official = [k for k in list_kinds() if k.official]
    assert {k.name for k in official} >= {"monthly", "minutes", "completion", "consultations"}
    assert all(k.title in DOCUMENT_FORM_KINDS for k in official)
    # Our own working papers are not letters to the prefecture.
    assert not any(k.official for k in list_kinds() if k.name in ("hearing-sheet", "recovery-kit"))


@needs_pdftotext
def test_the_default_form_addresses_the_prefecture(profile: Profile, tmp_path: Path) -> None:
    _month(profile)
    doc = read_pdf(generate(profile, ReportRequest("monthly", month="2025-11"), tmp_path / "a.pdf"))
    assert doc.both(squash(DEFAULT_ADDRESSEE))
    lines = {squash(x) for x in doc.poppler.splitlines()}
    assert "記" not in lines and "以上" not in lines  # not the cover-letter form
    sheet = generate(profile, ReportRequest("hearing-sheet", org_id="高千穂町"), tmp_path / "s.pdf")
    assert squash(DEFAULT_ADDRESSEE) not in squash(read_pdf(sheet).poppler)


@needs_pdftotext
def test_forms_number_date_and_the_cover_letter(profile: Profile, tmp_path: Path) -> None:
    _month(profile)
    records = RecordService(profile)
    records.add(
        "document_form",
        {
            "doc_kind": "既定",
            "contractor_name": "株式会社みやざきDX",
            "contractor_address": "宮崎市橘通東1-2-3",
            "representative": "代表取締役　日向 一郎",
            "cover_letter": True,
        },
    )
    records.add("document_form", {"doc_kind": "月次作業報告書", "addressee": "宮崎県知事　殿"})
    request = ReportRequest(
        "monthly", month="2025-11", issued=date(2025, 12, 10), number="DX第12号"
    )
    doc = read_pdf(generate(profile, request, tmp_path / "m.pdf", today=date(2026, 12, 3)))
    for printed in (
        "DX第12号",
        "令和7年12月10日",
        "宮崎県知事殿",
        "株式会社みやざきDX",
        "宮崎市橘通東1-2-3",
        "代表取締役日向一郎",
        "下記のとおり報告します。",
    ):
        assert doc.both(printed), printed
    assert not doc.both("令和8年12月3日")  # printing day is not the document's date
    lines = [squash(x) for x in doc.poppler.splitlines() if x.strip()]
    assert "記" in lines
    body_end = [x for x in lines if not x.startswith("月次作業報告書") and "/" not in x]
    assert body_end[-1] == "以上"
    # Another document falls back to 既定 field by field (its addressee: the default one).
    minutes_id = records.add("meeting", {"title": "月次報告会", "date": "2025-11-20"}).record_id
    minutes = generate(profile, ReportRequest("minutes", meeting_id=minutes_id), tmp_path / "g.pdf")
    text = read_pdf(minutes)
    assert text.both(squash(DEFAULT_ADDRESSEE)) and text.both("株式会社みやざきDX")


@needs_pdftotext
def test_a_reprint_with_the_submitted_date_reads_the_same(profile: Profile, tmp_path: Path) -> None:
    _month(profile)
    request = ReportRequest("monthly", month="2025-11", issued=date(2025, 12, 10), number="DX第3号")
    first = generate(profile, request, tmp_path / "提出.pdf", today=date(2025, 12, 10))
    later = generate(profile, request, tmp_path / "再印刷.pdf", today=date(2026, 12, 3))
    assert read_pdf(first).poppler == read_pdf(later).poppler


def test_the_cli_takes_the_date_and_number(profile: Profile, tmp_path: Path) -> None:
    _month(profile)
    root = str(profile.paths.root)
    profile.close(backup=False)
    env = {"DXDESK_PASSPHRASE": PASSPHRASE}
    out = tmp_path / "月次.pdf"
    code, _out, err = run_cli(
        [
            "--profile",
            root,
            "report",
            "monthly",
            "--month",
            "2025-11",
            "--date",
            "令和7年12月10日",
            "--number",
            "DX第7号",
            "--out",
            str(out),
        ],
        env=env,
    )
    assert code == 0, err
    text = read_pdf(out)
    assert text.both("DX第7号") and text.both("令和7年12月10日")
    code, _out, err = run_cli(
        [
            "--profile",
            root,
            "report",
            "monthly",
            "--month",
            "2025-11",
            "--date",
            "2025-02-30",
            "--out",
            str(tmp_path / "x.pdf"),
        ],
        env=env,
    )
    assert code != 0 and "日付として読み取れません" in err
    assert not (tmp_path / "x.pdf").exists()
