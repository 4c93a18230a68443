"""The command line as people use it (issue 15): global options after the command too,
references printed as names (ids with --ids or in JSON), records named by title or code
where one record has it, months typed in 和暦, and ``dxdesk overview``."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxdesk.cli.main import hoist_global_options
from dxdesk.core.calendar import parse_month
from tests.cli.test_cli import Cli, recovery_key_of


@pytest.fixture
def app(tmp_path: Path) -> Cli:
    c = Cli(tmp_path / "宮崎 テスト" / "プロファイル")
    c.recovery = recovery_key_of(c.ok("init", "--name", "有村 由美", "--device", "有村のノートPC"))
    return c


def test_global_options_are_moved_before_the_command() -> None:
    assert hoist_global_options(["demo", "--profile", "X", "--force"]) == [
        "--profile",
        "X",
        "demo",
        "--force",
    ]
    assert hoist_global_options(["bundle", "export", "--passphrase-file=P"]) == [
        "--passphrase-file=P",
        "bundle",
        "export",
    ]
    assert hoist_global_options(["--profile", "X", "info"]) == ["--profile", "X", "info"]
    # After "--" everything is an argument.
    assert hoist_global_options(["search", "--", "--profile"]) == ["search", "--", "--profile"]


def test_profile_after_the_command(app: Cli) -> None:
    from tests.conftest import PASSPHRASE, run_cli

    code, out, err = run_cli(
        ["info", "--profile", str(app.root)], env={"DXDESK_PASSPHRASE": PASSPHRASE}
    )
    assert code == 0, err
    assert "有村のノートPC" in out


def test_references_print_as_names_and_records_are_named_by_title(app: Cli) -> None:
    staff = app.staff_id()
    entry = app.add("time", "date=2025-11-25", "staff_id=有村 由美", "org_id=高千穂町", "hours=2")
    table = app.ok("list", "time")
    assert "有村 由美" in table and staff not in table
    assert staff in app.ok("list", "time", "--ids")
    assert app.json("list", "time")[0]["staff_id"] == staff  # JSON keeps the ids
    csv = app.ok("list", "time", "--format", "csv")
    assert "有村 由美" in csv and "高千穂町" in csv
    shown = app.ok("show", "time", entry)
    assert "担当者：有村 由美" in shown and staff not in shown
    # An organisation by name or code; another record by its title.
    assert "団体名：高千穂町" in app.ok("show", "organisation", "高千穂町")
    assert "団体名：高千穂町" in app.ok("show", "organisation", "454419")
    app.add("group", "name=西臼杵連携", "group_type=生活圏")
    assert "変更はありませんでした" not in app.ok("edit", "group", "西臼杵連携", "description=3町")
    assert "グループを削除しました" in app.ok("delete", "group", "西臼杵連携")
    assert "元に戻しました" in app.ok("undelete", "group", "西臼杵連携")
    app.add("group", "name=西臼杵連携", "group_type=テーマ")
    refused = app.refused("show", "group", "西臼杵連携")
    assert "2件あります" in refused and "ID で指定" in refused
    assert "見つかりません" in app.refused("show", "group", "存在しないグループ")


@pytest.mark.parametrize(
    ("typed", "month"),
    [
        ("2025-11", "2025-11"),
        ("令和7年11月", "2025-11"),
        ("R7.11", "2025-11"),
        ("２０２５/１１", "2025-11"),
    ],
)
def test_months_in_every_form(typed: str, month: str) -> None:
    assert parse_month(typed) == month


@pytest.mark.parametrize("typed", ["令和99年1月", "2025-13", "平成31年5月", "11月"])
def test_impossible_months_are_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_month(typed)


def test_overview_prints_what_the_tree_shows(app: Cli) -> None:
    app.add(
        "visit",
        "date=2025-11-25",
        "org_id=高千穂町",
        "title=定例打合せ",
        "start_time=10:00",
        "end_time=12:00",
    )
    app.add("issue", "org_id=高千穂町", "title=LGWAN接続の確認")
    data = app.json("overview", "--month", "令和7年11月", "--org", "高千穂町")
    assert data["month"] == "2025-11"
    [org] = data["organisations"]
    assert (org["name"], org["open_issues"], org["days_on_site"]) == ("高千穂町", 1, 1)
    table = app.ok("overview", "--month", "2025-11")
    assert "2025年11月" in table and "高千穂町" in table and "訪問なし" in table
    assert (
        len([line for line in table.splitlines() if "市" in line or "町" in line or "村" in line])
        >= 26
    )
    assert "令和99年1月" in app.refused("overview", "--month", "令和99年1月")
