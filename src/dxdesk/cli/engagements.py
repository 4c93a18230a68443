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
        for w in warnings:
            output.echo(f"・{w.text}")
