"""The communication tool's CSV import (services/commtool.py): the same export in UTF-8 with a
BOM and in CP932 gives the same records, importing again updates rather than doubles, a bad row
imports nothing, and the figures reach the monthly report's section."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxdesk.errors import UserError
from dxdesk.services.commtool import CommToolService
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

EXPORT = (
    "年月,グループ,投稿数,アクティブ人数,参加人数,備考欄\r\n"
    "2025-05,県北生活圏,120,18,25,\r\n"
    "2025-05,標準化ベンダＡ,45,9,12,ＤＸ\r\n"
    '2025/06,県北生活圏,"1,030",21,26,\r\n'
)


def _setup(profile: Profile) -> tuple[str, str, str]:
    s = RecordService(profile)
    tool = s.add("comm_tool", {"name": "LoGoチャット", "agreed_with_pref": True}).record_id
    north = s.add("group", {"name": "県北", "group_type": "生活圏"}).record_id
    g1 = s.add("comm_group", {"tool_id": tool, "name": "県北生活圏", "group_id": north}).record_id
    g2 = s.add("comm_group", {"tool_id": tool, "name": "標準化ベンダA"}).record_id
    return tool, g1, g2


def _activity(profile: Profile) -> list[tuple[object, ...]]:
    rows = profile.database.query(
        "SELECT g.name, a.month, a.posts, a.active_members, a.members FROM comm_activity AS a"
        " JOIN comm_group AS g ON g.id = a.comm_group_id WHERE a._deleted = 0"
        " ORDER BY a.month, g.name"
    )
    names = ("name", "month", "posts", "active_members", "members")
    return [tuple(r[n] for n in names) for r in rows]


WANTED = [
    ("標準化ベンダA", "2025-05", 45, 9, 12),
    ("県北生活圏", "2025-05", 120, 18, 25),
    ("県北生活圏", "2025-06", 1030, 21, 26),
]


@pytest.mark.parametrize(("encoding", "name"), [("utf-8-sig", "UTF-8"), ("cp932", "CP932")])
def test_both_encodings_give_the_same_records(
    profile: Profile, tmp_path: Path, encoding: str, name: str
) -> None:
    _setup(profile)
    path = tmp_path / "エクスポート.csv"
    path.write_bytes(EXPORT.encode(encoding))
    result = CommToolService(profile).import_csv(path)
    assert (result.rows, result.encoding, result.months) == (3, name, ("2025-05", "2025-06"))
    assert _activity(profile) == WANTED
    # The same export again: the same three records (one per group and month), updated.
    path.write_bytes(EXPORT.replace("120,18", "130,19").encode(encoding))
    CommToolService(profile).import_csv(path, "LoGoチャット")
    assert _activity(profile)[1] == ("県北生活圏", "2025-05", 130, 19, 25)
    assert len(_activity(profile)) == 3


def test_a_bad_row_imports_nothing(profile: Profile, tmp_path: Path) -> None:
    _setup(profile)
    path = tmp_path / "bad.csv"
    path.write_text(EXPORT + "2025-06,存在しないグループ,1,1,1,\r\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        CommToolService(profile).import_csv(path)
    assert err.value.code == "activity_csv_group" and "5行目" in err.value.message
    path.write_text(EXPORT.replace("45,9", "多数,9"), encoding="utf-8")
    with pytest.raises(UserError) as err:
        CommToolService(profile).import_csv(path)
    assert err.value.code == "activity_csv_value"
    path.write_text("年月,グループ,投稿数\r\n2025-05,県北生活圏,3\r\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        CommToolService(profile).import_csv(path)
    assert err.value.code == "activity_csv_columns" and "アクティブ人数" in err.value.message
    path.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(UserError) as err:
        CommToolService(profile).import_csv(path)
    assert err.value.code == "activity_csv_unreadable"
    assert _activity(profile) == []


def test_the_series_for_the_chart(profile: Profile, tmp_path: Path) -> None:
    _setup(profile)
    path = tmp_path / "e.csv"
    path.write_text(EXPORT, encoding="utf-8")
    service = CommToolService(profile)
    service.import_csv(path)
    series = service.series("2025-04", "2025-06")
    assert {k: [(f.month, f.posts) for f in v] for k, v in series.items()} == {
        "LoGoチャット / 県北生活圏": [("2025-05", 120), ("2025-06", 1030)],
        "LoGoチャット / 標準化ベンダA": [("2025-05", 45)],
    }
    assert series["LoGoチャット / 県北生活圏"][0].dxdesk_group == "県北"
