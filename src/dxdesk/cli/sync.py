"""``dxdesk enrol``, ``devices``, ``bundle`` and ``conflicts``: field bundles from a terminal.

Exit codes as everywhere: 0 applied (or nothing to do), 1 refused (nothing written), 2 usage.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from dxdesk.cli import output
from dxdesk.cli.main import State, cli, opened
from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.text import one_line

ROLE_LABELS = {"field": "現地担当者", "hub": "ハブ（統括）"}


def show_fingerprint(label: str, fingerprint: str) -> None:
    """Large and spaced, to be read aloud over the phone."""
    output.echo("")
    output.echo(f"{label}：")
    output.echo("")
    output.echo("    " + "   ".join(" ".join(group) for group in fingerprint.split()))
    output.echo("")


# ------------------------------------------------------------------ enrolment


@cli.group()
def enrol() -> None:
    """端末をチームに登録します（申請・承認・参加・取消）。"""


@enrol.command("request")
@click.option("--out", "out", metavar="FILE", required=True, help="登録申請ファイルの出力先")
@click.pass_obj
def enrol_request(state: State, out: str) -> None:
    """この端末の登録申請ファイル（公開鍵のみ）を作成します（現地担当者の端末）。"""
    from dxdesk.services import sync

    with opened(state, backup=False) as profile:
        path, fingerprint = sync.write_request(profile, Path(out))
    output.echo(f"登録申請ファイルを作成しました：{path}")
    show_fingerprint("この端末の指紋（ハブの担当者と電話で読み合わせてください）", fingerprint)


@enrol.command("accept")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--out", "out", metavar="TEAMFILE", required=True, help="チームファイルの出力先")
@click.option("--yes", is_flag=True, help="指紋の確認を済ませたものとして確認を省略する")
@click.option(
    "--staff",
    "staff_ref",
    metavar="NAME|ID",
    help="端末の利用者に当たる既存の担当者（氏名か ID）。省略時は氏名の一致する担当者を提案します",
)
@click.option("--new-staff", is_flag=True, help="既存の担当者に結び付けず、新しい担当者とする")
@click.pass_obj
def enrol_accept(
    state: State, file: str, out: str, yes: bool, staff_ref: str | None, new_staff: bool
) -> None:
    """登録申請を承認し、チームファイルを作成します（ハブの端末）。"""
    from dxdesk.services import sync

    if staff_ref is not None and new_staff:
        raise UserError("bad_argument", detail="--staff と --new-staff は同時に指定できません。")
    member = sync.read_request(Path(file))
    output.echo(
        f"申請した端末：{one_line(member.name)}（{one_line(member.owner)}）"
        f"　ID：{one_line(member.device_id)}"
    )
    show_fingerprint("申請ファイルの指紋", member.fingerprint)
    if not yes:
        click.confirm("電話で読み上げてもらった指紋と一致しますか", abort=True, err=True)
    with opened(state) as profile:
        chosen = None if new_staff else _choose_staff(profile, member, staff_ref, yes=yes)
        path = sync.accept(profile, member, Path(out), staff_id=chosen)
        _member, keys = sync.own_member(profile)
    if chosen is None:
        output.echo(
            "新しい担当者として登録しました（端末の利用者の記録は最初のバンドルで届きます）。"
        )
    output.echo(f"端末を登録し、チームファイルを作成しました：{path}")
    show_fingerprint("ハブの指紋（参加時に現地担当者が確認します）", keys.fingerprint)


def _choose_staff(profile: Any, member: Any, given: str | None, *, yes: bool) -> str | None:
    """The staff record of the device's person: the one given, else the one of the same name
    once confirmed (another may be typed instead; empty: a new person)."""
    from dxdesk.services import staff, sync

    if given is not None:
        chosen = staff.find(profile, given)
        output.echo(f"担当者「{one_line(chosen.label)}」の端末として登録します。")
        return chosen.id
    found = sync.staff_candidates(profile, member)
    if found.suggested is not None:
        label = one_line(found.suggested.label)
        output.echo(f"同じ氏名の担当者が登録されています：{label}")
        if yes or click.confirm("この担当者の端末として登録しますか", default=True, err=True):
            return found.suggested.id
    elif found.matched:
        names = "、".join(f"{one_line(s.label)}（ID：{s.id}）" for s in found.matched)
        output.echo(f"同じ氏名の担当者が複数登録されています：{names}")
        if yes:
            raise UserError("staff_ambiguous", name=member.owner)
    else:
        output.echo(f"「{one_line(member.owner)}」という氏名の担当者は登録されていません。")
    if yes:
        return None
    typed = click.prompt(
        "結び付ける担当者の氏名か ID（空欄：新しい担当者として登録）",
        default="",
        show_default=False,
        err=True,
    )
    return staff.find(profile, typed).id if typed.strip() else None


@enrol.command("join")
@click.argument("teamfile", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="ハブの指紋の確認を済ませたものとして確認を省略する")
@click.pass_obj
def enrol_join(state: State, teamfile: str, yes: bool) -> None:
    """チームファイルを取り込み、ハブとやり取りできるようにします（現地担当者の端末）。"""
    from dxdesk.services import sync

    team = sync.read_team(Path(teamfile))
    output.echo(f"ハブ：{one_line(team.hub.name)}（{one_line(team.hub.owner)}）")
    show_fingerprint("ハブの指紋", team.hub.fingerprint)
    if not yes:
        click.confirm("ハブの担当者から伝えられた指紋と一致しますか", abort=True, err=True)
    with opened(state) as profile:
        sync.join(profile, team)
    output.echo("チームに参加しました。「dxdesk bundle export --to hub」で記録を送れます。")


@enrol.command("revoke")
@click.argument("device", metavar="DEVICE")
@click.option("--yes", is_flag=True, help="確認を省略する")
@click.pass_obj
def enrol_revoke(state: State, device: str, yes: bool) -> None:
    """端末の登録を取り消します。以後その端末のバンドルは読み込みません（ハブの端末）。"""
    from dxdesk.services import sync

    if not yes:
        click.confirm(
            f"端末「{one_line(device)}」の登録を取り消します。よろしいですか",
            abort=True,
            err=True,
        )
    with opened(state) as profile:
        peer = sync.revoke(profile, device)
    output.echo(
        f"端末「{one_line(peer['name'])}」（{one_line(peer['device_id'])}）の登録を取り消しました。"
    )


@enrol.command("escrow")
@click.argument("recipient", metavar="AGE_RECIPIENT", required=False)
@click.option("--clear", is_flag=True, help="預託用の公開鍵を解除する")
@click.pass_obj
def enrol_escrow(state: State, recipient: str | None, clear: bool) -> None:
    """すべてのバンドルを追加で暗号化する預託用の公開鍵（age1…）を設定します（ハブの端末）。"""
    from dxdesk.services import sync

    if not clear and not recipient:
        raise click.UsageError("AGE_RECIPIENT か --clear を指定してください。")
    with opened(state, backup=False) as profile:
        sync.set_escrow(profile, None if clear else recipient)
    output.echo("預託用の公開鍵を解除しました。" if clear else "預託用の公開鍵を設定しました。")


@enrol.command("scope")
@click.argument("device", metavar="DEVICE")
@click.argument("orgs", nargs=-1, metavar="[ORG]...")
@click.option("--all", "everything", is_flag=True, help="すべての団体の記録を送る（既定）")
@click.pass_obj
def enrol_scope(state: State, device: str, orgs: tuple[str, ...], everything: bool) -> None:
    """現地担当者の端末に送る記録を、指定した団体のものに限ります（ハブの端末）。"""
    from dxdesk.services import sync

    if bool(orgs) == everything:
        raise click.UsageError("団体（ORG）か --all のどちらか一方を指定してください。")
    with opened(state, backup=False) as profile:
        peer = sync.set_scope(profile, device, None if everything else list(orgs))
        due = sync.full_due(profile, peer["device_id"])
    if peer["scope"] is None:
        output.echo(f"端末「{one_line(peer['name'])}」にはすべての団体の記録を送ります。")
    else:
        count = len(json.loads(peer["scope"]))
        output.echo(
            f"端末「{one_line(peer['name'])}」には {count} 団体の記録と参照データを送ります。"
        )
    if due:
        output.echo(
            "送る範囲を広げたため、この端末への次のバンドルには範囲内のすべての変更を入れます"
            "（--full と同じです）。"
        )


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def devices(state: State, fmt: str) -> None:
    """この端末と登録済みの端末を、指紋とともに一覧表示します。"""
    from dxdesk.services import sync

    with opened(state, backup=False) as profile:
        rows = sync.devices(profile)
    if fmt == "json":
        output.echo(output.to_json(rows))
        return
    table = [
        [
            r["name"],
            r["owner"],
            r["staff"] or "－",
            ROLE_LABELS.get(r["role"], r["role"]),
            r["fingerprint"],
            r["status"],
            "すべて" if r["scope"] is None else f"{len(r['scope'])} 団体",
            r["device_id"],
        ]
        for r in rows
    ]
    headers = ["端末名", "担当者", "記録上の担当者", "役割", "指紋", "状態", "送る範囲", "ID"]
    output.echo(output.table(headers, table))


# ------------------------------------------------------------------ bundles


@cli.group()
def bundle() -> None:
    """バンドル（暗号化・署名済みの記録の受け渡しファイル）を作成・取り込みします。"""


@bundle.command("export")
@click.option("--to", "to", required=True, metavar="hub|DEVICE", help="送信先（hub または端末）")
@click.option("--out", "out", metavar="DIR", default=".", show_default=True, help="出力先フォルダ")
@click.option(
    "--full", is_flag=True, help="前回以降の差分ではなく、すべてを入れる（紛失時の復旧用）"
)
@click.option(
    "--medium",
    type=click.Choice(["usb", "folder", "other"]),
    default="usb",
    show_default=True,
    help="書出し記録に記載する媒体：usb 可搬記録媒体（USBメモリ等）、folder 共有フォルダ、other その他",
)
@click.pass_obj
def bundle_export(state: State, to: str, out: str, full: bool, medium: str) -> None:
    """送信先がまだ持っていない変更を1つのバンドルファイルに書き出します。"""
    from dxdesk.core.model import EXPORT_MEDIA
    from dxdesk.services import sync

    media = dict(zip(("usb", "folder", "other"), EXPORT_MEDIA, strict=True))
    with opened(state) as profile, output.Meter("バンドルの作成") as meter:
        result = sync.export_bundle(
            profile, to, Path(out), full=full, medium=media[medium], progress=meter
        )
    what = "すべての変更" if result.full else "前回以降の変更"
    output.echo(
        f"{result.recipient_name} 宛てのバンドルを作成しました（{what} {result.count} 件）："
    )
    output.echo(str(result.path))


def _kind_label(name: str) -> str:
    try:
        return kind(name).label
    except UserError:
        return name


def _plan_rows(plan: Any) -> list[list[str]]:
    """Counts per kind from the merge plan (whatever its exact shape: dicts of counts)."""
    data = plan if isinstance(plan, dict) else {}
    per_kind = data.get("per_kind") or data.get("kinds") or {}
    rows = []
    for name, counts in sorted(per_kind.items()):
        c = counts if isinstance(counts, dict) else {}
        rows.append(
            [
                _kind_label(name),
                *(str(c.get(k, 0)) for k in ("new", "updated", "deleted", "restored", "conflicts")),
            ]
        )
    return rows


def show_preview(p: Any) -> None:
    s = p.summary()
    kind_of = "（全件）" if s["full"] else ""
    output.echo(
        f"送信元：{one_line(s['sender_name'])}　作成日時：{one_line(s['created_at'][:19])}"
        f"　変更 {s['count']} 件{kind_of}"
    )
    if s["plan"] is not None:
        # Gaps are said once for the whole selection, in words (bundle_import).
        show_counts(s["plan"], scoped=s["scoped"], gaps=False)
    elif not s["already"]:
        output.echo("（種類ごとの件数は、取り込んだ後に表示します）")


def show_counts(plan: Any, *, scoped: bool, gaps_real: bool = True, gaps: bool = True) -> None:
    """Counts per kind, duplicates, clocks ahead and gaps, from a merge plan or an apply summary.

    ``gaps_real``: False for a scoped bundle that does not declare what it covers, whose
    holes (other organisations' changes) would show as gaps. ``gaps``: False when the caller
    says them itself (``bundle import``: over the selection, in words).
    """
    plan = plan if isinstance(plan, dict) else {}
    rows = _plan_rows(plan)
    if rows:
        output.echo(output.table(["種類", "新規", "更新", "削除", "復元", "競合"], rows))
    if plan.get("duplicates"):
        output.echo(f"取り込み済みの変更：{plan['duplicates']} 件（再適用しません）")
    if plan.get("kept"):
        output.echo(
            f"新しい版の dxdesk で追加された内容を含む変更：{plan['kept']} 件"
            "（この版では表示しませんが保管し、ほかの端末にも送ります。"
            "dxdesk を更新すると表示されます）"
        )
    if plan.get("ahead"):
        output.echo(
            f"注意：{plan['ahead']} 件の変更が、この端末の時計より1日以上先の日時で記録されています。"
            "送信元の端末の時計が狂っている可能性があります"
            "（その端末の編集が、正しい時刻になるまで他の編集より優先されます）。"
        )
    for log_id, count in (plan.get("forks") or {}).items():
        output.echo(
            f"注意：変更履歴 {log_id[:8]} の変更 {count} 件が、この端末にある同じ端末の履歴と"
            "食い違っています（プロファイルのフォルダを複製して2台で使った可能性があります）。"
            "取り込まずに別に保管しました。「dxdesk bundle forks」で確認してください。"
        )
    if scoped:
        output.echo("（この端末に割り当てられた団体の記録と参照データだけが届きます）")
    if not gaps_real or not gaps:
        return
    for device, ranges in (plan.get("gaps") or {}).items():
        spans = "、".join(f"{lo}〜{hi}" for lo, hi in ranges)
        output.echo(
            f"注意：端末 {one_line(device[:8])} の変更（連番 {spans}）がまだ届いていません。"
            "以前のバンドルが未取り込みの可能性があります（送信元で --full による再作成もできます）。"
        )


@bundle.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="内容の確認を省略して取り込む")
@click.pass_obj
def bundle_import(state: State, files: tuple[str, ...], yes: bool) -> None:
    """バンドルを検証し、内容を確認してから1回の処理で取り込みます（複数指定可）。"""
    from dxdesk.services import sync

    refused: list[UserError] = []
    with opened(state, backup=False) as profile:
        # Every file checked first (nothing written): the gaps are those of the selection
        # taken together, and the files are applied in the order they were written.
        previews: list[Any] = []
        for file in files:
            try:
                # Unattended: verify now, report the applied counts after (flat memory).
                with output.Meter("確認") as meter:
                    previews.append(sync.preview(profile, Path(file), plan=not yes, progress=meter))
            except UserError as err:
                if len(files) == 1:
                    raise
                output.echo(f"■ {one_line(Path(file).name)}")
                output.echo(f"エラー：{one_line(err.message)}", err=True)
                refused.append(err)
        said: set[tuple[str, int, int]] = set()  # each missing span once, whoever reports it

        def say(gaps: list[Any]) -> None:
            for gap in gaps:
                if (gap.device_id, gap.first, gap.last) not in said:
                    said.add((gap.device_id, gap.first, gap.last))
                    output.echo(f"注意：{one_line(gap.sentence)}")

        say(sync.selection_gaps(profile, previews))
        for p in sync.in_import_order(previews):
            output.echo(f"■ {one_line(p.path.name)}")
            if p.already:
                output.echo("このバンドルは既に取り込み済みです（変更はありません）。")
                continue
            try:
                show_preview(p)
                if not yes:
                    click.confirm("取り込みますか", abort=True, err=True)
                with output.Meter("取り込み") as meter:
                    result = sync.import_bundle(profile, p.path, p, progress=meter)
            except UserError as err:
                if len(files) == 1:
                    raise
                output.echo(f"エラー：{one_line(err.message)}", err=True)
                refused.append(err)
                continue
            if result.applied:
                if p.plan is None:
                    s = p.summary()
                    show_counts(sync.jsonable(result.summary), scoped=s["scoped"], gaps=False)
                    say(sync.plan_gaps(profile, p, result.summary))
                output.echo(f"取り込みました（変更 {p.manifest.count} 件）。")
                kept = sum(result.summary.forks.values()) if result.summary else 0
                if kept:
                    # Committed, but part of it waits for a person: "done with warnings".
                    state.warn(UserError("bundle_forks_kept", count=kept))
                if result.diverged:
                    output.echo(
                        "注意：送信元と同じ変更を持っているのに内容が一致しません。"
                        "送信元に --full でのバンドル作成を依頼してください"
                        "（この端末の未送信の記録は消えません）。"
                    )
            else:
                output.echo("このバンドルは既に取り込み済みです（変更はありません）。")
    if refused:
        raise UserError("bundle_some_refused", count=len(refused), total=len(files))


# ------------------------------------------------------------------ conflicts


@cli.group(invoke_without_command=True)
@click.option("--all", "include_resolved", is_flag=True, help="解決済みの競合も表示する")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_context
def conflicts(ctx: click.Context, include_resolved: bool, fmt: str) -> None:
    """同時に編集されて採用されなかった値（競合）を一覧表示します。restore ID で元に戻せます。"""
    if ctx.invoked_subcommand is not None:
        return
    from dxdesk.services import sync

    state: State = ctx.obj
    with opened(state, backup=False) as profile:
        if fmt == "json":
            items = sync.list_conflicts(profile, include_resolved=include_resolved)
            said = {c.id: c for c in sync.describe_conflicts(profile, include_resolved=True)}
            # The stored entry, with the record's organisation and who wrote each value.
            rows = []
            for c in items:
                row = vars(c).copy()
                one = said.get(c.id)
                if one is not None:
                    row["org"] = one.org
                    row["current_writer"] = [one.current_device, one.current_person]
                    row["current_at"] = one.current_at
                    row["losing_writer"] = [one.losing_device, one.losing_person]
                    row["losing_at"] = one.losing_at
                rows.append(row)
            output.echo(output.to_json(rows))
            return
        shown = sync.describe_conflicts(profile, include_resolved=include_resolved)
    rows = [
        [
            c.id[:8],
            c.org or "－",
            c.kind_label,
            c.title,
            c.field_label,
            "（削除済み）" if c.record_deleted else c.current or "（空欄）",
            c.current_by,
            c.losing or "（空欄）",
            c.losing_by,
            "解決済み" if c.resolved else "",
        ]
        for c in shown
    ]
    headers = ["ID", "団体", "種類", "件名", "項目", "現在の値", "入力（端末・担当者・日時）"]
    headers += ["採用されなかった値", "入力（端末・担当者・日時）", "状態"]
    output.echo(output.table(headers, rows))
    output.echo(f"（{len(rows)}件）")


@conflicts.command("reviewed")
@click.argument("conflict_id", metavar="ID")
@click.pass_obj
def conflicts_reviewed(state: State, conflict_id: str) -> None:
    """現在の値のまま、確認済みにします（変更は行わず、同期もされません）。"""
    from dxdesk.services import sync

    with opened(state) as profile:
        sync.review_conflict(profile, conflict_id)
    output.echo("現在の値のまま確認済みにしました（記録は変更していません）。")


@conflicts.command("restore")
@click.argument("conflict_id", metavar="ID")
@click.pass_obj
def conflicts_restore(state: State, conflict_id: str) -> None:
    """採用されなかった値を現在の値に戻します（新しい変更として同期されます）。"""
    from dxdesk.services import sync

    with opened(state) as profile:
        change = sync.restore_conflict(profile, conflict_id)
    if change is None:
        output.echo("その値は既に現在の値です（変更はありません）。")
    else:
        output.echo(
            "採用されなかった値を現在の値に戻しました。次のバンドルで他の端末にも届きます。"
        )


@bundle.group("forks", invoke_without_command=True)
@click.option("--all", "include_resolved", is_flag=True, help="対応済みのものも表示する")
@click.pass_context
def bundle_forks(ctx: click.Context, include_resolved: bool) -> None:
    """一つの端末の下に二つの履歴が届いたとき（プロファイルの複製）、別に保管した変更を表示します。"""
    if ctx.invoked_subcommand is not None:
        return
    from dxdesk.services import sync

    state: State = ctx.obj
    with opened(state, backup=False) as profile:
        forks = sync.list_forks(profile, include_resolved=include_resolved)
    status = {None: "未対応", "adopted": "取り込み済み", "dismissed": "見送り"}
    rows = [
        [
            f.id[:8],
            f.device_name,
            str(f.count),
            f"{f.first_seq}〜{f.last_seq}",
            f.detected_at[:19],
            status.get(f.resolution, str(f.resolution)),
        ]
        for f in forks
    ]
    output.echo(output.table(["ID", "端末", "変更", "連番", "検出日時", "状態"], rows))
    output.echo(f"（{len(rows)}件）")
    if any(f.resolution is None for f in forks):
        output.echo(
            "「dxdesk bundle forks adopt ID」でこの端末の編集として取り込み、"
            "「dxdesk bundle forks dismiss ID」で見送ります（保管した変更は消えません）。"
            "複製された端末は、新しいプロファイルとして登録し直してください。"
        )


@bundle_forks.command("adopt")
@click.argument("fork_id", metavar="ID")
@click.pass_obj
def bundle_forks_adopt(state: State, fork_id: str) -> None:
    """別に保管した履歴の値を、この端末の編集として取り込みます（他の端末にも同期されます）。"""
    from dxdesk.services import sync

    with opened(state) as profile:
        count = sync.adopt_fork(profile, fork_id)
    output.echo(
        f"別の履歴を取り込みました（記録の変更 {count} 件）。次のバンドルで他の端末にも届きます。"
    )


@bundle_forks.command("dismiss")
@click.argument("fork_id", metavar="ID")
@click.pass_obj
def bundle_forks_dismiss(state: State, fork_id: str) -> None:
    """別に保管した履歴を見送ります（保管した変更は削除しません）。"""
    from dxdesk.services import sync

    with opened(state) as profile:
        sync.dismiss_fork(profile, fork_id)
    output.echo("別の履歴を見送りました（保管した変更は残しています）。")


@bundle.command("history")
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="表示する件数"
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def bundle_history(state: State, limit: int, fmt: str) -> None:
    """取り込んだバンドルの履歴（日時、送信元、件数）を新しい順に表示します。"""
    from dxdesk.services import sync

    with opened(state, backup=False) as profile:
        rows = sync.history(profile, limit)
    if fmt == "json":
        output.echo(output.to_json(rows))
        return
    table = []
    for r in rows:
        s = r["summary"]
        applied = s.get("applied") or {}
        kinds = applied.get("kinds") or {}
        new = sum(int(c.get("new", 0)) for c in kinds.values())
        updated = sum(int(c.get("updated", 0)) for c in kinds.values())
        conflicts = sum(int(c.get("conflicts", 0)) for c in kinds.values())
        table.append(
            [
                str(r["at"])[:19],
                str(s.get("sender_name", "")),
                str(s.get("count", "")),
                str(new),
                str(updated),
                str(conflicts),
                str(r["bundle_id"])[:8],
            ]
        )
    output.echo(
        output.table(["取り込み日時", "送信元", "変更", "新規", "更新", "競合", "バンドル"], table)
    )
    output.echo(f"（{len(table)}件）")


# ------------------------------------------------------------------ staff


@cli.group("staff")
def staff_group() -> None:
    """担当者の記録を整理します（同じ人の二重登録の統合）。"""


@staff_group.command("merge")
@click.argument("source", metavar="FROM")
@click.argument("into", metavar="INTO")
@click.option("--yes", is_flag=True, help="確認を省略する")
@click.pass_obj
def staff_merge(state: State, source: str, into: str, yes: bool) -> None:
    """担当者 FROM を INTO に統合します。記録の担当者はすべて INTO に移り、FROM は削除されます（同期されます）。"""
    from dxdesk.services import staff

    with opened(state) as profile:
        a, b = staff.find(profile, source), staff.find(profile, into)
        if not yes:
            click.confirm(
                f"担当者「{one_line(a.label)}」を「{one_line(b.label)}」に統合します。よろしいですか",
                abort=True,
                err=True,
            )
        done = staff.merge(profile, a.id, b.id)
    moved = "、".join(f"{label} {n}件" for label, n in done.moved.items()) or "なし"
    output.echo(
        f"「{one_line(done.retired.label)}」を「{one_line(done.kept.label)}」に統合しました"
        f"（移した記録：{moved}）。次のバンドルで他の端末にも届きます。"
    )
