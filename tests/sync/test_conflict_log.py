"""The conflict log as a supervisor reads it: the record's organisation and title, and for both
values the device, the person and the time; the home screen counts what waits for review."""

from __future__ import annotations

from pathlib import Path

from dxdesk.services import sync
from dxdesk.services.home import HomeService
from dxdesk.services.phrases import japanese
from dxdesk.services.records import RecordService
from tests.sync.sync_helpers import enrol_field, make_profile, visit


def test_each_conflict_names_org_title_and_both_writers(tmp_path: Path) -> None:
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    field = make_profile(tmp_path / "field", "field", "平川")
    usb = tmp_path / "usb"
    try:
        enrol_field(hub, field, tmp_path)
        rid = RecordService(field).add("visit", visit("元の件名")).record_id
        sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
        RecordService(hub).edit("visit", rid, {"title": "ハブでの件名"})
        RecordService(field).edit("visit", rid, {"title": "現地での件名"})
        assert HomeService(hub).unreviewed_conflicts() == 0
        sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
        sync.import_bundle(field, sync.export_bundle(hub, field.device_id, usb).path)

        for profile in (hub, field):
            [c] = sync.describe_conflicts(profile)
            assert (c.org, c.kind_label, c.field_label) == ("高千穂町", "訪問・ヒアリング", "件名")
            assert c.title == RecordService(profile).get("visit", rid)["title"]
            writers = {
                (c.current_device, c.current_person, c.current),
                (c.losing_device, c.losing_person, c.losing),
            }
            assert writers == {
                ("平川の端末", "平川 担当", "現地での件名"),
                ("統括の端末", "統括 担当", "ハブでの件名"),
            }
            assert c.current_at[:2] == "20" and len(c.current_at) == 16
            assert c.losing_at <= c.current_at
            assert c.current_by.startswith(f"{c.current_device}（{c.current_person}） ")
            home = HomeService(profile)
            assert home.unreviewed_conflicts() == 1
            section = home.home().section("conflicts")
            assert section.count == 1
            assert japanese(section.items[0].text).startswith("高千穂町　訪問・ヒアリング「")
        # Reviewed ("keep current"): it leaves the figure and the section.
        sync.review_conflict(hub, sync.describe_conflicts(hub)[0].id)
        assert HomeService(hub).unreviewed_conflicts() == 0
        assert HomeService(hub).home().section("conflicts").count == 0
    finally:
        hub.close(backup=False)
        field.close(backup=False)
