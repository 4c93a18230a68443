"""``dxdesk init``, ``demo``, ``info``, ``verify``, the passphrase and key commands
(``passwd``, ``unlock``, ``rekey``, ``remember``, ``forget``, ``raw-key``), ``backup``,
``restore`` and ``due``: a profile's life from a terminal.

A module of its own (registered with the group in ``dxdesk.cli.main`` when one of these is first
named) so that ``main`` holds only what every command shares: the group, its options and state,
and the exit codes.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from dxdesk.cli import output
from dxdesk.cli.main import (
    ENV_PASSPHRASE,
    State,
    cli,
    closing,
    credentials,
    opened,
    prompt_secret,
    read_secret_file,
)
from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.logs import setup_file_logging
from dxdesk.text import one_line

ENV_NEW_PASSPHRASE = "DXDESK_NEW_PASSPHRASE"  # noqa: S105 - a variable name
DEMO_PASSPHRASE = "dxdesk-demo"  # noqa: S105 - fictional demo data only, printed on screen


def new_passphrase(state: State, file: str | None) -> str:
    if file:
        return read_secret_file(file)
    env = os.environ.get(ENV_NEW_PASSPHRASE)
    if env:
        return env
    return prompt_secret("新しいパスフレーズ", confirm=True)


def print_recovery_key(key: str) -> None:
    output.echo("")
    output.echo(
        "回復キー（この画面でのみ表示します。紙に書き写し、安全な場所に保管してください）："
    )
    output.echo("")
    output.echo("    " + "  ".join(key.split("-")[:4]))
    output.echo("    " + "  ".join(key.split("-")[4:]))
    output.echo("")
    output.echo("パスフレーズを忘れた場合は「dxdesk unlock --recovery-key」で再設定できます。")


@cli.command()
@click.option("--name", help="担当者の氏名")
@click.option("--device", help="端末名（例：山田のノートPC）")
@click.option(
    "--role",
    type=click.Choice(["field", "hub"]),
    default="field",
    show_default=True,
    help="field＝現地担当者の端末、hub＝統括責任者の端末",
)
@click.option("--remember", is_flag=True, help="この端末の資格情報ストアに鍵を記憶する")
@click.pass_obj
def init(state: State, name: str | None, device: str | None, role: str, remember: bool) -> None:
    """新しいプロファイルを作成します。"""
    from dxdesk.services.profile import create_profile
    from dxdesk.services.setup import keyring_option

    if state.paths.exists():
        raise UserError("profile_exists", path=str(state.paths.root))
    # Refuse an unusable keyring before anything is written, not after.
    if remember:
        usable, problem = keyring_option()
        if not usable:
            raise UserError("keyring_unavailable", reason=problem)
    name = name or click.prompt("氏名", err=True)
    device = device or click.prompt("端末名", err=True)
    passphrase = state.passphrase(confirm=True)
    profile, recovery = create_profile(
        state.paths, owner_name=name, device_name=device, role=role, passphrase=passphrase
    )
    remember_error: UserError | None = None
    with closing(state, profile):
        if remember:
            try:
                profile.remember_in_keyring()
            except UserError as err:  # the profile exists: its recovery key must still be shown
                remember_error = err
    output.echo(f"プロファイルを作成しました：{state.paths.root}")
    print_recovery_key(recovery)
    if remember_error is not None:
        raise remember_error


@cli.command()
@click.option("--seed", type=int, default=2025, show_default=True, hidden=True)
@click.pass_obj
def demo(state: State, seed: int) -> None:
    """令和7年度の架空の業務データを入れたデモ用プロファイルを作成します。"""
    from dxdesk.services.demo import populate_demo
    from dxdesk.services.profile import create_profile

    if state.passphrase_file or os.environ.get(ENV_PASSPHRASE):
        passphrase = state.passphrase()
        shown = False
    else:
        passphrase, shown = DEMO_PASSPHRASE, True
    profile, _recovery = create_profile(
        state.paths,
        owner_name="宮崎 統括（デモ）",
        device_name="デモ端末",
        role="hub",
        passphrase=passphrase,
    )
    with closing(state, profile), output.Meter("デモデータの作成") as meter:
        counts = populate_demo(profile, seed=seed, progress=meter)
    output.echo(f"デモ用プロファイルを作成しました：{state.paths.root}")
    output.echo("登録件数：" + "、".join(f"{kind(k).label} {n}件" for k, n in counts.items() if n))
    if shown:
        output.echo(
            f"デモ用パスフレーズ：{DEMO_PASSPHRASE}（架空データ専用です。実務では使用しないでください）"
        )


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def info(state: State, fmt: str) -> None:
    """プロファイルの概要（場所、端末、件数など）を表示します。"""
    with opened(state, backup=False) as profile:
        data = profile.info()
    if fmt == "json":
        output.echo(output.to_json(data))
        return
    roles = {"field": "現地担当者（field）", "hub": "統括（hub）"}
    output.echo(f"プロファイル：{data['profile']}")
    output.echo(
        f"担当者：{one_line(data['owner'])}　端末：{one_line(data['device'])}"
        f"　役割：{roles.get(data['role'], data['role'])}"
    )
    output.echo(
        f"データベース：SQLCipher {data['sqlcipher']}　スキーマ版 {data['schema_version']}　"
        f"{data['size_bytes'] / 1_048_576:.1f} MB"
    )
    output.echo("鍵スロット：" + "、".join(data["slots"]))
    output.echo(f"最新のバックアップ：{data['last_backup'] or 'なし'}")
    rows = [[kind(k).label, str(n)] for k, n in data["counts"].items()]
    output.echo(output.table(["種類", "件数"], rows))


@cli.command()
@click.pass_obj
def verify(state: State) -> None:
    """暗号化と SQLite の整合性、スキーマ版、件数を検査します（破損があれば終了コード 1）。"""
    from dxdesk.services.profile import verify_profile

    checked = verify_profile(state.paths, credentials(state))
    report = checked.report
    version = "?" if checked.schema_version is None else checked.schema_version
    output.echo(f"SQLCipher {checked.sqlcipher}　スキーマ版 {version}/{checked.head_version}")
    total = sum(checked.counts.values())
    if report.ok:
        output.echo(f"整合性検査：問題ありません（記録 {total} 件）")
        return
    # The report goes to stdout (it is the command's result); the one sentence to stderr.
    if report.damaged_pages:
        output.echo("破損したページ：" + "、".join(str(n) for n in report.damaged_pages[:50]))
    for problem in report.problems[:20]:
        output.echo(f"問題：{' '.join(problem.split())[:200]}")
    if len(report.problems) > 20:
        output.echo(f"（ほか {len(report.problems) - 20} 件の問題）")
    output.echo("読み取れない表：" + ("、".join(report.unreadable) or "なし"))
    output.echo("読み取れる表：" + ("、".join(report.readable) or "なし"))
    output.echo(f"読み取れた記録：{total} 件")
    raise UserError(
        "database_damaged", problems=len(report.problems), unreadable=len(report.unreadable)
    )


@cli.command()
@click.option(
    "--new-passphrase-file", metavar="FILE", help="新しいパスフレーズのファイル（自動処理用）"
)
@click.pass_obj
def passwd(state: State, new_passphrase_file: str | None) -> None:
    """パスフレーズを変更します（データベースは再暗号化しません）。"""
    from dxdesk.services.profile import Credentials, open_profile

    creds = Credentials(passphrase=state.passphrase("現在のパスフレーズ"), use_keyring=False)
    profile = open_profile(state.paths, creds)
    with closing(state, profile):
        profile.change_passphrase(new_passphrase(state, new_passphrase_file))
    output.echo("パスフレーズを変更しました。")


@cli.command()
@click.option(
    "--recovery-key", "use_recovery", is_flag=True, required=True, help="回復キーで解錠する"
)
@click.option("--key", "recovery_text", metavar="KEY", help="回復キー（省略時は入力を求めます）")
@click.option(
    "--new-passphrase-file", metavar="FILE", help="新しいパスフレーズのファイル（自動処理用）"
)
@click.pass_obj
def unlock(
    state: State, use_recovery: bool, recovery_text: str | None, new_passphrase_file: str | None
) -> None:
    """回復キーで解錠し、新しいパスフレーズを設定します。"""
    from dxdesk.services.profile import Credentials, open_profile

    text = recovery_text or os.environ.get("DXDESK_RECOVERY_KEY") or prompt_secret("回復キー")
    profile = open_profile(state.paths, Credentials(recovery_key=text, use_keyring=False))
    with closing(state, profile):
        profile.change_passphrase(new_passphrase(state, new_passphrase_file))
    output.echo("回復キーで解錠し、新しいパスフレーズを設定しました。")


@cli.command()
@click.option(
    "--new-passphrase-file", metavar="FILE", help="新しいパスフレーズのファイル（自動処理用）"
)
@click.pass_obj
def rekey(state: State, new_passphrase_file: str | None) -> None:
    """データベースを新しい鍵で再暗号化します（回復キーも新しくなります）。"""
    with opened(state) as profile:
        recovery = profile.rekey(new_passphrase(state, new_passphrase_file))
    output.echo("データベースを新しい鍵で再暗号化しました。以前の回復キーは使用できません。")
    print_recovery_key(recovery)


@cli.command()
@click.pass_obj
def remember(state: State) -> None:
    """この端末の資格情報ストアに鍵を記憶し、次回からパスフレーズなしで開けるようにします。"""
    with opened(state, backup=False) as profile:
        profile.remember_in_keyring()
    output.echo("この端末に鍵を記憶しました。「dxdesk forget」で消去できます。")


@cli.command()
@click.pass_obj
def forget(state: State) -> None:
    """この端末の資格情報ストアから鍵を消去します。"""
    with opened(state, backup=False) as profile:
        profile.forget_keyring()
    output.echo("この端末に記憶した鍵を消去しました。次回からはパスフレーズが必要です。")


@cli.command("raw-key")
@click.option("--yes", is_flag=True, help="確認を省略する")
@click.pass_obj
def raw_key(state: State, yes: bool) -> None:
    """データベースの生の鍵を表示します（他の SQLCipher 4 対応ツールで開くための非常手段）。"""
    if not yes:
        click.confirm("生の鍵を画面に表示します。よろしいですか", abort=True, err=True)
    with opened(state, backup=False) as profile:
        output.echo(profile.raw_key_hex())
        profile.audit("raw_key_shown")


@cli.command()
@click.option(
    "--out", "out", metavar="FILE", help="出力先（省略時はプロファイルの backups フォルダ）"
)
@click.pass_obj
def backup(state: State, out: str | None) -> None:
    """暗号化したままバックアップを作成します。"""
    with opened(state, backup=False) as profile:
        dest = Path(out) if out else profile.manual_backup_path()
        path = profile.backup(dest)
    output.echo(f"バックアップを作成しました：{path}")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="確認を省略する")
@click.pass_obj
def restore(state: State, file: str, yes: bool) -> None:
    """バックアップを検証してから、現在のデータベースと置き換えます。"""
    from dxdesk.services.profile import Credentials, restore_backup

    if not yes:
        click.confirm(
            "現在のデータベースをバックアップの内容に置き換えます。よろしいですか",
            abort=True,
            err=True,
        )
    creds = Credentials(passphrase=state.passphrase(), use_keyring=False)
    if state.paths.exists():
        # A refused backup is one sentence on the terminal; what the checks found goes here.
        setup_file_logging(state.paths.logs)
    kept = restore_backup(state.paths, Path(file), creds)
    output.echo(f"バックアップから復元しました。置き換え前のデータベースは {kept} に保管しました。")


@cli.command()
@click.argument("what", type=click.Choice(["minutes", "materials", "monthly"]))
@click.argument("when", metavar="DATE|YYYY-MM")
@click.option(
    "--rule",
    type=click.Choice(["earlier", "later"]),
    help="10日が閉庁日の場合の扱い（既定：設定値）",
)
@click.pass_obj
def due(state: State, what: str, when: str, rule: str | None) -> None:
    """提出期限を計算します（議事録＝会議後3開庁日、会議資料＝前開庁日、月次報告＝翌月10日）。"""
    from dxdesk.services import calendar as cal

    with opened(state, backup=False) as profile:
        if what == "minutes":
            result = cal.minutes_due(profile, when)
        elif what == "materials":
            result = cal.materials_due(profile, when)
        else:
            result = cal.monthly_report_due(profile, when, rule)
    output.echo(result.describe())
