"""The start-of-contract set (8(1) No.1, 2, 4): 業務実施計画書 with its 実施工程表 (a Gantt chart in
the PDF and in the workbook's cells), 業務実施体制図 from the staff records, and 情報漏洩等への対策に
関する文書 from the supervisor's rules and what the profile can prove. Each is read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.pdf import PdfDocument
from dxdesk.reports.pdf_gantt import BAR, MILESTONE
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.reports.readback import needs_pdftotext, read_pdf, squash, table_rows

FY = 2025
MONTHS = ["4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月"]
# (title, category, milestone, start, end): a label long enough to wrap over three lines, a
# task over the turn of the calendar year, milestones at both ends of the year.
PLAN = [
    ("業務実施計画書・業務実施体制図等の提出", "成果品", True, "2025-04-07", None),
    (
        "伴走支援（24市町村）：手順書に沿った進捗確認と課題整理、ベンダとの調整支援、県との共有",
        "伴走支援",
        False,
        "2025-04-01",
        "2026-03-31",
    ),
    ("集中支援（えびの市・高千穂町・日之影町）", "集中支援", False, "2025-05-12", "2026-02-27"),
    ("標準化に関する勉強会", "研修・勉強会", False, "2025-10-01", "2026-01-31"),
    ("月次報告会", "会議・報告", False, "2025-04-15", "2026-03-15"),
    ("業務完了報告書の提出", "成果品", True, "2026-03-31", None),
]


@pytest.fixture
def staffed(profile: Profile) -> Iterator[Profile]:
    records = RecordService(profile)
    lead = records.add(
        "staff",
        {
            "name": "日向 統括",
            "role": "統括責任者",
            "career": "自治体システム標準化支援 8年\n情報処理安全確保支援士",
        },
    ).record_id
    records.add(
        "staff", {"name": "延岡 伴走", "role": "伴走支援", "career": "市町村の業務改革支援 5年"}
    )
    records.add(
        "staff", {"name": "都城 常時", "role": "常時支援者", "career": "基幹系システム移行 10年"}
    )
    records.add("staff", {"name": "串間 事務", "role": "事務"})
    records.add_many(
        "plan_item",
        [
            {
                "fy": FY,
                "title": t,
                "category": c,
                "milestone": m,
                "start_date": s,
                "end_date": e,
                "owner_id": lead,
                "sort_order": i,
            }
            for i, (t, c, m, s, e) in enumerate(PLAN, start=1)
        ],
    )
    yield profile


@needs_pdftotext
def test_plan_reads_back_with_every_item_and_the_months(staffed: Profile, tmp_path: Path) -> None:
    out = generate(staffed, ReportRequest("plan", fy=FY), tmp_path / "計画書.pdf")
    doc = read_pdf(out)
    assert doc.both("業務実施計画書") and doc.both("業務の目的") and doc.both("令和7年度")
    for title, *_ in PLAN:
        assert doc.both(squash(title)), title
    with pdfplumber.open(out) as pdf:
        gantt = next(p for p in pdf.pages if "実施工程表" in (p.extract_text() or ""))
        assert gantt.width > gantt.height  # landscape
        words = {w["text"] for w in gantt.extract_words()}
        assert all(m in words for m in MONTHS), words
        assert {"令和7年", "令和8年"} <= words
        # Labels wrap inside their column: cut the page at the column's right edge and every
        # label is still there whole (a label running into the months would lose characters).
        left = PdfDocument.MARGIN_X
        right = left + (gantt.width - 2 * left) * 0.3
        inside = squash(gantt.within_bbox((0, 0, right, gantt.height)).extract_text() or "")
        for no, (title, *_) in enumerate(PLAN, start=1):
            assert f"{no}.{squash(title)}" in inside, title
        # Every character on the page lies on the page.
        assert all(c["x0"] >= 0 and c["x1"] <= gantt.width for c in gantt.chars)

        # One bar per task at its dates, one diamond per milestone, in the chart's colours.
        def colour(obj: dict) -> tuple[float, ...]:
            return tuple(round(v, 2) for v in obj["non_stroking_color"] or ())

        bars = [r for r in gantt.rects if colour(r) == tuple(round(v, 2) for v in BAR.rgb())]
        assert len(bars) == sum(1 for p in PLAN if not p[2])
        month_w = (gantt.width - 2 * left - (right - left)) / 12
        study = next(b for b in bars if abs(b["x0"] - (right + 6 * month_w)) < 1)  # 1 October
        assert abs(study["x1"] - (right + 10 * month_w)) < 1  # to 31 January
        diamonds = [
            c for c in gantt.curves if colour(c) == tuple(round(v, 2) for v in MILESTONE.rgb())
        ]
        assert len(diamonds) == sum(1 for p in PLAN if p[2])
        assert all(d["x1"] <= gantt.width - left + 0.5 for d in diamonds)  # 31 March inside


def test_plan_workbook_fills_the_months(staffed: Profile, tmp_path: Path) -> None:
    out = generate(staffed, ReportRequest("plan", fy=FY), tmp_path / "計画書.xlsx")
    ws = openpyxl.load_workbook(out)["実施工程表"]
    header = [c.value for c in ws[1]]
    first = header.index("4月")
    assert header[first:] == MONTHS
    for r, (title, _c, milestone, start, end) in enumerate(PLAN, start=2):
        assert ws.cell(r, header.index("作業項目") + 1).value == title
        s = date.fromisoformat(start)
        e = date.fromisoformat(end) if end else s
        filled = [
            MONTHS[k]
            for k in range(12)
            if ws.cell(r, first + k + 1).fill.fgColor.rgb not in (None, "00000000")
        ]
        expect = [
            MONTHS[k]
            for k, m in enumerate([*range(4, 13), 1, 2, 3])
            if (date(FY + (m < 4), m, 1) <= e)
            and (s < date(FY + (m < 4) + (m == 12), m % 12 + 1, 1))
        ]
        assert filled == expect, title
        if milestone:
            assert ws.cell(r, first + MONTHS.index(expect[0]) + 1).value == f"◆{s.day}日"


def test_a_year_without_plan_items_is_refused(profile: Profile, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(UserError) as err:
        generate(profile, ReportRequest("plan", fy=FY), out)
    assert err.value.code == "report_no_data" and not out.exists()


@needs_pdftotext
def test_the_profile_template_replaces_the_shipped_one(staffed: Profile, tmp_path: Path) -> None:
    (staffed.paths.root / "plan_template.txt").write_text(
        "# 県と協議した本文\n■業務の目的\n{年度}は移行の完了を最優先とします。\n", encoding="utf-8"
    )
    doc = read_pdf(generate(staffed, ReportRequest("plan", fy=FY), tmp_path / "a.pdf"))
    assert doc.both("令和7年度は移行の完了を最優先とします。")
    assert not doc.both("県と協議した本文") and not doc.both("業務の範囲")
    (staffed.paths.root / "plan_template.txt").write_text("# 空\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        generate(staffed, ReportRequest("plan", fy=FY), tmp_path / "b.pdf")
    assert err.value.code == "document_template_invalid"


@needs_pdftotext
def test_structure_draws_the_team_from_the_staff_records(staffed: Profile, tmp_path: Path) -> None:
    out = generate(staffed, ReportRequest("structure", fy=FY), tmp_path / "体制図.pdf")
    doc = read_pdf(out)
    staff = staffed.database.query("SELECT name, role, career FROM staff WHERE _deleted = 0")
    assert doc.both("業務実施体制図") and doc.both(f"{len(staff)}名")
    for s in staff:
        assert doc.both(squash(s["name"])) and doc.both(squash(s["career"] or ""))
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        # The head of the team sits above every group, the groups side by side in their order.
        lead = min(w["top"] for w in words if w["text"] == "日向")
        groups = [
            next(w for w in words if w["text"] == g) for g in ("常時支援者", "伴走支援", "事務")
        ]
        assert all(lead < g["top"] for g in groups)
        assert [g["x0"] for g in groups] == sorted(g["x0"] for g in groups)
        assert len({round(g["top"]) for g in groups}) == 1
        assert all(c["x0"] >= 0 and c["x1"] <= page.width for c in page.chars)


def test_structure_workbook_lists_the_team(staffed: Profile, tmp_path: Path) -> None:
    out = generate(staffed, ReportRequest("structure", fy=FY), tmp_path / "体制図.xlsx")
    ws = openpyxl.load_workbook(out)["体制"]
    body = list(ws.iter_rows(min_row=2, values_only=True))
    staff = staffed.database.query("SELECT name, role FROM staff WHERE _deleted = 0")
    order = ["統括責任者", "常時支援者", "伴走支援", "専門人材", "事務"]
    assert [r[1] for r in body] == sorted((s["role"] for s in staff), key=order.index)
    assert sorted(r[2] for r in body) == sorted(s["name"] for s in staff)
    assert body[0][4].startswith("自治体システム標準化支援")


@needs_pdftotext
def test_security_states_what_the_profile_proves(tmp_path: Path) -> None:
    from dxdesk.services import sync
    from dxdesk.store.database import sqlcipher_version
    from tests.sync.sync_helpers import enrol_field, make_profile

    hub = make_profile(tmp_path / "hub", "hub", "県庁")
    field = make_profile(tmp_path / "field", "field", "延岡")
    lost = make_profile(tmp_path / "lost", "field", "紛失")
    try:
        enrol_field(hub, field, tmp_path)
        enrol_field(hub, lost, tmp_path)
        RecordService(hub).add("staff", {"name": "日向 統括", "role": "統括責任者"})
        (tmp_path / "usb").mkdir()
        sync.export_bundle(hub, field.device_id, tmp_path / "usb")
        sync.export_bundle(hub, field.device_id, tmp_path / "usb")
        sync.revoke(hub, lost.device_id)
        out = generate(hub, ReportRequest("security"), tmp_path / "対策.pdf")
        doc = read_pdf(out)
        assert doc.both("情報漏洩等への対策に関する文書") and doc.both("作業の規則")
        assert doc.both(squash(f"SQLCipher{sqlcipher_version(hub.database.conn)}"))
        # The KDF parameters of this profile's passphrase slot (tests use FAST_KDF).
        assert doc.both("Argon2id（反復1回、メモリ8MiB、並列度1）")
        assert doc.both("回復キー") and doc.both("Ed25519") and doc.both("監査ログ")
        for device in (field, lost):
            peer = next(p for p in sync.devices(hub) if p["device_id"] == device.device_id)
            assert doc.both(squash(peer["name"])) and doc.both(squash(peer["fingerprint"]))
        assert doc.both("登録端末1台（失効1台）") and doc.both(squash(_day_of(lost, hub)))
        exported = hub.database.query(
            "SELECT count(*) AS n FROM bundles WHERE direction = 'export'"
        )
        assert exported[0]["n"] == 2 and doc.both("同期ファイル2件")
        rows = [r for r in read_pdf(out).poppler.splitlines() if "延岡の端末" in r]
        assert len(rows) >= 2  # in the roster and in each export row
        # No secret is printed: the key file's salts and wrapped keys stay out.
        keyfile = hub.paths.keys.read_text("utf-8")
        import json

        for slot in json.loads(keyfile)["slots"]:
            assert slot["ct"][:16] not in squash(doc.poppler)
            assert slot["kdf"].get("salt", "x" * 16)[:16] not in squash(doc.poppler)
        book = openpyxl.load_workbook(
            generate(hub, ReportRequest("security"), tmp_path / "対策.xlsx")
        )
        log = list(book["書出し記録"].iter_rows(min_row=2, values_only=True))
        assert len(log) == 2 and all(r[4] == "延岡の端末" for r in log)
        # The first carried the staff record and its own log entry (a record, with the
        # person); the second only that entry, so it is listed from this device's ledger.
        assert all(r[2] == "県庁の端末" for r in log) and log[0][3] == "県庁 担当", log
    finally:
        for p in (hub, field, lost):
            p.close(backup=False)


@needs_pdftotext
def test_the_hub_lists_every_laptops_exports(tmp_path: Path) -> None:
    """A laptop exports twice; the hub imports both: its 情報漏洩等への対策に関する文書 lists both
    exports under the laptop's name, person and file name, with the hash the hub read, and its
    own reply; the export entries synced as records, not from the hub's local ledger."""
    from dxdesk.services import sync
    from tests.sync.sync_helpers import enrol_field, make_profile, visit

    hub = make_profile(tmp_path / "hub", "hub", "県庁")
    field = make_profile(tmp_path / "field", "field", "延岡")
    usb = tmp_path / "usb"
    try:
        enrol_field(hub, field, tmp_path)
        RecordService(hub).add("staff", {"name": "日向 統括", "role": "統括責任者"})
        sync.import_bundle(field, sync.export_bundle(hub, field.device_id, usb).path)
        RecordService(field).add("visit", visit("延岡の1件目"))
        first = sync.export_bundle(field, "hub", usb)
        RecordService(field).add("visit", visit("延岡の2件目"))
        second = sync.export_bundle(field, "hub", usb, medium="共有フォルダ")
        for path in (first.path, second.path):
            sync.import_bundle(hub, path)
        entries = hub.database.query(
            "SELECT file_name, device, person, medium, _device FROM bundle_export"
            " WHERE _deleted = 0 AND device_id = ? ORDER BY exported_at, rid",
            (field.device_id,),
        )
        assert [e["file_name"] for e in entries] == [first.path.name, second.path.name]
        assert all(e["device"] == "延岡の端末" and e["person"] == "延岡 担当" for e in entries)
        assert [e["medium"] for e in entries] == ["可搬記録媒体（USBメモリ等）", "共有フォルダ"]
        # The hub never wrote these bundles: its own ledger has them as imports only.
        assert not hub.database.query(
            "SELECT 1 FROM bundles WHERE direction = 'export' AND sender = ?", (field.device_id,)
        )
        out = generate(hub, ReportRequest("security"), tmp_path / "対策.pdf")
        doc = read_pdf(out)
        rows = [r for r in table_rows(out, "No") if r[1:2] and "R" in r[1]]
        written = [r for r in rows if r[2] == "延岡の端末"]
        assert len(written) == 2, rows  # both exports, each with who and for whom
        assert all(r[3] == "延岡 担当" and r[4].startswith("県庁の端末") for r in written)
        assert doc.both("同期ファイル3件")  # the hub's own export to the laptop too
        book = openpyxl.load_workbook(
            generate(hub, ReportRequest("security"), tmp_path / "対策.xlsx")
        )
        log = [
            r
            for r in book["書出し記録"].iter_rows(min_row=2, values_only=True)
            if r[2] == "延岡の端末"
        ]
        assert [r[8] for r in log] == [first.path.name, second.path.name]
        shas = {
            r["bundle_id"]: r["sha256"]
            for r in hub.database.query("SELECT bundle_id, sha256 FROM bundles")
        }
        assert [r[9] for r in log] == [shas[first.bundle_id], shas[second.bundle_id]]
        assert [r[7] for r in log] == [first.count, second.count]
        # The laptop has nothing new after the hub's reply brought only export entries.
        sync.import_bundle(field, sync.export_bundle(hub, field.device_id, usb).path)
        assert sync.export_bundle(field, "hub", usb).count == 0
    finally:
        for p in (hub, field):
            p.close(backup=False)


