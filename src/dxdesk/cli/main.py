"""The ``dxdesk`` command: thin over the services, for scripts, tests and people at a terminal.

Every expected failure is a UserError: one Japanese sentence on stderr and a non-zero exit.
Anything else is a bug: an apology, the log path, exit 70; the traceback goes to the log only.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from dxdesk import __version__
from dxdesk.cli import output
from dxdesk.core.clock import now_jst
from dxdesk.core.model import KINDS, kind
from dxdesk.errors import UserError
from dxdesk.logs import close_file_logging, file_logging_active, setup_file_logging
from dxdesk.paths import ProfilePaths, resolve_profile_dir
from dxdesk.text import one_line

# The table in docs/cli.md, "Exit codes"; tests/cli/test_exit_codes.py runs each row.
EXIT_DONE = 0
EXIT_REFUSED = 1  # a UserError: nothing was written (or `verify` found damage)
EXIT_USAGE = 2  # the command line itself was wrong
EXIT_WARNINGS = 3  # done and committed, but something after it failed (an automatic backup)
EXIT_BUG = 70
EXIT_INTERRUPTED = 130
ENV_PASSPHRASE = "DXDESK_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
ENV_NEW_PASSPHRASE = "DXDESK_NEW_PASSPHRASE"  # noqa: S105 - a variable name
DEMO_PASSPHRASE = "dxdesk-demo"  # noqa: S105 - fictional demo data only, printed on screen

log = logging.getLogger("dxdesk.cli")
F = TypeVar("F", bound=Callable[..., Any])


class State:
    """What one run of the command knows: the profile, the passphrase source, and the warnings
    printed so far (``main`` turns any into EXIT_WARNINGS)."""

    def __init__(self) -> None:
        self.profile_dir: str | None = None
        self.passphrase_file: str | None = None
        self.warnings: list[UserError] = []

    def configure(self, profile_dir: str | None, passphrase_file: str | None) -> None:
        self.profile_dir = profile_dir
        self.passphrase_file = passphrase_file

    @property
    def paths(self) -> ProfilePaths:
        # Resolved when asked: the default folder needs platformdirs (a start-up cost).
        return ProfilePaths(resolve_profile_dir(self.profile_dir))

    def warn(self, warning: UserError) -> None:
        output.echo(f"警告：{warning.message}", err=True)
        self.warnings.append(warning)

    def passphrase(self, prompt: str = "パスフレーズ", *, confirm: bool = False) -> str:
        """From --passphrase-file, then DXDESK_PASSPHRASE, then a hidden prompt."""
        if self.passphrase_file:
            return read_secret_file(self.passphrase_file)
        env = os.environ.get(ENV_PASSPHRASE)
        if env:
            return env
        return prompt_secret(prompt, confirm=confirm)


def read_secret_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UserError("passphrase_source", path=path) from None
    return text.rstrip("\r\n")


def prompt_secret(prompt: str, *, confirm: bool = False) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        # click would echo a prompt into a pipe; say plainly what automation should use.
        try:
            line = sys.stdin.readline() if sys.stdin else ""
        except OSError:
            line = ""
        if not line:
            raise UserError("passphrase_required")
        return line.rstrip("\r\n")
    first = click.prompt(prompt, hide_input=True, err=True)
    if confirm:
        second = click.prompt(prompt + "（確認）", hide_input=True, err=True)
        if first != second:
            raise UserError("passphrase_mismatch")
    return str(first)


def new_passphrase(state: State, file: str | None) -> str:
    if file:
        return read_secret_file(file)
    env = os.environ.get(ENV_NEW_PASSPHRASE)
    if env:
        return env
    return prompt_secret("新しいパスフレーズ", confirm=True)


def credentials(state: State) -> Any:
    """The keyring first if remembered (and no passphrase was given), otherwise the passphrase."""
    from dxdesk.services.profile import Credentials, can_open_with_keyring

    if not state.paths.exists():
        raise UserError("profile_missing", path=str(state.paths.root))
    if (
        not state.passphrase_file
        and not os.environ.get(ENV_PASSPHRASE)
        and can_open_with_keyring(state.paths)
    ):
        return Credentials(use_keyring=True)
    return Credentials(passphrase=state.passphrase(), use_keyring=False)


@contextmanager
def opened(state: State, *, backup: bool = True) -> Iterator[Any]:
    """Open the profile (see ``credentials``) and close it after the command's work."""
    from dxdesk.services.profile import open_profile

    profile = open_profile(state.paths, credentials(state))
    setup_file_logging(state.paths.logs)
    with closing(state, profile, backup=backup):
        yield profile


