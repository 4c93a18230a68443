"""Logging: one logger per layer under "dxdesk", a capped rotating file in the profile, and a
redaction filter as a last line of defence (code never logs secrets or note text on purpose)."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_PATTERNS = (
    re.compile(r"x'[0-9a-fA-F]{16,}'"),  # raw SQLCipher keys
    re.compile(r"\b[0-9a-fA-F]{32,}\b"),  # any long hex secret
    re.compile(r"\b(?:[A-Z2-7]{4}-){3,}[A-Z2-7]{2,4}\b"),  # recovery keys
    re.compile(r"(?i)(passphrase|password|key)=\S+"),
)


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub("[redacted]", text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        return True


def setup_file_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "dxdesk.log"
    root = logging.getLogger("dxdesk")
    for h in list(root.handlers):
        if getattr(h, "_dxdesk", False):
            root.removeHandler(h)
            h.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    handler._dxdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def close_file_logging() -> None:
    root = logging.getLogger("dxdesk")
    for h in list(root.handlers):
        if getattr(h, "_dxdesk", False):
            root.removeHandler(h)
            h.close()
