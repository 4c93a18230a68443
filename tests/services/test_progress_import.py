"""Importing progress from a messy constructed workbook and CSV files (UTF-8 with and without
its mark, Shift_JIS): matched as a careful person would, every other row reported with its
reason, nothing written before apply, and the long layout exported reads back with no change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from dxdesk.errors import UserError
from dxdesk.services.profile import Profile
from dxdesk.services.progress import ProgressService
from dxdesk.services.progress_import import (
    ORG,
    STEP,
    SYSTEM,
    VENDOR,
    Column,
    ProgressImport,
    guess,
    read_sheet,
    write_long_workbook,
)
from dxdesk.services.records import RecordService

TODAY = date(2026, 2, 15)
BLANK = [""] * 40


def _steps(**given: str) -> list[str]:
    out = list(BLANK)
    for k, v in given.items():
        out[int(k[1:]) - 1] = v
    return out


# (団体コード, 団体名, 業務システム, ベンダ, 40 steps): what a team sends, mistakes included.
ROWS: list[list[str]] = [
    # 4: full-width digits, the check digit, a vendor written 株式会社 (held as (株)), spaces
    [
        "４５４４１９",
        "高千穂町",
        "住民記録",
        "株式会社テスト工業 ",
        *_steps(s1="完了済み", s2="完了済み", s3="完了済み", s4="完了済み", s5="完了", s6="作業中"),
    ],
    # 5: five digits without the check digit, the official name of the system
    ["45201", "", "住民基本台帳", "", *_steps(s1="済")],
    # 6: no code, a name with a trailing space
    ["", "日向市 ", "個人住民税", "", *_steps(s1="完了済み", s40="未着手")],
    # 7: a sixth digit that disagrees: never guessed
    ["452010", "宮崎市", "住民記録", "", *_steps(s2="完了済み")],
    # 8: an organisation that does not exist
    ["", "存在しない町", "住民記録", "", *_steps(s1="完了済み")],
    # 9: the prefecture runs a town's 生活保護
    ["454419", "高千穂町", "生活保護", "", *_steps(s1="完了済み")],
    # 10: a status word nobody can read
    ["452068", "日向市", "住民記録", "", *_steps(s3="たぶん")],
    # 11: the same cell twice
    ["454419", "高千穂町", "01", "", *_steps(s7="完了済み")],
    # 12: a vendor not registered
    ["452068", "日向市", "戸籍", "(株)不明システム", *_steps(s1="完了済み")],
    # 13: a system that does not exist
    ["452068", "日向市", "なんとか業務", "", *_steps(s1="完了済み")],
]
EXPECTED_REJECTED = {
    7: "検査数字",
    8: "存在しない町",
    9: "対象外",
    10: "たぶん",
    11: "4行目",
    12: "不明システム",
    13: "なんとか業務",
}


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "進捗"
    ws.append(["令和7年度 手順書ステップ進捗（宮崎県）"])
    ws.merge_cells("A1:H1")
    ws.append(["団体コード", "団体名", "業務システム", "ベンダ", "手順書ステップ"])
    ws.append(
        [
            "",
            "",
            "",
            "",
            *(
                str(n) if n % 2 else chr(0xFF10 + n // 10) + chr(0xFF10 + n % 10)
                for n in range(1, 41)
            ),
        ]
    )
    for col in "ABCD":  # headers merged over two rows
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("E2:AR2")  # 手順書ステップ over the forty step columns
    for r in ROWS:
        ws.append(r)
    wb.save(path)
    return path


def _csv(path: Path, encoding: str) -> Path:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(
        ["団体コード", "団体名", "業務システム", "ベンダ", *(f"ステップ{n}" for n in range(1, 41))]
    )
    for r in ROWS:
        w.writerow(r)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


@pytest.fixture
def service(profile: Profile) -> ProgressService:
    RecordService(profile).add("vendor", {"name": "(株)テスト工業"})
    return ProgressService(profile, TODAY)


def _plan(service: ProgressService, path: Path):  # type: ignore[no-untyped-def]
    data = read_sheet(path)
    header, columns = guess(data.rows)
    return ProgressImport(service).preview(data, header, columns), header, columns


def test_a_messy_workbook_imports_as_a_careful_person_would(
    service: ProgressService, tmp_path: Path
) -> None:
    plan, header, columns = _plan(service, _workbook(tmp_path / "全国 進捗.xlsx"))
    assert header == 2  # the row of the step numbers, under the merged 手順書ステップ
    assert columns[:4] == [Column(ORG), Column(ORG), Column(SYSTEM), Column(VENDOR)]
    assert columns[4:] == [Column(STEP, step=n) for n in range(1, 41)]
    got = sorted((s.org_name, s.system_code, s.step_no, s.before, s.after) for s in plan.steps)
    assert got == sorted(
        [("高千穂町", "01", n, "未着手", "完了済み") for n in range(1, 6)]
        + [
            ("高千穂町", "01", 6, "未着手", "作業中"),
            ("宮崎市", "01", 1, "未着手", "完了済み"),
            ("日向市", "04", 1, "未着手", "完了済み"),
        ]
    )
    assert [(v.org_name, v.after) for v in plan.vendors] == [("高千穂町", "(株)テスト工業")]
    rejected = {r.row: r.reason for r in plan.rejected}
    assert set(rejected) == set(EXPECTED_REJECTED), rejected
    for row, word in EXPECTED_REJECTED.items():
        assert word in rejected[row], (row, rejected[row])
    assert (plan.rows_read, plan.cells) == (10, 3)
    # Nothing is written by the preview.
    db = service.db
    assert db.query("SELECT count(*) AS n FROM step_status")[0]["n"] == 0
    changes = ProgressImport(service).apply(plan)
    assert len(changes) == 9  # eight steps and one vendor, through the change log
    m = service.matrix()
    taka = next(o.id for o in m.orgs if o.name == "高千穂町")
    c = m.cell(taka, "01")
    assert (c.counts.done, c.counts.working, c.furthest_step) == (5, 1, 5)
    assert db.query("SELECT count(*) AS n FROM changes WHERE kind = 'step_status'")[0]["n"] == 8
    # Once more: the same file changes nothing now.
    again, _h, _c = _plan(service, tmp_path / "全国 進捗.xlsx")
    assert again.empty and len(again.rejected) == len(EXPECTED_REJECTED)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_in_every_encoding_reads_the_same(
    service: ProgressService, tmp_path: Path, encoding: str
) -> None:
    xlsx, _h, _c = _plan(service, _workbook(tmp_path / "進捗.xlsx"))
    plan, header, _columns = _plan(service, _csv(tmp_path / f"進捗_{encoding}.csv", encoding))
    assert header == 0
    assert plan.steps == xlsx.steps and plan.vendors == xlsx.vendors
    # The CSV has no title rows: the same rows, two lines higher.
    assert [r.row + 2 for r in plan.rejected] == [r.row for r in xlsx.rejected]
    assert [r.reason[:6] for r in plan.rejected] == [r.reason[:6] for r in xlsx.rejected]


def test_export_long_then_import_changes_nothing(service: ProgressService, tmp_path: Path) -> None:
    service.set_steps("高千穂町", "01", "1-12", "完了済み", "2025-06-30")
    service.set_steps("高千穂町", "01", "13", "作業中")
    service.set_steps("宮崎市", "04", "1-40", "対象外")
    service.set_fields("宮崎市", "01", {"vendor_id": "(株)テスト工業"})
    out = tmp_path / "出力" / "ステップ別.xlsx"
    out.parent.mkdir()
    write_long_workbook(out, service)
    plan, _h, columns = _plan(service, out)
    assert sum(c.role == STEP for c in columns) == 40
    assert plan.empty and plan.rejected == []
    assert plan.cells == plan.rows_read == 488  # every cell that applies (the demo's count)


def test_files_that_cannot_be_read_are_refused(service: ProgressService, tmp_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_text("a")
    with pytest.raises(UserError) as e:
        read_sheet(bad)
    assert e.value.code == "progress_import_format"
    broken = tmp_path / "壊れた.xlsx"
    broken.write_bytes(b"PK not really")
    with pytest.raises(UserError) as e:
        read_sheet(broken)
    assert e.value.code == "progress_import_unreadable"
    with pytest.raises(UserError) as e:
        read_sheet(_workbook(tmp_path / "a.xlsx"), sheet="無い")
    assert e.value.code == "progress_import_sheet"


def test_a_batch_import_logs_as_one_write_at_a_time_would(
    service: ProgressService, tmp_path: Path
) -> None:
    """Steps held already go through put, new ones in one batch: the records, the change log
    and its hash chain are what single writes make (the chain recomputed from the rows)."""
    from dxdesk.store import chain

    service.set_steps("高千穂町", "01", "1-2", "作業中", "2025-12-01")
    plan, _h, _c = _plan(service, _workbook(tmp_path / "進捗.xlsx"))
    ProgressImport(service).apply(plan, date(2026, 2, 1))
    db = service.db
    rows = {
        (r["name"], r["system_code"], r["step_no"]): (r["status"], r["updated_on"])
        for r in db.query(
            "SELECT o.name, s.system_code, s.step_no, s.status, s.updated_on FROM step_status s"
            " JOIN organisation o ON o.id = s.org_id WHERE s._deleted = 0"
        )
    }
    assert rows[("高千穂町", "01", 1)] == ("完了済み", "2026-02-01")  # held: updated by put
    assert rows[("高千穂町", "01", 6)] == ("作業中", "2026-02-01")  # new: the batch
    assert rows[("日向市", "04", 1)] == ("完了済み", "2026-02-01")
    device = service.records.store.device_id
    previous = chain.genesis(device)
    for r in db.query(
        "SELECT dev_seq, hlc, kind, record_id, op, payload, chain FROM changes"
        " WHERE device_id = ? ORDER BY dev_seq",
        (device,),
    ):
        line = chain.encode_row(
            device, r["dev_seq"], r["hlc"], r["kind"], r["record_id"], r["op"], r["payload"]
        )
        previous = chain.link(previous, chain.leaf(line))
        assert bytes(r["chain"]) == previous, r["dev_seq"]
    stamps = [r["hlc"] for r in db.query("SELECT hlc FROM changes ORDER BY seq")]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    audited = db.query("SELECT count(*) AS n FROM audit_log WHERE kind = 'step_status'")
    assert (
        audited[0]["n"]
        == db.query("SELECT count(*) AS n FROM changes WHERE kind = 'step_status'")[0]["n"]
    )


def test_a_teams_wide_sheet_the_furthest_step_per_system(
    service: ProgressService, tmp_path: Path
) -> None:
    from dxdesk.core import reference
    from dxdesk.services.progress_import import SYSTEM_COLUMN, WIDE, layout_of

    item = next(s for s in reference.procedure_steps() if s.item == "⑤-2")
    sheet = tmp_path / "チーム表.csv"
    sheet.write_text(
        "団体コード,団体名,住民記録,04 個住,戸籍\n"
        "454419,高千穂町,１２,⑤-2,\n"
        "452068,日向市,たくさん,3,\n",
        encoding="utf-8-sig",
    )
    data = read_sheet(sheet)
    header, columns = guess(data.rows)
    assert layout_of(columns) == WIDE
    assert [c.system for c in columns if c.role == SYSTEM_COLUMN] == ["01", "04", "19"]
    plan = ProgressImport(service).preview(data, header, columns)
    got = {(s.system_code, s.step_no) for s in plan.steps}
    assert got == {("01", n) for n in range(1, 13)} | {("04", n) for n in range(1, item.no + 1)}
    assert {s.after for s in plan.steps} == {"完了済み"}
    assert [(r.row, "たくさん" in r.reason) for r in plan.rejected] == [(3, True)]


def test_batch_rows_equal_single_inserts(service: ProgressService, profile: Profile) -> None:
    """insert_many writes exactly the row insert writes (columns, the clock column's text)."""
    from dxdesk.core.model import kind

    k = kind("step_status")
    org = service.records.resolve_org("高千穂町")
    one = {"org_id": org, "system_code": "01", "step_no": 1, "status": "完了済み"}
    two = {**one, "step_no": 2}
    store = profile.records
    with profile.database.transaction():
        store.insert(k, {**one, "updated_on": "2026-01-05", "note": None})
        store.insert_many(k, [{**two, "updated_on": "2026-01-05", "note": None}])
    a, b = (
        profile.database.query("SELECT * FROM step_status WHERE step_no = ?", (n,))[0]
        for n in (1, 2)
    )
    differ = {c for c in a if a[c] != b[c]}
    assert differ <= {"id", "step_no", "_hlc", "_clocks", "rid"}, differ
    assert a["_clocks"].replace(a["_hlc"], "H") == b["_clocks"].replace(b["_hlc"], "H")
    with pytest.raises(UserError) as e, profile.database.transaction():
        store.insert_many(
            k,
            [
                {**one, "step_no": 3, "updated_on": None, "note": None},
                {**two, "updated_on": None, "note": None},
            ],
        )
    assert e.value.code == "record_key_exists"
    assert profile.database.query("SELECT count(*) AS n FROM step_status")[0]["n"] == 2
