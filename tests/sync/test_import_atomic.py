"""Import is all or nothing: refusals leave the profile byte-for-byte unchanged, a repeat changes
nothing, and a SIGKILL at any moment leaves the database as before the import or as after it."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services import sync
from dxdesk.services.records import RecordService
from dxdesk.sync import enrol
from tests.conftest import PASSPHRASE, tree_digest
from tests.sync.bundle_helpers import craft
from tests.sync.sync_helpers import enrol_field, make_profile, reopen, visit
from tests.test_crash import kill


@pytest.fixture
def pair(tmp_path: Path):
    """A hub and a field laptop in step, closed; the field has exported one small bundle."""
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    field = make_profile(tmp_path / "field", "field", "山田")
    enrol_field(hub, field, tmp_path)
    # One round first, so that the bundle under test carries a single change.
    sync.import_bundle(hub, sync.export_bundle(field, "hub", tmp_path / "first").path)
    sync.import_bundle(field, sync.export_bundle(hub, field.device_id, tmp_path / "first").path)
    RecordService(field).add("visit", visit("小さな訪問"))
    out = sync.export_bundle(field, "hub", tmp_path / "usb")
    hub.close(backup=False)
    field.close(backup=False)
    return tmp_path / "hub", tmp_path / "field", out.path


def test_every_flip_and_truncation_leaves_the_profile_unchanged(pair, tmp_path: Path) -> None:
    hub_root, _field_root, good = pair
    data = good.read_bytes()
    before = tree_digest(hub_root)
    hub = reopen(hub_root)
    codes: set[str] = set()
    bad = tmp_path / "bad.dxb"
    try:
        for i in range(len(data)):
            for variant in (data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1 :], data[:i]):
                bad.write_bytes(variant)
                with pytest.raises(UserError) as err:
                    sync.import_bundle(hub, bad)
                codes.add(err.value.code)
    finally:
        hub.close(backup=False)
    assert tree_digest(hub_root) == before
    assert codes <= {"bundle_damaged", "bundle_wrong_recipient", "bundle_not_bundle"}
    assert len(data) > 300  # a real bundle, header and payload, was mutated


def test_refusals_each_name_their_reason_and_change_no_byte(pair, tmp_path: Path) -> None:
    hub_root, field_root, good = pair
    field = reopen(field_root)
    hub = reopen(hub_root)
    try:
        first = sync.import_bundle(hub, good)
        assert first.applied
        hub_keys = enrol.load_keys(hub.database)
        field_keys = enrol.load_keys(field.database)
        assert hub_keys and field_keys
        cases = {
            "bundle_id_reused": craft(
                field_keys,
                hub_keys,
                [],
                manifest={"bundle_id": first.preview.manifest.bundle_id},
            ),
            "bundle_unsupported_feature": craft(
                field_keys, hub_keys, [], manifest={"requires": ["zlib", "delta-2"]}
            ),
            "bundle_unknown_sender": craft(hub_keys, hub_keys, []),
        }
        # A field device reusing the id of a bundle the hub wrote itself.
        own = sync.export_bundle(hub, field.device_id, tmp_path / "out")
        reused_own = craft(field_keys, hub_keys, [], manifest={"bundle_id": own.bundle_id})
    finally:
        hub.close(backup=False)
        field.close(backup=False)
    before = tree_digest(hub_root)
    hub = reopen(hub_root)
    try:
        for code, data in [*cases.items(), ("bundle_id_reused", reused_own)]:
            path = tmp_path / f"{code}.dxb"
            path.write_bytes(data)
            with pytest.raises(UserError) as err:
                sync.import_bundle(hub, path)
            assert err.value.code == code
        again = sync.import_bundle(hub, good)  # twice: "already imported", nothing written
        assert not again.applied and again.preview.already
    finally:
        hub.close(backup=False)
    assert tree_digest(hub_root) == before


IMPORTER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path

    from dxdesk.paths import ProfilePaths
    from dxdesk.services import sync
    from dxdesk.services.profile import Credentials, open_profile

    root, bundle = Path(sys.argv[1]), Path(sys.argv[2])
    creds = Credentials(passphrase=os.environ["DXDESK_PASSPHRASE"], use_keyring=False)
    profile = open_profile(ProfilePaths(root), creds)
    print("READY", flush=True)
    result = sync.import_bundle(profile, bundle)
    print("DONE", result.applied, flush=True)
    profile.close(backup=False)
    """
)
KILLS = 8
SEED = 20251125


@pytest.mark.slow
def test_sigkill_during_import_leaves_before_or_after(tmp_path: Path) -> None:
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    field = make_profile(tmp_path / "field", "field", "山田")
    enrol_field(hub, field, tmp_path)
    RecordService(field).add_many("visit", [visit(f"訪問 {i}") for i in range(3000)])
    big = sync.export_bundle(field, "hub", tmp_path / "usb").path
    hub.close(backup=False)
    field.close(backup=False)
    pristine = tmp_path / "hub"
    script = tmp_path / "importer.py"
    script.write_text(IMPORTER, encoding="utf-8")
    env = {**os.environ, "DXDESK_PASSPHRASE": PASSPHRASE}
    rng = random.Random(SEED)
    outcomes = []
    full = None  # how long one whole import takes here, measured by run 0 (not killed)
    for run in range(KILLS + 1):
        work = tmp_path / f"run{run}"
        shutil.copytree(pristine, work)
        proc = subprocess.Popen(
            [sys.executable, str(script), str(work), str(big)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "READY"
            started = time.monotonic()
            if full is None:
                out, err = proc.communicate(timeout=120)
                full = time.monotonic() - started
                assert "DONE True" in out, err
            else:
                # Stratified over 0 .. 1.2 x the import time: every phase gets hit, and the
                # last strata land after the commit.
                time.sleep(full * 1.2 * (run - 1 + rng.random()) / KILLS)
                kill(proc)
                out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
        assert "Traceback" not in err, err
        profile = reopen(work)
        try:
            assert profile.database.integrity_problems() == []
            visits = profile.database.conn.execute(
                "SELECT count(*) FROM visit WHERE title LIKE '訪問 %'"
            ).fetchone()[0]
            recorded = profile.database.conn.execute(
                "SELECT count(*) FROM bundles WHERE direction = 'import'"
            ).fetchone()[0]
            history = profile.database.conn.execute(
                "SELECT count(*) FROM import_history"
            ).fetchone()[0]
        finally:
            profile.close(backup=False)
        assert (visits, recorded, history) in {(0, 0, 0), (3000, 1, 1)}, (run, out)
        outcomes.append(visits > 0)
        shutil.rmtree(work)
    # The kills landed on both sides of the commit at least once.
    assert any(outcomes) and not all(outcomes), outcomes
    assert ProfilePaths(pristine).exists()
