"""Slow work (the Argon2id key derivation, creating a profile) off the GUI thread.

``run_busy(widget, fn)`` runs ``fn`` on a worker thread and waits in a local event loop, so the
window keeps painting and the operating system never marks it "not responding". Meanwhile the
widget is disabled (no second click starts a second unlock) and shows a wait cursor. The call
reads like a plain function call at its call site: it returns ``fn``'s result or re-raises its
exception on the GUI thread.

The worker must not touch widgets. Objects it creates (a Profile with its database connection)
are handed to the GUI thread when it ends and used only there afterwards; the store's
connection is opened without SQLite's same-thread check for exactly this hand-over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, QThread
from PySide6.QtGui import QGuiApplication, Qt
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

T = TypeVar("T")


class _Job(QThread, Generic[T]):
    def __init__(self, fn: Callable[[], T]) -> None:
        super().__init__()
        self.fn = fn
        self.result: T | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.fn()
        except BaseException as exc:
            self.error = exc


@contextmanager
def wait_cursor() -> Iterator[None]:
    """A wait cursor around work that stays on the GUI thread (it shares the connection)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def run_busy(widget: QWidget | None, fn: Callable[[], T]) -> T:
    """Run ``fn`` off the GUI thread; return its result or raise its exception here."""
    job: _Job[T] = _Job(fn)
    loop = QEventLoop()
    # QThread.finished is emitted by Qt itself (queued to this thread): no Python-side emit.
    job.finished.connect(loop.quit)
    focus = QGuiApplication.focusObject()
    if widget is not None:
        widget.setEnabled(False)
    try:
        with wait_cursor():
            job.start()
            if not job.isFinished():
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            job.wait()
    finally:
        if widget is not None:
            widget.setEnabled(True)
            # The nested loop may have deleted the old focus widget (deleteLater).
            if isinstance(focus, QWidget) and isValid(focus) and widget.isAncestorOf(focus):
                focus.setFocus()
    if job.error is not None:
        error = job.error
        job.error = None
        raise error
    return job.result  # type: ignore[return-value]
