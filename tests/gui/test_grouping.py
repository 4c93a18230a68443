"""The organisation tree grouped by the supervisor's own groups (生活圏, vendor users)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.services.groups import add_groups


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    records = RecordService(profile)
    add_groups(records)
    w = MainWindow(profile)
    qtbot.addWidget(w)
    yield w


def _tree(w: MainWindow) -> dict[str, list[str]]:
    out = {}
    for i in range(w.tree.topLevelItemCount()):
        top = w.tree.topLevelItem(i)
        out[top.text(0)] = [top.child(j).text(0).rstrip("◆●") for j in range(top.childCount())]
    return out


def test_living_area_groups_list_members_and_the_rest(window: MainWindow) -> None:
    window.grouping.setCurrentIndex(window.grouping.findData("生活圏"))
    tree = _tree(window)
    names = list(tree)
    assert names.index("宮崎・東諸県") < names.index("綾・国富連携")  # recorded order
    assert tree["宮崎・東諸県"] == ["宮崎市", "国富町", "綾町"]
    assert tree["綾・国富連携"] == ["綾町"]  # one organisation may sit in two groups
    assert len(tree["グループ未設定"]) == 26 - 3
    assert len(tree["県（所管課）"]) == 2
    members = [m for name, ms in tree.items() if name != "全体" for m in ms]
    assert len(set(members)) == 28  # nobody is lost from the tree


def test_vendor_groups_and_back_to_districts(window: MainWindow) -> None:
    window.grouping.setCurrentIndex(window.grouping.findData("ベンダ"))
    assert _tree(window)["A社利用団体"] == ["国富町"]
    window.grouping.setCurrentIndex(window.grouping.findData("area"))
    tree = _tree(window)
    assert "A社利用団体" not in tree and "県（所管課）" in tree
    assert sum(len(v) for k, v in tree.items() if k != "全体") == 28
