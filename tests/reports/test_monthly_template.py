"""The monthly report's template (報告項目は県と協議し決定): the default prints what it printed
before (pdftotext compared with the text kept from before the template existed), a stored
template chooses, orders and renames sections, adds free-text ones with text per month and
says how organisations without work appear; it is the hub's, synced to the laptops."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from dxdesk.core.model import QUIET_ORG_MODES
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.documents import monthly
from dxdesk.services import report_template as rt
from dxdesk.services import sync
from dxdesk.services.calendar import office_calendar
from dxdesk.services.demo import populate_demo
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.conftest import FAST_KDF, PASSPHRASE, run_cli
from tests.reports.readback import needs_pdftotext, read_pdf, squash

FIXTURE = Path(__file__).parent / "fixtures" / "monthly_2025-11_default.txt"
ISSUED = dt.date(2025, 12, 10)
MONTH = "2025-11"


def _layout_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Profile]:
    """A demo hub of this module's own: the tests write templates into it."""
    root = tmp_path_factory.mktemp("構成") / "ハブ"
    profile, _ = create_profile(
        ProfilePaths(root),
        owner_name="宮崎 統括",
        device_name="報告書テスト用PC",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    try:
        populate_demo(profile)
        yield profile
    finally:
        profile.close(backup=False)


def _reset(profile: Profile) -> None:
    """Back to no template, as a person would: the records deleted (tombstones that sync)."""
    service = RecordService(profile)
    for table in ("report_template", "report_section", "report_note"):
        for r in profile.database.query(f'SELECT id FROM "{table}" WHERE _deleted = 0'):
            service.delete(table, str(r["id"]))


def _month(profile: Profile, out: Path) -> Path:
    return generate(profile, ReportRequest("monthly", month=MONTH, issued=ISSUED), out)


@needs_pdftotext
def test_the_default_prints_what_it_printed_before(demo_profile: Profile, tmp_path: Path) -> None:
    """No template stored: the text is the one kept from before sections were configurable."""
    out = _month(demo_profile, tmp_path / "既定.pdf")
    assert _layout_text(out) == FIXTURE.read_text("utf-8")
    book = openpyxl.load_workbook(
        generate(demo_profile, ReportRequest("monthly", month=MONTH), tmp_path / "既定.xlsx")
    )
    assert "記載事項" not in book.sheetnames  # no free-text section: the sheets as before


@needs_pdftotext
def test_the_default_stored_explicitly_prints_the_same(hub: Profile, tmp_path: Path) -> None:
    _reset(hub)
    before = _layout_text(_month(hub, tmp_path / "前.pdf"))
    t = rt.current(hub)
    assert not t.stored and [r.key for r in t.sections] == [s.key for s in monthly.SECTIONS]
    assert rt.save(hub, t.sections, t.quiet_orgs) > 0
    assert rt.current(hub).stored and rt.save(hub, rt.current(hub).sections, t.quiet_orgs) == 0
    assert _layout_text(_month(hub, tmp_path / "後.pdf")) == before


@needs_pdftotext
def test_a_template_chooses_orders_and_adds_sections(hub: Profile, tmp_path: Path) -> None:
    _reset(hub)
    t = rt.current(hub)
    rows = {r.key: r for r in t.sections}
    plans = replace(rows["plans"], label="翌月の予定（登録済みのもの）")
    order = [plans, *(r for r in t.sections if r.key != "plans")]
    order = [replace(r, included=False) if r.key == "goals" else r for r in order]
    rt.save(hub, order, QUIET_ORG_MODES[1])
    consult = rt.add_free_section(hub, "県への相談事項")
    rt.add_free_section(hub, "来月の予定")
    rt.set_note(
        hub, MONTH, "県への相談事項", "標準準拠システムへの移行経費について\n\n第二段落です。"
    )
    assert rt.note(hub, MONTH, consult.key).startswith("標準準拠システム")

    out = _month(hub, tmp_path / "構成.pdf")
    doc = read_pdf(out)
    text = squash(doc.poppler)
    assert "1.翌月の予定（登録済みのもの）" in text
    assert "目標の進捗" not in text
    headings = [int(n) for n in re.findall(r"^(\d+)\. ", doc.poppler, flags=re.M)]
    assert headings == list(range(1, len(headings) + 1)) and len(headings) == 11
    assert f"{headings[-2]}.県への相談事項標準準拠システムへの移行経費について" in text
    assert f"{headings[-1]}.来月の予定特になし。" in text
    # Organisations without work: one row each in a table, no closing sentence.
    assert "当月の記録がない団体（" in text and "上記以外の" not in text
    quiet = monthly.monthly_data(hub.database, MONTH, office_calendar(hub)).quiet
    assert quiet and all(squash(o.org.name) in text for o in quiet)
    # The closing line names the progress table by its new number.
    assert "標準化の進捗は8.に記載" in text  # plans first, goals left out

    # The workbook carries the free text on a sheet of its own.
    book = openpyxl.load_workbook(
        generate(hub, ReportRequest("monthly", month=MONTH), tmp_path / "構成.xlsx")
    )
    notes = list(book["記載事項"].iter_rows(min_row=2, values_only=True))
    assert notes == [
        ("県への相談事項", "標準準拠システムへの移行経費について\n\n第二段落です。"),
        ("来月の予定", "特になし。"),
    ]

    # Every organisation its own section.
    t = rt.current(hub)
    rt.save(hub, t.sections, QUIET_ORG_MODES[2])
    text = squash(read_pdf(_month(hub, tmp_path / "全団体.pdf")).poppler)
    assert "当月の記録がない団体" not in text and "上記以外の" not in text
    assert len(re.findall(r"\((\d+)\)", text[text.index("団体別の詳細") :])) >= 28
    _reset(hub)


def test_the_template_is_the_hubs_and_travels(hub: Profile, tmp_path: Path) -> None:
    from tests.sync.sync_helpers import enrol_field, make_profile

    _reset(hub)
    field = make_profile(tmp_path / "現地", "field", "延岡")
    try:
        enrol_field(hub, field, tmp_path)
        with pytest.raises(UserError) as err:
            rt.add_free_section(field, "来月の予定")
        assert err.value.code == "report_template_hub_only"
        t = rt.current(hub)
        rt.save(hub, [replace(r, included=r.key != "trainings") for r in t.sections], t.quiet_orgs)
        rt.add_free_section(hub, "県への相談事項")
        sync.import_bundle(field, sync.export_bundle(hub, field.device_id, tmp_path / "usb").path)
        assert rt.current(field) == rt.current(hub)
        # The laptop writes the month's text of a section; it reaches the hub.
        rt.set_note(field, MONTH, "県への相談事項", "現地で書いた相談事項")
        sync.import_bundle(hub, sync.export_bundle(field, "hub", tmp_path / "usb").path)
        assert rt.note(hub, MONTH, "県への相談事項") == "現地で書いた相談事項"
        with pytest.raises(UserError) as err:
            rt.set_note(hub, MONTH, "目標の進捗", "自動作成の項目")
        assert err.value.code == "report_section_not_free"
        with pytest.raises(UserError) as err:
            rt.add_free_section(hub, "県への相談事項")
        assert err.value.code == "report_section_exists"
    finally:
        field.close(backup=False)
        _reset(hub)


def test_cli_shows_sets_and_writes_text(tmp_path: Path) -> None:
    root = tmp_path / "プロファイル"
    profile, _ = create_profile(
        ProfilePaths(root),
        owner_name="宮崎 統括",
        device_name="ハブ",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    profile.close(backup=False)
    env = {"DXDESK_PASSPHRASE": PASSPHRASE}

    def cli(*args: str) -> tuple[int, str, str]:
        return run_cli(["--profile", str(root), "report-template", *args], env=env)

    code, out, _ = cli("show")
    assert code == 0 and "実施概要" in out and "既定の構成" in out
    assert cli("set", "目標の進捗", "--exclude", "--quiet-orgs", "table")[0] == 0
    assert cli("add", "来月の予定")[0] == 0
    assert cli("set", "来月の予定", "--position", "1")[0] == 0
    assert cli("note", "来月の予定", "--month", MONTH, "--text", "12月は研修を2回予定")[0] == 0
    code, out, _ = cli("note", "来月の予定", "--month", MONTH)
    assert code == 0 and "12月は研修を2回予定" in out
    code, out, _ = cli("show")
    lines = out.splitlines()
    assert lines[2].split()[:2] == ["1", "来月の予定"]  # after the header and its rule
    assert any("目標の進捗" in x and "記載しない" in x for x in lines)
    assert QUIET_ORG_MODES[1] in out
    code, _out, err = cli("set", "存在しない項目", "--exclude")
    assert code == 1 and "存在しない項目" in err
