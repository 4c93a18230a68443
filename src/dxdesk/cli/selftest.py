"""``dxdesk --self-test``: the command line's face of services/selftest.py.

Exit 0 when every step passed; otherwise one Japanese sentence naming the failed step on stderr
and exit 1 (``self_test_failed``), like any refusal.
"""

from __future__ import annotations

from dxdesk.cli import output
from dxdesk.errors import UserError
from dxdesk.services.selftest import SelfTestFailed, WindowCheck, run_self_test


def run(window_check: WindowCheck | None) -> None:
    try:
        run_self_test(output.echo, window_check=window_check)
    except SelfTestFailed as err:
        raise UserError("self_test_failed", detail=str(err)) from None
