"""ヒアリングシート and ヒアリング記録, and the recovery-key sheet: read back and refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dxdesk.core.calendar import format_wareki
from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.documents.hearing_sheet import CHECKLIST_FILE, load_checklist
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.conftest import tree_digest
from tests.reports.readback import (
    embedded_fonts,
    kinsoku_violations,
    needs_pdftotext,
    read_pdf,
    squash,
    table_rows,
)

ORG = "高千穂町"


def _org(profile: Profile) -> dict[str, object]:
    return profile.database.query("SELECT * FROM organisation WHERE name = ?", (ORG,))[0]


@needs_pdftotext
def test_hearing_sheet_reads_back(demo_profile: Profile, tmp_path: Path) -> None:
    out = generate(
        demo_profile, ReportRequest("hearing-sheet", org_id=ORG), tmp_path / "シート.pdf"
    )
    doc = read_pdf(out)
    org = _org(demo_profile)
    db = demo_profile.database
    assert doc.both("ヒアリングシート") and doc.both(str(org["code"]))
    # Every open issue with its countermeasure; no closed one.
    issues = db.query("SELECT * FROM issue WHERE _deleted = 0 AND org_id = ?", (org["id"],))
    open_ = [i for i in issues if i["status"] in ("未対応", "対応中", "保留")]
    assert open_
    for i in open_:
        assert doc.both(squash(i["title"])), i["title"]
        if i["countermeasure"]:
            assert doc.both(squash(i["countermeasure"]))
    open_titles = {i["title"] for i in open_}
    for i in issues:
        if i["title"] not in open_titles:  # the demo reuses a title for a later issue
            assert not doc.both(squash(i["title"])), i["title"]
    # The standardisation table: one row per business system, vendors and go-live dates (six
    # columns; the 要注意 table below it, headed 業務システム too, has three).
    rows = [r for r in table_rows(out, "業務システム") if len(r) == 6]
    assert len(rows) == 20
    live = db.query(
        "SELECT s.planned_go_live, v.name FROM system_status s LEFT JOIN vendor v"
        " ON v.id = s.vendor_id WHERE s._deleted = 0 AND s.org_id = ?",
        (org["id"],),
    )
    for r in live:
        if r["planned_go_live"]:
            assert doc.both(format_wareki(dt.date.fromisoformat(r["planned_go_live"])))
        if r["name"]:
            assert doc.both(squash(r["name"]))
    # The national rate: (完了済み + 対象外) / 40, counted here from the raw rows.
    done = db.query(
        "SELECT count(*) AS n FROM step_status WHERE _deleted = 0 AND org_id = ?"
        " AND system_code = '01' AND status IN ('完了済み', '対象外')",
        (org["id"],),
    )[0]["n"]
    percent = (done * 100 + 20) // 40  # whole percent, half up
    assert squash(rows[0][3]) == f"{done}/40{percent}%"
    # The questions of the shipped template, and the last visit's title.
    for _heading, items in load_checklist(None):
        for item in items:
            assert doc.both("□" + squash(item))
    last = db.query(
        "SELECT title FROM visit WHERE _deleted = 0 AND org_id = ? ORDER BY date DESC LIMIT 1",
        (org["id"],),
    )[0]
    assert doc.both(squash(last["title"]))
    assert doc.both("メモ") and embedded_fonts(out)
    # The fill-in date (令和　　年　　月　　日（　　）　：) has gaps wide enough for a pen, which
    # pdftotext reads as separate blocks: its lone ）and ： are not line starts.
    text = "\n".join(ln for ln in doc.poppler.splitlines() if squash(ln) not in {"）", "："})
    assert kinsoku_violations(text, [str(i["countermeasure"] or "") for i in issues]) == []


@needs_pdftotext
def test_the_profile_template_overrides_the_shipped_one(
    demo_profile: Profile, tmp_path: Path
) -> None:
    template = demo_profile.paths.root / CHECKLIST_FILE
    template.write_text("# 県北用\n■ 独自の確認事項\n高千穂町の観光DXの進捗\n", encoding="utf-8")
    try:
        out = generate(
            demo_profile, ReportRequest("hearing-sheet", org_id="454419"), tmp_path / "s.pdf"
        )
        doc = read_pdf(out)
        assert doc.both("独自の確認事項") and doc.both("□高千穂町の観光DXの進捗")
        assert not doc.both("標準化・ガバメントクラウド移行")
        template.write_text("# only comments\n", encoding="utf-8")
        with pytest.raises(UserError) as err:
            generate(demo_profile, ReportRequest("hearing-sheet", org_id=ORG), tmp_path / "t.pdf")
        assert err.value.code == "report_template_invalid"
        assert not (tmp_path / "t.pdf").exists()
    finally:
        template.unlink()


def test_unknown_organisation(demo_profile: Profile, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("hearing-sheet", org_id="架空村"), tmp_path / "x.pdf")
    assert err.value.code == "unknown_organisation" and "架空村" in err.value.message
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("hearing-sheet"), tmp_path / "x.pdf")
    assert err.value.code == "report_param_missing" and "--org" in err.value.message
    assert list(tmp_path.iterdir()) == []


@needs_pdftotext
def test_hearing_record_with_a_long_note(profile: Profile, tmp_path: Path) -> None:
    sentence = "住民記録システムの移行について、ベンダから「移行計画（案）」の説明を受けました。"
    note = (sentence * 80)[:5000]
    svc = RecordService(profile)
    visit = svc.add(
        "visit",
        {
            "date": "2025-11-25",
            "start_time": "13:30",
            "end_time": "15:00",
            "org_id": ORG,
            "mode": "訪問",
            "purpose": "ヒアリング",
            "title": "移行計画のヒアリング",
            "attendees_org": "総務課 課長、住民課 係長",
            "systems": "01、住民記録",
            "notes": note,
            "findings": "・データ移行の作業量が多い",
        },
    ).record_id
    svc.add(
        "issue",
        {
            "org_id": ORG,
            "title": "データ移行の作業量",
            "status": "対応中",
            "countermeasure": "作業の優先順位を整理する。",
            "visit_id": visit,
        },
    )
    out = generate(profile, ReportRequest("hearing-record", visit_id=visit), tmp_path / "記録.pdf")
    doc = read_pdf(out)
    assert doc.pages >= 3
    assert doc.both("令和7年11月25日(火)13:30〜15:00")
    assert doc.both("総務課課長、住民課係長") and doc.both("住民基本台帳")
    assert doc.both("データ移行の作業量") and doc.both("作業の優先順位を整理する。")
    decorations = ("取扱注意", f"ヒアリング記録（{ORG}）", f"ヒアリング記録（{ORG}） 取扱注意")
    assert doc.flows(squash(note), *decorations)
    assert kinsoku_violations(doc.poppler, [note, "・データ移行の作業量が多い"]) == []
    for n in range(1, doc.pages + 1):
        assert f"{n} / {doc.pages}" in doc.poppler


def test_hearing_record_of_an_unknown_or_deleted_visit(profile: Profile, tmp_path: Path) -> None:
    svc = RecordService(profile)
    visit = svc.add(
        "visit", {"date": "2025-11-25", "org_id": ORG, "mode": "電話", "title": "確認"}
    ).record_id
    svc.delete("visit", visit)
    out = tmp_path / "出力"
    out.mkdir()
    for visit_id in (visit, "no-such-id"):
        with pytest.raises(UserError) as err:
            generate(profile, ReportRequest("hearing-record", visit_id=visit_id), out / "x.pdf")
        assert err.value.code == "unknown_record"
    assert kind("visit").label in err.value.message
    assert list(out.iterdir()) == []


# ------------------------------------------------------------------ recovery-key sheet


@needs_pdftotext
def test_recovery_kit_prints_the_key_that_opens_the_profile(
    new_profile: tuple[Profile, str], tmp_path: Path
) -> None:
    profile, recovery = new_profile
    out = generate(
        profile,
        ReportRequest("recovery-kit", recovery_key=recovery.lower().replace("-", " ")),
        tmp_path / "回復キー.pdf",
    )
    doc = read_pdf(out)
    groups = recovery.split("-")
    for i in range(0, len(groups), 4):
        assert "".join(groups[i : i + 4]) in squash(doc.poppler)
    assert doc.both("山田太郎") and doc.both("山田のノートPC")
    # Nowhere else: not in the profile folder, the log, or the audit trail.
    files = [p for p in profile.paths.root.rglob("*") if p.is_file()]
    key_bytes = recovery.replace("-", "").encode()
    assert all(key_bytes not in p.read_bytes() for p in files)


def test_recovery_kit_refuses_a_wrong_key(new_profile: tuple[Profile, str], tmp_path: Path) -> None:
    profile, recovery = new_profile
    out = tmp_path / "出力"
    out.mkdir()
    before = tree_digest(profile.paths.root)
    wrong = ("A" if recovery[0] != "A" else "B") + recovery[1:]
    for key in (wrong, "short"):
        with pytest.raises(UserError) as err:
            generate(profile, ReportRequest("recovery-kit", recovery_key=key), out / "k.pdf")
        assert err.value.code == "wrong_recovery_key"
        assert key not in err.value.message
    with pytest.raises(UserError) as err:
        generate(profile, ReportRequest("recovery-kit"), out / "k.pdf")
    assert err.value.code == "report_param_missing"
    assert list(out.iterdir()) == []
    assert tree_digest(profile.paths.root) == before


@needs_pdftotext
def test_an_entered_visit_fills_the_planned_date(profile: Profile, tmp_path: Path) -> None:
    from dxdesk.core.clock import today_jst

    day = today_jst() + dt.timedelta(days=9)
    RecordService(profile).add(
        "visit",
        {
            "date": day.isoformat(),
            "start_time": "10:00",
            "end_time": "11:30",
            "org_id": ORG,
            "mode": "訪問",
            "title": "次回ヒアリング",
        },
    )
    out = generate(profile, ReportRequest("hearing-sheet", org_id=ORG), tmp_path / "s.pdf")
    doc = read_pdf(out)
    assert doc.both(squash(format_wareki(day, weekday=True) + " 10:00〜11:30"))
    # A profile with no standardisation records yet: every system is listed, none invented.
    rows = table_rows(out, "業務システム")
    assert len(rows) == 20 and {squash(r[5]) for r in rows} <= {"未登録", "対象外"}
    assert not doc.both("次回ヒアリング")  # a planned visit is not one of the last visits


def test_hearing_sheet_workbook(demo_profile: Profile, tmp_path: Path) -> None:
    import openpyxl

    out = generate(demo_profile, ReportRequest("hearing-sheet", org_id=ORG), tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["標準化の状況", "要注意", "未解決の課題"]
    systems = list(wb["標準化の状況"].iter_rows(min_row=2, values_only=True))
    assert len(systems) == 20 and systems[0][0] == "01"
    org = _org(demo_profile)
    planned = {
        r["system_code"]: r["planned_go_live"]
        for r in demo_profile.database.query(
            "SELECT system_code, planned_go_live FROM system_status WHERE _deleted = 0"
            " AND org_id = ?",
            (org["id"],),
        )
    }
    counted = {
        r["system_code"]: r["n"]
        for r in demo_profile.database.query(
            "SELECT system_code, count(*) AS n FROM step_status WHERE _deleted = 0"
            " AND org_id = ? AND status IN ('完了済み', '対象外') GROUP BY system_code",
            (org["id"],),
        )
    }
    for row in systems:
        if planned.get(row[0]):
            assert isinstance(row[7], dt.datetime)
            assert row[7].date().isoformat() == planned[row[0]]
        if row[0] in counted:  # the national rate, from the raw rows
            assert row[4:7] == (counted[row[0]], 40, round(counted[row[0]] / 40 * 100, 1))
    open_titles = [
        r["title"]
        for r in demo_profile.database.query(
            "SELECT title FROM issue WHERE _deleted = 0 AND org_id = ?"
            " AND status IN ('未対応', '対応中', '保留')",
            (org["id"],),
        )
    ]
    issues = wb["未解決の課題"]
    assert sorted(r[0] for r in issues.iter_rows(min_row=2, values_only=True)) == sorted(
        open_titles
    )
    assert issues.freeze_panes == "A2" and issues.auto_filter.ref


@needs_pdftotext
def test_the_hearing_sheet_prints_earlier_visits_whole(profile: Profile, tmp_path: Path) -> None:
    """No summary cut off mid-sentence: the earlier visits' notes wrap in full."""
    note = (
        "住民記録システムの移行計画について、ベンダから作業工程の説明を受けました。"
        "データ移行のリハーサルは来年1月に予定されており、課内で確認体制を整えることになりました。"
        "次回は移行判定の基準を確認します。"
    )
    assert len(note) > 90  # longer than the old summary cut
    RecordService(profile).add(
        "visit",
        {
            "date": "2025-10-02",
            "org_id": ORG,
            "mode": "訪問",
            "title": "移行計画の確認",
            "notes": note,
        },
    )
    out = generate(profile, ReportRequest("hearing-sheet", org_id=ORG), tmp_path / "シート.pdf")
    doc = read_pdf(out)
    assert doc.both(squash(note))
    assert "…" not in doc.poppler


