"""Where a profile lives. Override order: --profile, DXDESK_PROFILE, the platform's data dir."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_PROFILE = "DXDESK_PROFILE"


def default_profile_dir() -> Path:
    # e.g. C:\Users\山田\AppData\Local\dxdesk\profile, ~/Library/Application Support/dxdesk/...
    # Imported here: ~5 ms, and a start on a profile named by --profile never needs it.
    import platformdirs

    return platformdirs.user_data_path("dxdesk", appauthor=False) / "profile"


def resolve_profile_dir(option: str | os.PathLike[str] | None = None) -> Path:
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_PROFILE)
    if env:
        return Path(env).expanduser()
    return default_profile_dir()


@dataclass(frozen=True)
class ProfilePaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "dxdesk.db"

    @property
    def keys(self) -> Path:
        return self.root / "keys.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    def exists(self) -> bool:
        return self.keys.exists() or self.database.exists()
