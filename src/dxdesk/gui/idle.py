"""Notice when nobody has touched the app for a while (the rule is services.session)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from dxdesk.services.session import IdlePolicy, activity_clock

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent


@cache
def activity_events() -> frozenset[QEvent.Type]:
    """What counts as a person at the keyboard or mouse. Paint, timer and focus events do not.

    Built when watching starts: importing QEvent makes PySide6 convert its 180-member Type
    enum, a cost the window's cold start need not pay (bench/gui.py).
    """
    from PySide6.QtCore import QEvent

    return frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TabletPress,
            QEvent.Type.TabletMove,
            QEvent.Type.InputMethod,
        }
    )


def _as_policy(policy: IdlePolicy | float) -> IdlePolicy:
    return policy if isinstance(policy, IdlePolicy) else IdlePolicy(minutes=policy)


class IdleWatcher(QObject):
    """Emits ``idle()`` once per quiet period that reaches the policy's limit.

    ``policy`` is an IdlePolicy or simply the minutes (``Settings.idle_lock_minutes``; 0 never
    locks). Watching starts at once unless ``start=False``. An application-wide event filter
    notes the time of each keyboard or mouse event; a timer asks ``IdlePolicy.should_lock``
    every ``check_interval_ms``. After ``idle()`` it stays quiet until the next activity (or
    ``reset()``), so locking once is enough; the receiver should treat a second ``idle()``
    while already locked as nothing.
    """

    idle = Signal()

    def __init__(
        self,
        policy: IdlePolicy | float,
        parent: QObject | None = None,
        *,
        check_interval_ms: int | None = None,
        clock: Callable[[], float] = activity_clock,
        start: bool = True,
    ) -> None:
        super().__init__(parent)
        self._policy = _as_policy(policy)
        self._clock = clock
        self._last = clock()
        self._fired = False
        self._filtering = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._fixed_interval = check_interval_ms
        self._timer.setInterval(self._interval())
        if start:
            self.start()

    @property
    def policy(self) -> IdlePolicy:
        return self._policy

    def set_policy(self, policy: IdlePolicy | float) -> None:
        """Apply a changed setting; the quiet time so far still counts."""
        self._policy = _as_policy(policy)
        self._timer.setInterval(self._interval())
        if self._filtering:
            self._arm()

    def _interval(self) -> int:
        if self._fixed_interval is not None:
            return max(1, self._fixed_interval)
        # A tenth of the limit, between 1 and 5 seconds: a 15-minute lock comes within 5 s.
        return int(min(max(self._policy.seconds * 100, 1000), 5000))

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self.reset()
        self._arm()

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
        self._filtering = False

    def is_running(self) -> bool:
        return self._timer.isActive()

    def reset(self) -> None:
        """Count the quiet time from now (e.g. after unlocking)."""
        self._last = self._clock()
        self._fired = False

    def seconds_idle(self) -> float:
        return self._clock() - self._last

    def _arm(self) -> None:
        if self._policy.enabled:
            self._timer.start()
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in activity_events():
            self._last = self._clock()
            self._fired = False
        return False  # only watching: every event goes on to its receiver

    def _check(self) -> None:
        if self._fired:
            return
        if self._policy.should_lock(self._last, self._clock()):
            self._fired = True
            self.idle.emit()
