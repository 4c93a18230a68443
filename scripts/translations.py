"""The GUI's English catalogue (Qt Linguist): Japanese is the source language, English the
translation.

    python scripts/translations.py update   # gui/*.py (+ ui/*.ui) and the model -> dxdesk_en.ts
    python scripts/translations.py build    # dxdesk_en.ts -> dxdesk_en.qm (beside it)

``update`` runs ``pyside6-lupdate`` over the GUI sources into
``src/dxdesk/resources/translations/dxdesk_en.ts`` (lupdate merges: existing translations are
kept), then fixes what lupdate cannot see, keeping any translation already written:

* ``obj.tr("…")`` on another object (``self.window.tr``, ``editor.tr``): lupdate names the
  context after the expression; PySide6 uses the object's class, so the message is moved there.
* ``self.tr(label)`` in a ``for`` loop over literal tuples (or a module-level tuple constant):
  every string the loop can pass is added to the enclosing class's context.
* The declarative model's texts, shown through ``QCoreApplication.translate``: every
  ``Kind.label`` (context ``Kind``), ``Field.label`` (``Field``), choice (``Choice``) and
  follow-up button and hint (``Action``), and the lists' urgency marks (``Urgency``).
* The sentences the services compose (services/phrases.py ``PHRASES``, context ``Phrase``):
  a template that names a count (``Template.count``) is a numerus message (singular, plural);
  and the monthly-report rules of the calendar's reference data (``CalendarRule``).

Messages no longer used anywhere are dropped. ``build`` runs ``pyside6-lrelease``; the .qm is
a build product and is never committed.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
GUI_DIR = SRC / "dxdesk" / "gui"
TS_DIR = SRC / "dxdesk" / "resources" / "translations"
TS_FILE = TS_DIR / "dxdesk_en.ts"
MODEL_PY = SRC / "dxdesk" / "core" / "model.py"

SOURCE_LANGUAGE = "ja_JP"
TARGET_LANGUAGE = "en_US"
MODEL_CONTEXTS = (
    "Kind",
    "Field",
    "Choice",
    "Action",
    "UserError",
    "Reason",
    "Urgency",
    "Phrase",
    "CalendarRule",
)
GONE = {"vanished", "obsolete"}  # translation types of messages lupdate no longer found

Key = tuple[str, str, str]  # context, source, disambiguation comment


class ToolMissing(RuntimeError):
    pass


# ------------------------------------------------------------------ tools


def find_tool(name: str) -> Path:
    """A Qt tool installed by PySide6: next to the running Python (a venv's bin/ or Scripts/),
    in Scripts/ beside a Windows base install, else on PATH."""
    exe = name + (".exe" if os.name == "nt" else "")
    here = Path(sys.executable).parent
    for candidate in (here / exe, here / "Scripts" / exe):
        if candidate.is_file():
            return candidate
    found = shutil.which(name)
    if found:
        return Path(found)
    raise ToolMissing(
        f"{name} was not found next to {sys.executable} nor on PATH. It comes with PySide6: "
        "run `make setup` (or `pip install -e '.[dev]'`) and use the project's .venv Python."
    )


def _run(tool: str, args: list[str]) -> None:
    cmd = [str(find_tool(tool)), *args]
    result = subprocess.run(
        cmd, check=False, cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{tool} failed ({result.returncode}):\n{result.stdout}{result.stderr}".rstrip()
        )


def gui_sources(gui_dir: Path = GUI_DIR) -> list[Path]:
    return sorted(gui_dir.glob("*.py"))


def ui_sources(gui_dir: Path = GUI_DIR) -> list[Path]:
    return sorted({*gui_dir.glob("*.ui"), *gui_dir.glob("ui/*.ui")})


# ------------------------------------------------------------------ source scanning


@dataclass(frozen=True)
class SourceMessage:
    """One translatable string as PySide6 looks it up at run time."""

    context: str  # the class whose tr() is called (PySide6 tries the object's class names)
    source: str
    path: Path
    line: int
    lupdate_context: str  # what lupdate calls the context (differs for obj.tr on other objects)


@dataclass
class ScanResult:
    messages: list[SourceMessage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _str(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _names(target: ast.AST) -> list[str | None]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [e.id if isinstance(e, ast.Name) else None for e in target.elts]
    return []


class _Scanner(ast.NodeVisitor):
    """tr()/translate() calls of one module, with the context PySide6 will use for each."""

    def __init__(self, path: Path, tree: ast.Module, out: ScanResult) -> None:
        self.path = path
        self.out = out
        self.classes: list[ast.ClassDef] = []
        self.functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        self.loops: list[ast.For] = []
        # Module-level NAME = (literal tuple/list): the source of looped tr() strings.
        self.constants: dict[str, ast.expr] = {}
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Tuple | ast.List):
                for target in stmt.targets:
                    if isinstance(target, ast.Name):
                        self.constants[target.id] = stmt.value
            elif (
                isinstance(stmt, ast.AnnAssign)
                and isinstance(stmt.target, ast.Name)
                and isinstance(stmt.value, ast.Tuple | ast.List)
            ):
                self.constants[stmt.target.id] = stmt.value

    # -- traversal

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.functions.append(node)
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_For(self, node: ast.For) -> None:
        self.visit(node.iter)
        self.loops.append(node)
        for stmt in [*node.body, *node.orelse]:
            self.visit(stmt)
        self.loops.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name in ("tr", "QT_TR_NOOP") and node.args:
            self._tr(node, func)
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
            context, source = _str(node.args[0]), _str(node.args[1])
            if context is not None and source is not None:
                self._add(context, source, node.args[1].lineno, context)
        self.generic_visit(node)

    # -- tr()

    def _where(self, node: ast.AST) -> str:
        return f"{self.path.name}:{getattr(node, 'lineno', '?')}"

    def _tr(self, node: ast.Call, func: ast.expr) -> None:
        receiver = func.value if isinstance(func, ast.Attribute) else None
        if receiver is None or (isinstance(receiver, ast.Name) and receiver.id in ("self", "cls")):
            if not self.classes:
                self.out.warnings.append(f"{self._where(node)}: tr() outside a class")
                return
            context = lupdate_context = self.classes[-1].name
        else:
            lupdate_context = ast.unparse(receiver)
            resolved = self._class_of(receiver)
            if resolved is None:
                self.out.warnings.append(
                    f"{self._where(node)}: cannot tell the class of {lupdate_context!r} "
                    "in its tr() call; the message stays in lupdate's context"
                )
            context = resolved or lupdate_context
        arg = node.args[0]
        source = _str(arg)
        if source is not None:
            self._add(context, source, arg.lineno, lupdate_context)
            return
        values = self._loop_values(arg)
        if values is None:
            self.out.warnings.append(
                f"{self._where(node)}: tr({ast.unparse(arg)}) is not a literal string; "
                "it cannot be extracted (use a literal, or QT_TRANSLATE_NOOP for the values)"
            )
            return
        for text, line in values:
            # lupdate never sees these, so their lupdate context is their real one.
            self._add(context, text, line, context)

    def _class_of(self, receiver: ast.expr) -> str | None:
        """The class of `obj` in obj.tr(): the `obj = SomeClass(...)` assignment in the same
        function (or, for `self.attr`, anywhere in the class)."""
        text = ast.unparse(receiver)
        scopes: list[ast.AST] = []
        if self.functions:
            scopes.append(self.functions[-1])
        if text.startswith("self.") and self.classes:
            scopes.append(self.classes[-1])
        for scope in scopes:
            for node in ast.walk(scope):
                if not isinstance(node, ast.Assign | ast.AnnAssign):
                    continue
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if not any(ast.unparse(t) == text for t in targets):
                    continue
                value = node.value
                if isinstance(value, ast.Call):
                    callee = value.func
                    if isinstance(callee, ast.Name):
                        return callee.id
                    if isinstance(callee, ast.Attribute):
                        return callee.attr
        return None

    def _loop_values(self, arg: ast.expr) -> list[tuple[str, int]] | None:
        """Strings a loop variable takes: `for k, label in ((…, "…"), …)` or `in CONSTANT`."""
        if not isinstance(arg, ast.Name):
            return None
        for loop in reversed(self.loops):
            names = _names(loop.target)
            if arg.id not in names:
                continue
            position = names.index(arg.id)
            items = loop.iter
            if isinstance(items, ast.Name):
                items = self.constants.get(items.id, items)
            if not isinstance(items, ast.Tuple | ast.List):
                return None
            found: list[tuple[str, int]] = []
            for item in items.elts:
                if isinstance(loop.target, ast.Name):
                    element: ast.expr | None = item
                elif isinstance(item, ast.Tuple | ast.List) and len(item.elts) == len(names):
                    element = item.elts[position]
                else:
                    element = None
                text = _str(element)
                if text is None or element is None:
                    return None
                found.append((text, element.lineno))
            return found
        return None

    def _add(self, context: str, source: str, line: int, lupdate_context: str) -> None:
        self.out.messages.append(SourceMessage(context, source, self.path, line, lupdate_context))


def scan_sources(paths: Iterable[Path]) -> ScanResult:
    """Every translatable string of these Python files, keyed as PySide6 looks it up."""
    out = ScanResult()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        _Scanner(path, tree, out).visit(tree)
    return out


# ------------------------------------------------------------------ the model's texts


@dataclass(frozen=True)
class ModelMessage:
    context: str
    source: str
    used_by: tuple[str, ...]  # kind, kind.field or kind.field=choice, for the translator
    numerus: bool = False  # one translation per plural form (a phrase with a count)


def model_messages() -> list[ModelMessage]:
    """Kind labels, field labels and choice values, in model order, one per distinct text."""
    if str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))
    from dxdesk.core.model import KINDS

    uses: dict[tuple[str, str], list[str]] = {}
    for k in KINDS:
        uses.setdefault(("Kind", k.label), []).append(k.name)
    for k in KINDS:
        for f in k.fields:
            uses.setdefault(("Field", f.label), []).append(f"{k.name}.{f.name}")
    for k in KINDS:
        for f in k.fields:
            for choice in f.choices:
                uses.setdefault(("Choice", choice), []).append(f"{k.name}.{f.name}")
    for k in KINDS:
        for u in k.follow_ups:
            for text in (u.label, u.hint):
                if text:
                    uses.setdefault(("Action", text), []).append(f"{k.name}.{u.source}")
    from dxdesk.services.query import URGENCY_LABELS  # a list's row marks and their legend

    for level, label in URGENCY_LABELS.items():
        uses.setdefault(("Urgency", label), []).append(f"services/query.py:{level}")
    from dxdesk.errors import MESSAGES

    for code, template in MESSAGES.items():
        uses.setdefault(("UserError", template), []).append(code)
    for reason, line in validation_reasons():
        uses.setdefault(("Reason", reason), []).append(f"core/model.py:{line}")
    from dxdesk.core.calendar import monthly_report_rules
    from dxdesk.services.phrases import CALENDAR_RULE, CONTEXT, PHRASES

    for code, label in monthly_report_rules().items():
        uses.setdefault((CALENDAR_RULE, label), []).append(f"calendar.json:{code}")
    from dxdesk.core.calendar import OfficeCalendar
    from dxdesk.services.phrases import HOLIDAY

    for name in OfficeCalendar.day_names():  # the week grid's and the board's day names
        uses.setdefault((HOLIDAY, name), []).append("jpholiday / core/calendar.py")

    counted: set[tuple[str, str]] = set()
    for key, template in PHRASES.items():
        uses.setdefault((CONTEXT, template.source), []).append(key)
        if template.count:
            counted.add((CONTEXT, template.source))
    return [
        ModelMessage(ctx, text, tuple(used), (ctx, text) in counted)
        for (ctx, text), used in uses.items()
    ]


def validation_reasons(path: Path = SRC / "dxdesk" / "core" / "model.py") -> list[tuple[str, int]]:
    """Reason templates the model raises: ``bad("…")`` and ``ValidationError(f, label, "…")``."""
    out: list[tuple[str, int]] = []

    def literals(node: ast.expr) -> list[str]:
        if isinstance(node, ast.IfExp):
            return literals(node.body) + literals(node.orelse)
        text = _str(node)
        return [text] if text else []

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id == "bad" and node.args:
            arg = node.args[0]
        elif node.func.id == "ValidationError" and len(node.args) >= 3:
            arg = node.args[2]
        else:
            continue
        out += [(text, node.lineno) for text in literals(arg)]
    return out


# ------------------------------------------------------------------ the .ts file


@dataclass
class Message:
    element: ET.Element  # <message>, as read; written back as is
    context: str

    @property
    def source(self) -> str:
        return self.element.findtext("source") or ""

    @property
    def comment(self) -> str:
        return self.element.findtext("comment") or ""

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)

    @property
    def translation(self) -> ET.Element:
        node = self.element.find("translation")
        if node is None:
            node = ET.SubElement(self.element, "translation")
        return node

    @property
    def status(self) -> str:
        """Empty when finished, else "unfinished", "vanished" or "obsolete"."""
        return self.translation.get("type", "")

    @property
    def text(self) -> str:
        node = self.translation
        forms = node.findall("numerusform")
        if forms:
            return "\n".join(f.text or "" for f in forms)
        return node.text or ""

    @property
    def locations(self) -> list[tuple[str, int]]:
        out = []
        for loc in self.element.findall("location"):
            line = loc.get("line", "0")
            out.append((loc.get("filename", ""), int(line) if line.lstrip("+-").isdigit() else 0))
        return out


def read_ts(path: Path) -> list[Message]:
    """Every <message> of a TS file, in file order."""
    root = ET.fromstring(path.read_bytes())  # noqa: S314 - our own file, not untrusted input
    out: list[Message] = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        out.extend(Message(m, name) for m in ctx.findall("message"))
    return out


def _write_element(elem: ET.Element, depth: int, lines: list[str]) -> None:
    pad = "    " * depth
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in elem.attrib.items())
    children = list(elem)
    if children:
        lines.append(f"{pad}<{elem.tag}{attrs}>")
        for child in children:
            _write_element(child, depth + 1, lines)
        lines.append(f"{pad}</{elem.tag}>")
    elif elem.tag == "location":
        lines.append(f"{pad}<{elem.tag}{attrs}/>")
    else:
        lines.append(f"{pad}<{elem.tag}{attrs}>{escape(elem.text or '')}</{elem.tag}>")


def write_ts(path: Path, contexts: dict[str, list[Message]]) -> None:
    """TS 2.1 as lupdate writes it: UTF-8, contexts sorted by name, 4-space indents."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{TARGET_LANGUAGE}" sourcelanguage="{SOURCE_LANGUAGE}">',
    ]
    for name in sorted(contexts):
        lines.append("<context>")
        lines.append(f"    <name>{escape(name)}</name>")
        for message in contexts[name]:
            _write_element(message.element, 1, lines)
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def _new_message(context: str, source: str, *, numerus: bool = False) -> Message:
    element = ET.Element("message", {"numerus": "yes"} if numerus else {})
    ET.SubElement(element, "source").text = source
    translation = ET.SubElement(element, "translation", {"type": "unfinished"})
    if numerus:  # English: singular, plural
        ET.SubElement(translation, "numerusform")
        ET.SubElement(translation, "numerusform")
    return Message(element, context)


