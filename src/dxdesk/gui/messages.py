"""Messages made below the GUI (UserError, validation reasons), in the window's language,
and the widgets that show text: always as plain text.

The services speak Japanese; the catalogue (scripts/translations.py) holds every UserError
template (context ``UserError``), every validation reason template (``Reason``) and the model's
field labels (``Field``). A translation is looked up by the Japanese template and filled with the
same params, so English needs no second set of messages in the code.

A QLabel or QMessageBox guesses by default whether its text is HTML (``Qt.mightBeRichText``).
Names and values come from other devices' bundles and enrolment files, and messages quote
them, so a guess would let a device name such as ``<img …>`` draw in the window (a fake
fingerprint, say). Every label is made by ``plain_label`` and every message box by
``message_box``; the one label that is rich text on purpose says so and escapes what it shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from dxdesk.errors import MESSAGES, InvalidRecord, UserError, ValidationError
from dxdesk.gui.dates import shown_date
from dxdesk.services.phrases import Label, Text, render_value
from dxdesk.text import escape_controls, one_line


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text) if text else text


def _tr_n(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n) if text else text


def phrase(message: Text | Label) -> str:
    """A sentence of the services (services/phrases.py: the home screen's items, the deadline
    board's names and statuses) in the window's language (context ``Phrase``, the model's
    labels in theirs) and date style."""
    return render_value(message, shown_date, _tr_n)


def reason_text(err: ValidationError) -> str:
    """The reason alone (shown beside its field)."""
    return _tr("Reason", err.reason_template).format(**err.reason_params)


def user_message(err: UserError) -> str:
    """The whole sentence, translated when a translation is installed."""
    template = MESSAGES.get(err.code)
    if template is None:
        return err.message
    # A param may quote a name from another device: its controls are shown, never obeyed.
    params: dict[str, Any] = {
        k: one_line(v) if isinstance(v, str) else v for k, v in err.params.items()
    }
    if isinstance(err, InvalidRecord):
        # Each problem in the window's language, as errors.problem_text lays it out.
        item = QCoreApplication.translate("Problems", "「{label}」（{field}）：{reason}")
        params["problems"] = QCoreApplication.translate("Problems", "／").join(
            item.format(label=_tr("Field", e.label), field=e.field, reason=reason_text(e))
            for e in err.errors
        )
    elif isinstance(err, ValidationError):
        params["reason"] = reason_text(err)
    if isinstance(params.get("label"), str):
        params["label"] = _tr("Field", params["label"]) or _tr("Kind", params["label"])
    return err.render(_tr("UserError", template), params)


# Qt.TextFormat.PlainText as the int its property takes: the main window's labels are made on
# the way to the first paint, and naming any enum of the Qt namespace converts all ~90 of them
# (~15 ms of the start, tests/gui/test_cold_start.py).
PLAIN_TEXT = 0


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text as typed, never as HTML."""
    label = QLabel(parent)
    label.setProperty("textFormat", PLAIN_TEXT)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as typed, lines kept (Qt guesses at HTML in tooltips too).

    Made rich on purpose, with the text escaped: a tooltip cannot be told to be plain. Escaped
    here rather than by the html module, which the window's start does not otherwise load.
    """
    text = escape_controls(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<p style="white-space:pre">{text}</p>'


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A QMessageBox with plain text (the static helpers guess, and cannot be told not to)."""
    from PySide6.QtCore import Qt  # not at import: see PLAIN_TEXT

    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; True for yes."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = message_box(parent, QMessageBox.Icon.Question, title, text, buttons)
    return box.exec() == QMessageBox.StandardButton.Yes
