"""Requirement 12: a process killed (SIGKILL) while writing never costs a committed record.

A writer process adds visits in a loop (single records and batches) and prints each record id
only after its transaction has committed. It is killed at random moments, again and again;
after every kill the profile must open, pass SQLite's and SQLCipher's integrity checks, and hold
every record the writer reported as committed.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, Profile, create_profile, open_profile
from dxdesk.services.records import RecordService
from tests.conftest import FAST_KDF, PASSPHRASE

KILLS = 20
SEED = 20251125

WRITER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path

    from dxdesk.paths import ProfilePaths
    from dxdesk.services.profile import Credentials, open_profile
    from dxdesk.services.records import RecordService

    root, run = Path(sys.argv[1]), sys.argv[2]
    creds = Credentials(passphrase=os.environ["DXDESK_PASSPHRASE"], use_keyring=False)
    profile = open_profile(ProfilePaths(root), creds)
    service = RecordService(profile)
    notes = "高千穂町で標準化の進捗を確認し、移行計画の課題を整理した。" * 8
    print("READY", flush=True)
    i = 0
    while True:
        i += 1
        visit = {
            "date": "2025-11-25", "org_id": "高千穂町", "mode": "訪問",
            "title": f"run {run} visit {i}", "notes": notes,
        }
        if i % 4 == 0:  # a bigger transaction now and then
            ids = [c.record_id for c in service.add_many("visit", [visit] * 15)]
        else:
            ids = [service.add("visit", visit).record_id]
        sys.stdout.write("".join(f"COMMITTED {x}\\n" for x in ids))
        sys.stdout.flush()
    """
)

COMMITTED = re.compile(
    r"^COMMITTED ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"
)


def kill(proc: subprocess.Popen[str]) -> None:
    if hasattr(signal, "SIGKILL"):
        os.kill(proc.pid, signal.SIGKILL)
    else:  # Windows: TerminateProcess, just as abrupt
        proc.kill()


def check_profile(root: Path, committed: set[str]) -> int:
    profile: Profile = open_profile(
        ProfilePaths(root), Credentials(passphrase=PASSPHRASE, use_keyring=False)
    )
    try:
        assert profile.database.integrity_problems() == []
        present = {
            str(row[0])
            for row in profile.database.conn.execute("SELECT id FROM visit WHERE _deleted = 0")
        }
        assert committed - present == set()
        # And through the service, for a sample (the way the app reads them).
        service = RecordService(profile)
        for rid in sorted(committed)[:: max(1, len(committed) // 20)]:
            assert service.get("visit", rid)["id"] == rid
        return len(present)
    finally:
        profile.close(backup=False)


@pytest.mark.slow
def test_sigkill_while_writing_loses_no_committed_record(tmp_path: Path) -> None:
    root = tmp_path / "山田" / "プロファイル"
    profile, _recovery = create_profile(
        ProfilePaths(root),
        owner_name="山田 太郎",
        device_name="PC",
        role="field",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    profile.close(backup=False)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "DXDESK_PASSPHRASE": PASSPHRASE}
    rng = random.Random(SEED)
    committed: set[str] = set()
    killed_mid_run = 0

    for run in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(root), str(run)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert proc.stdout is not None and proc.stderr is not None
            first = proc.stdout.readline()
            if first.strip() != "READY":
                proc.wait(timeout=30)
                pytest.fail(f"writer did not start: {first!r} {proc.stderr.read()}")
            time.sleep(rng.uniform(0.05, 0.6))
            kill(proc)
            out, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
        assert proc.returncode != 0
        assert "Traceback" not in err, err  # killed while writing, not crashed on its own
        ids = {m.group(1) for line in out.splitlines() if (m := COMMITTED.match(line))}
        committed |= ids
        killed_mid_run += bool(ids)

        count = check_profile(root, committed)
        assert count >= len(committed)

    # The kills really landed while records were being written.
    assert killed_mid_run >= KILLS // 2
    assert len(committed) > KILLS
