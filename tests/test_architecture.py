"""Layering rules from docs/architecture.md, enforced on the source (PRACTICES.md §1)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "dxdesk"

# What each layer may import from dxdesk (besides itself). Top-level helpers are Qt-free.
TOP = {
    "dxdesk.errors",
    "dxdesk.fsutil",
    "dxdesk.paths",
    "dxdesk.settings",
    "dxdesk.logs",
    "dxdesk.text",
    "dxdesk",
}
ALLOWED = {
    "core": {"dxdesk.core", "dxdesk.errors"},
    "store": {"dxdesk.core", "dxdesk.store"} | TOP,
    "sync": {"dxdesk.core", "dxdesk.store", "dxdesk.sync"} | TOP,
    "reports": {"dxdesk.core", "dxdesk.store", "dxdesk.reports"} | TOP,
    "services": {"dxdesk.core", "dxdesk.store", "dxdesk.sync", "dxdesk.reports", "dxdesk.services"}
    | TOP,
    # cli starts the window lazily (dxdesk gui); the headless-import test keeps Qt out otherwise.
    "cli": {"dxdesk.core", "dxdesk.services", "dxdesk.cli", "dxdesk.store", "dxdesk.gui"} | TOP,
    "gui": {"dxdesk.core", "dxdesk.services", "dxdesk.store", "dxdesk.gui"} | TOP,
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
    return out


def test_no_qt_outside_gui() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        if "gui" in path.relative_to(SRC).parts:
            continue
        for name in _imports(path):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert offenders == []


def test_layers_point_down_only() -> None:
    offenders = []
    for layer, allowed in ALLOWED.items():
        for path in (SRC / layer).rglob("*.py"):
            for name in _imports(path):
                if not name.startswith("dxdesk"):
                    continue
                # "dxdesk" itself (the version) is allowed, not everything under it.
                if not any(
                    name == a or (a != "dxdesk" and name.startswith(a + ".")) for a in allowed
                ):
                    offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert offenders == []


def test_headless_import_loads_no_qt() -> None:
    code = (
        "import sys, dxdesk.cli.main, dxdesk.services.profile, dxdesk.services.records;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_bidi_or_invisible_controls_in_source() -> None:
    # Japanese text is welcome; Trojan-Source style control characters are not.
    banned = {
        chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200E, 0x200F)
    }
    offenders = []
    for path in list(SRC.rglob("*.py")) + list(SRC.rglob("*.sql")) + list(SRC.rglob("*.csv")):
        text = path.read_text(encoding="utf-8")
        if any(ch in banned for ch in text):
            offenders.append(str(path))
    assert offenders == []


def test_starting_the_window_loads_no_report_or_sync_commands() -> None:
    # `dxdesk` / `dxdesk gui` reach the window without the document registry or the sync code;
    # naming a command loads its module (so `dxdesk report` still works).
    code = (
        "import sys, click, dxdesk.cli.main as m;"
        "ctx = click.Context(m.cli); assert m.cli.get_command(ctx, 'gui') is not None;"
        "early = [n for n in ('dxdesk.cli.report', 'dxdesk.cli.sync', 'dxdesk.reports.base')"
        " if n in sys.modules];"
        "assert m.cli.get_command(ctx, 'report') is not None;"
        "assert m.cli.get_command(ctx, 'bundle') is not None;"
        "print(early); sys.exit(1 if early else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _kind_switches(tree: ast.AST, kinds: set[str]) -> list[int]:
    """Lines comparing a kind's name with a kind written out (``k.name == "visit"``)."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        left = node.left
        named = (isinstance(left, ast.Attribute) and left.attr == "name") or (
            isinstance(left, ast.Name) and left.id.endswith("kind_name")
        )
        if not named:
            continue
        for right in node.comparators:
            items = right.elts if isinstance(right, ast.Tuple | ast.List | ast.Set) else [right]
            if any(isinstance(i, ast.Constant) and i.value in kinds for i in items):
                lines.append(node.lineno)
    return lines


def test_no_per_kind_switches_outside_the_model() -> None:
    # What a kind means is declared in core/model.py (statuses, roles, defaults, derivations,
    # supersedes, follow-ups) and read from there, not decided by its name elsewhere.
    from dxdesk.core.model import KINDS

    kinds = {k.name for k in KINDS}
    sample = ast.parse('if k.name == "visit":\n    pass\nok = kind_name in ("time", "x")')
    assert _kind_switches(sample, kinds) == [1, 3]  # the scan itself finds them
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(SRC)}:{n}" for n in _kind_switches(tree, kinds)]
    assert offenders == []


# The sync bookkeeping tables (migrations 0006, 0008): read and written in store/ledger.py only.
LEDGER_TABLES = frozenset(
    (
        "peers",
        "device_keys",
        "bundles",
        "import_history",
        "sync_state",
        "sync_coverage",
        "log_heads",
        "forks",
        "fork_changes",
    )
)
_LEDGER_SQL = re.compile(
    r"\b(?:FROM|INTO|UPDATE|JOIN|TABLE)\s+\"?(" + "|".join(sorted(LEDGER_TABLES)) + r")\b"
)


def _ledger_sql(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, table) of every string naming a bookkeeping table the way SQL does.

    Strings are read from the syntax tree, so a statement split over adjacent literals is one
    string, and an f-string's literal parts are read with its placeholders in place. A table
    name spliced in from a tuple of names (``for table in ("devices", "peers")``) is caught by
    the name standing in a tuple, list or set."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            found += [(node.lineno, m.group(1)) for m in _LEDGER_SQL.finditer(text)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [(node.lineno, m.group(1)) for m in _LEDGER_SQL.finditer(node.value)]
        elif isinstance(node, ast.Tuple | ast.List | ast.Set):
            found += [
                (e.lineno, e.value)
                for e in node.elts
                if isinstance(e, ast.Constant) and e.value in LEDGER_TABLES
            ]
    return sorted(set(found))


def test_sync_bookkeeping_sql_only_in_the_ledger() -> None:
    # One repository for the sync bookkeeping tables (issue 10): every other module calls it.
    sample = ast.parse(
        'a = ("SELECT 1 FROM"\n" peers WHERE x")\n'
        'b = f"UPDATE sync_state SET sent = {v}"\n'
        'for t in ("devices", "peers"): pass\n'
        'd = "INSERT OR IGNORE INTO log_heads (log_id)"\n'
        'e = "Values from bundles and enrolment files"\n'
        'f = "SELECT * FROM changes"\n'
        "g = f'SELECT id FROM \"{k.name}\"'\n"
        'h = group("forks")\n'
    )
    # The scan itself finds them, and only them.
    assert _ledger_sql(sample) == [(1, "peers"), (3, "sync_state"), (4, "peers"), (5, "log_heads")]
    ledger = SRC / "store" / "ledger.py"
    assert _ledger_sql(ast.parse(ledger.read_text(encoding="utf-8")))  # where they are
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path == ledger:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(SRC)}:{n} {t}" for n, t in _ledger_sql(tree)]
    assert offenders == []
