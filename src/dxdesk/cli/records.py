"""``dxdesk kinds``, ``add``, ``edit``, ``delete``, ``undelete``, ``list``, ``show`` and
``search``: the records of every kind from a terminal.

A module of its own (registered with the group in ``dxdesk.cli.main`` when one of these is first
named) so that ``main`` holds only what every command shares: the group, its options and state,
and the exit codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from dxdesk.cli import output
from dxdesk.cli.main import State, cli, opened
from dxdesk.core.model import KINDS, Dynamic, Field, FieldType, Kind, Record, kind
from dxdesk.errors import UserError
from dxdesk.text import one_line


def parse_assignments(items: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UserError(
                "bad_argument", detail=f"「{item}」は 項目名=値 の形式で指定してください。"
            )
        values[name.strip()] = value
    return values


def _kind_help() -> str:
    return "、".join(f"{k.name}（{k.label}）" for k in KINDS)


@cli.command()
@click.argument("kind_name", required=False)
def kinds(kind_name: str | None) -> None:
    """記録の種類と項目の一覧を表示します。"""
    if kind_name is None:
        output.echo(output.table(["種類", "名称"], [[k.name, k.label] for k in KINDS]))
        return
    k = kind(kind_name)
    rows = []
    for f in k.entry_fields:
        detail = "、".join(f.choices) if f.choices else (f.ref or "")
        rows.append(
            [f.name, f.label, f.type.value, "必須" if f.required else "", detail, _default(k, f)]
        )
    headers = ["項目", "名称", "型", "", "選択肢・参照先", "省略時"]
    output.echo(output.table(headers, rows, max_col=60))


def _default(k: Kind, f: Field) -> str:
    """What ``add`` fills in for a field left out (the model's Field.default and derive)."""
    if f.default is Dynamic.TODAY:
        return {FieldType.DATETIME: "現在の日時", FieldType.MONTH: "今月"}.get(f.type, "今日")
    if f.default is Dynamic.ME:
        return "自分（この端末の利用者）"
    if f.derive is not None:
        return "・".join(k.field(n).label for n in f.derive.inputs) + "から計算"
    return "" if f.default is None else str(f.default)


@cli.command()
@click.argument("kind_name", metavar="KIND")
@click.argument("assignments", nargs=-1, metavar="FIELD=VALUE...")
@click.pass_obj
def add(state: State, kind_name: str, assignments: tuple[str, ...]) -> None:
    """記録を追加します（例：dxdesk add visit date=2025-11-25 org_id=高千穂町 mode=訪問 title=…）。"""
    from dxdesk.services.records import RecordService

    kind(kind_name)
    values = parse_assignments(assignments)
    with opened(state) as profile:
        change = RecordService(profile).add(kind_name, values)
    output.echo(change.record_id)


@cli.command()
@click.argument("kind_name", metavar="KIND")
@click.argument("record_id", metavar="ID|NAME")
@click.argument("assignments", nargs=-1, metavar="FIELD=VALUE...")
@click.pass_obj
def edit(state: State, kind_name: str, record_id: str, assignments: tuple[str, ...]) -> None:
    """記録を修正します。"""
    from dxdesk.services.records import RecordService

    kind(kind_name)
    values = parse_assignments(assignments)
    if not values:
        raise UserError("bad_argument", detail="修正する 項目名=値 を指定してください。")
    with opened(state) as profile:
        service = RecordService(profile)
        record_id = service.resolve_record(kind_name, record_id)
        change = service.edit(kind_name, record_id, values)
    output.echo(
        "変更はありませんでした。"
        if change is None
        else "修正しました：" + "、".join(change.fields)
    )
    if change is not None and change.record_id != record_id:
        # Time entries are append-only: the correction is a new record that supersedes this one.
        output.echo(f"訂正後の記録 ID：{change.record_id}")


@cli.command()
@click.argument("kind_name", metavar="KIND")
@click.argument("record_id", metavar="ID|NAME")
@click.pass_obj
def delete(state: State, kind_name: str, record_id: str) -> None:
    """記録を削除します（削除済みとして保持され、undelete で戻せます）。"""
    from dxdesk.services.records import RecordService

    k = kind(kind_name)
    with opened(state) as profile:
        service = RecordService(profile)
        change = service.delete(kind_name, service.resolve_record(kind_name, record_id))
    output.echo(f"{k.label}を削除しました。" if change else "既に削除されています。")


@cli.command()
@click.argument("kind_name", metavar="KIND")
@click.argument("record_id", metavar="ID|NAME")
@click.pass_obj
def undelete(state: State, kind_name: str, record_id: str) -> None:
    """削除した記録を元に戻します。"""
    from dxdesk.services.records import RecordService

    k = kind(kind_name)
    with opened(state) as profile:
        service = RecordService(profile)
        found = service.resolve_record(kind_name, record_id, include_deleted=True)
        change = service.restore(kind_name, found)
    output.echo(f"{k.label}を元に戻しました。" if change else "削除されていません。")


IDS_OPTION = click.option(
    "--ids", is_flag=True, help="担当者・団体・関連する記録を名前でなく ID で表示する"
)


@cli.command("list")
@click.argument("kind_name", metavar="KIND")
@click.option("--org", help="団体名または団体コードで絞り込む")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", help="出力形式"
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="表示する最大件数")
@click.option("--deleted", is_flag=True, help="削除済みも含める")
@IDS_OPTION
@click.pass_obj
def list_records(
    state: State,
    kind_name: str,
    org: str | None,
    fmt: str,
    limit: int | None,
    deleted: bool,
    ids: bool,
) -> None:
    """記録を一覧表示します。"""
    from dxdesk.services.records import RecordService

    k = kind(kind_name)
    with opened(state, backup=False) as profile:
        service = RecordService(profile)
        records = service.list_records(kind_name, org=org, limit=limit, include_deleted=deleted)
        cols = k.list_columns or k.field_names[:5]
        shown = k.field_names if fmt == "csv" else cols
        orgs = service.org_names() if ids else _names(profile, k, records, shown)
        if fmt == "json":
            output.echo(output.to_json(records))
            return
        if fmt == "csv":
            names = ["id", *k.field_names]
            rows = [
                [
                    str(r["id"]),
                    *(
                        _csv_value(
                            service.display_value(k, n, r.get(n), orgs)
                            if k.field(n).type in (FieldType.ORG, FieldType.REF)
                            else r.get(n)
                        )
                        for n in k.field_names
                    ),
                ]
                for r in records
            ]
            output.echo(output.to_csv(names, rows), nl=False, data=True)
            return
        headers = ["ID", *(k.field(c).label for c in cols)]
        rows = [
            [str(r["id"]), *(service.display_value(k, c, r.get(c), orgs) for c in cols)]
            for r in records
        ]
        _mark_shared(profile, k, records, cols, rows)
    output.echo(output.table(headers, rows))
    output.echo(f"（{len(rows)}件）")


