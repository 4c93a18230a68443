"""Messages made below the GUI (UserError, validation reasons), in the window's language.

The services speak Japanese; the catalogue (scripts/translations.py) holds every UserError
template (context ``UserError``), every validation reason template (``Reason``) and the model's
field labels (``Field``). A translation is looked up by the Japanese template and filled with the
same params, so English needs no second set of messages in the code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from dxdesk.errors import MESSAGES, UserError, ValidationError


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text) if text else text


def reason_text(err: ValidationError) -> str:
    """The reason alone (shown beside its field)."""
    return _tr("Reason", err.reason_template).format(**err.reason_params)


def user_message(err: UserError) -> str:
    """The whole sentence, translated when a translation is installed."""
    template = MESSAGES.get(err.code)
    if template is None:
        return err.message
    params: dict[str, Any] = dict(err.params)
    if isinstance(err, ValidationError):
        params["reason"] = reason_text(err)
    if isinstance(params.get("label"), str):
        params["label"] = _tr("Field", params["label"]) or _tr("Kind", params["label"])
    return err.render(_tr("UserError", template), params)
