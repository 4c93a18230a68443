"""``dxdesk overview``: what the window's organisation tree and overview show, per organisation
(open issues, days on site against the 集中支援 target, days since the last visit), for a month.
"""

from __future__ import annotations

import dataclasses

import click

from dxdesk.cli import output
from dxdesk.cli.main import State, cli, opened
from dxdesk.core.calendar import parse_month
from dxdesk.errors import UserError


def _month(text: str | None) -> str | None:
    """--month as typed (2025-11, 令和7年11月) to YYYY-MM; None for the window's month."""
    if text is None:
        return None
    try:
        return parse_month(text)
    except ValueError:
        raise UserError("bad_month", value=text) from None


@cli.command()
@click.option("--org", metavar="NAME|CODE", help="団体（団体名または団体コード）で絞り込む")
@click.option(
    "--month", metavar="YYYY-MM", help="対象月（例：2025-11、令和7年11月。既定：画面と同じ月）"
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def overview(state: State, org: str | None, month: str | None, fmt: str) -> None:
    """団体ごとの未完了の課題、訪問日数（目標）、最終訪問からの日数を表示します。"""
    from dxdesk.services.overview import OverviewService
    from dxdesk.services.records import RecordService

    month = _month(month)
    with opened(state, backup=False) as profile:
        service = OverviewService(profile)
        month = month or service.default_month()
        badges = service.organisations(month)
        if org:
            org_id = RecordService(profile).resolve_org(org)
            badges = [b for b in badges if b.org_id == org_id]
    if fmt == "json":
        output.echo(
            output.to_json(
                {"month": month, "organisations": [dataclasses.asdict(b) for b in badges]}
            )
        )
        return
    rows = []
    for b in badges:
        target = f"／{b.target_days}" if b.target_days is not None else ""
        since = "訪問なし" if b.days_since_visit is None else f"{b.days_since_visit:,}日前"
        rows.append([b.code, b.name, f"{b.open_issues:,}", f"{b.days_on_site}{target}", since])
    output.echo(f"{month[:4]}年{int(month[5:])}月")
    headers = ["団体コード", "団体", "未完了の課題", "訪問日数（／目標）", "最終訪問"]
    output.echo(output.table(headers, rows))


@cli.command()
@click.option(
    "--month", metavar="YYYY-MM", help="現地支援日数の対象月（例：2025-11。既定：画面と同じ月）"
)
@click.pass_obj
def home(state: State, month: str | None) -> None:
    """ホーム画面の内容（役割ごとの期限、課題、工数、取り込み、競合など）を表示します。"""
    from dxdesk.services.home import HomeService
    from dxdesk.services.overview import OverviewService
    from dxdesk.services.phrases import japanese

    month = _month(month)
    with opened(state, backup=False) as profile:
        month = month or OverviewService(profile).default_month()
        shown = HomeService(profile).home(month)
        style = profile.settings.date_style
    for n, section in enumerate(shown.sections):
        if n:
            output.echo("")
        output.echo(f"■ {japanese(shown.heading(section), style)}")
        for item in section.items:
            # ！ where the window shows the item in red (overdue, below target, waiting long).
            output.echo(f"{'！' if item.alert else '・'}{japanese(item.text, style)}")
        if not section.items:
            output.echo(f"　{japanese(section.empty, style)}")
