"""``dxdesk cases`` (the case library and its 同規模自治体 filter) and ``dxdesk comm`` (the
communication tool's activity import); the rules are in services/cases.py and
services/commtool.py."""

from __future__ import annotations

import click

from dxdesk.cli import output
from dxdesk.cli.main import State, cli, opened


@cli.command()
@click.option("--similar-to", "similar_to", help="同規模の事例を探す団体（団体名・団体コード）")
@click.option("--theme", help="テーマ（例：フロントヤード改革）")
@click.option(
    "--band",
    type=float,
    default=0.5,
    show_default=True,
    help="同規模とみなす幅（0.5 で人口の 2/3 倍〜1.5 倍）",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def cases(state: State, similar_to: str | None, theme: str | None, band: float, fmt: str) -> None:
    """事例（県内外）の一覧。--similar-to で同規模自治体の事例に絞り込みます。"""
    from dxdesk.services.cases import CaseService

    with opened(state, backup=False) as profile:
        found = CaseService(profile).search(similar_to, theme, band)
    if fmt == "json":
        output.echo(
            output.to_json(
                {
                    "reference_population": found.reference,
                    "low": found.low,
                    "high": found.high,
                    "unknown_population": found.unknown,
                    "cases": [c.as_json() for c in found.cases],
                }
            )
        )
        return
    if found.reference is not None:
        output.echo(
            f"人口{found.reference:,}人に対し、{found.low:,}〜{found.high:,}人の自治体の事例です。"
        )
    rows = [
        [
            c.title,
            c.municipality,
            c.prefecture,
            "" if c.population is None else f"{c.population:,}",
            c.theme,
            "" if c.year is None else str(c.year),
        ]
        for c in found.cases
    ]
    if rows:
        output.echo(output.table(["事例名", "自治体", "都道府県", "人口", "テーマ", "年度"], rows))
    else:
        output.echo("該当する事例はありません。")
    if found.unknown:
        output.echo(f"人口が分からないため対象外とした事例：{found.unknown}件")


@cli.group()
def comm() -> None:
    """コミュニケーションツールの利用状況（グループごとの投稿数・アクティブ人数）。"""


@comm.command("import")
@click.argument("csv_file", metavar="FILE", type=click.Path(dir_okay=False))
@click.option("--tool", help="ツール名（登録が一つなら省略可）")
@click.pass_obj
def comm_import(state: State, csv_file: str, tool: str | None) -> None:
    """ツールの CSV エクスポート（UTF-8 または Shift_JIS）から月ごとの利用状況を取り込みます。"""
    from dxdesk.services.commtool import CommToolService

    with opened(state) as profile:
        result = CommToolService(profile).import_csv(csv_file, tool)
    months = "、".join(result.months)
    output.echo(
        f"{result.tool}の利用状況を{result.rows}行取り込みました"
        f"（{result.encoding}、{months or '対象月なし'}）。"
    )