@contextmanager
def closing(state: State, profile: Any, *, backup: bool = True) -> Iterator[Any]:
    """Close the profile after the command's work, with an automatic backup when one is due.

    The work is committed by then: a backup that fails is a warning on stderr (exit 3), not a
    refusal, so a script does not retry (and duplicate) what was saved.
    """
    try:
        yield profile
    except BaseException:
        profile.close(backup=False)
        raise
    profile.close(backup=backup)
    for warning in profile.warnings:
        state.warn(warning)


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


# ------------------------------------------------------------------ the group

# Commands defined in their own modules, imported when first named: starting the window
# (`dxdesk` or `dxdesk gui`) then loads neither the document engine's registry nor the sync code.
LAZY_COMMANDS = {
    "report": "dxdesk.cli.report",
    "enrol": "dxdesk.cli.sync",
    "devices": "dxdesk.cli.sync",
    "bundle": "dxdesk.cli.sync",
    "conflicts": "dxdesk.cli.sync",
}


class LazyGroup(click.Group):
    """A click group whose listed modules register their commands when first needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            importlib.import_module(LAZY_COMMANDS[cmd_name])  # its @cli.command registers it
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", "-V", prog_name="dxdesk")
@click.option(
    "--profile",
    "profile_dir",
    metavar="DIR",
    help="プロファイルのフォルダ（既定：DXDESK_PROFILE またはユーザーデータフォルダ）",
)
@click.option(
    "--passphrase-file", metavar="FILE", help="パスフレーズを記載したファイル（自動処理用）"
)
@click.pass_context
def cli(ctx: click.Context, profile_dir: str | None, passphrase_file: str | None) -> None:
    """dxdesk：自治体DXサポート業務の記録・報告ツール（オフライン・暗号化）"""
    ctx.ensure_object(State).configure(profile_dir, passphrase_file)
    if ctx.invoked_subcommand is None:
        if has_display():
            ctx.invoke(gui)
            return
        output.echo(ctx.get_help())
        output.echo(
            "\n（画面がない環境のため、ウィンドウは開きません。コマンドをご利用ください。）"
        )


def has_display() -> bool:
    """Windows and macOS always have a screen; on Linux ask for X11/Wayland or a chosen platform."""
    if sys.platform in ("win32", "darwin"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform in ("offscreen", "minimal"):
        return False  # headless by choice (tests, scripts): `dxdesk gui` still opens one
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or platform)


# ------------------------------------------------------------------ profile


@cli.command()
@click.pass_obj
def gui(state: State) -> None:
    """ウィンドウを開きます（初回は設定ウィザード、以降は解錠画面）。引数なしの dxdesk と同じです。"""
    from dxdesk.gui.app import run

    code = run(str(state.paths.root))
    if code:
        raise SystemExit(code)


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
    with closing(state, profile):
        counts = populate_demo(profile, seed=seed)
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
        dest = Path(out) if out else profile.paths.backups / f"manual-{now_jst():%Y%m%d-%H%M%S}.db"
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


# ------------------------------------------------------------------ records


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
    for f in k.fields:
        detail = "、".join(f.choices) if f.choices else (f.ref or "")
        rows.append([f.name, f.label, f.type.value, "必須" if f.required else "", detail])
    output.echo(output.table(["項目", "名称", "型", "", "選択肢・参照先"], rows, max_col=60))


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
@click.argument("record_id", metavar="ID")
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
        change = RecordService(profile).edit(kind_name, record_id, values)
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
@click.argument("record_id", metavar="ID")
@click.pass_obj
def delete(state: State, kind_name: str, record_id: str) -> None:
    """記録を削除します（削除済みとして保持され、undelete で戻せます）。"""
    from dxdesk.services.records import RecordService

    k = kind(kind_name)
    with opened(state) as profile:
        change = RecordService(profile).delete(kind_name, record_id)
    output.echo(f"{k.label}を削除しました。" if change else "既に削除されています。")


@cli.command()
@click.argument("kind_name", metavar="KIND")
@click.argument("record_id", metavar="ID")
@click.pass_obj
def undelete(state: State, kind_name: str, record_id: str) -> None:
    """削除した記録を元に戻します。"""
    from dxdesk.services.records import RecordService

    k = kind(kind_name)
    with opened(state) as profile:
        change = RecordService(profile).restore(kind_name, record_id)
    output.echo(f"{k.label}を元に戻しました。" if change else "削除されていません。")


@cli.command("list")
@click.argument("kind_name", metavar="KIND")
@click.option("--org", help="団体名または団体コードで絞り込む")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", help="出力形式"
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="表示する最大件数")
@click.option("--deleted", is_flag=True, help="削除済みも含める")
@click.pass_obj
def list_records(
    state: State, kind_name: str, org: str | None, fmt: str, limit: int | None, deleted: bool
) -> None:
    """記録を一覧表示します。"""
    from dxdesk.services.records import RecordService

    k = kind(kind_name)
    with opened(state, backup=False) as profile:
        service = RecordService(profile)
        records = service.list_records(kind_name, org=org, limit=limit, include_deleted=deleted)
        orgs = service.org_names()
        if fmt == "json":
            output.echo(output.to_json(records))
            return
        if fmt == "csv":
            names = ["id", *k.field_names]
            rows = [[_csv_value(r.get(n)) for n in names] for r in records]
            output.echo(output.to_csv(names, rows), nl=False, data=True)
            return
        cols = k.list_columns or k.field_names[:5]
        headers = ["ID", *(k.field(c).label for c in cols)]
        rows = [
            [str(r["id"]), *(service.display_value(k, c, r.get(c), orgs) for c in cols)]
            for r in records
        ]
    output.echo(output.table(headers, rows))
    output.echo(f"（{len(rows)}件）")


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return int(value)
    return "" if value is None else value


@cli.command()
@click.argument("kind_name", metavar="KIND")
@click.argument("record_id", metavar="ID")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def show(state: State, kind_name: str, record_id: str, fmt: str) -> None:
    """記録を1件表示します。"""
    from dxdesk.services.records import RecordService

    k = kind(kind_name)
    with opened(state, backup=False) as profile:
        service = RecordService(profile)
        record = service.get(kind_name, record_id)
        orgs = service.org_names()
        if fmt == "json":
            output.echo(output.to_json(record))
            return
        output.echo(
            f"{k.label}　ID：{one_line(record['id'])}"
            + ("　（削除済み）" if record["_deleted"] else "")
        )
        for f in k.fields:
            value = service.display_value(k, f.name, record.get(f.name), orgs)
            if value:
                output.echo(f"■ {f.label}：" + (value if "\n" not in value else "\n" + value))


@cli.command()
@click.argument("text", nargs=-1, required=True)
@click.option(
    "--limit", type=click.IntRange(min=1), default=50, show_default=True, help="表示する最大件数"
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="出力形式"
)
@click.pass_obj
def search(state: State, text: tuple[str, ...], limit: int, fmt: str) -> None:
    """すべての記録の本文を全文検索します（日本語可、1文字からでも検索できます）。"""
    from dxdesk.services.records import RecordService

    with opened(state, backup=False) as profile:
        hits = RecordService(profile).search(" ".join(text), limit=limit)
    if fmt == "json":
        output.echo(output.to_json([h.__dict__ for h in hits]))
        return
    rows = [[h.label, h.date or "", h.title, h.snippet, h.record_id] for h in hits]
    output.echo(output.table(["種類", "日付", "件名", "該当箇所", "ID"], rows, max_col=50))
    output.echo(f"（{len(hits)}件）")


# ------------------------------------------------------------------ entry point


def main(argv: list[str] | None = None) -> int:
    state = State()
    try:
        cli.main(args=argv, prog_name="dxdesk", standalone_mode=False, obj=state)
    except UserError as err:
        # one line: a quoted name with a newline in it cannot forge a line of our own
        output.echo(f"エラー：{one_line(err.message)}", err=True)
        return EXIT_REFUSED
    except click.exceptions.Abort as err:
        if isinstance(err.__cause__, KeyboardInterrupt):  # click turns Ctrl+C into Abort
            output.echo("中断しました。", err=True)
            return EXIT_INTERRUPTED
        output.echo("中止しました。", err=True)
        return EXIT_REFUSED
    except click.ClickException as err:
        err.show()
        return EXIT_USAGE
    except KeyboardInterrupt:
        output.echo("中断しました。", err=True)
        return EXIT_INTERRUPTED
    except Exception:
        _log_bug(argv)
        output.echo(
            "予期しないエラーが発生しました。申し訳ありません。記録は保存済みの状態のまま保たれています。"
            "ログ（プロファイルの logs フォルダ）を添えて担当者にご連絡ください。",
            err=True,
        )
        return EXIT_BUG
    finally:
        close_file_logging()
    return EXIT_WARNINGS if state.warnings else EXIT_DONE


def _log_bug(argv: list[str] | None) -> None:
    """Put the traceback in the profile's log, never on the terminal.

    A bug can strike before ``opened()`` has set up the log file; then find the profile from
    the command line (without running anything) and log there, if it exists.
    """
    if not file_logging_active():
        try:
            args = list(sys.argv[1:] if argv is None else argv)
            ctx = cli.make_context("dxdesk", args, resilient_parsing=True)
            paths = ProfilePaths(resolve_profile_dir(ctx.params.get("profile_dir")))
            if paths.exists():
                setup_file_logging(paths.logs)
        except Exception:  # noqa: S110 - logging a bug must never raise another one
            pass
    log.exception("unexpected error")


def entry() -> None:  # pragma: no cover - console script
    sys.exit(main())
