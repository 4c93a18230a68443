"""The general DX support commands (issue 13): ``dxdesk engagement table`` to .xlsx and as JSON,
``dxdesk engagement case-study``, ``dxdesk cases --similar-to`` and ``dxdesk comm import``, with
their refusals as one sentence, exit 1 and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.test_cli import Cli, recovery_key_of


@pytest.fixture
def app(tmp_path: Path) -> Cli:
    c = Cli(tmp_path / "宮崎 テスト" / "プロファイル")
    c.recovery = recovery_key_of(c.ok("init", "--name", "山田 太郎", "--device", "山田のノートPC"))
    return c


def test_the_management_table_from_the_command_line(app: Cli, tmp_path: Path) -> None:
    e = app.add("engagement", "org_id=高千穂町", "fy=2025", "theme=窓口DX", "start_date=2025-04-01")
    staff = app.staff_id()
    app.add("engagement_supporter", f"engagement_id={e}", f"staff_id={staff}")
    for day in ("2025-05-07", "2025-05-08"):
        app.add(
            "visit",
            f"date={day}",
            "org_id=高千穂町",
            f"staff_id={staff}",
            "mode=訪問",
            "title=現地支援",
            "hours=4",
        )
    app.add(
        "engagement_month",
        f"engagement_id={e}",
        f"staff_id={staff}",
        "month=2025-05",
        "done=窓口の棚卸し",
        "next_steps=試行",
    )
    found = json.loads(
        app.ok("engagement", "table", "高千穂町", "--month", "2025/5", "--format", "json")
    )
    assert found["months"] == ["2025-05"]
    assert [(r["site_days"], r["hours"], r["done"]) for r in found["rows"]] == [
        (2, 8.0, "窓口の棚卸し")
    ]
    out = tmp_path / "管理表 高千穂町.xlsx"
    said = app.ok("engagement", "table", e, "--month", "2025-05", "--out", str(out))
    assert "管理表を書き出しました" in said
    rows = list(load_workbook(out).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[1][:6] == ("2025-05", "山田 太郎", 2, 8, "窓口の棚卸し", "試行")
    line = app.refused(
        "engagement", "table", e, "--month", "2026-05", "--out", str(tmp_path / "x.xlsx")
    )
    assert "期間" in line and not (tmp_path / "x.xlsx").exists()
    assert "日之影町" in app.refused("engagement", "table", "日之影町")
    draft = app.ok("engagement", "case-study", "高千穂町").strip().rsplit("：", 1)[1]
    assert app.json("show", "case_study", draft)["status"] == "作成中"


def test_similar_cases_and_the_activity_import(app: Cli, tmp_path: Path) -> None:
    app.add("case", "title=近い町", "municipality=A町", "population=20000", "theme=その他")
    app.add("case", "title=遠い市", "municipality=B市", "population=90000", "theme=その他")
    app.add("case", "title=規模不明", "municipality=C村", "theme=その他")
    found = app.json("cases", "--similar-to", "高鍋町")
    assert [c["title"] for c in found["cases"]] == ["近い町"]
    assert (found["reference_population"], found["unknown_population"]) == (19922, 1)
    assert len(app.json("cases", "--theme", "その他")["cases"]) == 3
    assert "人口" in app.refused("cases", "--similar-to", "椎葉村")

    tool = app.add("comm_tool", "name=LoGoチャット")
    app.add("comm_group", f"tool_id={tool}", "name=県北生活圏")
    export = tmp_path / "export.csv"
    export.write_bytes(
        "年月,グループ,投稿数,アクティブ人数\r\n2025-05,県北生活圏,12,5\r\n".encode("cp932")
    )
    assert "1行" in app.ok("comm", "import", str(export))
    rows = app.json("list", "comm_activity")
    assert [(r["month"], r["posts"], r["active_members"]) for r in rows] == [("2025-05", 12, 5)]
    export.write_text("年月,グループ,投稿数,アクティブ人数\n2025-06,県南,1,1\n", encoding="utf-8")
    assert "県南" in app.refused("comm", "import", str(export))
    assert len(app.json("list", "comm_activity")) == 1


def test_the_kind_of_support_on_consultations_and_visits(app: Cli) -> None:
    """支援の種類 (6(2)ア) through add, list, show and search; a value not among the choices
    is refused with the choices named, and nothing is written."""
    c = app.add(
        "consultation",
        "received_at=2025-11-05 10:00",
        "channel=電話",
        "org_id=綾町",
        "category=その他",
        "support_kind=IT調達支援",
        "topic=庁内ネットワーク更改の仕様書について",
    )
    app.add(
        "visit",
        "date=2025-11-06",
        "org_id=綾町",
        "title=更改スケジュールの打合せ",
        "support_kind=スケジュール調整支援",
    )
    listed = app.ok("list", "consultation", "--org", "綾町")
    assert "支援の種類" in listed and "IT調達支援" in listed
    assert "■ 支援の種類：IT調達支援" in app.ok("show", "consultation", c)
    assert "スケジュール調整支援" in app.ok("list", "visit")
    found = app.ok("search", "IT調達")
    assert "庁内ネットワーク更改の仕様書について" in found
    line = app.refused(
        "add", "visit", "date=2025-11-07", "org_id=綾町", "title=x", "support_kind=営業"
    )
    assert "支援の種類" in line and "ソリューション提案" in line
    assert len(app.json("list", "visit")) == 1


def test_a_proposal_and_its_follow_up_from_the_command_line(app: Cli) -> None:
    """提案 (6(2)ア): added with the person at this laptop as 提案者 and 提案済み, listed per
    organisation, followed up with an edit, found by search; a follow-up date before the
    proposal is refused."""
    v = app.add("visit", "date=2025-10-02", "org_id=椎葉村", "title=定例訪問")
    p = app.add(
        "proposal",
        "org_id=椎葉村",
        "proposed_on=2025-10-02",
        "title=オンライン申請の対象手続の拡大",
        "support_kind=ソリューション提案",
        f"visit_id={v}",
        "content=利用の多い10手続から先行してオンライン化する案",
    )
    shown = app.ok("show", "proposal", p)
    assert "■ 状態：提案済み" in shown and "■ 提案者：山田 太郎" in shown
    assert "■ 提案した訪問：定例訪問" in shown
    app.ok(
        "edit",
        "proposal",
        p,
        "status=採用",
        "follow_up=11月から5手続で開始",
        "follow_up_on=R7.11.4",
    )
    listed = app.ok("list", "proposal", "--org", "椎葉村")
    assert "採用" in listed and "オンライン申請の対象手続の拡大" in listed
    assert app.ok("list", "proposal", "--org", "高千穂町").strip().endswith("（0件）")
    assert "オンライン申請の対象手続の拡大" in app.ok("search", "5手続で開始")
    line = app.refused("edit", "proposal", p, "follow_up_on=2025-09-30")
    assert "その後の確認日" in line


def test_an_issue_shared_by_several_municipalities_shows_under_each(app: Cli) -> None:
    """6(2)ア⑤: an issue of 都城市 with 三股町 and 高原町 as 関係団体 is listed under each, its
    団体 read 「共有：都城市ほか2団体」; ``show`` names the others; the overview counts it for
    each organisation."""
    i = app.add("issue", "org_id=都城市", "title=ベンダ改修の遅れ", "status=対応中")
    for org in ("高原町", "三股町"):
        app.add("related_org", f"issue_id={i}", f"org_id={org}")
    app.add("issue", "org_id=三股町", "title=窓口端末の更新")
    listed = app.ok("list", "issue", "--org", "高原町")
    assert "共有：都城市ほか2団体" in listed and "ベンダ改修の遅れ" in listed
    assert listed.strip().endswith("（1件）")
    mimata = app.ok("list", "issue", "--org", "三股町")
    assert "共有：都城市ほか2団体" in mimata and "窓口端末の更新" in mimata
    assert mimata.strip().endswith("（2件）")
    assert app.ok("list", "issue").strip().endswith("（2件）")  # once over all
    shown = app.ok("show", "issue", i)
    assert "■ 団体：都城市" in shown and "■ 関係団体（共有）：三股町、高原町" in shown
    figures = {o["name"]: o["open_issues"] for o in app.json("overview")["organisations"]}
    assert (figures["都城市"], figures["三股町"], figures["高原町"]) == (1, 2, 1)
