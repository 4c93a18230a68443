"""``dxdesk report``: print a document (PDF or Excel) from the profile's records."""

from __future__ import annotations

import os
from pathlib import Path

import click

from dxdesk.cli import output
from dxdesk.cli.main import State, cli, opened, prompt_secret, read_secret_file
from dxdesk.services.reports import DEFAULT_HANDLING_MARK, PARAM_LABELS, ReportRequest


def _list() -> None:
    from dxdesk.services.reports import list_kinds

    rows = []
    for k in list_kinds():
        needs = " ".join(PARAM_LABELS.get(n, (n, n))[0] for n in k.needs)
        optional = " ".join(f"[{PARAM_LABELS.get(n, (n, n))[0]}]" for n in k.optional)
        rows.append(
            [k.name, k.title, " ".join(x for x in (needs, optional) if x), ", ".join(k.formats)]
        )
    rows.append(["package", "成果品一式（一覧表つき）", "--fy", "フォルダー, zip"])
    output.echo(output.table(["帳票", "名称", "指定する項目", "形式"], rows, max_col=60))


def _recovery_key(key_file: str | None) -> str:
    """From --key-file (the saved recovery text or the key alone), DXDESK_RECOVERY_KEY, or a
    hidden prompt."""
    if key_file:
        text = read_secret_file(key_file)
        # The saved text file has the key on indented lines after 「回復キー：」; take those.
        lines = text.splitlines()
        if "回復キー：" in lines:
            start = lines.index("回復キー：") + 1
            key_lines = []
            for line in lines[start:]:
                if not line.strip():
                    break
                key_lines.append(line.strip())
            return "-".join(key_lines)
        return text.strip()
    # The same variable `dxdesk unlock` reads, for scripts.
    return os.environ.get("DXDESK_RECOVERY_KEY") or prompt_secret("回復キー")


@cli.command()
@click.argument("kind_name", metavar="KIND", required=False)
@click.option("--list", "list_kinds", is_flag=True, help="出力できる帳票の一覧を表示する")
@click.option("--org", metavar="NAME|CODE", help="団体（団体名または団体コード）")
@click.option("--month", metavar="YYYY-MM", help="対象月（例：2025-11）")
@click.option("--fy", type=int, metavar="YYYY", help="年度（例：2025 は令和7年度）")
@click.option("--meeting", "meeting_id", metavar="ID", help="会議の ID")
@click.option("--visit", "visit_id", metavar="ID", help="訪問・ヒアリングの ID")
@click.option("--training", "training_id", metavar="ID", help="研修・ワークショップの ID")
@click.option("--engagement", "engagement_id", metavar="ID", help="集中支援の ID")
@click.option(
    "--author",
    metavar="NAME",
    help="作成者（既定：ヒアリング記録は訪問の担当者、月次・完了報告書は統括責任者、ほかはプロファイルの氏名）",
)
@click.option(
    "--mark",
    "handling_mark",
    default=DEFAULT_HANDLING_MARK,
    help=f"ヘッダーに表示する取扱区分（既定：{DEFAULT_HANDLING_MARK}。空にすると表示しない）",
)
@click.option(
    "--date",
    "issued",
    metavar="DATE",
    help="文書の日付（例：2025-12-10、令和7年12月10日。既定：今日）",
)
@click.option("--number", default="", metavar="TEXT", help="文書番号（例：DX第12号）")
@click.option(
    "--key-file",
    metavar="FILE",
    help="回復キーを記載したファイル（recovery-kit 用。省略時は入力を求めます）",
)
@click.option("--out", metavar="FILE", help="出力先（.pdf または .xlsx）")
@click.pass_obj
def report(
    state: State,
    kind_name: str | None,
    list_kinds: bool,
    org: str | None,
    month: str | None,
    fy: int | None,
    meeting_id: str | None,
    visit_id: str | None,
    training_id: str | None,
    engagement_id: str | None,
    author: str | None,
    handling_mark: str,
    issued: str | None,
    number: str,
    key_file: str | None,
    out: str | None,
) -> None:
    """帳票（ヒアリングシート、月次作業報告書など）を PDF または Excel で出力します。"""
    if list_kinds:
        _list()
        return
    if not kind_name:
        raise click.UsageError(
            "帳票の種類（KIND）を指定してください（一覧：dxdesk report --list）。"
        )
    if kind_name == "package":
        _package(state, fy, out)
        return
    if not out:
        raise click.UsageError("出力先（--out FILE.pdf または FILE.xlsx）を指定してください。")
    from dxdesk.services.calendar import read_date
    from dxdesk.services.reports import check_options, generate, get_kind

    kind = get_kind(kind_name)  # an unknown kind fails before any passphrase is asked
    check_options(kind, ReportRequest(kind=kind.name, org_id=org))  # so does a stray --org
    recovery_key = None
    if "recovery_key" in kind.needs:
        recovery_key = _recovery_key(key_file)
    request = ReportRequest(
        kind=kind.name,
        org_id=org,
        month=month,
        fy=fy,
        meeting_id=meeting_id,
        visit_id=visit_id,
        training_id=training_id,
        engagement_id=engagement_id,
        author=author or "",
        handling_mark=handling_mark,
        issued=read_date(issued) if issued else None,
        number=number.strip(),
        recovery_key=recovery_key,
    )
    with opened(state, backup=False) as profile:
        path = generate(profile, request, Path(out))
    output.echo(f"{kind.title}を出力しました：{path}")


