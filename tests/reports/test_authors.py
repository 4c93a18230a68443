"""Who signs a document, and what it leaves out: the person who did the work is the author, and
the window's rules and record statuses are not printed for the prefecture."""

from __future__ import annotations

from pathlib import Path

from dxdesk.reports.base import ReportRequest
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.reports.readback import needs_pdftotext, read_pdf

# Phrases that explain our own rules or show a record's workflow state: for the window only.
INTERNAL = ("数えて", "開庁日目", "提出期限：", "計画中", "確定", "状態")


@needs_pdftotext
def test_a_hearing_record_is_signed_by_the_visits_consultant(
    profile: Profile, tmp_path: Path
) -> None:
    records = RecordService(profile)
    staff = records.add("staff", {"name": "平川 美咲", "role": "伴走支援"}).record_id
    visit = records.add(
        "visit",
        {
            "date": "2025-11-05",
            "org_id": "高千穂町",
            "mode": "訪問",
            "title": "住民記録システムのヒアリング",
            "staff_id": staff,
        },
    ).record_id
    request = ReportRequest("hearing-record", visit_id=visit)
    doc = read_pdf(generate(profile, request, tmp_path / "記録.pdf"))
    assert doc.both("作成者平川美咲")
    owner = str(profile.meta["owner_name"]).replace(" ", "")
    assert not doc.both("作成者" + owner)
    # A name given when printing still wins.
    named = ReportRequest("hearing-record", visit_id=visit, author="山田 太郎")
    assert read_pdf(generate(profile, named, tmp_path / "記録2.pdf")).both("作成者山田太郎")


@needs_pdftotext
def test_the_monthly_report_is_signed_by_the_supervisor(profile: Profile, tmp_path: Path) -> None:
    records = RecordService(profile)
    for staff in records.list_records("staff"):  # the profile's owner record, if any
        records.edit("staff", staff["id"], {"role": "伴走支援"})
    records.add("staff", {"name": "宮崎 太郎", "role": "統括責任者"})
    records.add(
        "visit", {"date": "2025-11-05", "org_id": "高千穂町", "mode": "訪問", "title": "支援"}
    )
    request = ReportRequest("monthly", month="2025-11")
    assert read_pdf(generate(profile, request, tmp_path / "月次.pdf")).both("作成者宮崎太郎")
    # Two supervisors: nobody can tell which one signs, so the profile's owner does.
    records.add("staff", {"name": "日向 花子", "role": "統括責任者"})
    owner = str(profile.meta["owner_name"]).replace(" ", "")
    assert read_pdf(generate(profile, request, tmp_path / "月次2.pdf")).both("作成者" + owner)


@needs_pdftotext
def test_no_internal_notes_in_minutes_and_training_reports(
    demo_profile: Profile, tmp_path: Path
) -> None:
    db = demo_profile.database
    meeting = db.query("SELECT id FROM meeting WHERE _deleted = 0 ORDER BY date LIMIT 1")[0]["id"]
    planned = db.query("SELECT id FROM training WHERE _deleted = 0 ORDER BY date LIMIT 1")[0]["id"]
    requests = [
        ReportRequest("minutes", meeting_id=meeting),
        ReportRequest("training-plan", training_id=planned),
        ReportRequest("training-plan", fy=2025),
        ReportRequest("training-result", fy=2025),
    ]
    for n, request in enumerate(requests):
        text = read_pdf(generate(demo_profile, request, tmp_path / f"{n}.pdf")).poppler
        assert [w for w in INTERNAL if w in text] == [], request
