"""Every CLI command is documented in docs/cli.md and has help text (sqlite-utils' test_docs)."""

from __future__ import annotations

import re
from pathlib import Path

from dxdesk.cli.main import cli

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `dxdesk ([a-z-]+)`", text, flags=re.M))
    assert set(cli.commands) == documented


def test_every_command_has_japanese_help() -> None:
    for name, command in cli.commands.items():
        assert command.help and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", command.help), name


def test_readme_names_the_two_commands_ci_runs() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    ci = (DOCS.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "\nmake test\n" in ci