def _mark_shared(
    profile: Any, k: Kind, records: list[Record], columns: Sequence[str], rows: list[list[str]]
) -> None:
    """A shared record's 団体 as the window shows it: 「共有：都城市ほか2団体」 (services/shared.py)."""
    from dxdesk.services.shared import shared

    if k.org_field not in columns:
        return
    marks = shared(profile.database, k, records)
    if not marks:
        return
    from dxdesk.services.records import RecordService

    names = RecordService(profile).org_names()
    at = 1 + list(columns).index(str(k.org_field))
    for record, row in zip(records, rows, strict=True):
        mark = marks.get(str(record["id"]))
        if mark is not None:
            row[at] = mark.japanese(names)


def _names(profile: Any, k: Kind, records: list[Record], columns: Sequence[str]) -> dict[str, str]:
    """Names for the organisations and referenced records shown (people read names; ids with
    --ids or in JSON)."""
    from dxdesk.services.query import ListService

    return ListService(profile).names(k, records, columns)


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return int(value)
    return "" if value is None else value


@cli.command()
@click.argument("kind_name", metavar="KIND")
@click.argument("record_id", metavar="ID|NAME")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@IDS_OPTION
@click.pass_obj
def show(state: State, kind_name: str, record_id: str, fmt: str, ids: bool) -> None:
    """記録を1件表示します。"""
    from dxdesk.services.records import RecordService

    k = kind(kind_name)
    with opened(state, backup=False) as profile:
        service = RecordService(profile)
        record = service.get(kind_name, service.resolve_record(kind_name, record_id))
        orgs = service.org_names() if ids else _names(profile, k, [record], k.field_names)
        if fmt == "json":
            output.echo(output.to_json(record))
            return
        output.echo(
            f"{k.label}　ID：{one_line(record['id'])}"
            + ("　（削除済み）" if record["_deleted"] else "")
        )
        for f in k.entry_fields:
            value = service.display_value(k, f.name, record.get(f.name), orgs)
            if value:
                output.echo(f"■ {f.label}：" + (value if "\n" not in value else "\n" + value))
        from dxdesk.services.shared import shared

        mark = shared(profile.database, k, [record]).get(str(record["id"]))
        if mark is not None:  # an issue shared with other organisations (services/shared.py)
            _owner, *others = mark.names(service.org_names())
            output.echo("■ 関係団体（共有）：" + "、".join(others))


