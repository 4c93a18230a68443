"""Profiles for sync tests: a hub and enrolled field laptops, built through the services."""

from __future__ import annotations

from pathlib import Path

from dxdesk.paths import ProfilePaths
from dxdesk.services import sync
from dxdesk.services.profile import Credentials, Profile, create_profile, open_profile
from tests.conftest import FAST_KDF, PASSPHRASE


def make_profile(root: Path, role: str, name: str, passphrase: str = PASSPHRASE) -> Profile:
    profile, _recovery = create_profile(
        ProfilePaths(root),
        owner_name=f"{name} 担当",
        device_name=f"{name}の端末",
        role=role,
        passphrase=passphrase,
        kdf=FAST_KDF,
    )
    return profile


def reopen(root: Path) -> Profile:
    return open_profile(ProfilePaths(root), Credentials(passphrase=PASSPHRASE, use_keyring=False))


def enrol_field(hub: Profile, field: Profile, tmp: Path) -> None:
    """The whole enrolment dance, with the files on disk as a user would carry them."""
    request, _fp = sync.write_request(field, tmp / f"{field.device_id}.request")
    team = sync.accept(hub, sync.read_request(request), tmp / f"{field.device_id}.team")
    sync.join(field, sync.read_team(team))


def visit(name: str) -> dict[str, object]:
    return {"date": "2025-11-25", "org_id": "高千穂町", "mode": "訪問", "title": name}
