"""The final package (8(2)): every deliverable of the year in a folder or a .zip with its index;
each file opens; a submitted document carries its submission's date and number; nothing is
written half-way."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from dxdesk.errors import UserError
from dxdesk.services.deadlines import DeadlineService
from dxdesk.services.package import INDEX_TITLE, build_package
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.conftest import PASSPHRASE, run_cli
from tests.reports.readback import needs_pdftotext, read_pdf

TODAY = date(2026, 4, 20)


def test_the_demo_year_in_one_zip_every_file_listed_and_opening(
    demo_profile: Profile, tmp_path: Path
) -> None:
    out = tmp_path / "成果品" / "令和7年度.zip"
    out.parent.mkdir()
    seen: list[tuple[int, int]] = []
    result = build_package(
        demo_profile, 2025, out, today=TODAY, progress=lambda d, t, _w: seen.append((d, t)) or True
    )
    assert seen[0] == (0, seen[0][1]) and seen[-1][0] == seen[-1][1]  # every step, then done
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert f"00_{INDEX_TITLE}.pdf" in names and f"00_{INDEX_TITLE}.xlsx" in names
        assert sorted(names) == sorted(
            [*result.files, f"00_{INDEX_TITLE}.pdf", f"00_{INDEX_TITLE}.xlsx"]
        )
        for name in names:
            data = z.read(name)
            if name.endswith(".pdf"):
                assert len(PdfReader(io.BytesIO(data)).pages) >= 1, name
            else:
                assert openpyxl.load_workbook(io.BytesIO(data)).worksheets, name
        index = openpyxl.load_workbook(io.BytesIO(z.read(f"00_{INDEX_TITLE}.xlsx"))).active
        assert index is not None
        listed = [str(r[5]) for r in index.iter_rows(min_row=2, values_only=True)]
    # The index names every file but itself, in the order of the files.
    assert "、".join(listed).split("、") == result.files
    titles = {e.title for e in result.entries}
    assert {"月次作業報告書", "議事録", "相談管理表", "専門人材一覧表", "業務完了報告書"} <= titles
    months = [e.target for e in result.entries if e.title == "月次作業報告書"]
    assert months[0] == "令和7年4月" and months[-1] == "令和8年3月" and len(months) == 12
    meetings = demo_profile.database.query(
        "SELECT count(*) AS n FROM meeting WHERE _deleted = 0"
        " AND date BETWEEN '2025-04-01' AND '2026-03-31'"
    )[0]["n"]
    assert sum(1 for e in result.entries if e.title == "議事録") == meetings


@needs_pdftotext
def test_a_submitted_document_is_packed_as_it_was_submitted(
    profile: Profile, tmp_path: Path
) -> None:
    records = RecordService(profile)
    records.add(
        "visit", {"date": "2025-11-12", "org_id": "高千穂町", "mode": "訪問", "title": "支援"}
    )
    DeadlineService(profile, TODAY).submit("monthly:2025-11", on="2025-12-09", doc_number="DX第5号")
    out = tmp_path / "一式"
    result = build_package(profile, 2025, out, today=TODAY)
    november = next(e for e in result.entries if e.target == "令和7年11月")
    assert (november.number, november.issued) == ("DX第5号", date(2025, 12, 9))
    pdf = read_pdf(out / november.files[0])
    assert pdf.both("DX第5号") and pdf.both("令和7年12月9日")
    # Months without work are not documents: they are named, not packed.
    assert "月次作業報告書（令和7年4月）" in result.skipped
    assert not any(e.target == "令和7年4月" for e in result.entries)
    index = read_pdf(out / f"00_{INDEX_TITLE}.pdf")
    assert index.both("DX第5号") and index.both("記録がないため作成していない書類")


def test_nothing_is_written_for_an_existing_target_or_a_cancel(
    profile: Profile, tmp_path: Path
) -> None:
    RecordService(profile).add(
        "visit", {"date": "2025-11-12", "org_id": "高千穂町", "mode": "訪問", "title": "支援"}
    )
    taken = tmp_path / "既存"
    taken.mkdir()
    with pytest.raises(UserError) as refused:
        build_package(profile, 2025, taken, today=TODAY)
    assert refused.value.code == "package_exists" and list(taken.iterdir()) == []
    with pytest.raises(UserError) as stopped:
        build_package(
            profile, 2025, tmp_path / "中止.zip", today=TODAY, progress=lambda d, _t, _w: d < 3
        )
    assert stopped.value.code == "package_cancelled"
    assert not (tmp_path / "中止.zip").exists()
    assert not [p for p in tmp_path.rglob("*") if "package" in p.name or p.suffix == ".tmp"]


def test_the_cli_makes_the_package_and_refuses_without_a_year(
    profile: Profile, tmp_path: Path
) -> None:
    RecordService(profile).add(
        "visit", {"date": "2025-11-12", "org_id": "高千穂町", "mode": "訪問", "title": "支援"}
    )
    root = str(profile.paths.root)
    profile.close(backup=False)
    env = {"DXDESK_PASSPHRASE": PASSPHRASE}
    out = tmp_path / "一式.zip"
    code, stdout, err = run_cli(
        ["--profile", root, "report", "package", "--fy", "2025", "--out", str(out)], env=env
    )
    assert code == 0, err
    assert "成果品一式を作成しました" in stdout and zipfile.is_zipfile(out)
    code, _stdout, err = run_cli(
        ["--profile", root, "report", "package", "--out", str(tmp_path / "x.zip")], env=env
    )
    assert code != 0 and "年度" in err and not (tmp_path / "x.zip").exists()