# Characters of context either side of the first match, and the widest column, so that the
# marked match is never clipped away: 2 x 12 full-width characters, the match and the markers.
SNIPPET_CONTEXT = 12
SNIPPET_WIDTH = 64


@cli.command(
    # Joined without a space (a docstring's line break would show as one in Japanese).
    help="すべての記録の本文を全文検索します（日本語可、1文字からでも検索できます。"
    "全角・半角、大文字・小文字、ヶ・ケなどの表記の違いは区別しません）。",
    short_help="すべての記録の本文を全文検索します（表記の違いは区別しません）。",
)
@click.argument("text", nargs=-1, required=True)
@click.option(
    "--limit", type=click.IntRange(min=1), default=50, show_default=True, help="表示する最大件数"
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="先頭から読み飛ばす件数（続きを表示するとき）",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def search(state: State, text: tuple[str, ...], limit: int, offset: int, fmt: str) -> None:
    from dxdesk.services.records import RecordService
    from dxdesk.services.search import marked, shown_date

    with opened(state, backup=False) as profile:
        # A short context: the snippet column is clipped to the table's width, the match kept.
        page = RecordService(profile).search(
            " ".join(text), limit=limit, offset=offset, radius=SNIPPET_CONTEXT
        )
    if fmt == "json":
        output.echo(output.to_json([h.__dict__ for h in page.hits]))
    else:
        rows = [[h.label, shown_date(h), h.org, h.title, marked(h), h.record_id] for h in page.hits]
        headers = ["種類", "日付", "団体", "件名", "該当箇所", "ID"]
        output.echo(output.table(headers, rows, max_col=SNIPPET_WIDTH))
    if fmt != "json":
        output.echo(_search_summary(page.total, page.offset, page.end))
    elif page.offset or page.remaining:
        # Stdout stays the data (the JSON parses as before); what was left out goes to stderr.
        output.echo(_search_summary(page.total, page.offset, page.end), err=True)


def _search_summary(total: int, offset: int, end: int) -> str:
    """（2件）, or the part shown and how to see the rest: nothing is cut silently."""
    if offset == 0 and end == total:
        return f"（{total:,}件）"
    if end <= offset:
        return f"（全{total:,}件。{offset + 1:,}件目以降はありません）"
    shown = f"全{total:,}件のうち{offset + 1:,}〜{end:,}件目を表示しています"
    if end < total:
        rest = total - end
        return (
            f"（{shown}。残り{rest:,}件は --offset {end} で続きを表示できます"
            "（1回の件数は --limit で変えられます））"
        )
    return f"（{shown}）"
