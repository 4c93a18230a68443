"""``dxdesk engagements``: the fiscal year's intensive-support engagements with their 常時支援者
and the warnings about them (services/engagements.py holds the rules)."""

from __future__ import annotations

import click

from dxdesk.cli import output
from dxdesk.cli.main import State, cli, opened


@cli.command()
@click.option("--fy", type=int, help="年度（西暦、例：2025。既定：今年度）")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def engagements(state: State, fy: int | None, fmt: str) -> None:
    """集中支援（実効性のあるデジタル化支援）の一覧：常時支援者と注意事項。"""
    from dxdesk.services.engagements import EngagementService

    with opened(state, backup=False) as profile:
        found = EngagementService(profile).engagements(fy)
        style = profile.settings.date_style
    if fmt == "json":
        output.echo(output.to_json([e.as_json() for e in found]))
        return
    rows = []
    for e in found:
        people = "、".join(
            s.name
            + ("（専任）" if s.dedicated else "")
            + ("（常駐）" if s.resident else "")
            + f" {s.start.isoformat()}〜{s.end.isoformat()}"
            for s in e.supporters
        )
        month = "" if e.month is None else f"{e.month.done}/{e.month.target}日"
        period = f"{e.start.isoformat()}〜{e.end.isoformat()}"
        rows.append([e.org, e.theme, period, people or "なし", month])
    output.echo(
        output.table(
            ["団体", "支援テーマ", "期間", "常時支援者", "今月の現地日数"], rows, max_col=48
        )
    )
    warnings = [w for e in found for w in e.warnings]
    if not found:
        output.echo("この年度の集中支援はありません。")
    if warnings:
        output.echo("")
        output.echo("注意事項：")
        from dxdesk.services.phrases import japanese

        for w in warnings:
            output.echo(f"・{japanese(w.message, style)}")


@cli.group()
def engagement() -> None:
    """集中支援の個別の操作：管理表の出力、支援事例の下書き作成。"""


@engagement.command("table")
@click.argument("engagement_ref", metavar="ENGAGEMENT")
@click.option("--month", help="年月（YYYY-MM）。省略時は期間の各月（今月まで）")
@click.option("--out", "out", help="書き出す .xlsx ファイル（省略時は画面に表示）")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def engagement_table(
    state: State, engagement_ref: str, month: str | None, out: str | None, fmt: str
) -> None:
    """集中支援の管理表（月ごと・常時支援者ごとの現地日数、時間、実施内容、次の対応）。

    ENGAGEMENT は集中支援の ID、または団体名・団体コード（今年度の集中支援）。"""
    from dxdesk.core.model import coerce, kind
    from dxdesk.services.engagement_table import (
        HEADER,
        EngagementTableService,
        table_rows,
        write_table_xlsx,
    )

    with opened(state, backup=False) as profile:
        service = EngagementTableService(profile)
        found = service.resolve(engagement_ref)
        wanted = (
            None if month is None else str(coerce(kind("engagement_month").field("month"), month))
        )
        table = service.table(found.id, wanted)
        if out:
            written = write_table_xlsx(table, out)
    if out:
        output.echo(f"管理表を書き出しました：{written}（{len(table.rows)}行）")
        return
    if fmt == "json":
        output.echo(
            output.to_json(
                {
                    "engagement_id": found.id,
                    "org": found.org,
                    "months": list(table.months),
                    "rows": [r.as_json() for r in table.rows],
                    "total_days": table.total_days,
                    "total_hours": table.total_hours,
                }
            )
        )
        return
    cells = [[str(c) for c in row] for row in table_rows(table)]
    output.echo(f"{found.org}　{found.theme}".strip())
    output.echo(output.table(list(HEADER), cells, max_col=40))
    output.echo(f"合計：現地{table.total_days}日、{table.total_hours:g}時間")


@engagement.command("case-study")
@click.argument("engagement_ref", metavar="ENGAGEMENT")
@click.pass_obj
def engagement_case_study(state: State, engagement_ref: str) -> None:
    """集中支援の成果から支援事例（作成中）の下書きを作成します。"""
    from dxdesk.services.cases import CaseService
    from dxdesk.services.engagement_table import EngagementTableService

    with opened(state) as profile:
        found = EngagementTableService(profile).resolve(engagement_ref)
        record_id = CaseService(profile).draft_from_engagement(found.id).record_id
    output.echo(f"支援事例の下書きを作成しました：{record_id}")
