"""Every CLI command is documented in docs/cli.md and has help text (sqlite-utils' test_docs)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from dxdesk.cli.main import cli

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands() -> dict[str, click.Command]:
    # Through the group, as click finds them: some are defined in modules loaded on first use.
    ctx = click.Context(cli)
    found = {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}
    return {name: c for name, c in found.items() if c is not None}


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `dxdesk ([a-z-]+)`", text, flags=re.M))
    assert set(_commands()) == documented


def test_every_command_has_japanese_help() -> None:
    for name, command in _commands().items():
        assert command.help and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", command.help), name


def test_readme_names_the_two_commands_ci_runs() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    ci = (DOCS.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "\nmake test\n" in ci
