"""Logging: one logger per layer under "dxdesk", a capped rotating file in the profile, and a
redaction filter as a last line of defence (code never logs secrets or note text on purpose)."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

from dxdesk.fsutil import private_dir

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
        if record.exc_info and not record.exc_text:
            # The traceback is formatted after filters run: redact it here too.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


# A library's logger never falls back to logging.lastResort, which prints to stderr: without a
# log file, records (tracebacks included) are dropped rather than shown to the user.
logging.getLogger("dxdesk").addHandler(logging.NullHandler())


def setup_file_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    private_dir(log_dir)  # events only, but still nobody else's business
    path = log_dir / "dxdesk.log"
    root = logging.getLogger("dxdesk")
    for h in list(root.handlers):
        if getattr(h, "_dxdesk", False):
            root.removeHandler(h)
            h.close()
    from logging.handlers import RotatingFileHandler  # here: it pulls in socket and pickle

    class PrivateRotatingFileHandler(RotatingFileHandler):
        """Log files created 0600 on POSIX (the handler would use the umask's 0644)."""

        def _open(self) -> Any:
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
            fd = os.open(self.baseFilename, flags, 0o600)
            return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    handler = PrivateRotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )  # delay: a command that logs nothing (e.g. a refused one) leaves no new file behind
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    handler._dxdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def file_logging_active() -> bool:
    return any(getattr(h, "_dxdesk", False) for h in logging.getLogger("dxdesk").handlers)


def close_file_logging() -> None:
    root = logging.getLogger("dxdesk")
    for h in list(root.handlers):
        if getattr(h, "_dxdesk", False):
            root.removeHandler(h)
            h.close()
