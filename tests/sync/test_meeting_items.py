"""A meeting's decisions and open points (meeting_item, a child record of its meeting) and the
wishes for trainings travel in real bundles: two laptops that each add items to the same
meeting offline both keep theirs at the hub, and an open point raised as an issue on one
laptop arrives linked both ways."""

from __future__ import annotations

from pathlib import Path

from dxdesk.services import sync
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.sync.sync_helpers import enrol_field, make_profile


def _send(src: Profile, dst: Profile, out: Path) -> None:
    to = "hub" if dst.role == "hub" else dst.device_id
    sync.import_bundle(dst, sync.export_bundle(src, to, out).path)


def _items(profile: Profile, meeting: str) -> dict[str, dict[str, object]]:
    rows = RecordService(profile).children("meeting", meeting)["meeting_item"]
    return {str(r["text"]): r for r in rows}


def test_items_added_on_two_laptops_both_survive_at_the_hub(tmp_path: Path) -> None:
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    a = make_profile(tmp_path / "a", "field", "甲")
    b = make_profile(tmp_path / "b", "field", "乙")
    usb = tmp_path / "usb"
    try:
        for field in (a, b):
            enrol_field(hub, field, tmp_path)
        meeting = (
            RecordService(hub)
            .add(
                "meeting", {"title": "高千穂町 定例会", "date": "2025-11-21", "org_id": "高千穂町"}
            )
            .record_id
        )
        for field in (a, b):
            _send(hub, field, usb)
        # Offline, each laptop adds to the same meeting; B raises its open point as an issue.
        on_a = RecordService(a)
        on_a.add(
            "meeting_item", {"meeting_id": meeting, "item_type": "決定事項", "text": "甲の決定"}
        )
        on_a.add(
            "training_wish", {"org_id": "高千穂町", "theme": "生成AI", "preferred_format": "対面"}
        )
        on_b = RecordService(b)
        point = on_b.add(
            "meeting_item", {"meeting_id": meeting, "item_type": "課題事項", "text": "乙の課題"}
        ).record_id
        values = on_b.follow_up_values("meeting_item", point, "text")
        assert values["meeting_id"] == meeting and values["raised_on"] == "2025-11-21"
        issue = on_b.add("issue", values).record_id
        on_b.link_follow_up("meeting_item", point, "text", issue)
        _send(a, hub, usb)
        _send(b, hub, usb)
        held = _items(hub, meeting)
        assert set(held) == {"甲の決定", "乙の課題"}  # both survive the merge
        assert held["乙の課題"]["issue_id"] == issue
        hub_issue = RecordService(hub).get("issue", issue)
        assert hub_issue["meeting_id"] == meeting and hub_issue["org_id"] == values["org_id"]
        assert [w["theme"] for w in RecordService(hub).list_records("training_wish")] == ["生成AI"]
        # And back out to the other laptop: the same items there, nothing in conflict.
        _send(hub, a, usb)
        assert set(_items(a, meeting)) == {"甲の決定", "乙の課題"}
        assert RecordService(a).get("issue", issue)["meeting_id"] == meeting
        assert hub.database.query("SELECT count(*) AS n FROM conflicts")[0]["n"] == 0
    finally:
        for p in (hub, a, b):
            p.close(backup=False)
