"""services.progress against the demo year and a fresh profile: every figure recomputed here
from the raw rows with SQL of its own (not through core.progress), and edits through the log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.demo import populate_demo
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.progress import ProgressService, parse_steps
from dxdesk.services.records import RecordService
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 2, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Profile]:
    profile, _ = create_profile(
        ProfilePaths(tmp_path_factory.mktemp("進捗") / "デモ"),
        owner_name="進捗 確認",
        device_name="進捗テスト用PC",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    try:
        populate_demo(profile)
        yield profile
    finally:
        profile.close(backup=False)


def _raw_by_org(profile: Profile) -> dict[str, tuple[int, int, int, int, int]]:
    """(完了済み, 作業中, 未着手, 対象外, cells) per organisation name, straight from the rows."""
    out = {}
    for r in profile.database.query(
        "SELECT o.name, sum(s.status = '完了済み') AS d, sum(s.status = '作業中') AS w,"
        " sum(s.status = '未着手') AS n, sum(s.status = '対象外') AS na,"
        " count(DISTINCT s.system_code) AS cells FROM step_status s"
        " JOIN organisation o ON o.id = s.org_id WHERE s._deleted = 0 GROUP BY o.name"
    ):
        out[str(r["name"])] = (int(r["d"]), int(r["w"]), int(r["n"]), int(r["na"]), int(r["cells"]))
    return out


def test_miyazaki_shows_the_national_figure(demo: Profile) -> None:
    m = ProgressService(demo, TODAY).matrix()
    miyazaki = next(o for o in m.orgs if o.name == "宮崎市")
    done, _w, _n, na, cells = _raw_by_org(demo)["宮崎市"]
    assert cells == 20
    s = m.by_org(miyazaki.id)
    assert s.completion_rate == ((done + na) * 1000 + 400) // 800 / 10  # one decimal, half up
    assert round(s.completion_rate) == 94  # the old 完了 / (40 - 対象外) showed 92
    assert round(done / (800 - na) * 100) == 92


def test_every_summary_matches_the_raw_rows(demo: Profile) -> None:
    m = ProgressService(demo, TODAY).matrix()
    raw = _raw_by_org(demo)
    # Every cell the demo wrote is one that applies: towns have no 生活保護 / 児童扶養手当 rows.
    assert sum(v[4] for v in raw.values()) == 488
    for o in m.orgs:
        s = m.by_org(o.id)
        d, w, n, na, cells = raw[o.name]
        assert (s.counts.done, s.counts.working, s.counts.not_applicable) == (d, w, na), o.name
        assert s.counts.not_started == n + (s.cells - cells) * 40 + (cells * 40 - d - w - n - na)
        assert s.cells == (1 if o.is_division else 20 if o.org_kind == "市" else 18), o.name
    total = m.total()
    assert total.cells == 488 and total.counts.total == 488 * 40
    live = demo.database.query(
        "SELECT count(*) AS n FROM system_status WHERE _deleted = 0 AND live = 1"
    )[0]["n"]
    special = demo.database.query(
        "SELECT count(*) AS n FROM system_status WHERE _deleted = 0 AND special_support = 1"
    )[0]["n"]
    assert (total.live, total.special) == (live, special)
    # Per system: 生活保護 is run by the 9 cities and the prefecture's division only.
    welfare = m.by_system("13")
    assert welfare.cells == 10
    raw13 = demo.database.query(
        "SELECT sum(status IN ('完了済み', '対象外')) AS n FROM step_status"
        " WHERE _deleted = 0 AND system_code = '13'"
    )[0]["n"]
    assert welfare.completion_rate == (raw13 * 1000 + 200) // 400 / 10
    # Per phase: the step numbers of resources/procedure_steps.csv, written out here.
    phases = dict(m.by_phase())
    raw_phase = demo.database.query(
        "SELECT sum(status IN ('完了済み', '対象外')) AS n FROM step_status"
        " WHERE _deleted = 0 AND step_no BETWEEN 30 AND 40"
    )[0]["n"]
    assert phases["移行"].total == 488 * 11
    assert phases["移行"].done + phases["移行"].not_applicable == raw_phase


def test_deadline_risk_from_the_raw_rows(demo: Profile) -> None:
    m = ProgressService(demo, TODAY).matrix()
    expected = demo.database.query(
        "SELECT count(*) AS n FROM system_status WHERE _deleted = 0 AND live = 0"
        " AND special_support = 0 AND planned_go_live > '2026-03-31'"
    )[0]["n"]
    assert m.total().risk == expected > 0


def test_cell_detail_and_history(demo: Profile) -> None:
    service = ProgressService(demo, TODAY)
    d = service.detail("宮崎市", "住民記録")
    assert d.system_code == "01" and len(d.steps) == 40
    assert [s.no for s in d.steps] == list(range(1, 41))
    raw = {
        int(r["step_no"]): (r["status"], r["updated_on"])
        for r in demo.database.query(
            "SELECT step_no, status, updated_on FROM step_status s JOIN organisation o"
            " ON o.id = s.org_id WHERE o.name = '宮崎市' AND s.system_code = '01'"
        )
    }
    assert {s.no: (s.status, s.updated_on) for s in d.steps} == raw
    go_live = next(x for x in d.milestones if x.label == "運用開始")
    assert go_live.planned == d.values["planned_go_live"]
    history = service.history(d)
    assert len(history) >= 41  # the status record and the 40 steps were each created once


def test_a_range_of_steps_in_one_go(profile: Profile) -> None:
    service = ProgressService(profile, TODAY)
    changes = service.set_steps("高千穂町", "住民記録", "1-12", "完了済み", "2025-06-30")
    assert len(changes) == 12
    rows = profile.database.query(
        "SELECT step_no, status, updated_on FROM step_status s JOIN organisation o"
        " ON o.id = s.org_id WHERE o.name = '高千穂町' ORDER BY step_no"
    )
    assert [(r["step_no"], r["status"], r["updated_on"]) for r in rows] == [
        (n, "完了済み", "2025-06-30") for n in range(1, 13)
    ]
    # Once more: nothing changes, and a step already done keeps the day it was reached.
    assert service.set_steps("高千穂町", "01", "1-12", "完了済み", "2025-09-01") == []
    # One keyed record per step: the same step set again on another day is one record.
    service.set_steps("高千穂町", "01", "12-13", "作業中", "2025-10-01")
    n = profile.database.query("SELECT count(*) AS n FROM step_status")[0]["n"]
    assert n == 13
    cell = service.matrix().cells
    org = next(iter(o for o in service.matrix().orgs if o.name == "高千穂町"))
    c = cell[(org.id, "01")]
    assert (c.counts.done, c.counts.working, c.furthest_step) == (11, 2, 11)
    assert c.counts.completion_rate == 27.5
    # The log holds every write (what sync sends).
    logged = profile.database.query("SELECT count(*) AS n FROM changes WHERE kind = 'step_status'")[
        0
    ]["n"]
    assert logged >= 14


def test_milestones_and_fields(profile: Profile) -> None:
    service = ProgressService(profile, TODAY)
    vendor = RecordService(profile).add("vendor", {"name": "株式会社テスト"}).record_id
    change = service.set_fields(
        "高千穂町",
        "住民記録",
        {
            "current_vendor_id": vendor,
            "planned_test": "2026-05-01",
            "planned_go_live": "2026-07-01",
            "risks": "要員不足",
        },
    )
    assert change is not None
    d = service.detail("高千穂町", "01")
    assert d.current_vendor == "株式会社テスト"
    assert {m.label: m.planned for m in d.milestones}["テスト"] == "2026-05-01"
    assert d.cell.deadline_risk and d.cell.state == "未着手"
    with pytest.raises(UserError) as e:
        service.set_fields("高千穂町", "01", {"org_id": "宮崎市"})
    assert e.value.code == "progress_key_field"


def test_bad_input_is_refused_and_nothing_written(profile: Profile) -> None:
    service = ProgressService(profile, TODAY)
    for steps in ("0", "41", "12-3", "a", ""):
        with pytest.raises(UserError) as e:
            service.set_steps("高千穂町", "01", steps, "完了済み")
        assert e.value.code == "progress_bad_steps"
    with pytest.raises(UserError) as e:
        service.set_steps("高千穂町", "01", "1", "done")
    assert e.value.code == "progress_bad_status"
    with pytest.raises(UserError) as e:
        service.set_steps("高千穂町", "99", "1", "完了済み")
    assert e.value.code == "progress_unknown_system"
    assert profile.database.query("SELECT count(*) AS n FROM step_status")[0]["n"] == 0
    assert parse_steps("１－３,７") == [1, 2, 3, 7]
