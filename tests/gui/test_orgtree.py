"""The organisations tree widget (gui/orgtree.py) says the services' phrases in the window's
language: every Phrase has its own tr() here, with the same Japanese as services/orgtree.py."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxdesk.core.ids import natural_id
from dxdesk.gui.orgtree import ORG_ROLE, VIEW_ROLE, OrgTree
from dxdesk.gui.translators import install_translators, translations_dir
from dxdesk.services.orgtree import BY_AREA, Phrase, group_organisations
from dxdesk.services.profile import Profile
from tests.services.test_orgtree import badge

TAKACHIHO_ID = natural_id("organisation", "454419")

BUSY = badge(
    "shiiba",
    "村",
    code="454303",
    name="椎葉村",
    bansou=True,
    open_issues=6,
    days_on_site=4,
    days_since_visit=1,
    target_days=10,
)


def test_every_phrase_is_translated_here_from_the_same_japanese(qtbot: QtBot) -> None:
    tree = OrgTree()
    qtbot.addWidget(tree)
    assert tree.phrases() == {p: str(p) for p in Phrase}


def test_the_tree_shows_the_groups_it_is_given(qtbot: QtBot) -> None:
    tree = OrgTree()
    qtbot.addWidget(tree)
    tree.show_groups(group_organisations([BUSY], BY_AREA), [("issues", "課題一覧")], "shiiba")
    whole, other = tree.topLevelItem(0), tree.topLevelItem(1)
    assert (whole.text(0), whole.child(0).text(0), whole.child(0).data(0, VIEW_ROLE)) == (
        "全体",
        "課題一覧",
        "issues",
    )
    item = other.child(0)
    assert (other.text(0), item.text(0), item.text(1)) == (
        "その他",
        "椎葉村◆",
        "課題6 · 現地4/10日 · 1日前",
    )
    assert item.data(0, ORG_ROLE) == "shiiba"
    assert tree.currentItem() is item is tree.org_item("shiiba")
    assert item.toolTip(0) == (
        '<p style="white-space:pre">椎葉村\n454303\n● 伴走支援対象\n◆ 集中支援（月10日目標）</p>'
    )


def test_in_english_the_tree_phrases_are_english(qtbot: QtBot) -> None:
    if not (translations_dir() / "dxdesk_en.qm").exists():
        pytest.skip("translations not built (make setup builds them)")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translators(app, "en")
    try:
        tree = OrgTree()
        qtbot.addWidget(tree)
        tree.show_groups(group_organisations([BUSY], BY_AREA), [])
        other = tree.topLevelItem(1)
        assert (other.text(0), other.child(0).text(1)) == (
            "Other",
            "Issues 6 · On site 4/10 d · 1 d ago",
        )
        assert all(text != str(p) for p, text in tree.phrases().items())
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_the_window_paints_the_names_first_and_counts_after(qtbot: QtBot, profile: Profile) -> None:
    """The tree's figures read the visits (they grow with them): the window shows the names at
    once and fills 状況 after the first paint, never with a 0 that reads as a figure."""
    from dxdesk.gui.mainwindow import MainWindow
    from dxdesk.services.overview import OverviewService
    from dxdesk.services.records import RecordService

    for n in range(3):
        RecordService(profile).add(
            "issue", {"org_id": TAKACHIHO_ID, "title": f"課題{n}", "status": "未対応"}
        )
    window = MainWindow(profile)
    qtbot.addWidget(window)
    takachiho = window.tree.org_item(TAKACHIHO_ID)
    assert takachiho is not None and takachiho.text(1) == ""  # before any paint
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    expected = {b.org_id: b for b in OverviewService(profile).organisations(window.month)}

    def filled() -> bool:
        item = window.tree.org_item(TAKACHIHO_ID)
        return item is not None and item.text(1) != ""

    qtbot.waitUntil(filled)
    item = window.tree.org_item(TAKACHIHO_ID)
    assert item is not None
    assert expected[TAKACHIHO_ID].open_issues == 3
    assert "3" in item.text(1)
