"""The English catalogue: dxdesk_en.ts is complete, consistent and up to date with the GUI
sources and the model, and the .qm built from it translates at run time.

The up-to-date check parses gui/*.py with `ast` (through scripts/translations.py's scanner)
instead of running lupdate, so it stays fast.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from dxdesk.core.calendar import monthly_report_rules
from dxdesk.core.model import KINDS
from dxdesk.errors import MESSAGES, InvalidRecord, UserError, ValidationError
from dxdesk.gui.messages import reason_text, user_message
from dxdesk.gui.translators import install_translators
from dxdesk.services.phrases import CALENDAR_RULE, CONTEXT, PHRASES
from dxdesk.services.query import URGENCY_LABELS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "translations.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dxdesk_translations_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


translations = _load_script()
TS = translations.TS_FILE

PLACEHOLDER = re.compile(r"%[1-9]")
NAMED = re.compile(r"\{[a-z_]+\}")  # str.format placeholders (UserError, Reason, Phrase)
ACCELERATOR = re.compile(r"&(?!&)\S")
# Hiragana, katakana, CJK ideographs: none should be left in English, except wareki dates
# given as input examples (the app reads them in either language).
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
WAREKI_DATE = re.compile(r"(令和|平成|昭和)\d+年\d+月\d+日")


@pytest.fixture(scope="module")
def messages() -> list[Any]:
    found: list[Any] = translations.read_ts(TS)
    return found


@pytest.fixture(scope="module")
def qm_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built: Path = translations.build(TS, tmp_path_factory.mktemp("qm") / "dxdesk_en.qm")
    return built


@pytest.fixture
def english(qapp: QApplication, qm_file: Path) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(qm_file))
    assert qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


# ------------------------------------------------------------------ at run time


@pytest.mark.parametrize(
    ("context", "source", "english_text"),
    [
        ("MainWindow", "課題一覧", "Issue list"),  # self.tr(label) over GLOBAL_VIEWS
        ("MainWindow", "訪問・ヒアリング", "Visits and hearings"),  # ... over ORG_TABS
        ("MainWindow", "ファイル(&F)", "&File"),
        ("MainWindow", "保存されていない入力", "Unsaved input"),  # app.py: self.window.tr()
        ("RecordTable", "全 %1 件", "%1 total"),
        ("RecordForm", "%1の登録", "%1 — new entry"),
        ("OverviewPanel", "未完了の課題", "Open issues"),
        ("UnlockDialog", "開く(&O)", "&Open"),
        ("SetupWizard", "次へ(&N) >", "&Next >"),
        ("OrgCombo", "団体名を入力または選択", "Type or choose a municipality"),
        ("Kind", "訪問・ヒアリング", "Visits and hearings"),
        ("Kind", "工数", "Hours"),
        ("Field", "伴走支援対象", "Hands-on support target"),
        ("Field", "団体", "Municipality"),
        ("Choice", "対応中", "In progress"),
        ("Choice", "市", "City"),
    ],
)
def test_translates(english: QTranslator, context: str, source: str, english_text: str) -> None:
    assert QCoreApplication.translate(context, source) == english_text


def test_untranslated_context_falls_back_to_japanese(english: QTranslator) -> None:
    assert QCoreApplication.translate("NoSuchContext", "課題一覧") == "課題一覧"


def test_self_tr_uses_the_class_name(english: QTranslator) -> None:
    # PySide6 looks self.tr() up under the object's class names, as the catalogue assumes.
    main_window = type("MainWindow", (QObject,), {})
    assert main_window().tr("課題一覧") == "Issue list"
    subclass = type("Subclass", (main_window,), {})
    assert subclass().tr("課題一覧") == "Issue list"


def test_every_model_text_translates(english: QTranslator) -> None:
    untranslated = []
    for k in KINDS:
        texts = [("Kind", k.label)]
        texts += [("Field", f.label) for f in k.fields]
        texts += [("Choice", c) for f in k.fields for c in f.choices]
        texts += [("Action", t) for u in k.follow_ups for t in (u.label, u.hint) if t]
        for context, source in texts:
            shown = QCoreApplication.translate(context, source)
            if not shown or JAPANESE.search(shown):
                untranslated.append((context, source, shown))
    assert untranslated == []


def test_app_installs_the_catalogue(
    qapp: QApplication, qm_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dxdesk.gui import translators

    monkeypatch.setattr(translators, "translations_dir", lambda: qm_file.parent)
    installed = translators.install_translators(qapp, "en")
    try:
        assert installed
        assert QCoreApplication.translate("MainWindow", "工数") == "Hours"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "工数") == "工数"
    # Japanese: our texts are the source; Qt's own buttons come from qtbase_ja.
    japanese = translators.install_translators(qapp, "ja")
    try:
        assert len(japanese) == 1
        assert QCoreApplication.translate("QPlatformTheme", "Close") == "閉じる"
    finally:
        for translator in japanese:
            qapp.removeTranslator(translator)


# ------------------------------------------------------------------ the .ts file


def test_ts_header() -> None:
    raw = TS.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    root = ET.fromstring(raw)
    assert root.tag == "TS"
    assert root.attrib == {"version": "2.1", "language": "en_US", "sourcelanguage": "ja_JP"}
    raw.decode("utf-8")


def test_every_message_translated(messages: list[Any]) -> None:
    problems = []
    for m in messages:
        text = m.text
        where = f"{m.context}: {m.source!r} -> {text!r}"
        if m.status:
            problems.append(f"{where}: type={m.status}")
        if not text.strip():
            problems.append(f"{where}: empty")
        # A numerus message holds one form per line (singular, plural): each has them all.
        forms = text.split("\n") if m.translation.findall("numerusform") else [text]
        if any(
            sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(m.source))
            for form in forms
        ):
            problems.append(f"{where}: placeholders differ")
        if any(sorted(NAMED.findall(form)) != sorted(NAMED.findall(m.source)) for form in forms):
            problems.append(f"{where}: named placeholders differ")
        if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(m.source)):
            problems.append(f"{where}: & accelerators differ")
        if re.search(r"(?<!&)&(?=\s)", text):
            # A tab, button or menu takes "& " as a mnemonic: "Visits _hearings" (issue 15).
            problems.append(f"{where}: a lone & would be eaten as a mnemonic; write 'and'")
        if JAPANESE.search(WAREKI_DATE.sub("", text)):
            problems.append(f"{where}: Japanese left in the translation")
    assert problems == []


def test_no_duplicate_messages(messages: list[Any]) -> None:
    keys = [m.key for m in messages]
    assert len(keys) == len(set(keys))


def test_contexts_are_class_names(messages: list[Any]) -> None:
    # lupdate names obj.tr() contexts after the expression ("self.window"); update moves them.
    assert {m.context for m in messages if not m.context.isidentifier()} == set()


def test_ts_has_every_gui_string(messages: list[Any]) -> None:
    scan = translations.scan_sources(translations.gui_sources())
    assert scan.messages, "no tr() calls found in src/dxdesk/gui"
    assert scan.warnings == []
    in_ts = {(m.context, m.source) for m in messages}
    missing = sorted(
        {(s.context, s.source) for s in scan.messages} - in_ts,
    )
    assert missing == [], "run `python scripts/translations.py update` and translate"


def test_ts_has_every_model_text(messages: list[Any]) -> None:
    in_ts = {(m.context, m.source) for m in messages}
    wanted = set()
    for k in KINDS:
        wanted.add(("Kind", k.label))
        for f in k.fields:
            wanted.add(("Field", f.label))
            wanted.update(("Choice", c) for c in f.choices)
        for u in k.follow_ups:
            wanted.update(("Action", text) for text in (u.label, u.hint) if text)
    wanted.update(("UserError", template) for template in MESSAGES.values())
    wanted.update(("Reason", reason) for reason, _line in translations.validation_reasons())
    wanted.update(("Urgency", label) for label in URGENCY_LABELS.values())
    wanted.update((CONTEXT, t.source) for t in PHRASES.values())
    wanted.update((CALENDAR_RULE, label) for label in monthly_report_rules().values())
    assert sorted(wanted - in_ts) == [], "run `python scripts/translations.py update`"
    # One message per distinct text, and nothing the model no longer has.
    modelled = {key for key in in_ts if key[0] in translations.MODEL_CONTEXTS}
    assert modelled == wanted


def test_scanner_sees_what_lupdate_misses(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "VIEWS = (('a', '一覧A'), ('b', '一覧B'))\n"
        "class Window(QObject):\n"
        "    def build(self):\n"
        "        self.tr('直接')\n"
        "        self.tr('複数行の'\n"
        "                '文字列')\n"
        "        for key, label in VIEWS:\n"
        "            self.tr(label)\n"
        "        for label in ('X', 'Y'):\n"
        "            self.tr(label)\n"
        "class Session:\n"
        "    def __init__(self):\n"
        "        self.window = Window()\n"
        "    def ask(self):\n"
        "        self.window.tr('別の窓')\n"
        "def make():\n"
        "    editor = Window()\n"
        "    editor.tr('関数の中')\n"
        "    QCoreApplication.translate('Ctx', '直接指定')\n",
        encoding="utf-8",
    )
    scan = translations.scan_sources([source])
    assert scan.warnings == []
    found = {(s.context, s.source) for s in scan.messages}
    assert found == {
        ("Window", "直接"),
        ("Window", "複数行の文字列"),
        ("Window", "一覧A"),
        ("Window", "一覧B"),
        ("Window", "X"),
        ("Window", "Y"),
        ("Window", "別の窓"),
        ("Window", "関数の中"),
        ("Ctx", "直接指定"),
    }
    lupdate_names = {s.source: s.lupdate_context for s in scan.messages}
    assert lupdate_names["別の窓"] == "self.window"
    assert lupdate_names["関数の中"] == "editor"


def test_scanner_warns_on_what_it_cannot_extract(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "class Window(QObject):\n"
        "    def build(self, text):\n"
        "        self.tr(text)\n"
        "        self.tr(f'{text}件')\n",
        encoding="utf-8",
    )
    scan = translations.scan_sources([source])
    assert scan.messages == []
    assert len(scan.warnings) == 2


def test_messages_from_below_the_gui_follow_the_language(qapp: QApplication) -> None:
    err = ValidationError("hours", "時間", "{maximum}以下で入力してください", maximum="24")
    assert user_message(err) == err.message  # Japanese: the service's own sentence
    installed = install_translators(qapp, "en")
    try:
        assert reason_text(err) == "enter 24 or less"
        assert user_message(err) == 'The value of "Hours" (hours) is not valid: enter 24 or less.'
        assert user_message(UserError("wrong_passphrase")).startswith("The passphrase is not")
        assert user_message(UserError("io_error", path="C:/Users/山田/x.pdf")).endswith(
            "(C:/Users/山田/x.pdf)."
        )
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert user_message(UserError("wrong_passphrase")) == UserError("wrong_passphrase").message


def test_every_problem_of_a_record_follows_the_language(qapp: QApplication) -> None:
    err = InvalidRecord(
        [
            ValidationError("hours", "時間", "{maximum}以下で入力してください", maximum="24"),
            ValidationError("title", "件名", "必須項目です"),
        ]
    )
    assert user_message(err) == err.message  # Japanese: the service's own sentence
    installed = install_translators(qapp, "en")
    try:
        text = user_message(err)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert text.startswith("The input has 2 problems (Hours (hours): enter 24 or less / "), text
    assert not JAPANESE.search(text), text


def test_reason_templates_in_the_model_are_all_seen() -> None:
    # A reason built with an f-string would never match its translation: use bad("…{x}…", x=).
    model = (Path(translations.SRC) / "dxdesk" / "core" / "model.py").read_text(encoding="utf-8")
    assert 'bad(f"' not in model and 'ValidationError(f"' not in model
    assert len(translations.validation_reasons()) >= 15


def test_no_english_count_can_read_1_issues(messages: list[Any]) -> None:
    """English has a singular: a count is written "Issues 6" or "Pages: 1", never "%1 issues"
    (which reads "1 issues", issue 15). Units after a number (days, hours) are abbreviated
    or sit in sentences that read for any count."""
    plural_after_count = re.compile(
        r"%[1-9] (issues|items|pages|changes|organisations|documents|points|conflicts|systems)\b"
    )
    bad = [m.text for m in messages if plural_after_count.search(m.text)]
    assert bad == []


def test_a_phrase_with_a_count_has_both_english_forms(messages: list[Any]) -> None:
    """services/phrases.py: a template naming a count is a numerus message (singular, plural);
    the others are plain ones."""
    by_source = {m.source: m for m in messages if m.context == CONTEXT}
    for key, template in PHRASES.items():
        forms = by_source[template.source].translation.findall("numerusform")
        assert len(forms) == (2 if template.count else 0), key


def test_phrases_follow_the_language_dates_and_counts(english: QTranslator) -> None:
    from datetime import date

    from dxdesk.gui.dates import date_style, set_date_style
    from dxdesk.gui.messages import phrase
    from dxdesk.services.phrases import Label, text

    before = date_style()
    try:
        set_date_style("wareki")
        late = {"org": "高千穂町", "title": "日程", "due": date(2025, 11, 10)}
        assert phrase(text("home.overdue_issue", **late, days=1)) == (
            "高千穂町 日程 (due R7.11.10, 1 day overdue)"
        )
        set_date_style("iso")
        assert phrase(text("home.overdue_issue", **late, days=10)) == (
            "高千穂町 日程 (due 2025-11-10, 10 days overdue)"
        )
        own = text("home.own_item", org="", title="移行計画", status=Label("Choice", "対応中"))
        assert phrase(own) == "移行計画 (In progress)"
        assert phrase(text("changes", n=1)) == "1 change"
    finally:
        set_date_style(before)