def _set_locations(message: Message, where: Iterable[tuple[Path, int]], ts_path: Path) -> None:
    element = message.element
    for old in element.findall("location"):
        element.remove(old)
    for i, (path, line) in enumerate(sorted(set(where))):
        filename = Path(os.path.relpath(path, ts_path.parent)).as_posix()
        loc = ET.Element("location", {"filename": filename, "line": str(line)})
        element.insert(i, loc)


def _set_extracomment(message: Message, text: str) -> None:
    element = message.element
    node = element.find("extracomment")
    if node is None:
        node = ET.Element("extracomment")
        tags = [child.tag for child in element]
        after = max(tags.index(t) for t in ("source", "comment") if t in tags)
        element.insert(after + 1, node)
    node.text = text


def _better(a: Message, b: Message) -> Message:
    """Of two copies of one message, the one whose translation to keep."""

    def rank(m: Message) -> tuple[int, int]:
        done = m.status in ("", *GONE)  # a vanished one was finished if it has text
        return (bool(m.text.strip()), done and bool(m.text.strip()))

    return b if rank(b) > rank(a) else a


# ------------------------------------------------------------------ update


@dataclass
class UpdateReport:
    counts: dict[str, int]
    unfinished: list[Key]
    added: list[Key]
    dropped: list[Key]
    warnings: list[str]


