"""``dxdesk progress``: show (table, JSON, CSV with BOM), step ranges and fields, refusals."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.cli.test_cli import Cli, app, recovery_key_of, root  # noqa: F401 - fixtures

__all__ = ["Cli", "recovery_key_of"]


def test_step_range_then_show(app: Cli, tmp_path: Path) -> None:  # noqa: F811
    out = app.ok(
        "progress", "step", "高千穂町", "住民記録", "1-12", "完了済み", "--on", "2025-06-30"
    )
    assert "12件" in out
    app.ok("progress", "step", "高千穂町", "01", "13", "作業中", "--on", "R7.7.1")
    app.ok("progress", "set", "高千穂町", "住民記録", "planned_go_live=2026-07-01")
    cells = app.json("progress", "show", "--org", "高千穂町")
    assert [c["system_code"] for c in cells] == [f"{n:02d}" for n in range(1, 21)]
    # The prefecture runs a town's 生活保護 and 児童扶養手当: 対象外 by rule, shown, not counted.
    assert [c["system_code"] for c in cells if not c["applies"]] == ["13", "16"]
    assert {c["state"] for c in cells if not c["applies"]} == {"対象外"}
    assert {c["completion_rate"] for c in cells if not c["applies"]} == {None}
    first = cells[0]
    assert first["counts"] == {"完了済み": 12, "作業中": 1, "未着手": 27, "対象外": 0}
    assert first["completion_rate"] == 30.0  # 12 / 40
    assert (first["furthest_step"], first["live"], first["deadline_risk"]) == (12, False, True)
    detail = app.json("progress", "show", "--org", "高千穂町", "--system", "01")
    assert [s["status"] for s in detail["steps"]][:13] == ["完了済み"] * 12 + ["作業中"]
    assert detail["steps"][12]["date"] == "2025-07-01"
    # The table: every organisation, the total row, and the formula spelled out.
    table = app.ok("progress", "show")
    assert "高千穂町" in table and "合計" in table and "（完了済み＋対象外）÷ 40" in table
    # CSV for Excel: a byte-order mark, then the same figures.
    target = tmp_path / "進捗 一覧.csv"
    app.ok("progress", "show", "--org", "高千穂町", "--format", "csv", "--out", str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["団体コード", "団体名"]
    assert rows[1][:6] == ["454419", "高千穂町", "01", "住民基本台帳", "移行作業中", "30.0"]


def test_refusals_write_nothing(app: Cli) -> None:  # noqa: F811
    assert "ステップ「41」" in app.refused("progress", "step", "高千穂町", "01", "41", "完了済み")
    assert "業務システム" in app.refused("progress", "step", "高千穂町", "99", "1", "完了済み")
    assert "--out" in app.refused("progress", "show", "--out", "x.csv")
    assert app.json("list", "step_status") == []


def test_xlsx_attention_and_vendors(app: Cli, tmp_path: Path) -> None:  # noqa: F811
    from openpyxl import load_workbook

    app.ok("progress", "step", "高千穂町", "住民記録", "1-12", "完了済み", "--on", "2025-06-30")
    app.ok("progress", "set", "高千穂町", "住民記録", "planned_go_live=2026-07-01")
    app.ok("progress", "set", "日之影町", "01", "special_support=true")
    app.ok("add", "vendor", "name=株式会社テスト電算")
    vid = app.json("list", "vendor")[0]["id"]
    app.ok("progress", "set", "高千穂町", "住民記録", f"vendor_id={vid}")
    # The matrix as a workbook, read back.
    target = tmp_path / "進捗 表.xlsx"
    out = app.ok(
        "progress", "show", "--format", "xlsx", "--out", str(target), "--as-of", "2026-02-15"
    )
    assert "書き出しました" in out
    wb = load_workbook(target)
    rows = {r[1]: r for r in wb["進捗表"].iter_rows(min_row=2, values_only=True)}
    label = str(rows["高千穂町"][3]).split()
    assert label[0] == "30.0%" and label[2] == "遅れ・期限後"
    assert rows["日之影町"][3] == "0.0% 0 特定"
    assert wb["完了率"].cell(row=2, column=1).value  # the first organisation's code
    assert "--out" in app.refused("progress", "show", "--format", "xlsx")
    other = tmp_path / "別.xlsx"
    assert "--system" in app.refused(
        "progress", "show", "--format", "xlsx", "--out", str(other), "--system", "01"
    )
    assert not other.exists()
    # 要注意: the town first (deadline risk, stalled since June, two phases late).
    entries = app.json("attention", "--as-of", "2026-02-15")
    assert [(e["org_name"], e["system_code"]) for e in entries] == [
        ("高千穂町", "01"),
        ("日之影町", "01"),
    ]
    assert [r["code"] for r in entries[1]["reasons"]] == ["special_reason", "special_target"]
    assert entries[0]["score"] == sum(r["points"] for r in entries[0]["reasons"])
    assert len(app.json("attention", "--limit", "1", "--as-of", "2026-02-15")) == 1
    table = app.ok("attention", "--as-of", "2026-02-15")
    assert "移行目標時期が登録されていません" in table and "順位" in table
    # Vendors: from the system record, with the cell's figures.
    vendors = app.json("progress", "vendors")
    assert [(v["vendor"], v["role"], v["org_name"], v["system_code"]) for v in vendors] == [
        ("株式会社テスト電算", "標準準拠", "高千穂町", "01")
    ]
    assert vendors[0]["completion_rate"] == 30.0
    text = app.ok("progress", "vendors")
    assert "株式会社テスト電算" in text and "ベンダ別の集計" in text


def test_a_past_month_and_the_difference(app: Cli) -> None:  # noqa: F811
    app.ok("progress", "step", "高千穂町", "住民記録", "1-12", "完了済み", "--on", "2025-06-30")
    app.ok("progress", "step", "高千穂町", "01", "13-14", "完了済み", "--on", "2025-07-15")
    june = app.json("progress", "show", "--org", "高千穂町", "--system", "01", "--month", "2025-06")
    assert june["counts"]["完了済み"] == 12 and june["furthest_step"] == 12
    may = app.json("progress", "show", "--org", "高千穂町", "--month", "2025-05")
    assert {c["counts"]["完了済み"] for c in may} == {0}
    d = app.json("progress", "diff", "--from", "2025-06", "--to", "2025-07", "--format", "json")
    assert [(c["org_name"], c["system_code"]) for c in d["changed"]] == [("高千穂町", "01")]
    assert d["changed"][0]["completed_steps"] == [13, 14]
    assert d["changed"][0]["completion_rate"] == {"from": 30.0, "to": 35.0}
    table = app.ok("progress", "diff", "--from", "2025-06", "--to", "2025-07")
    assert "30.0 → 35.0" in table and "変化した団体・業務" in table
    assert "年月「2025-6x」" in app.refused("progress", "show", "--month", "2025-6x")
    assert "開始月" in app.refused("progress", "diff", "--from", "2025-07", "--to", "2025-06")


def test_import_dry_run_then_import_and_export_long(app: Cli, tmp_path: Path) -> None:  # noqa: F811
    rows = [
        ["団体コード", "団体名", "業務システム", *(f"ステップ{n}" for n in range(1, 41))],
        ["４５４４１９", "高千穂町", "住民記録", *(["完了済み"] * 3 + [""] * 37)],
        ["999999", "", "住民記録", *(["完了済み"] + [""] * 39)],
    ]
    body = "\n".join(",".join(r) for r in rows) + "\n"
    sheet = tmp_path / "進捗 取込.csv"
    sheet.write_bytes(body.encode("cp932"))
    out = app.ok("progress", "import", str(sheet), "--dry-run")
    assert "確認のみ" in out and "999999" in out and "取り込めない行" in out
    cells = app.json("progress", "show", "--org", "高千穂町", "--system", "01")
    assert cells["counts"]["完了済み"] == 0  # the dry run wrote nothing
    out = app.ok("progress", "import", str(sheet), "--on", "2026-01-31")
    assert "3件を記録しました" in out
    cells = app.json("progress", "show", "--org", "高千穂町", "--system", "01")
    assert cells["counts"]["完了済み"] == 3 and cells["steps"][0]["date"] == "2026-01-31"
    long = tmp_path / "出力" / "ステップ.xlsx"
    long.parent.mkdir()
    app.ok("progress", "export", "--out", str(long), "--layout", "long")
    assert "変更される内容はありません" in app.ok("progress", "import", str(long), "--dry-run")
    assert "取り込めない形式" in app.refused("progress", "import", str(tmp_path / "a.txt"))


def test_attention_reads_the_thresholds_of_the_settings_file(app: Cli, root: Path) -> None:  # noqa: F811
    """`dxdesk attention` ranks with the thresholds the settings dialog saved (one file)."""
    from dataclasses import replace

    from dxdesk.paths import ProfilePaths
    from dxdesk.settings import Settings

    app.ok("progress", "step", "高千穂町", "住民記録", "1-4", "作業中", "--on", "2025-06-30")

    def stalled() -> list[str]:
        entries = app.json("attention", "--as-of", "2026-02-15")
        return [r["text"] for e in entries for r in e["reasons"] if r["code"] == "stalled"]

    assert stalled() == ["ステップの更新が7か月ありません（最終更新 2025-06-30）。"]
    path = ProfilePaths(root).settings
    replace(Settings.load(path), attention_stalled_months=8).save(path)
    assert stalled() == []
    replace(Settings.load(path), attention_stalled_months=7).save(path)
    assert len(stalled()) == 1


def test_attention_lists_an_organisations_own_reasons(app: Cli, root: Path) -> None:  # noqa: F811
    """`dxdesk attention` holds the organisation-wide entry (system_code null): an open issue
    of priority 高 shared with it, and no visit for the weeks of the settings file."""
    from dataclasses import replace

    from dxdesk.paths import ProfilePaths
    from dxdesk.settings import Settings

    app.ok(
        "add",
        "issue",
        "org_id=都城市",
        "title=共同調達の遅れ",
        "priority=高",
        "raised_on=2026-01-10",
    )
    issue = app.json("list", "issue")[0]["id"]
    app.ok("add", "related_org", f"issue_id={issue}", "org_id=三股町")  # shared with 三股町
    app.ok("add", "visit", "org_id=三股町", "date=2025-12-01", "title=定例訪問", "mode=電話")

    def own(name: str) -> list[str]:
        entries = app.json("attention", "--as-of", "2026-02-15")
        return [
            r["code"]
            for e in entries
            if e["org_name"] == name and e["system_code"] is None
            for r in e["reasons"]
        ]

    assert own("都城市") == ["high_issues"]  # not a 伴走支援 target: no visit reason
    assert own("三股町") == ["high_issues", "no_visit"]  # 10 weeks since the telephone hearing
    table = app.ok("attention", "--as-of", "2026-02-15")
    assert "未完了の優先度「高」の課題が1件あります（最も古いもの：「共同調達の遅れ」" in table
    path = ProfilePaths(root).settings
    replace(Settings.load(path), attention_no_visit_weeks=11).save(path)
    assert own("三股町") == ["high_issues"]
