"""The change-tracking write layer, on a real profile (encrypted database, seeded reference data)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from dxdesk.core.hlc import Timestamp
from dxdesk.core.ids import new_id
from dxdesk.core.model import Kind, check, kind, validate
from dxdesk.core.textfold import fold
from dxdesk.errors import UserError
from dxdesk.services.profile import Profile
from dxdesk.store.records import RecordStore

SECRET_NOTE = "極秘メモ：町長の私的な事情について（監査ログに載ってはならない）"


def _issue_values(profile: Profile, **extra: object) -> dict[str, Any]:
    org_id = profile.database.query("SELECT id FROM organisation ORDER BY rid LIMIT 1")[0]["id"]
    values: dict[str, object] = {
        "org_id": org_id,
        "title": "基幹業務システムの移行遅延",
        "status": "未対応",
        "raised_on": "2025-11-25",
        "description": "ベンダの体制不足により移行計画が遅れている",
    }
    values.update(extra)
    return validate(kind("issue"), values)


def _add(profile: Profile, k: Kind, values: dict[str, Any]) -> str:
    with profile.database.transaction():
        return profile.records.insert(k, values).record_id


def _changes(profile: Profile, **where: str) -> list[dict[str, Any]]:
    sql = "SELECT * FROM changes"
    if where:
        sql += " WHERE " + " AND ".join(f"{k} = ?" for k in where)
    return profile.database.query(sql + " ORDER BY seq", tuple(where.values()))


def _count(profile: Profile, table: str) -> int:
    return int(profile.database.query(f'SELECT count(*) AS n FROM "{table}"')[0]["n"])


def _fts_hits(profile: Profile, k: Kind, text: str) -> int:
    # The index holds text in search form (core/textfold.py): ッ of ロールバック as ツ.
    phrase = '"' + fold(text).replace('"', '""') + '"'
    rows = profile.database.query(
        f'SELECT count(*) AS n FROM "fts_{k.name}" WHERE "fts_{k.name}" MATCH ?', (phrase,)
    )
    return int(rows[0]["n"])


# ---------------------------------------------------------------- insert


def test_insert_gives_a_uuid7_and_logs_a_create(profile: Profile) -> None:
    issue = kind("issue")
    values = _issue_values(profile)
    with profile.database.transaction():
        change = profile.records.insert(issue, values)
    parsed = uuid.UUID(change.record_id)
    assert parsed.version == 7
    assert str(parsed) == change.record_id
    assert change.op == "create"
    assert change.fields == issue.field_names

    record = profile.records.get(issue, change.record_id)
    assert record is not None
    assert {n: record[n] for n in issue.field_names} == values
    assert record["_deleted"] is False

    [logged] = _changes(profile, record_id=change.record_id)
    assert (logged["kind"], logged["op"], logged["device_id"]) == (
        "issue",
        "create",
        profile.device_id,
    )
    assert json.loads(logged["payload"]) == values
    row = profile.database.query("SELECT * FROM issue WHERE id = ?", (change.record_id,))[0]
    assert row["_hlc"] == logged["hlc"]
    assert row["_device"] == profile.device_id
    assert json.loads(row["_clocks"]) == {"*": f"{logged['hlc']}@{profile.device_id}"}


def test_ids_are_unique(profile: Profile) -> None:
    staff = kind("staff")
    ids = [
        _add(profile, staff, validate(staff, {"name": f"職員{i}", "role": "事務"}))
        for i in range(5)
    ]
    assert len(set(ids)) == 5
    assert all(uuid.UUID(i).version == 7 for i in ids)


def test_insert_with_taken_id_is_refused(profile: Profile) -> None:
    staff = kind("staff")
    rid = _add(profile, staff, validate(staff, {"name": "一人目", "role": "事務"}))
    with pytest.raises(UserError) as info, profile.database.transaction():
        profile.records.insert(
            staff, validate(staff, {"name": "二人目", "role": "事務"}), record_id=rid
        )
    assert info.value.code == "bad_argument"
    assert profile.records.get(staff, rid) is not None
    assert len(_changes(profile, record_id=rid)) == 1


def test_insert_checks_cross_field_rules(profile: Profile) -> None:
    visit = kind("visit")
    org_id = profile.database.query("SELECT id FROM organisation LIMIT 1")[0]["id"]
    # Read by the model without raising: the store must still refuse it on its own.
    values = check(
        visit,
        {
            "date": "2025-11-25",
            "org_id": org_id,
            "mode": "訪問",
            "title": "定例訪問",
            "start_time": "15:00",
            "end_time": "14:00",
        },
    ).record
    before = _count(profile, "changes")
    with pytest.raises(UserError), profile.database.transaction():
        profile.records.insert(visit, values)
    assert _count(profile, "visit") == 0
    assert _count(profile, "changes") == before


# ---------------------------------------------------------------- change log


def test_dev_seq_gapless_per_device_and_hlc_increasing(profile: Profile) -> None:
    staff = kind("staff")
    other = RecordStore(profile.database, new_id(), "別端末の人")
    with profile.database.transaction():
        a = profile.records.insert(staff, validate(staff, {"name": "甲", "role": "事務"}))
        b = other.insert(staff, validate(staff, {"name": "乙", "role": "事務"}))
        profile.records.update(staff, a.record_id, {"email": "kou@example.jp"})
        other.update(staff, b.record_id, {"email": "otsu@example.jp"})
        other.delete(staff, b.record_id)
        profile.records.delete(staff, a.record_id)
        profile.records.restore(staff, a.record_id)

    for device in (profile.device_id, other.device_id):
        rows = _changes(profile, device_id=device)
        assert [r["dev_seq"] for r in rows] == list(range(1, len(rows) + 1))
        stamps = [Timestamp.decode(r["hlc"]) for r in rows]
        assert stamps == sorted(stamps)
        assert len(set(stamps)) == len(stamps)
    assert len(_changes(profile, device_id=other.device_id)) == 3


def test_failed_transaction_leaves_no_gap_in_dev_seq(profile: Profile) -> None:
    staff = kind("staff")
    _add(profile, staff, validate(staff, {"name": "前", "role": "事務"}))
    with pytest.raises(RuntimeError), profile.database.transaction():
        profile.records.insert(staff, validate(staff, {"name": "消える", "role": "事務"}))
        raise RuntimeError("abort")
    _add(profile, staff, validate(staff, {"name": "後", "role": "事務"}))
    rows = _changes(profile, device_id=profile.device_id)
    assert [r["dev_seq"] for r in rows] == list(range(1, len(rows) + 1))


def test_hlc_continues_after_reopen(profile: Profile) -> None:
    staff = kind("staff")
    _add(profile, staff, validate(staff, {"name": "一", "role": "事務"}))
    last = max(r["hlc"] for r in _changes(profile))
    fresh = RecordStore(profile.database, profile.device_id, "再起動後")
    assert fresh.clock.last == Timestamp.decode(last)
    with profile.database.transaction():
        fresh.insert(staff, validate(staff, {"name": "二", "role": "事務"}))
    assert max(r["hlc"] for r in _changes(profile)) > last


# ---------------------------------------------------------------- update


def test_update_stamps_and_logs_only_changed_fields(profile: Profile) -> None:
    issue = kind("issue")
    rid = _add(profile, issue, _issue_values(profile))
    [created] = _changes(profile, record_id=rid)
    changes = validate(
        issue,
        {
            "status": "対応中",  # changed
            "title": "基幹業務システムの移行遅延",  # same as before
            "priority": "高",  # changed from None
        },
        partial=True,
    )
    with profile.database.transaction():
        change = profile.records.update(issue, rid, changes)
    assert change is not None
    assert change.op == "update"
    assert set(change.fields) == {"status", "priority"}

    rows = _changes(profile, record_id=rid)
    assert len(rows) == 2
    logged = rows[1]
    assert logged["op"] == "update"
    assert json.loads(logged["payload"]) == {
        "status": "対応中",
        "priority": "高",
        "_base": {"*": f"{created['hlc']}@{profile.device_id}"},
    }
    assert logged["hlc"] > created["hlc"]

    row = profile.database.query("SELECT * FROM issue WHERE id = ?", (rid,))[0]
    stamp = f"{logged['hlc']}@{profile.device_id}"
    assert json.loads(row["_clocks"]) == {
        "*": f"{created['hlc']}@{profile.device_id}",
        "status": stamp,
        "priority": stamp,
    }
    assert row["_hlc"] == logged["hlc"]
    assert (row["status"], row["priority"], row["title"]) == ("対応中", "高", changes["title"])


def test_unchanged_update_returns_none_and_logs_nothing(profile: Profile) -> None:
    issue = kind("issue")
    values = _issue_values(profile, related_orgs="a, b")
    rid = _add(profile, issue, values)
    row_before = profile.database.query("SELECT * FROM issue WHERE id = ?", (rid,))[0]
    changes_before = _count(profile, "changes")
    audit_before = _count(profile, "audit_log")
    with profile.database.transaction():
        result = profile.records.update(
            issue,
            rid,
            {"title": values["title"], "related_orgs": ["a", "b"], "status": "未対応"},
        )
        assert profile.records.update(issue, rid, {}) is None
    assert result is None
    assert _count(profile, "changes") == changes_before
    assert _count(profile, "audit_log") == audit_before
    assert profile.database.query("SELECT * FROM issue WHERE id = ?", (rid,))[0] == row_before


def test_update_of_unknown_record(profile: Profile) -> None:
    with pytest.raises(UserError) as info, profile.database.transaction():
        profile.records.update(kind("staff"), new_id(), {"name": "誰"})
    assert info.value.code == "unknown_record"


def test_update_of_deleted_record_is_refused(profile: Profile) -> None:
    staff = kind("staff")
    rid = _add(profile, staff, validate(staff, {"name": "削除予定", "role": "事務"}))
    with profile.database.transaction():
        profile.records.delete(staff, rid)
    before = _count(profile, "changes")
    with pytest.raises(UserError) as info, profile.database.transaction():
        profile.records.update(staff, rid, {"name": "復活?"})
    assert info.value.code == "record_deleted"
    assert _count(profile, "changes") == before
    record = profile.records.get(staff, rid, include_deleted=True)
    assert record is not None
    assert record["name"] == "削除予定"


# ---------------------------------------------------------------- delete and restore


def test_delete_is_a_tombstone_and_restore_brings_it_back(profile: Profile) -> None:
    staff = kind("staff")
    rid = _add(profile, staff, validate(staff, {"name": "山川 一郎", "role": "事務"}))
    count_before = profile.records.count(staff)

    with profile.database.transaction():
        change = profile.records.delete(staff, rid)
    assert change is not None
    assert change.op == "delete"
    row = profile.database.query("SELECT * FROM staff WHERE id = ?", (rid,))
    assert len(row) == 1
    assert row[0]["_deleted"] == 1
    assert row[0]["name"] == "山川 一郎"  # the values are kept
    assert "_deleted" in json.loads(row[0]["_clocks"])
    assert profile.records.get(staff, rid) is None
    assert not profile.records.exists(staff, rid)
    assert rid not in {r["id"] for r in profile.records.select(staff)}
    assert rid in {r["id"] for r in profile.records.select(staff, include_deleted=True)}
    deleted = profile.records.get(staff, rid, include_deleted=True)
    assert deleted is not None
    assert deleted["_deleted"] is True
    assert profile.records.count(staff) == count_before - 1
    assert profile.records.count(staff, include_deleted=True) == count_before

    with profile.database.transaction():
        assert profile.records.delete(staff, rid) is None  # already deleted: no-op
        restored = profile.records.restore(staff, rid)
        assert profile.records.restore(staff, rid) is None
    assert restored is not None
    assert restored.op == "restore"
    record = profile.records.get(staff, rid)
    assert record is not None
    assert record["_deleted"] is False
    assert profile.records.count(staff) == count_before
    assert [r["op"] for r in _changes(profile, record_id=rid)] == ["create", "delete", "restore"]


# ---------------------------------------------------------------- transactions


def test_writes_outside_a_transaction_raise(profile: Profile) -> None:
    staff = kind("staff")
    values = validate(staff, {"name": "外", "role": "事務"})
    with pytest.raises(RuntimeError):
        profile.records.insert(staff, values)
    rid = _add(profile, staff, values)
    with pytest.raises(RuntimeError):
        profile.records.update(staff, rid, {"name": "変更"})
    with pytest.raises(RuntimeError):
        profile.records.delete(staff, rid)
    with pytest.raises(RuntimeError):
        profile.records.restore(staff, rid)
    record = profile.records.get(staff, rid)
    assert record is not None
    assert record["name"] == "外"
    assert len(_changes(profile, record_id=rid)) == 1


def test_failed_transaction_leaves_nothing_behind(profile: Profile) -> None:
    issue = kind("issue")
    marker = "ロールバック確認用の固有文字列"
    counts = {t: _count(profile, t) for t in ("issue", "changes", "audit_log")}
    with pytest.raises(RuntimeError), profile.database.transaction():
        rid = profile.records.insert(issue, _issue_values(profile, description=marker)).record_id
        assert profile.records.get(issue, rid) is not None
        assert _fts_hits(profile, issue, marker) == 1  # visible inside the transaction
        raise RuntimeError("the service failed after the write")
    assert {t: _count(profile, t) for t in counts} == counts
    assert profile.records.get(issue, rid, include_deleted=True) is None
    assert _changes(profile, record_id=rid) == []
    assert profile.database.query("SELECT * FROM audit_log WHERE record_id = ?", (rid,)) == []
    assert _fts_hits(profile, issue, marker) == 0
    assert profile.database.integrity_problems() == []


def test_failed_update_leaves_the_old_values(profile: Profile) -> None:
    issue = kind("issue")
    rid = _add(profile, issue, _issue_values(profile, description="元の説明文です"))
    with pytest.raises(RuntimeError), profile.database.transaction():
        profile.records.update(issue, rid, {"description": "書き換えた説明文"})
        raise RuntimeError
    record = profile.records.get(issue, rid)
    assert record is not None
    assert record["description"] == "元の説明文です"
    assert _fts_hits(profile, issue, "元の説明文") == 1
    assert _fts_hits(profile, issue, "書き換えた") == 0
    assert len(_changes(profile, record_id=rid)) == 1


# ---------------------------------------------------------------- audit log and history


def test_audit_log_names_fields_never_values(profile: Profile) -> None:
    staff = kind("staff")
    with profile.database.transaction():
        rid = profile.records.insert(
            staff, validate(staff, {"name": "秘密 保持", "role": "事務", "notes": SECRET_NOTE})
        ).record_id
        profile.records.update(staff, rid, {"notes": SECRET_NOTE + "（追記）"})
        profile.records.delete(staff, rid)
    rows = profile.database.query("SELECT * FROM audit_log WHERE record_id = ? ORDER BY id", (rid,))
    assert [r["action"] for r in rows] == ["create", "update", "delete"]
    assert rows[1]["fields"] == "notes"
    assert set(rows[0]["fields"].split(",")) == set(staff.field_names)
    assert all(r["actor"] == "山田 太郎" and r["device_id"] == profile.device_id for r in rows)
    dump = json.dumps(profile.database.query("SELECT * FROM audit_log"), ensure_ascii=False)
    assert "極秘メモ" not in dump
    assert "秘密 保持" not in dump
    # The change log, which sync ships (encrypted), does carry the values.
    assert any(SECRET_NOTE in r["payload"] for r in _changes(profile, record_id=rid))


def test_history_lists_changes_oldest_first(profile: Profile) -> None:
    staff = kind("staff")
    rid = _add(profile, staff, validate(staff, {"name": "履歴", "role": "事務"}))
    for email in ("a@example.jp", "b@example.jp"):
        with profile.database.transaction():
            profile.records.update(staff, rid, {"email": email})
    with profile.database.transaction():
        profile.records.delete(staff, rid)
        profile.records.restore(staff, rid)
    history = profile.records.history(staff, rid)
    assert [h["op"] for h in history] == ["create", "update", "update", "delete", "restore"]
    assert [json.loads(h["payload"]).get("email") for h in history[1:3]] == [
        "a@example.jp",
        "b@example.jp",
    ]
    assert [h["hlc"] for h in history] == sorted(h["hlc"] for h in history)
    assert profile.records.history(staff, new_id()) == []


# ---------------------------------------------------------------- reads


def test_values_round_trip_by_type(profile: Profile) -> None:
    visit = kind("visit")
    org_id = profile.database.query("SELECT id FROM organisation LIMIT 1")[0]["id"]
    values = validate(
        visit,
        {
            "date": "令和7年11月25日",
            "start_time": "９:05",
            "end_time": "10:30",
            "org_id": org_id,
            "mode": "訪問",
            "title": "ヒアリング",
            "systems": "住民記録、税務システム",
            "hours": "1.5",
            "notes": "一行目\r\n二行目",
        },
    )
    rid = _add(profile, visit, values)
    record = profile.records.get(visit, rid)
    assert record is not None
    assert record["date"] == "2025-11-25"
    assert record["start_time"] == "09:05"
    assert record["systems"] == ["住民記録", "税務システム"]
    assert record["hours"] == 1.5
    assert record["notes"] == "一行目\n二行目"
    assert record["attendees_org"] == []
    assert record["purpose"] is None

    expert = kind("expert")
    eid = _add(profile, expert, validate(expert, {"name": "専門 家", "available": "はい"}))
    got = profile.records.get(expert, eid)
    assert got is not None
    assert got["available"] is True


def test_select_orders_newest_first_and_pages(profile: Profile) -> None:
    closed = kind("closed_day")
    for day in ("2025-12-29", "2025-05-01", "2025-08-13"):
        _add(profile, closed, validate(closed, {"date": day, "reason": "臨時"}))
    dates = [r["date"] for r in profile.records.select(closed)]
    assert dates == ["2025-12-29", "2025-08-13", "2025-05-01"]
    page = profile.records.select(closed, limit=1, offset=1)
    assert [r["date"] for r in page] == ["2025-08-13"]
    filtered = profile.records.select(closed, where=["date >= ?"], params=["2025-08-01"])
    assert len(filtered) == 2
