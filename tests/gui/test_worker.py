"""Slow work runs off the GUI thread while the window keeps painting."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

from dxdesk.errors import UserError
from dxdesk.gui.worker import run_busy


def test_the_work_runs_on_another_thread_while_the_event_loop_turns(qtbot: object) -> None:
    widget = QLineEdit()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["thread"] = threading.get_ident()
        seen["enabled"] = widget.isEnabled()
        time.sleep(0.3)
        return 42

    assert run_busy(widget, work) == 42
    timer.stop()
    assert seen["thread"] != threading.get_ident()
    assert seen["enabled"] is False  # no second click while the first one works
    assert widget.isEnabled()
    # The GUI thread kept handling events: timers fired during the 0.3 s of work.
    assert len(ticks) >= 5


def test_an_error_in_the_work_is_raised_at_the_call_site(qtbot: object) -> None:
    widget = QLineEdit()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]

    def work() -> None:
        raise UserError("wrong_passphrase")

    with pytest.raises(UserError) as caught:
        run_busy(widget, work)
    assert caught.value.code == "wrong_passphrase"
    assert widget.isEnabled()
