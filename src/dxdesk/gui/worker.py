"""Slow work (the Argon2id key derivation, creating a profile) off the GUI thread.

``run_busy(widget, fn)`` runs ``fn`` on a worker thread and waits in a local event loop, so the
window keeps painting and the operating system never marks it "not responding". Meanwhile the
widget is disabled (no second click starts a second unlock) and shows a wait cursor. The call
reads like a plain function call at its call site: it returns ``fn``'s result or re-raises its
exception on the GUI thread.

The worker must not touch widgets. Objects it creates (a Profile with its database connection)
are handed to the GUI thread when it ends and used only there afterwards; the store's
connection is opened without SQLite's same-thread check for exactly this hand-over.

``run_task(parent, title, label, fn)`` is the same for long work the user may stop (bundle
import and export, documents, backups): a modal dialog with a bar and 中止, ``fn`` reporting
through ``progress`` and stopping when it answers False.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QThread, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from dxdesk.errors import UserError
from dxdesk.gui.messages import plain_label

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


# ---------------------------------------------------------------- long work with progress

# How often the dialog reads the worker's progress: the worker never touches a widget and
# emits no signal from Python; the GUI thread polls a small locked record instead.
POLL_MS = 40

Progress = Callable[[int, int, str], bool]

_running: list[int] = [0]  # tasks on the profile's connection now (see busy())


def busy() -> bool:
    """Is a task using the profile's database connection now?

    The autosaving forms ask before writing a draft: while a task holds the connection (an
    import's one transaction), a draft written from the GUI thread would land inside that
    transaction, and be rolled back with it on 中止. They skip the tick and try again."""
    return _running[0] > 0


class _Shared:
    """What the worker reports and what the GUI asks of it, behind one lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done = 0
        self.total = 0
        self.cancel = threading.Event()

    def report(self, done: int, total: int, _what: str) -> bool:
        with self.lock:
            self.done, self.total = done, total
        return not self.cancel.is_set()

    def read(self) -> tuple[int, int]:
        with self.lock:
            return self.done, self.total


class TaskDialog(QDialog):
    """An application-modal dialog: what is being done, a bar, and 中止.

    Modal for the whole application so that nothing else reaches the database while the task
    holds it (no form saved, no list refreshed, no second import dropped on the window)."""

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.label = plain_label(label, self)  # it names files from other devices: no markup
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("taskBar")
        self.bar.setRange(0, 0)  # busy until the first report
        self.cancel_button = QPushButton(QCoreApplication.translate("TaskDialog", "中止(&C)"), self)
        self.cancel_button.setObjectName("taskCancel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.setMinimumWidth(420)
        self.finished_work = False

    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            if self.bar.maximum() != total:
                self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def reject(self) -> None:
        # Esc and the close button mean 中止; the dialog closes when the worker has stopped.
        if self.finished_work:
            super().reject()
        else:
            self.cancel_button.click()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.finished_work:
            super().closeEvent(event)
        else:
            event.ignore()
            self.cancel_button.click()


def run_task(
    parent: QWidget | None,
    title: str,
    label: str,
    fn: Callable[[Progress], T],
    *,
    on_database: bool = True,
    cancellable: bool = True,
    show_after_ms: int = 0,
) -> T:
    """Run ``fn(progress)`` on a worker thread behind a TaskDialog; return its result or raise
    its exception here, on the GUI thread.

    ``progress(done, total, what)`` may be called by ``fn`` as often as it likes; it answers
    False once 中止 was pressed, and ``fn`` then stops by raising (the services' own
    ``*_cancelled`` UserError after rolling back). ``on_database``: the task uses the
    profile's connection (the one connection the profile has: it is opened with an exclusive
    lock), so busy() is True meanwhile (docs/architecture.md, "Work off the GUI thread").
    ``cancellable=False``: no 中止 (work that has nothing to give back when stopped).
    ``show_after_ms``: the dialog appears only if the work lasts longer (user input is held
    meanwhile, as run_busy holds it), so quick work does not flash a dialog.
    """
    shared = _Shared()
    job: _Job[T] = _Job(lambda: fn(shared.report))
    dialog = TaskDialog(parent, title, label)

    def cancel() -> None:
        shared.cancel.set()
        dialog.cancel_button.setEnabled(False)
        dialog.label.setText(QCoreApplication.translate("TaskDialog", "中止しています…"))

    dialog.cancel_button.clicked.connect(cancel)
    dialog.cancel_button.setVisible(cancellable)
    dialog.cancel_button.setEnabled(cancellable)
    timer = QTimer(dialog)
    timer.setInterval(POLL_MS)
    timer.timeout.connect(lambda: dialog.show_progress(*shared.read()))
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    if on_database:
        _running[0] += 1
    # The cyclic collector's full passes walk every object the window holds (Qt wrappers,
    # caches): 40-60 ms with the GIL held, from whichever thread allocates — the worker's
    # allocations would stall the GUI thread. Frozen, a pass walks only what the task made.
    gc.freeze()
    try:
        timer.start()
        job.start()
        if show_after_ms > 0 and not job.isFinished():
            QTimer.singleShot(show_after_ms, loop.quit)
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if not job.isFinished():
            dialog.show()
            loop.exec()
        job.wait()
    finally:
        gc.unfreeze()
        if on_database:
            _running[0] -= 1
        timer.stop()
        dialog.finished_work = True
        dialog.close()
        dialog.deleteLater()
    if job.error is not None:
        error = job.error
        job.error = None
        raise error
    if shared.cancel.is_set():
        # 中止 pressed while work that cannot stop half-way (a document's build) ran to its
        # end: its result is dropped, as the user asked.
        raise UserError("task_cancelled")
    return job.result  # type: ignore[return-value]
