"""``dxdesk progress``: the standardisation matrix from a terminal — summaries, one
organisation's systems, one cell's 40 steps — and step / field edits.

Every figure is ``services.progress``'s (the national rate, 対象外 by rule, the marks), printed
as a table, JSON, or CSV with a byte-order mark so that Excel reads the Japanese as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dxdesk.cli import output
from dxdesk.cli.main import State, cli, opened
from dxdesk.cli.records import parse_assignments
from dxdesk.core.calendar import parse_date
from dxdesk.core.progress import STATUSES
from dxdesk.errors import UserError
from dxdesk.fsutil import atomic_write_bytes, io_error

BOM = "\ufeff"


def _text(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return "" if value is None else str(value)


def _emit(tables: list[tuple[str, Any]], fmt: str, out: str | None) -> None:
    if fmt == "csv":
        # One table per file is what Excel opens; several are separated by a blank line.
        body = "\n".join(output.to_csv(h, r) for _title, (h, r) in tables)
        if out is not None:
            path = Path(out)
            try:
                atomic_write_bytes(path, (BOM + body).encode("utf-8"), mode=0o644)
            except OSError as exc:
                raise io_error(exc, path) from None
            output.echo(f"書き出しました：{path}")
        else:
            output.echo(BOM + body, nl=False, data=True)
        return
    for i, (title, (headers, rows)) in enumerate(tables):
        if i:
            output.echo()
        if title:
            output.echo(f"■ {title}")
        output.echo(output.table(headers, [[_text(v) for v in r] for r in rows], max_col=60))


@cli.group()
def progress() -> None:
    """標準化の進捗（28団体×20業務×40ステップ）を表示・更新します。

    完了率は総務省の算定方法（（完了済み＋対象外）÷40）による手順書ステップの件数の割合です。
    """


@progress.command("show")
@click.option("--org", help="団体名または団体コード")
@click.option("--system", help="業務システムのコードまたは名称（例：01、住民記録）")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "xlsx"]),
    default="table",
    help="出力形式（xlsx は --out と共に：団体×業務の進捗表、集計、凡例）",
)
@click.option(
    "--out", metavar="FILE", help="CSV（BOM付き UTF-8、Excel 用）または .xlsx の書き出し先"
)
@click.option("--as-of", "as_of", metavar="DATE", help="遅れの判定に使う日付（既定：今日）")
@click.option("--month", metavar="YYYY-MM", help="その月の末日時点の進捗（変更履歴から再現します）")
@click.pass_obj
def show(
    state: State,
    org: str | None,
    system: str | None,
    fmt: str,
    out: str | None,
    as_of: str | None,
    month: str | None,
) -> None:
    """進捗を表示します：団体別・業務別・工程別の集計、団体の業務一覧、業務の40ステップ。"""
    from dxdesk.services import progress as svc

    if out is not None and fmt not in ("csv", "xlsx"):
        raise UserError(
            "bad_argument", detail="--out は --format csv または xlsx と共に指定してください。"
        )
    if fmt == "xlsx" and out is None:
        raise UserError("bad_argument", detail="--format xlsx には --out FILE を指定してください。")
    if fmt == "xlsx" and system is not None:
        # The workbook's columns are the 20 systems: one of them alone is not that table.
        raise UserError(
            "bad_argument",
            detail="--format xlsx では --system を指定できません（進捗表は全業務を列に並べます）。",
        )
    today = _date(as_of)
    with opened(state, backup=False) as profile:
        service = svc.ProgressService(profile, today)
        m = service.matrix(month)
        org_id = service.records.resolve_org(org) if org else None
        code = service.system_code(system) if system else None
        if month is not None and org_id and code and fmt != "xlsx":
            # A past month's cell: its steps as they stood, from the history.
            cell = m.cell(org_id, code)
            if fmt == "json":
                data = svc.cell_json(m, cell)
                data["month"] = month
                data["steps"] = [
                    {"step_no": s.no, "status": s.status, "date": s.updated_on} for s in cell.steps
                ]
                output.echo(output.to_json(data))
                return
            _emit([(f"{month}末時点", svc.cell_table(m, [cell]))], fmt, out)
            return
        if fmt == "xlsx":
            assert out is not None
            # The matrix of the organisations asked for (all by default), every system.
            svc.write_matrix_workbook(out, m, [org_id] if org_id else None)
            output.echo(f"書き出しました：{Path(out)}")
            return
        if org_id and code:
            d = service.detail(org_id, code)
            if fmt == "json":
                data = svc.cell_json(m, d.cell)
                data["steps"] = [
                    {"step_no": s.no, "item": s.item, "status": s.status, "date": s.updated_on}
                    for s in d.steps
                ]
                output.echo(output.to_json(data))
                return
            title = f"{d.org.name} {d.system_name}"
            _emit(
                [
                    (title, svc.cell_table(m, [d.cell])),
                    ("手順書ステップ", svc.step_table(d)),
                ],
                fmt,
                out,
            )
            return
        orgs = [o for o in m.orgs if org_id is None or o.id == org_id]
        cells = [
            c
            for o in orgs
            for c in m.org_cells(o.id)
            if (code is None or c.system_code == code) and svc.is_shown(o, c)
        ]
        if fmt == "json":
            output.echo(output.to_json([svc.cell_json(m, c) for c in cells]))
            return
        if org_id or code:
            tables = [("", svc.cell_table(m, cells))]
        else:
            tables = [
                ("団体別", svc.org_table(m)),
                ("業務別", svc.system_table(m)),
                ("工程別（手順書の工程）", svc.phase_table(m)),
            ]
        _emit(tables, fmt, out)
    if fmt == "table":
        output.echo()
        output.echo("完了率 = （完了済み＋対象外）÷ 40（手順書ステップの件数の割合）。")


def _date(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise UserError("bad_argument", detail=f"日付「{text}」を読み取れません。") from None


@progress.command("diff")
@click.option("--from", "from_month", required=True, metavar="YYYY-MM", help="比較の基準とする月")
@click.option("--to", "to_month", required=True, metavar="YYYY-MM", help="比較する月")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def diff(state: State, from_month: str, to_month: str, fmt: str) -> None:
    """二つの月の末日時点の進捗を比べ、変化した団体・業務と停滞している団体・業務を表示します。"""
    from dxdesk.services import progress as svc

    with opened(state, backup=False) as profile:
        d = svc.ProgressService(profile).diff(from_month, to_month)
    if fmt == "json":
        output.echo(output.to_json(svc.diff_json(d)))
        return
    _emit(svc.diff_tables(d), "table", None)


@progress.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="変更内容を表示するだけで、記録しません")
@click.option("--sheet", metavar="NAME", help="取り込むシート名（既定：最初のシート）")
@click.option("--on", "on", metavar="DATE", help="取り込んだ状態の日付（既定：今日）")
@click.pass_obj
def import_file(state: State, file: str, dry_run: bool, sheet: str | None, on: str | None) -> None:
    """Excel（.xlsx）または CSV の進捗表を取り込みます（全国の手順書ステップ進捗表の形式、または団体×業務の表）。

    見出し行と列の意味を推定し、変更される内容と取り込めない行を表示します。
    --dry-run を付けない場合は、表示した内容をまとめて一度に記録します。
    """
    from dxdesk.services.progress import ProgressService
    from dxdesk.services.progress_import import ProgressImport, guess, plan_tables, read_sheet

    data = read_sheet(file, sheet)
    header, columns = guess(data.rows)
    when = _date(on)
    with opened(state, backup=not dry_run) as profile:
        importer = ProgressImport(ProgressService(profile))
        plan = importer.preview(data, header, columns)
        output.echo(
            f"シート「{plan.sheet}」：見出し {header + 1}行目、{plan.rows_read}行を読み、"
            f"{plan.cells}件の団体・業務が一致しました。"
        )
        _emit([(t, tbl) for t, tbl in plan_tables(plan) if tbl[1]], "table", None)
        if plan.empty:
            output.echo("変更される内容はありません。")
            return
        if dry_run:
            output.echo(
                f"確認のみ（--dry-run）：ステップ {len(plan.steps)}件、ベンダ {len(plan.vendors)}件"
                "は記録していません。"
            )
            return
        changes = importer.apply(plan, when)
    output.echo(f"{len(changes)}件を記録しました（取り込めない行：{len(plan.rejected)}行）。")


@progress.command("export")
@click.option("--out", required=True, metavar="FILE.xlsx", help="書き出し先の .xlsx")
@click.option(
    "--layout",
    type=click.Choice(["wide", "long"]),
    default="wide",
    help="wide：団体×業務の進捗表と集計、long：団体・業務ごとに40ステップの状態（全国の進捗表の形式）",
)
@click.pass_obj
def export(state: State, out: str, layout: str) -> None:
    """進捗を Excel に書き出します。"""
    from dxdesk.services import progress as svc
    from dxdesk.services.progress_import import write_long_workbook

    with opened(state, backup=False) as profile:
        service = svc.ProgressService(profile)
        if layout == "long":
            write_long_workbook(out, service)
        else:
            svc.write_matrix_workbook(out, service.matrix())
    output.echo(f"書き出しました：{Path(out)}")


@progress.command("step")
@click.argument("org")
@click.argument("system")
@click.argument("steps", metavar="STEPS")
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--on", "on", metavar="DATE", help="状態になった日（既定：今日）")
@click.option("--note", help="備考")
@click.pass_obj
def step(
    state: State, org: str, system: str, steps: str, status: str, on: str | None, note: str | None
) -> None:
    """手順書ステップの状態を記録します（例：dxdesk progress step 高千穂町 住民記録 1-12 完了済み --on 2025-06-30）。"""
    from dxdesk.services.progress import ProgressService, parse_steps

    numbers = parse_steps(steps)
    when = _date(on)
    with opened(state) as profile:
        changes = ProgressService(profile).set_steps(org, system, numbers, status, when, note)
    output.echo(f"{len(numbers)}件のステップのうち {len(changes)}件を更新しました。")


@progress.command("set")
@click.argument("org")
@click.argument("system")
@click.argument("assignments", nargs=-1, required=True, metavar="FIELD=VALUE...")
@click.pass_obj
def set_fields(state: State, org: str, system: str, assignments: tuple[str, ...]) -> None:
    """業務の標準化状況を記録します（例：dxdesk progress set 高千穂町 住民記録 planned_go_live=2026-01-05）。"""
    from dxdesk.services.progress import ProgressService

    values = parse_assignments(assignments)
    with opened(state) as profile:
        change = ProgressService(profile).set_fields(org, system, values)
    output.echo(
        "変更はありませんでした。"
        if change is None
        else "記録しました：" + "、".join(change.fields)
    )


@progress.command("vendors")
@click.option("--vendor", help="ベンダ名（部分一致）で絞り込み")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", help="出力形式"
)
@click.option("--out", metavar="FILE", help="CSV の書き出し先（BOM付き UTF-8、Excel 用）")
@click.option("--as-of", "as_of", metavar="DATE", help="遅れの判定に使う日付（既定：今日）")
@click.pass_obj
def vendors(state: State, vendor: str | None, fmt: str, out: str | None, as_of: str | None) -> None:
    """ベンダごとに、担当する団体と業務システムの進捗を表示します（業務の標準化状況の記録から）。"""
    from dxdesk.services import progress as svc

    if out is not None and fmt != "csv":
        raise UserError("bad_argument", detail="--out は --format csv と共に指定してください。")
    with opened(state, backup=False) as profile:
        service = svc.ProgressService(profile, _date(as_of))
        m = service.matrix()
        items = svc.vendor_cells(m, svc.vendor_names(service))
    if vendor:
        items = [v for v in items if vendor in v.vendor]
    if fmt == "json":
        data = [{"vendor": v.vendor, "role": v.role, **svc.cell_json(m, v.cell)} for v in items]
        output.echo(output.to_json(data))
        return
    _emit(
        [
            ("ベンダ別の集計", svc.vendor_summary(items)),
            ("ベンダ別の団体・業務", svc.vendor_table(items)),
        ],
        fmt,
        out,
    )


# `dxdesk vendors` as issue 11 names it: the same command as `dxdesk progress vendors`.
cli.add_command(vendors, "vendors")


@cli.command("attention")
@click.option("--limit", type=click.IntRange(min=1), help="上位 N 件だけ表示")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.option("--as-of", "as_of", metavar="DATE", help="判定に使う日付（既定：今日）")
@click.pass_obj
def attention(state: State, limit: int | None, fmt: str, as_of: str | None) -> None:
    """標準化の進捗で注意が必要な団体・業務を、点数の高い順に理由とともに表示します。"""
    from dxdesk.services.attention import AttentionService, table

    with opened(state, backup=False) as profile:
        # With last month's end from the history: the "完了率が下がった" rule can apply.
        entries = AttentionService(profile, _date(as_of)).entries(limit, compare=True)
    if fmt == "json":
        output.echo(output.to_json([e.as_json() for e in entries]))
        return
    if not entries:
        output.echo("注意が必要な団体・業務はありません。")
        return
    headers, rows = table(entries, profile.settings.date_style)
    output.echo(output.table(headers, [[_text(v) for v in r] for r in rows], max_col=100))