def _package(state: State, fy: int | None, out: str | None) -> None:
    """`dxdesk report package --fy YYYY --out DIR|FILE.zip`: every deliverable of the year."""
    if fy is None or not out:
        raise click.UsageError(
            "成果品一式には年度と出力先を指定してください（--fy 2025 --out フォルダー または ファイル.zip）。"
        )
    from dxdesk.services.package import build_package

    with opened(state, backup=False) as profile, output.Meter("成果品一式") as meter:
        result = build_package(profile, fy, out, progress=meter)
    output.echo(
        f"成果品一式を作成しました：{result.path}（書類 {len(result.entries)}件、"
        f"ファイル {len(result.files) + 2}件、一覧表 00_成果品一覧表.pdf / .xlsx）"
    )
    if result.skipped:
        output.echo("記録がないため作成していない書類：" + "、".join(result.skipped))


@cli.command("manual")
@click.option("--out", metavar="FILE", required=True, help="保存先の PDF ファイル")
def manual_command(out: str) -> None:
    """利用者マニュアルを PDF で保存します（ウィンドウの「ヘルプ > 利用者マニュアル」と同じ内容）。"""
    from dxdesk.services import manual

    path = Path(out)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    built = manual.save(path)
    output.echo(f"利用者マニュアル（{built.pages}ページ）を保存しました：{path}")


# ---------------------------------------------------------------- the monthly report's template


@cli.group("report-template", invoke_without_command=True)
@click.pass_context
def report_template(ctx: click.Context) -> None:
    """月次作業報告書の構成（記載する項目・順序・見出し、自由記述の項目、月ごとの本文）。"""
    if ctx.invoked_subcommand is None:
        _show(ctx.obj)


def _show(state: State) -> None:
    from dxdesk.services import report_template as rt

    with opened(state, backup=False) as profile:
        t = rt.current(profile)
    rows = []
    n = 0
    for r in t.sections:
        n += r.included
        rows.append(
            [
                str(n) if r.included else "－",
                r.label,
                "記載する" if r.included else "記載しない",
                "自由記述" if r.free_text else "自動作成",
                r.key,
            ]
        )
    output.echo(output.table(["番号", "見出し", "記載", "種類", "識別名"], rows, max_col=50))
    output.echo(f"当月の記録がない団体：{t.quiet_orgs}" + ("" if t.stored else "（既定の構成）"))


@report_template.command("show")
@click.pass_obj
def template_show(state: State) -> None:
    """現在の構成を表示します。"""
    _show(state)


@report_template.command("set")
@click.argument("section")
@click.option("--include/--exclude", default=None, help="記載する／記載しない")
@click.option("--title", help="見出し（空にすると既定の見出し）")
@click.option("--position", type=int, help="何番目に置くか（1から。記載しない項目も数えます）")
@click.option(
    "--quiet-orgs",
    type=click.Choice(["line", "table", "section"]),
    help="当月の記録がない団体：line 末尾に一行、table 一覧表に1団体1行、section 団体ごとの節",
)
@click.pass_obj
def template_set(
    state: State,
    section: str,
    include: bool | None,
    title: str | None,
    position: int | None,
    quiet_orgs: str | None,
) -> None:
    """項目（識別名または見出し。quiet-orgs の指定だけなら「-」）の記載・見出し・順序を変更します。"""
    from dataclasses import replace

    from dxdesk.core.model import QUIET_ORG_MODES
    from dxdesk.services import report_template as rt

    modes = dict(zip(("line", "table", "section"), QUIET_ORG_MODES, strict=True))
    with opened(state) as profile:
        t = rt.current(profile)
        rows = list(t.sections)
        if section != "-":
            row = rt.find(t, section)
            i = rows.index(row)
            if include is not None:
                row = replace(row, included=include)
            if title is not None:
                row = replace(row, label=title.strip() or row.default_title)
            rows.pop(i)
            if position is not None:
                i = min(max(position - 1, 0), len(rows))
            rows.insert(i, row)
        changed = rt.save(profile, rows, modes[quiet_orgs] if quiet_orgs else t.quiet_orgs)
    output.echo("月次作業報告書の構成を保存しました。" if changed else "構成は変わりません。")


@report_template.command("add")
@click.argument("title")
@click.pass_obj
def template_add(state: State, title: str) -> None:
    """自由記述の項目（例：来月の予定、県への相談事項）を末尾に追加します。"""
    from dxdesk.services import report_template as rt

    with opened(state) as profile:
        row = rt.add_free_section(profile, title)
    output.echo(f"自由記述の項目「{row.label}」を追加しました（識別名：{row.key}）。")


@report_template.command("note")
@click.argument("section")
@click.option("--month", required=True, metavar="YYYY-MM", help="対象月")
@click.option("--text", "body", help="本文（省略時は現在の本文を表示）")
@click.option(
    "--file", "body_file", type=click.Path(dir_okay=False), help="本文のファイル（UTF-8）"
)
@click.pass_obj
def template_note(
    state: State, section: str, month: str, body: str | None, body_file: str | None
) -> None:
    """自由記述の項目の、対象月の本文を入力（または表示）します。"""
    from dxdesk.fsutil import io_error
    from dxdesk.services import report_template as rt

    if body_file is not None:
        try:
            body = Path(body_file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            if isinstance(exc, OSError):
                raise io_error(exc, Path(body_file)) from exc
            raise click.UsageError("本文のファイルは UTF-8 で保存してください。") from exc
    with opened(state, backup=body is not None) as profile:
        if body is None:
            output.echo(
                rt.note(profile, month, section) or "（本文はありません：特になし と記載されます）"
            )
            return
        rt.set_note(profile, month, section, body)
    output.echo("本文を保存しました。")
