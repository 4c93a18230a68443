"""``dxdesk enrol|devices|bundle|conflicts`` end to end, in-process, with exit codes:
0 applied (or already imported), 1 refused with one Japanese sentence, 2 usage."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from dxdesk.core.hlc import HybridClock
from dxdesk.services.records import RecordService
from tests.cli.test_cli import Cli
from tests.conftest import PASSPHRASE, run_cli, tree_digest
from tests.sync.sync_helpers import reopen, visit

FINGERPRINT = re.compile(r"^    ((?:\d \d \d \d \d   ){3}\d \d \d \d \d)$", re.MULTILINE)


@pytest.fixture
def hub(tmp_path: Path) -> Cli:
    c = Cli(tmp_path / "ハブ")
    c.ok("init", "--name", "宮崎 統括", "--device", "ハブPC", "--role", "hub")
    return c


@pytest.fixture
def field(tmp_path: Path) -> Cli:
    c = Cli(tmp_path / "現地")
    c.ok("init", "--name", "山田 太郎", "--device", "山田のノートPC", "--role", "field")
    return c


def answer(c: Cli, reply: str, *args: str) -> tuple[int, str, str]:
    """Run with a reply on standard input, as someone typing at the question would."""
    env = {"DXDESK_PASSPHRASE": PASSPHRASE}
    return run_cli(["--profile", str(c.root), *args], env=env, stdin=reply + "\n")


def enrol(hub: Cli, field: Cli, tmp_path: Path) -> None:
    request, team = tmp_path / "申請.json", tmp_path / "チーム.json"
    out = field.ok("enrol", "request", "--out", str(request))
    shown = FINGERPRINT.search(out)
    assert shown, out
    accepted = hub.ok("enrol", "accept", str(request), "--out", str(team), "--yes")
    # The hub shows the very fingerprint the field laptop showed.
    assert shown.group(1) in accepted
    field.ok("enrol", "join", str(team), "--yes")


def test_enrol_export_import_and_back(hub: Cli, field: Cli, tmp_path: Path) -> None:
    enrol(hub, field, tmp_path)
    devices = hub.ok("devices")
    assert "山田のノートPC" in devices and "登録済み" in devices
    field.ok("add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=CLI 訪問")
    usb = tmp_path / "USB"
    out = field.ok("bundle", "export", "--to", "hub", "--out", str(usb))
    [bundle] = list(usb.glob("*.dxb"))
    assert str(bundle) in out
    imported = hub.ok("bundle", "import", str(bundle), "--yes")
    assert "送信元：山田のノートPC" in imported and "取り込みました" in imported
    assert "訪問" in imported  # counts per kind were shown before applying
    assert "CLI 訪問" in hub.ok("list", "visit")
    again = hub.ok("bundle", "import", str(bundle), "--yes")
    assert "既に取り込み済み" in again
    history = hub.ok("bundle", "history")
    assert "山田のノートPC" in history and history.strip().endswith("（1件）")

    reply_dir = tmp_path / "返信"
    hub.ok("bundle", "export", "--to", "山田のノートPC", "--out", str(reply_dir))
    [reply] = list(reply_dir.glob("*.dxb"))
    assert "取り込みました" in field.ok("bundle", "import", str(reply), "--yes")
    assert field.ok("conflicts").strip().endswith("（0件）")


def test_refused_bundle_exits_1_and_changes_nothing(hub: Cli, field: Cli, tmp_path: Path) -> None:
    enrol(hub, field, tmp_path)
    usb = tmp_path / "USB"
    field.ok("bundle", "export", "--to", "hub", "--out", str(usb))
    [bundle] = list(usb.glob("*.dxb"))
    data = bytearray(bundle.read_bytes())
    data[-3] ^= 0xFF
    bad = tmp_path / "壊れた.dxb"
    bad.write_bytes(bytes(data))
    before = tree_digest(hub.root)
    line = hub.refused("bundle", "import", str(bad), "--yes")
    assert "破損" in line
    assert tree_digest(hub.root) == before
    # Several files: the good one is applied, the bad one reported, exit 1.
    code, out, err = hub.run("bundle", "import", str(bad), str(bundle), "--yes")
    assert code == 1 and "取り込みました" in out and "2 件中 1 件" in err


def test_without_enrolment_and_usage_errors(hub: Cli, field: Cli, tmp_path: Path) -> None:
    line = field.refused("bundle", "export", "--to", "hub", "--out", str(tmp_path))
    assert "登録されていません" in line
    code, _out, _err = field.run("bundle", "export")
    assert code == 2  # --to is required
    assert hub.refused("enrol", "revoke", "存在しない端末", "--yes").startswith("エラー：端末")
    assert "現地担当者" not in hub.refused("enrol", "join", str(tmp_path / "none.json"), "--yes")


def test_revoke_then_bundles_from_that_device_are_refused(
    hub: Cli, field: Cli, tmp_path: Path
) -> None:
    enrol(hub, field, tmp_path)
    usb = tmp_path / "USB"
    field.ok("bundle", "export", "--to", "hub", "--out", str(usb))
    [bundle] = list(usb.glob("*.dxb"))
    hub.ok("enrol", "revoke", "山田のノートPC", "--yes")
    assert "取消済み" in hub.ok("devices")
    assert "取り消されている" in hub.refused("bundle", "import", str(bundle), "--yes")


def test_scope_command(hub: Cli, field: Cli, tmp_path: Path) -> None:
    enrol(hub, field, tmp_path)
    narrowed = hub.ok("enrol", "scope", "山田のノートPC", "高千穂町")
    assert "1 団体" in narrowed and "--full と同じ" not in narrowed
    assert "1 団体" in hub.ok("devices")
    widened = hub.ok("enrol", "scope", "山田のノートPC", "--all")
    assert "すべての団体" in widened and "--full と同じ" in widened
    exported = hub.ok("bundle", "export", "--to", "山田のノートPC", "--out", str(tmp_path))
    assert "（すべての変更" in exported  # the next bundle is full by itself
    assert "--full と同じ" not in hub.ok("enrol", "scope", "山田のノートPC", "高千穂町")
    code, _out, _err = hub.run("enrol", "scope", "山田のノートPC")
    assert code == 2
    assert "団体" in hub.refused("enrol", "scope", "山田のノートPC", "存在しない村")


@pytest.mark.parametrize("unattended", [False, True])
def test_import_shows_counts_before_asking_or_after_applying(
    hub: Cli, field: Cli, tmp_path: Path, unattended: bool
) -> None:
    enrol(hub, field, tmp_path)
    field.ok("add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=確認")
    usb = tmp_path / "USB"
    field.ok("bundle", "export", "--to", "hub", "--out", str(usb))
    [bundle] = list(usb.glob("*.dxb"))
    if unattended:  # --yes only verifies first; the counts shown are those applied
        out = hub.ok("bundle", "import", str(bundle), "--yes")
        assert out.index("取り込んだ後に表示") < out.index("新規") < out.index("取り込みました")
        return
    before = tree_digest(hub.root)
    code, out, _err = answer(hub, "n", "bundle", "import", str(bundle))
    assert code == 1 and tree_digest(hub.root) == before  # declined: nothing written
    code, out, _err = answer(hub, "y", "bundle", "import", str(bundle))
    assert code == 0 and "取り込みました" in out
    # The counts (from the rolled-back merge) come before applying, whatever the size.
    assert out.index("新規") < out.index("取り込みました") and "取り込んだ後に表示" not in out


def test_changes_from_a_clock_running_ahead_are_pointed_out(
    hub: Cli, field: Cli, tmp_path: Path
) -> None:
    enrol(hub, field, tmp_path)
    field.ok("add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=今日")
    laptop = reopen(field.root)
    try:  # the laptop's clock is set three days ahead
        three_days = 3 * 24 * 3600 * 1000
        laptop.records.clock = HybridClock(
            laptop.records.clock.last, wall=lambda: time.time_ns() // 1_000_000 + three_days
        )
        RecordService(laptop).add("visit", visit("三日後の日付"))
        RecordService(laptop).add("visit", visit("これも"))
    finally:
        laptop.close(backup=False)
    usb = tmp_path / "USB"
    field.ok("bundle", "export", "--to", "hub", "--out", str(usb))
    [bundle] = list(usb.glob("*.dxb"))
    code, out, _err = answer(hub, "n", "bundle", "import", str(bundle))
    assert code == 1
    warning = next(line for line in out.splitlines() if "時計" in line)
    assert "2 件" in warning and "1日以上先" in warning  # shown, and declined: nothing applied
    assert "1日以上先" in hub.ok("bundle", "import", str(bundle), "--yes")  # after, unattended
    # An ordinary bundle says nothing of the kind.
    field.ok("add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=普通")
    later = field.ok("bundle", "export", "--to", "hub", "--out", str(tmp_path / "USB2"))
    assert "1日以上先" not in hub.ok("bundle", "import", later.splitlines()[-1], "--yes")


def test_a_copied_profile_is_kept_aside_with_a_warning_and_listed(
    hub: Cli, field: Cli, tmp_path: Path
) -> None:
    """Exit 3: the import is committed, but the second history waits for a person."""
    import shutil

    enrol(hub, field, tmp_path)
    twin = Cli(tmp_path / "複製")
    shutil.copytree(field.root, twin.root)
    field.ok("add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=元の端末")
    twin.ok("add", "visit", "date=2025-11-26", "org_id=高千穂町", "mode=訪問", "title=複製の端末")
    usb_a, usb_b = tmp_path / "USB-A", tmp_path / "USB-B"
    field.ok("bundle", "export", "--to", "hub", "--out", str(usb_a))
    twin.ok("bundle", "export", "--to", "hub", "--out", str(usb_b))
    hub.ok("bundle", "import", "--yes", *map(str, usb_a.glob("*.dxb")))
    code, out, err = hub.run("bundle", "import", "--yes", *map(str, usb_b.glob("*.dxb")))
    assert code == 3, (out, err)
    assert err.startswith("警告：") and len(err.splitlines()) == 1 and "dxdesk bundle forks" in err
    listed = hub.ok("bundle", "forks")
    assert "山田のノートPC" in listed and "未対応" in listed
    fork_id = listed.splitlines()[2].split()[0]
    out = hub.ok("bundle", "forks", "adopt", fork_id)
    assert "取り込みました" in out
    assert "複製の端末" in hub.ok("list", "visit")


def test_a_conflict_is_kept_as_it_is_and_marked_reviewed(
    hub: Cli, field: Cli, tmp_path: Path
) -> None:
    enrol(hub, field, tmp_path)
    record = field.ok(
        "add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=元"
    ).strip()
    hub.ok("bundle", "import", str(_export(field, tmp_path / "usb1")), "--yes")
    hub.ok("edit", "visit", record, "title=ハブ")
    field.ok("edit", "visit", record, "title=現地")
    hub.ok("bundle", "import", str(_export(field, tmp_path / "usb2")), "--yes")
    listed = hub.ok("conflicts")
    assert "（1件）" in listed
    # The organisation, and who wrote each value on which device.
    assert "団体" in listed.splitlines()[0] and "高千穂町" in listed
    assert "山田のノートPC（山田 太郎） 20" in listed and "ハブPC（宮崎 統括） 20" in listed
    [entry] = json.loads(hub.ok("conflicts", "--format", "json"))
    assert entry["org"] == "高千穂町"
    writers = {tuple(entry["current_writer"]), tuple(entry["losing_writer"])}
    assert writers == {("山田のノートPC", "山田 太郎"), ("ハブPC", "宮崎 統括")}
    conflict_id = listed.splitlines()[2].split()[0]
    title = hub.ok("show", "visit", record)
    out = hub.ok("conflicts", "reviewed", conflict_id)
    assert "確認済み" in out
    assert hub.ok("conflicts").strip().endswith("（0件）")
    assert hub.ok("show", "visit", record) == title  # the current value is kept
    code, _out, err = hub.run("conflicts", "reviewed", "ffffff")
    assert code != 0 and "見つかりません" in err


def _export(c: Cli, usb: Path) -> Path:
    c.ok("bundle", "export", "--to", "hub", "--out", str(usb))
    [bundle] = list(usb.glob("*.dxb"))
    return bundle


def test_accept_links_the_laptop_to_the_staff_of_the_same_name_and_merge_joins_two(
    hub: Cli, field: Cli, tmp_path: Path
) -> None:
    hub.ok("add", "staff", "name=山田　太郎", "role=伴走支援")
    request, team = tmp_path / "申請.json", tmp_path / "チーム.json"
    field.ok("enrol", "request", "--out", str(request))
    # Asked first for the fingerprint, then whether the person is the one of the same name.
    code, out, err = answer(hub, "y\ny", "enrol", "accept", str(request), "--out", str(team))
    assert code == 0, err
    assert "同じ氏名の担当者が登録されています：山田　太郎（伴走支援）" in out
    field.ok("enrol", "join", str(team), "--yes")
    # Both sides say whom the laptop records as.
    assert json.loads(hub.ok("devices", "--format", "json"))[1]["staff"] == "山田　太郎"
    assert json.loads(field.ok("devices", "--format", "json"))[0]["staff"] == "山田　太郎"
    assert "記録上の担当者" in hub.ok("devices").splitlines()[0]
    field.ok("add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", "title=CLI 訪問")
    usb = tmp_path / "USB"
    field.ok("bundle", "export", "--to", "hub", "--out", str(usb))
    [bundle] = list(usb.glob("*.dxb"))
    hub.ok("bundle", "import", str(bundle), "--yes")
    assert hub.ok("list", "staff").count("山田") == 1

    # A duplicate entered by hand is merged into the one record, its visit moving with it.
    hub.ok("add", "staff", "name=山田 太郎（重複）", "role=伴走支援")
    hub.ok(
        "add",
        "visit",
        "date=2025-11-26",
        "org_id=高千穂町",
        "mode=訪問",
        "title=重複側",
        "staff_id=山田 太郎（重複）",
    )
    done = hub.ok("staff", "merge", "山田 太郎（重複）", "山田　太郎", "--yes")
    assert "訪問・ヒアリング 1件" in done and "統合しました" in done
    assert hub.ok("list", "staff").count("山田") == 1
    code, _out, err = answer(hub, "", "staff", "merge", "山田　太郎", "山田　太郎", "--yes")
    assert code == 1 and "同じ担当者" in err


def test_import_of_a_selection_in_reverse_order_warns_of_nothing(
    hub: Cli, field: Cli, tmp_path: Path
) -> None:
    enrol(hub, field, tmp_path)
    bundles = []
    for n in (1, 2):
        field.ok(
            "add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", f"title=訪問{n}"
        )
        usb = tmp_path / f"USB{n}"
        field.ok("bundle", "export", "--to", "hub", "--out", str(usb))
        bundles += list(usb.glob("*.dxb"))
    # The second alone: the first's work is named in words, with the laptop and its person.
    code, out, _err = answer(hub, "n", "bundle", "import", str(bundles[1]))
    assert code == 1
    assert "注意：端末「山田のノートPC」（山田 太郎）の" in out and "届いていません" in out
    code, out, err = answer(hub, "y\ny", "bundle", "import", str(bundles[1]), str(bundles[0]))
    assert code == 0, err
    assert "届いていません" not in out + err
    # Applied oldest first, whatever the order given.
    assert out.index(bundles[0].name) < out.index(bundles[1].name)
    assert "訪問1" in hub.ok("list", "visit") and "訪問2" in hub.ok("list", "visit")


def test_accept_lets_the_supervisor_name_another_record_or_a_new_person(
    hub: Cli, field: Cli, tmp_path: Path
) -> None:
    from dxdesk.services import staff

    hub.ok("add", "staff", "name=山田 太郎", "role=伴走支援")
    other = hub.ok("add", "staff", "name=山田 太郎（旧姓 黒木）", "role=伴走支援").strip()
    request = tmp_path / "申請.json"
    field.ok("enrol", "request", "--out", str(request))
    # Not the one offered: another typed by name.
    code, out, err = answer(
        hub,
        "y\nn\n山田 太郎（旧姓 黒木）",
        "enrol",
        "accept",
        str(request),
        "--out",
        str(tmp_path / "t1.json"),
    )
    assert code == 0, err
    field.ok("enrol", "join", str(tmp_path / "t1.json"), "--yes")
    profile = reopen(field.root)
    try:
        assert staff.owner_id(profile) == other
    finally:
        profile.close(backup=False)
    # --new-staff: no link; an unknown --staff is refused in one sentence, nothing written.
    code, _out, err = hub.run(
        "enrol",
        "accept",
        str(request),
        "--out",
        str(tmp_path / "t2.json"),
        "--yes",
        "--staff",
        "存在しない人",
    )
    assert code == 1 and "見つかりません" in err and not (tmp_path / "t2.json").exists()
    out = hub.ok(
        "enrol", "accept", str(request), "--out", str(tmp_path / "t3.json"), "--yes", "--new-staff"
    )
    assert "新しい担当者として登録しました" in out


def test_unattended_import_says_a_lost_bundle_once(hub: Cli, field: Cli, tmp_path: Path) -> None:
    enrol(hub, field, tmp_path)
    files = []
    for n in (1, 2, 3):
        field.ok(
            "add", "visit", "date=2025-11-25", "org_id=高千穂町", "mode=訪問", f"title=訪問{n}"
        )
        usb = tmp_path / f"USB{n}"
        field.ok("bundle", "export", "--to", "hub", "--out", str(usb))
        files += list(usb.glob("*.dxb"))
    # The first stayed at home; the other two, unattended, in any order.
    out = hub.ok("bundle", "import", "--yes", str(files[2]), str(files[1]))
    assert out.count("届いていません") == 1
    assert "端末「山田のノートPC」（山田 太郎）の" in out
