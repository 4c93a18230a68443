"""Received and stored text reaches the terminal with its controls made visible.

A device name or owner comes from another machine's enrolment file; printed raw,
``\\x1b[2J`` clears the screen, ``\\x1b]0;…\\x07`` retitles the terminal and U+202E reverses
what follows (a fingerprint, say). Japanese passes unchanged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dxdesk.cli import output
from tests.cli.test_cli import Cli

HOSTILE_DEVICE = '<b>偽</b><img src="x"><a href="http://evil.example">指紋</a>\x1b[2J\n偽の指紋：'
HOSTILE_OWNER = "山田\x1b]0;owned\x07 太郎\u202e1 2 3 4 5\x9b31m"
RAW = ("\x1b", "\x07", "\u202e", "\x9b")
JAPANESE = "宮崎県　高千穂町（たかちほ）葛\U000e0100城・ｶﾀｶﾅ・①・〒882-1101"


def test_json_escapes_them_the_json_way() -> None:
    data = {"name": HOSTILE_OWNER, "note": JAPANESE + "\n", "tag": "\U000e0041"}
    text = output.to_json(data)
    assert not any(c in text for c in RAW)
    assert JAPANESE in text
    assert json.loads(text) == data  # the same data once parsed


def test_tables_measure_the_escaped_text() -> None:
    table = output.table(["名前", "ID"], [[HOSTILE_OWNER, "1"], ["山田", "2"]], max_col=80)
    assert not any(c in table for c in RAW)
    lines = table.splitlines()
    assert output.width(lines[2].split("  1")[0]) == output.width(lines[3].split("  2")[0])


@pytest.fixture
def hostile_pair(tmp_path: Path) -> tuple[Cli, Cli]:
    hub = Cli(tmp_path / "ハブ")
    hub.ok("init", "--name", "統括\x1b[31m\u202e", "--device", "ハブ\x1b]0;x\x07", "--role", "hub")
    field = Cli(tmp_path / "現地")
    field.ok("init", "--name", HOSTILE_OWNER, "--device", HOSTILE_DEVICE, "--role", "field")
    return hub, field


def test_enrol_and_devices_print_no_raw_escapes(
    hostile_pair: tuple[Cli, Cli], tmp_path: Path
) -> None:
    hub, field = hostile_pair
    request, team = tmp_path / "申請.json", tmp_path / "チーム.json"
    field.ok("enrol", "request", "--out", str(request))
    printed = []
    accepted = hub.ok("enrol", "accept", str(request), "--out", str(team), "--yes")
    printed.append(accepted)
    assert "申請した端末：<b>偽</b>" in accepted  # HTML means nothing to a terminal
    assert "\\x1b[2J" in accepted and "\\x1b]0;owned\\x07" in accepted
    assert "\\u202e1 2 3 4 5" in accepted
    # A newline in the name cannot start a line of its own (a forged fingerprint, say).
    assert not any(line.startswith("偽の指紋") for line in accepted.splitlines())
    assert "\\x0a偽の指紋：" in accepted
    printed.append(field.ok("enrol", "join", str(team), "--yes"))
    assert "ハブ：ハブ\\x1b]0;x\\x07（統括\\x1b[31m\\u202e）" in printed[-1]
    devices = hub.ok("devices")
    assert "山田\\x1b]0;owned\\x07 太郎" in devices
    printed += [
        devices,
        hub.ok("devices", "--format", "json"),
        field.ok("devices"),
        field.ok("info"),
    ]
    rows = json.loads(printed[-3])
    assert rows[1]["owner"] == HOSTILE_OWNER  # JSON still carries the exact name
    for text in printed:
        assert not any(c in text for c in RAW), text
        assert not any(line.startswith("偽の指紋") for line in text.splitlines()), text


def test_no_output_bypasses_echo() -> None:
    """Every line the CLI prints goes through output.echo (controls escaped)."""
    cli_dir = Path(output.__file__).parent
    for path in cli_dir.glob("*.py"):
        if path.name == "output.py":
            continue
        text = path.read_text(encoding="utf-8")
        for banned in (r"click\.s?echo\(", r"(?<![\w.])print\(", r"sys\.std(out|err)\.write"):
            assert not re.search(banned, text), f"{path.name} uses {banned}"