@needs_pdftotext
def test_the_hearing_sheet_prints_the_organisations_attention_entries(
    demo_profile: Profile, tmp_path: Path
) -> None:
    """要注意 on the sheet is the window's ranking for that organisation, in its order."""
    import openpyxl

    from dxdesk.services.attention import AttentionService

    entries = AttentionService(demo_profile).entries()
    assert entries
    top = entries[0]
    mine = [e for e in entries if e.org_id == top.org_id]
    out = generate(
        demo_profile,
        ReportRequest("hearing-sheet", org_id=top.org_name),
        tmp_path / "要注意.pdf",
    )
    doc = read_pdf(out)
    assert doc.both("要注意の事項（点数の高い順）")
    # The 要注意 table (three columns; the systems table above it has six), in the window's order.
    printed = [r for r in table_rows(out, "業務システム") if len(r) == 3]
    # A long name wraps in its narrow column (子ども・子育て支援): compared without the breaks.
    assert [(squash(r[0]), int(r[1])) for r in printed] == [
        (squash(e.system_name or "団体全体"), e.score) for e in mine
    ]
    for row, e in zip(printed, mine, strict=True):
        assert squash(row[2]) == squash("".join(r.text for r in e.reasons))
    wb = openpyxl.load_workbook(
        generate(
            demo_profile,
            ReportRequest("hearing-sheet", org_id=top.org_name),
            tmp_path / "要注意.xlsx",
        )
    )
    rows = list(wb["要注意"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [(e.system_name or "団体全体", e.score) for e in mine]
    # An organisation without any entry says so rather than printing an empty table.
    calm = next(
        o["name"]
        for o in demo_profile.database.query("SELECT id, name FROM organisation ORDER BY rid")
        if all(e.org_id != o["id"] for e in entries)
    )
    doc = read_pdf(
        generate(demo_profile, ReportRequest("hearing-sheet", org_id=calm), tmp_path / "c.pdf")
    )
    assert doc.both("要注意の事項はありません。")


@needs_pdftotext
def test_the_hearing_sheet_lists_the_issues_the_organisation_shares(
    profile: Profile, tmp_path: Path
) -> None:
    """An issue 都城市 raised for itself and 高千穂町 is on 高千穂町's sheet, marked shared; a
    closed shared one and another organisation's own issue are not."""
    records = RecordService(profile)
    base = {"raised_on": "2025-10-01", "priority": "高"}
    shared_issue = records.add(
        "issue",
        {**base, "org_id": "都城市", "title": "共同調達の仕様の調整", "status": "対応中"},
    ).record_id
    records.set_members("issue", shared_issue, {ORG: True})
    closed = records.add(
        "issue",
        {
            **base,
            "org_id": "都城市",
            "title": "回線の切替日程",
            "status": "完了",
            "closed_on": "2025-10-20",
        },
    ).record_id
    records.set_members("issue", closed, {ORG: True})
    records.add(
        "issue", {**base, "org_id": "三股町", "title": "三股町だけの課題", "status": "未対応"}
    )
    out = generate(profile, ReportRequest("hearing-sheet", org_id=ORG), tmp_path / "シート.pdf")
    doc = read_pdf(out)
    assert doc.both(squash("共同調達の仕様の調整（共有：都城市ほか1団体）"))
    assert "回線の切替日程" not in doc.poppler
    assert "三股町だけの課題" not in doc.poppler