def _day_of(device: Profile, hub: Profile) -> str:
    """The revocation date of ``device`` as the roster prints it (R8.12.4)."""
    from dxdesk.core.calendar import format_wareki_compact
    from dxdesk.store import ledger

    peer = ledger.peer(hub.database, device.device_id)
    assert peer is not None and peer["revoked_at"]
    return format_wareki_compact(date.fromisoformat(peer["revoked_at"][:10]))


def test_bundle_protection_names_what_sync_uses() -> None:
    from dxdesk.reports.documents.security import BUNDLE_PROTECTION
    from dxdesk.sync import crypto

    for name in ("Ed25519", "X25519", "ChaCha20-Poly1305", "age v1"):
        assert name in BUNDLE_PROTECTION and name in (crypto.__doc__ or ""), name


def test_the_deadline_board_makes_every_start_document() -> None:
    from dxdesk.services.deadlines import DOCUMENTS, START_DOCUMENTS
    from dxdesk.services.reports import list_kinds

    kinds = {k.name: k for k in list_kinds()}
    for code in START_DOCUMENTS:
        document, report, for_what = DOCUMENTS[code]
        assert report is not None and report in kinds, code
        made = kinds[report]
        assert made.title == document and made.official and for_what == "fy"
        assert "fy" in made.needs + made.optional
