"""One person, one staff record: enrolment links a laptop to the hub's record of its person,
and a duplicate made before is merged, every reference moved through the change log (so the
move converges at the other laptops)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services import staff, sync
from dxdesk.services.overview import OverviewService
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from dxdesk.sync import merge
from tests.conftest import FAST_KDF

HIRAKAWA = "平川 美咲"


def person(root: Path, role: str, owner: str, device: str) -> Profile:
    profile, _recovery = create_profile(
        ProfilePaths(root),
        owner_name=owner,
        device_name=device,
        role=role,
        passphrase="correct horse battery staple",
        kdf=FAST_KDF,
    )
    return profile


def visit_of(title: str) -> dict[str, object]:
    return {
        "date": "2025-11-25",
        "org_id": "高千穂町",
        "mode": "訪問",
        "title": title,
        "start_time": "10:00",
        "end_time": "12:00",
    }


def live_staff(profile: Profile) -> list[str]:
    rows = profile.database.query("SELECT name FROM staff WHERE _deleted = 0 ORDER BY name")
    return [str(r["name"]) for r in rows]


def roundtrip(hub: Profile, field: Profile, usb: Path) -> None:
    sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
    sync.import_bundle(field, sync.export_bundle(hub, field.device_id, usb).path)


@pytest.fixture
def hub(tmp_path: Path):
    profile = person(tmp_path / "hub", "hub", "統括 太郎", "統括の端末")
    try:
        yield profile
    finally:
        profile.close(backup=False)


def enrol(hub: Profile, field: Profile, tmp: Path, *, link: bool) -> staff.Candidates:
    request, _fp = sync.write_request(field, tmp / f"{field.device_id}.request")
    member = sync.read_request(request)
    found = sync.staff_candidates(hub, member)
    chosen = found.suggested.id if link and found.suggested else None
    team = sync.accept(hub, member, tmp / f"{field.device_id}.team", staff_id=chosen)
    sync.join(field, sync.read_team(team))
    return found


def test_two_laptops_of_one_person_bring_no_second_staff_record(hub, tmp_path: Path) -> None:
    kept = RecordService(hub).add("staff", {"name": "平川美咲", "role": "伴走支援"}).record_id
    # One person with two laptops; her name typed with a full-width space on one of them.
    a = person(tmp_path / "a", "field", HIRAKAWA, "平川のノート")
    b = person(tmp_path / "b", "field", "平川　美咲", "平川の予備機")
    try:
        for laptop in (a, b):
            found = enrol(hub, laptop, tmp_path, link=True)
            assert found.suggested is not None and found.suggested.id == kept
            assert [s.name for s in found.others] == ["統括 太郎"]
            # The laptop records under the hub's record at once, before any bundle came.
            assert staff.owner_id(laptop) == kept
            assert live_staff(laptop) == ["平川美咲"]
        RecordService(a).add("visit", visit_of("a での訪問"))
        RecordService(b).add("visit", visit_of("b での訪問"))
        for laptop in (a, b):
            roundtrip(hub, laptop, tmp_path / "usb")
        assert live_staff(hub) == ["平川美咲", "統括 太郎"]
        staff_ids = {str(r["staff_id"]) for r in hub.database.query("SELECT staff_id FROM visit")}
        assert staff_ids == {kept}
        grid = OverviewService(hub).month_grid("2025-11")
        assert [name for _id, name in grid.staff] == ["平川美咲", "統括 太郎"]
        assert sum(c.hours for (sid, _org), c in grid.cells.items() if sid == kept) == 4.0
        # The stand-in lost to the hub's record without a conflict and sent nothing itself.
        assert sync.list_conflicts(hub) == [] and sync.list_conflicts(a) == []
        sync.import_bundle(a, sync.export_bundle(hub, a.device_id, tmp_path / "usb").path)
        assert merge.digest(a.database) == merge.digest(hub.database)
    finally:
        a.close(backup=False)
        b.close(backup=False)


def test_a_new_person_keeps_the_laptops_own_record(hub, tmp_path: Path) -> None:
    field = person(tmp_path / "f", "field", "黒木 花子", "黒木の端末")
    try:
        own = staff.owner_id(field)
        found = enrol(hub, field, tmp_path, link=True)
        assert found.suggested is None
        assert staff.owner_id(field) == own
        roundtrip(hub, field, tmp_path / "usb")
        assert live_staff(hub) == ["統括 太郎", "黒木 花子"]
    finally:
        field.close(backup=False)


def test_a_duplicate_is_merged_everywhere_and_the_laptop_follows(hub, tmp_path: Path) -> None:
    kept = RecordService(hub).add("staff", {"name": HIRAKAWA, "role": "伴走支援"}).record_id
    field = person(tmp_path / "f", "field", HIRAKAWA, "平川のノート")
    try:
        enrol(hub, field, tmp_path, link=False)  # as before: a second record arrives
        duplicate = staff.owner_id(field)
        assert duplicate is not None and duplicate != kept
        svc = RecordService(field)
        svc.add("visit", visit_of("重複のまま記録した訪問"))
        svc.add("issue", {"org_id": "高千穂町", "title": "窓口の課題"})
        engagement = svc.add("engagement", {"org_id": "高千穂町", "fy": 2025, "theme": "窓口"})
        svc.put(
            "engagement_supporter",
            {"engagement_id": engagement.record_id, "staff_id": duplicate, "dedicated": True},
        )
        roundtrip(hub, field, tmp_path / "usb")
        assert live_staff(hub) == [HIRAKAWA, HIRAKAWA, "統括 太郎"]
        grid = OverviewService(hub).month_grid("2025-11")
        assert [n for _i, n in grid.staff].count(HIRAKAWA) == 2

        with pytest.raises(UserError) as ambiguous:
            staff.merge(hub, HIRAKAWA, kept)
        assert ambiguous.value.code == "staff_ambiguous"
        done = staff.merge(hub, duplicate, kept)
        assert done.kept.id == kept and done.retired.id == duplicate
        references = {k.name for k, _f in staff.staff_fields()}
        assert {"visit", "time", "issue", "engagement_supporter"} <= references
        assert done.moved == {"訪問・ヒアリング": 1, "工数": 1, "課題": 1, "常時支援者": 1}

        def held(profile: Profile) -> set[str]:
            out: set[str] = set()
            for k, name in staff.staff_fields():
                rows = profile.database.query(
                    f'SELECT "{name}" AS s FROM "{k.name}" WHERE _deleted = 0 AND "{name}" IS NOT NULL'
                )
                out |= {str(r["s"]) for r in rows}
            return out

        assert duplicate not in held(hub) and kept in held(hub)
        grid = OverviewService(hub).month_grid("2025-11")
        assert [n for _i, n in grid.staff].count(HIRAKAWA) == 1

        # A bundle round trip: the laptop holds the move, and records under the kept record.
        sync.import_bundle(field, sync.export_bundle(hub, field.device_id, tmp_path / "usb").path)
        assert duplicate not in held(field) and kept in held(field)
        assert live_staff(field) == [HIRAKAWA, "統括 太郎"]
        assert staff.owner_id(field) == kept
        assert RecordService(field).defaults("visit")["staff_id"] == kept
        assert merge.digest(field.database) == merge.digest(hub.database)
        assert hub.records.get(kind("staff"), duplicate) is None  # deleted, restorable
        assert hub.records.get(kind("staff"), duplicate, include_deleted=True) is not None

        # Another laptop, enrolled after: the hub's bundle brings it the records as merged.
        other = person(tmp_path / "o", "field", "黒木 花子", "黒木の端末")
        try:
            enrol(hub, other, tmp_path, link=True)
            usb = tmp_path / "usb"
            sync.import_bundle(other, sync.export_bundle(hub, other.device_id, usb).path)
            assert duplicate not in held(other) and kept in held(other)
            assert [n for n in live_staff(other) if n == HIRAKAWA] == [HIRAKAWA]
            assert OverviewService(other).month_grid("2025-11").cells == grid.cells
            roundtrip(hub, other, usb)
            assert merge.digest(other.database) == merge.digest(hub.database)
        finally:
            other.close(backup=False)
    finally:
        field.close(backup=False)


def test_merging_a_record_into_itself_is_refused(hub) -> None:
    with pytest.raises(UserError) as same:
        staff.merge(hub, "統括 太郎", "統括 太郎")
    assert same.value.code == "staff_merge_same"
    with pytest.raises(UserError) as unknown:
        staff.merge(hub, "存在しない人", "統括 太郎")
    assert unknown.value.code == "staff_unknown"


def test_work_sent_before_the_merge_arrived_moves_to_the_kept_record(hub, tmp_path: Path) -> None:
    kept = RecordService(hub).add("staff", {"name": HIRAKAWA, "role": "伴走支援"}).record_id
    field = person(tmp_path / "f", "field", HIRAKAWA, "平川のノート")
    usb = tmp_path / "usb"
    try:
        enrol(hub, field, tmp_path, link=False)
        duplicate = staff.owner_id(field)
        roundtrip(hub, field, usb)
        staff.merge(hub, str(duplicate), kept)
        # The laptop goes on recording under its own record, not yet knowing of the merge.
        late = RecordService(field).add("visit", visit_of("合併を知らずに記録")).record_id
        sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
        assert RecordService(hub).get("visit", late)["staff_id"] == kept
        grid = OverviewService(hub).month_grid("2025-11")
        assert sum(c.hours for (sid, _o), c in grid.cells.items() if sid == kept) == 2.0
        # The move reaches the laptop, which now records under the kept record.
        sync.import_bundle(field, sync.export_bundle(hub, field.device_id, usb).path)
        assert RecordService(field).get("visit", late)["staff_id"] == kept
        assert staff.owner_id(field) == kept
        assert merge.digest(field.database) == merge.digest(hub.database)
    finally:
        field.close(backup=False)


def test_only_the_hub_merges(tmp_path: Path) -> None:
    field = person(tmp_path / "f", "field", HIRAKAWA, "平川のノート")
    try:
        other = RecordService(field).add("staff", {"name": "重複", "role": "伴走支援"}).record_id
        with pytest.raises(UserError) as refused:
            staff.merge(field, other, str(staff.owner_id(field)))
        assert refused.value.code == "enrol_wrong_role"
        assert field.records.get(kind("staff"), other) is not None  # nothing written
    finally:
        field.close(backup=False)
