"""Fixtures for the document tests: one demo profile per session (building it takes a few s).

The profile is real SQLCipher filled by ``populate_demo`` exactly as ``dxdesk demo`` fills it.
Tests must not write records into it (it is shared); build a ``profile`` of your own for that.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dxdesk.paths import ProfilePaths
from dxdesk.services.demo import populate_demo
from dxdesk.services.profile import Profile, create_profile
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="session")
def demo_profile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Profile]:
    root = tmp_path_factory.mktemp("報告書") / "デモ"
    profile, _recovery = create_profile(
        ProfilePaths(root),
        owner_name="宮崎 統括",
        device_name="報告書テスト用PC",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    try:
        populate_demo(profile)
        yield profile
    finally:
        profile.close(backup=False)
