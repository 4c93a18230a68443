"""The ``dxdesk`` command: thin over the services, for scripts, tests and people at a terminal.

Every expected failure is a UserError: one Japanese sentence on stderr and a non-zero exit.
Anything else is a bug: an apology, the log path, exit 70; the traceback goes to the log only.

Here: the group with its global options and state, the exit codes, ``gui`` and the entry point.
The commands are in modules of their own, loaded when named (``LAZY_COMMANDS``): profile.py,
records.py, report.py and sync.py.
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


# ------------------------------------------------------------------ the group

# Commands defined in their own modules, imported when first named: starting the window
# (`dxdesk` or `dxdesk gui`) then loads neither the document engine's registry nor the sync code
# (nor the profile and record commands), and a command loads only its own module.
# tests/cli/test_cli.py checks that each module registers exactly the names listed for it.
LAZY_COMMANDS = {
    "init": "dxdesk.cli.profile",
    "demo": "dxdesk.cli.profile",
    "info": "dxdesk.cli.profile",
    "verify": "dxdesk.cli.profile",
    "passwd": "dxdesk.cli.profile",
    "unlock": "dxdesk.cli.profile",
    "rekey": "dxdesk.cli.profile",
    "remember": "dxdesk.cli.profile",
    "forget": "dxdesk.cli.profile",
    "raw-key": "dxdesk.cli.profile",
    "backup": "dxdesk.cli.profile",
    "restore": "dxdesk.cli.profile",
    "due": "dxdesk.cli.profile",
    "deadlines": "dxdesk.cli.deadlines",
    "engagements": "dxdesk.cli.engagements",
    "engagement": "dxdesk.cli.engagements",
    "cases": "dxdesk.cli.dxsupport",
    "comm": "dxdesk.cli.dxsupport",
    "overview": "dxdesk.cli.overview",
    "home": "dxdesk.cli.overview",
    "kinds": "dxdesk.cli.records",
    "add": "dxdesk.cli.records",
    "edit": "dxdesk.cli.records",
    "delete": "dxdesk.cli.records",
    "undelete": "dxdesk.cli.records",
    "list": "dxdesk.cli.records",
    "show": "dxdesk.cli.records",
    "search": "dxdesk.cli.records",
    "report": "dxdesk.cli.report",
    "manual": "dxdesk.cli.report",
    "report-template": "dxdesk.cli.report",
    "progress": "dxdesk.cli.progress",
    "attention": "dxdesk.cli.progress",
    "vendors": "dxdesk.cli.progress",
    "enrol": "dxdesk.cli.sync",
    "devices": "dxdesk.cli.sync",
    "bundle": "dxdesk.cli.sync",
    "conflicts": "dxdesk.cli.sync",
    "staff": "dxdesk.cli.sync",
}


# The group's options that a command line may also give after the command (`dxdesk demo
# --profile X`, as the foundation's documentation wrote it): each takes one value.
GLOBAL_OPTIONS = ("--profile", "--passphrase-file")


def hoist_global_options(args: list[str]) -> list[str]:
    """The command line with the global options moved before the command, wherever they were
    written (never past ``--``, after which everything is an argument)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_OPTIONS and rest:
            if "=" in arg:
                front.append(arg)
                i += 1
                continue
            front += args[i : i + 2]
            i += 2
            continue
        rest.append(arg)
        i += 1
    return front + rest


class LazyGroup(click.Group):
    """A click group whose listed modules register their commands when first needed, and
    whose global options may come after the command too (``hoist_global_options``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))

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
    "--self-test",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _self_test(ctx) if value else None,
    help="試験用の一時プロファイルで動作を確認して終了します（インストールの確認用）",
)
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


def _self_test(ctx: click.Context) -> None:
    """Every part of the app on throwaway profiles (cli/selftest.py), the window included:
    for an installed build, where a missing file shows only when its code runs."""
    if ctx.resilient_parsing:
        return
    from dxdesk.cli.selftest import run
    from dxdesk.gui.app import self_test_window

    run(self_test_window)
    ctx.exit(EXIT_DONE)


# ------------------------------------------------------------------ the window


# Here, not in a command module: the group starts the window when no command is named, and this
# is the one import from the command line into the GUI (pyproject.toml's import contracts).
@cli.command()
@click.pass_obj
def gui(state: State) -> None:
    """ウィンドウを開きます（初回は設定ウィザード、以降は解錠画面）。引数なしの dxdesk と同じです。"""
    from dxdesk.gui.app import run

    code = run(str(state.paths.root))
    if code:
        raise SystemExit(code)


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
