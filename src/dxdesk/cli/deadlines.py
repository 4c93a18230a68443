"""``dxdesk deadlines``: every deliverable of a fiscal year with its due date and status, and
``dxdesk deadlines submit|start|set-due`` to keep the submission register (services/deadlines.py).
"""

from __future__ import annotations

import click

from dxdesk.cli import output
from dxdesk.cli.main import State, cli, opened
from dxdesk.core.calendar import format_date, format_wareki_compact
from dxdesk.services.phrases import japanese


@cli.group(invoke_without_command=True)
@click.option("--fy", type=int, help="年度（西暦、例：2025。既定：今年度）")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_context
def deadlines(ctx: click.Context, fy: int | None, fmt: str) -> None:
    """提出物と期限の一覧（月次作業報告書、議事録、研修報告書、業務完了報告書ほか）。"""
    if ctx.invoked_subcommand is not None:
        return
    from dxdesk.services.deadlines import DeadlineService

    state: State = ctx.obj
    with opened(state, backup=False) as profile:
        board = DeadlineService(profile).board(fy)
        style = profile.settings.date_style
    if fmt == "json":
        output.echo(output.to_json([d.as_json() for d in board]))
        return
    rows = []
    for d in board:
        due = f"{d.due.isoformat()}（{format_wareki_compact(d.due)}）" if d.due else "未設定"
        status = japanese(d.status_text, style)
        if d.submitted_on:
            status += f" {d.submitted_on}"
        if d.overdue:
            status += "（期限超過）"
        rows.append([d.key, japanese(d.name, style), due, status, japanese(d.basis, style)])
    output.echo(output.table(["番号", "提出物", "期限", "状態", "期限の根拠"], rows, max_col=48))


@deadlines.command()
@click.argument("key", metavar="番号")
@click.option("--on", "on", metavar="DATE", help="提出日（既定：今日）")
@click.option(
    "--file",
    "file",
    type=click.Path(dir_okay=False),
    help="提出したファイル（SHA-256 の指紋を記録）",
)
@click.option("--number", "number", help="文書番号")
@click.option("--note", help="備考")
@click.pass_obj
def submit(
    state: State,
    key: str,
    on: str | None,
    file: str | None,
    number: str | None,
    note: str | None,
) -> None:
    """提出済みにします（作成中の版、なければ新しい版）。"""
    from dxdesk.services.deadlines import DeadlineService

    with opened(state) as profile:
        service = DeadlineService(profile)
        service.submit(key, on=on, file=file, doc_number=number, note=note)
        d = service.find(key)
        title = japanese(d.name, profile.settings.date_style)
    text = f"{title}を提出済みにしました（第{d.version}版、{d.submitted_on}"
    if d.doc_number:
        text += f"、{d.doc_number}"
    if d.fingerprint:
        text += f"、SHA-256 {d.fingerprint}"
    output.echo(text + "）。")


@deadlines.command()
@click.argument("key", metavar="番号")
@click.pass_obj
def start(state: State, key: str) -> None:
    """作成中にします（新しい版を登録）。"""
    from dxdesk.services.deadlines import DeadlineService

    with opened(state) as profile:
        service = DeadlineService(profile)
        service.start(key)
        d = service.find(key)
        title = japanese(d.name, profile.settings.date_style)
    output.echo(f"{title}を作成中にしました（第{d.version}版）。")


@deadlines.command("set-due")
@click.argument("key", metavar="番号")
@click.argument("due", metavar="DATE")
@click.pass_obj
def set_due(state: State, key: str, due: str) -> None:
    """契約当初の提出物（業務実施計画書など）の期限を設定します。"""
    from dxdesk.services.deadlines import DeadlineService

    with opened(state) as profile:
        service = DeadlineService(profile)
        service.set_due(key, due)
        d = service.find(key)
        style = profile.settings.date_style
    assert d.due is not None
    output.echo(f"{japanese(d.name, style)}の期限を{format_date(d.due, style)}に設定しました。")