def merge(
    ts_path: Path,
    previous: dict[Key, tuple[str, str]],
    scan: ScanResult,
    model: list[ModelMessage],
) -> UpdateReport:
    """Post-process lupdate's output in place (see the module docstring).

    `previous` maps each key of the file before lupdate ran to (status, translation text),
    so a message lupdate marked vanished but still in use gets back its own status.
    """
    lupdate_messages = read_ts(ts_path)

    # Where each scanned string lives at run time; lupdate's name for obj.tr() contexts.
    moved: dict[tuple[str, str], str] = {}
    wanted: dict[tuple[str, str], list[tuple[Path, int]]] = {}
    for s in scan.messages:
        wanted.setdefault((s.context, s.source), []).append((s.path, s.line))
        if s.lupdate_context != s.context:
            moved[(s.lupdate_context, s.source)] = s.context
    model_wanted = {(m.context, m.source): m for m in model}

    merged: dict[Key, Message] = {}
    for message in lupdate_messages:
        context = moved.get((message.context, message.source), message.context)
        message.context = context  # its locations are replaced from the scan below
        if message.key in merged:
            merged[message.key] = _better(merged[message.key], message)
        else:
            merged[message.key] = message

    for pair in [*wanted, *model_wanted]:
        key = (*pair, "")
        if key not in merged:
            numerus = pair in model_wanted and model_wanted[pair].numerus
            merged[key] = _new_message(*pair, numerus=numerus)

    kept: dict[str, list[Message]] = {}
    dropped: list[Key] = []
    for key, message in merged.items():
        pair = (key[0], key[1])
        if pair not in wanted and pair not in model_wanted and message.status in GONE:
            dropped.append(key)
            continue
        node = message.translation
        if message.status in GONE:
            status, _ = previous.get(key, ("", ""))
            if status in GONE or not message.text.strip():
                status = "" if message.text.strip() else "unfinished"
            if status:
                node.set("type", status)
            else:
                node.attrib.pop("type", None)
        if not message.text.strip():
            node.set("type", "unfinished")
        if pair in wanted:
            _set_locations(message, wanted[pair], ts_path)
        if pair in model_wanted:
            for old in message.element.findall("location"):
                message.element.remove(old)
            uses = model_wanted[pair].used_by
            shown = ", ".join(uses[:8]) + (f", … ({len(uses)} uses)" if len(uses) > 8 else "")
            _set_extracomment(message, f"{pair[0]} in the model: {shown}")
        kept.setdefault(key[0], []).append(message)

    model_order = {(m.context, m.source): i for i, m in enumerate(model)}

    def order(m: Message) -> tuple[int, str, int, str]:
        pair = (m.context, m.source)
        if pair in model_order:
            return (0, "", model_order[pair], "")
        locs = m.locations
        first = min(locs) if locs else ("~", 0)
        return (1, first[0], first[1], m.source)

    for messages in kept.values():
        messages.sort(key=order)
    write_ts(ts_path, kept)
    after = [m for ms in kept.values() for m in ms]
    return UpdateReport(
        counts={name: len(ms) for name, ms in sorted(kept.items())},
        unfinished=[m.key for m in after if m.status == "unfinished"],
        added=sorted(m.key for m in after if m.key not in previous),
        dropped=sorted(dropped),
        warnings=scan.warnings,
    )


