"""Enrolment: device keys stay inside the encrypted database, request and team files are signed
and checked, the roster refuses a key swap, and revocation sticks."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxdesk.errors import UserError
from dxdesk.services import sync
from dxdesk.sync import crypto, enrol
from tests.sync.sync_helpers import enrol_field, make_profile, reopen


@pytest.fixture
def hub(tmp_path: Path):
    profile = make_profile(tmp_path / "hub", "hub", "統括")
    yield profile
    profile.close(backup=False)


@pytest.fixture
def field(tmp_path: Path):
    profile = make_profile(tmp_path / "field", "field", "山田")
    yield profile
    profile.close(backup=False)


def needles(keys: crypto.DeviceKeys) -> dict[str, bytes]:
    return {
        "ed25519 private (raw)": keys.sign_private,
        "ed25519 private (base64)": base64.b64encode(keys.sign_private),
        "ed25519 private (hex)": keys.sign_private.hex().encode(),
        "age identity": keys.age_identity.encode(),
        "age identity (lower)": keys.age_identity.lower().encode(),
    }


def test_private_keys_never_reach_a_file_in_the_clear(hub, field, tmp_path: Path) -> None:
    enrol_field(hub, field, tmp_path)
    field_keys = enrol.load_keys(field.database)
    hub_keys = enrol.load_keys(hub.database)
    assert field_keys and hub_keys
    # Checked while open (the WAL is there) and after closing with a backup.
    for _ in range(2):
        found = [
            f"{path}: {name}"
            for path in sorted(tmp_path.rglob("*"))
            if path.is_file()
            for keys in (field_keys, hub_keys)
            for name, needle in needles(keys).items()
            if needle in path.read_bytes()
        ]
        assert found == []
        field.close(backup=True)
        hub.close(backup=True)
    # And the keys come back unchanged from the encrypted database.
    again = reopen(tmp_path / "field")
    try:
        assert enrol.load_keys(again.database) == field_keys
    finally:
        again.close(backup=False)


def test_the_fingerprint_the_hub_sees_is_the_one_the_field_shows(hub, field, tmp_path) -> None:
    path, shown = sync.write_request(field, tmp_path / "req.json")
    member = sync.read_request(path)
    assert member.fingerprint == shown
    assert member.device_id == field.device_id and member.role == "field"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert set(doc) == {"type", "version", "body", "signature"}
    assert "PRIVATE" not in path.read_text(encoding="utf-8").upper()


def _rewrite(path: Path, change) -> Path:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    out = path.with_name("changed-" + path.name)
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return out


def _body(key: str, value: object):
    def change(doc: dict) -> None:
        body = json.loads(doc["body"])
        body[key] = value
        doc["body"] = json.dumps(body, ensure_ascii=False)

    return change


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (_body("created_at", "2030-01-01"), "署名"),
        (lambda d: d.update(type="dxdesk-team"), "種類"),
        (lambda d: d.update(version=2), "版"),
        (lambda d: d.update(signature="!!"), "形式"),
    ],
)
def test_an_altered_request_is_refused(field, tmp_path: Path, change, detail: str) -> None:
    path, _ = sync.write_request(field, tmp_path / "req.json")
    with pytest.raises(UserError) as err:
        sync.read_request(_rewrite(path, change))
    assert err.value.code == "enrol_bad_file" and detail in err.value.message


def test_a_request_with_someone_elses_key_is_refused(hub, field, tmp_path: Path) -> None:
    """A forged request that names the laptop's id with another key cannot replace it."""
    enrol_field(hub, field, tmp_path)
    forger = crypto.generate_keys(field.device_id)
    member = enrol.member_of(forger, "山田の端末", "山田 担当", "field")
    forged = tmp_path / "forged.json"
    forged.write_bytes(enrol.request_file(member, forger))
    with pytest.raises(UserError) as err:
        sync.accept(hub, sync.read_request(forged), tmp_path / "team2.json")
    assert err.value.code == "enrol_key_mismatch"


def test_team_file_must_be_signed_by_its_hub_and_name_this_device(hub, field, tmp_path) -> None:
    request, _ = sync.write_request(field, tmp_path / "req.json")
    team = sync.accept(hub, sync.read_request(request), tmp_path / "team.json")
    # Another roster, same hub signature: refused.
    other = crypto.generate_keys("11111111-1111-4111-8111-111111111111")
    extra = {
        "device_id": other.device_id,
        "name": "偽の端末",
        "owner": "x",
        "role": "field",
        "sign_public": other.sign_public,
        "age_recipient": other.age_recipient,
    }

    def add_member(doc: dict) -> None:
        body = json.loads(doc["body"])
        body["roster"].append(extra)
        doc["body"] = json.dumps(body, ensure_ascii=False)

    with pytest.raises(UserError) as err:
        sync.read_team(_rewrite(team, add_member))
    assert err.value.code == "enrol_bad_file"
    # A hub cannot join, a field device cannot accept.
    with pytest.raises(UserError) as err:
        sync.join(hub, sync.read_team(team))
    assert err.value.code == "enrol_wrong_role"
    with pytest.raises(UserError) as err:
        sync.accept(field, sync.read_request(request), tmp_path / "t.json")
    assert err.value.code == "enrol_wrong_role"
    assert sync.join(field, sync.read_team(team)).device_id == hub.device_id


def test_devices_lists_fingerprints_and_revocation_sticks(hub, field, tmp_path) -> None:
    enrol_field(hub, field, tmp_path)
    rows = sync.devices(hub)
    assert [r["status"] for r in rows] == ["この端末", "登録済み"]
    assert rows[1]["fingerprint"] == enrol.load_keys(field.database).fingerprint
    sync.revoke(hub, field.device_id[:8])  # an id prefix is enough
    assert sync.devices(hub)[1]["status"] == "取消済み"
    lookup = enrol.sender_lookup(hub.database)(field.device_id)
    assert lookup is not None and lookup.revoked
    with pytest.raises(UserError) as err:
        sync.revoke(hub, "存在しない端末")
    assert err.value.code == "unknown_device"


def test_bad_escrow_key_is_refused(hub) -> None:
    with pytest.raises(UserError) as err:
        sync.set_escrow(hub, "age1notakey")
    assert err.value.code == "bundle_bad_key"


_KEYS = crypto.generate_keys("22222222-2222-4222-8222-222222222222")
_REQUEST = enrol.request_file(enrol.member_of(_KEYS, "端末", "担当", "field"), _KEYS)


@settings(max_examples=200, deadline=None)
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, len(_REQUEST)), st.integers(0, 8), st.binary(max_size=8)),
        min_size=1,
        max_size=3,
    )
)
def test_enrolment_files_never_crash_the_reader(cuts) -> None:
    data = bytearray(_REQUEST)
    for at, drop, insert in cuts:
        data[at : at + drop] = insert
    for parse in (enrol.parse_request, enrol.parse_team):
        try:
            parse(bytes(data), "f.json")
        except UserError as err:
            assert err.code == "enrol_bad_file"