def update(ts_path: Path = TS_FILE, gui_dir: Path = GUI_DIR) -> UpdateReport:
    """lupdate the GUI sources into ts_path, then add what lupdate cannot extract."""
    ts_path.parent.mkdir(parents=True, exist_ok=True)
    previous = {m.key: (m.status, m.text) for m in read_ts(ts_path)} if ts_path.exists() else {}
    sources = gui_sources(gui_dir)
    args = [
        "-locations",
        "absolute",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        TARGET_LANGUAGE,
        *(str(p) for p in [*sources, *ui_sources(gui_dir)]),
        "-ts",
        str(ts_path),
    ]
    _run("pyside6-lupdate", args)
    return merge(ts_path, previous, scan_sources(sources), model_messages())


# ------------------------------------------------------------------ build


def build(ts_path: Path = TS_FILE, qm_path: Path | None = None) -> Path:
    """lrelease ts_path into qm_path (default: the same name with .qm, beside it)."""
    if not ts_path.is_file():
        raise FileNotFoundError(f"{ts_path} does not exist; run `scripts/translations.py update`")
    qm = qm_path or ts_path.with_suffix(".qm")
    qm.parent.mkdir(parents=True, exist_ok=True)
    _run("pyside6-lrelease", [str(ts_path), "-qm", str(qm)])
    if not qm.is_file():
        raise RuntimeError(f"pyside6-lrelease did not write {qm}")
    return qm


# ------------------------------------------------------------------ command line


def _show(keys: list[Key], limit: int = 40) -> Iterator[str]:
    for context, source, _ in keys[:limit]:
        yield f"  {context}: {source}"
    if len(keys) > limit:
        yield f"  … and {len(keys) - limit} more"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="extract strings into dxdesk_en.ts (keeps translations)")
    sub.add_parser("build", help="compile dxdesk_en.ts into dxdesk_en.qm")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            qm = build()
            print(f"wrote {qm.relative_to(ROOT)}")
            return 0
        report = update()
    except (ToolMissing, FileNotFoundError, RuntimeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    total = sum(report.counts.values())
    print(f"{TS_FILE.relative_to(ROOT)}: {total} messages")
    for name, count in report.counts.items():
        print(f"  {name}: {count}")
    if report.added:
        print(f"new ({len(report.added)}):", *_show(report.added), sep="\n")
    if report.dropped:
        print(f"dropped, no longer used ({len(report.dropped)}):", *_show(report.dropped), sep="\n")
    if report.unfinished:
        print(f"untranslated ({len(report.unfinished)}):", *_show(report.unfinished), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
