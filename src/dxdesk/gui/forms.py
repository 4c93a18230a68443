"""The record form: one dialog for every kind of record, laid out from the domain model.

``RecordForm`` shows a labelled editor per field (required ones marked ＊) with an error line
under each. Save (the button or Ctrl+S) checks every field with the model (the same ``coerce``
and record rules the CLI uses) and shows each problem beside its field; only a clean form is
handed to ``RecordService.add`` / ``edit``, one call, one transaction, so nothing is half-saved.
While the form has unsaved changes it writes a draft (``DraftService``, inside the encrypted
database) every few seconds; the draft goes away when the record is saved or the changes are
thrown away, and after a crash ``RecordForm.from_draft`` reopens it. Esc or closing a form with
unsaved changes asks first.

What a form knows of a kind comes from the model: a new record starts from the declared
defaults (``RecordService.defaults``), every problem is found by the model's ``check`` and
shown at once beside its field, a derived field (a visit's hours) shows the value its inputs
give while the user has typed none, and a declared follow-up (``Kind.follow_ups``) is a
button beside its text: 「この所見から課題を作成」 saves the visit if needed, then opens an issue
form prefilled with the organisation, the visit's date, a link to the visit and the finding.
"""

from __future__ import annotations

import contextlib
import html
import itertools
import logging
from collections.abc import Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.model import (
    KINDS,
    Checked,
    Field,
    FieldType,
    FollowUp,
    Kind,
    Record,
    Value,
    check,
    derived_value,
    kind,
)
from dxdesk.errors import InvalidRecord, UserError, ValidationError
from dxdesk.gui import worker
from dxdesk.gui.dates import shown_stored
from dxdesk.gui.members import ChildrenPanel, MembersEditor
from dxdesk.gui.messages import plain_label, reason_text, user_message
from dxdesk.gui.widgets import (
    EditorValue,
    FieldEditor,
    LongTextEdit,
    LookupCombo,
    Pair,
    as_text,
    editor_for,
    emit_signal,
)
from dxdesk.services.drafts import Draft, DraftService, new_draft_id
from dxdesk.services.records import Change, RecordService

log = logging.getLogger("dxdesk.gui")

FORM_NAME = "record"  # the `form` column of drafts written by this dialog
AUTOSAVE_MS = 5_000
REF_CHOICES = 200  # newest records offered in a reference list (it must not grow with the data)
ERROR_STYLE = "color: #b00020;"
MIN_WIDTH = 720
MAX_HEIGHT = 660


def field_label(f: Field) -> str:
    """A field's label; the model's Japanese is the source text for Qt Linguist."""
    return QCoreApplication.translate("Field", f.label)


def action_text(text: str) -> str:
    """A button or hint the model declares (a follow-up), in the window's language."""
    return QCoreApplication.translate("Action", text) if text else text


# The child kind whose lines and warnings come from its own service (an engagement's
# 常時支援者, services/engagements.py); any other child kind is listed from the model.
SUPPORTER = "engagement_supporter"


class RecordForm(QDialog):
    """Add or edit one record of any kind (see the module docstring)."""

    saved = Signal(object)  # Change: the record was written
    follow_up_created = Signal(object)  # Change: a record raised from this one (an issue)

    def __init__(
        self,
        service: RecordService,
        drafts: DraftService,
        kind_name: str,
        record_id: str | None = None,
        initial: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        draft_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.drafts = drafts
        self.kind: Kind = kind(kind_name)
        self.record_id = record_id
        self.original: Record = service.get(self.kind.name, record_id) if record_id else {}
        self.draft_id = draft_id or new_draft_id()
        self._draft_written = draft_id is not None
        self.editors: dict[str, FieldEditor] = {}
        self._org_readings: dict[str, str] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.shown_errors: dict[str, str] = {}
        self.follow_up_buttons: dict[str, QPushButton] = {}
        self.follow_up_form: RecordForm | None = None
        # What each derived field's inputs gave last: the editor follows them while it holds
        # that (or nothing), never once the user has typed a value of their own.
        self._last_derived: dict[str, str | None] = {}
        self._loading = True

        start = self._starting_values(initial)
        self._build(start)
        for name, value in start.items():
            self.editors[name].set_value(value)
        self._last_derived = {f.name: self._derived_text(f) for f in self._derived_fields()}
        self._baseline = self.values()
        self._loading = False

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_draft)
        for name, editor in self.editors.items():
            editor.changed.connect(lambda n=name: self._on_changed(n))
        for f in self.kind.entry_fields:
            if f.prefer is not None and f.prefer[0] in self.editors:
                source = f.prefer[0]
                self.editors[source].changed.connect(lambda s=source: self._reorder_refs(s))
        self._update_title()
        self._update_follow_ups()

    # ------------------------------------------------------------ construction

    @classmethod
    def from_draft(
        cls,
        service: RecordService,
        drafts: DraftService,
        draft: Draft | str,
        parent: QWidget | None = None,
    ) -> RecordForm:
        """Reopen a form from its draft (after a crash); it opens with unsaved changes."""
        found = drafts.get(draft) if isinstance(draft, str) else draft
        if found is None:
            raise UserError("bad_argument", detail="下書きが見つかりません。")
        form = cls(
            service, drafts, found.kind, record_id=found.record_id, parent=parent, draft_id=found.id
        )
        form.set_values(found.values)
        return form

    def _starting_values(self, initial: Mapping[str, Any] | None) -> dict[str, Any]:
        k = self.kind
        if self.record_id:
            start: dict[str, Any] = {f.name: self.original.get(f.name) for f in k.entry_fields}
        else:
            # The model's defaults (today, 未対応, 訪問, this laptop's person), as add fills them.
            start = {f.name: None for f in k.entry_fields}
            start.update(self.service.defaults(k.name))
        for name, value in (initial or {}).items():
            k.field(name)  # an unknown field is a programming error: say so
            start[name] = value
        return start

    def _build(self, start: Mapping[str, Any]) -> None:
        outer = QVBoxLayout(self)
        self.banner = plain_label(parent=self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.hide()
        outer.addWidget(self.banner)
        legend = plain_label(self.tr("＊は必須項目です。"), self)
        outer.addWidget(legend)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self.scroll_area)
        body.setObjectName("body")
        self.layout_form = QFormLayout(body)
        self.layout_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.layout_form.setVerticalSpacing(6)

        orgs = (
            self._org_pairs()
            if any(f.type == FieldType.ORG for f in self.kind.entry_fields)
            else []
        )
        focus_chain: list[QWidget] = []
        for f in self.kind.entry_fields:
            refs = (
                self._ref_pairs(f, start.get(f.name), self._preferred(f, start))
                if f.type == FieldType.REF
                else []
            )
            editor = editor_for(
                f,
                orgs=orgs,
                refs=refs,
                readings=self._org_readings,
                picks=partial(self._pick_options, f),
                parent=body,
            )
            editor.setObjectName(f"editor_{f.name}")
            editor.setAccessibleName(field_label(f))
            error = plain_label(parent=body)
            error.setObjectName(f"error_{f.name}")
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            cell = QWidget(body)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(error)
            focus_chain.append(editor.input_widget)
            follow_up = self.kind.follow_up(f.name)
            if follow_up is not None:
                button = QPushButton(action_text(follow_up.label), cell)
                button.setObjectName(f"create_{follow_up.kind}")
                button.setAutoDefault(False)
                button.setToolTip(action_text(follow_up.hint))
                button.clicked.connect(lambda _=False, s=f.name: self.create_follow_up(s))
                self.follow_up_buttons[f.name] = button
                row = QHBoxLayout()
                row.addWidget(button)
                row.addStretch(1)
                column.addLayout(row)
                focus_chain.append(button)
            label = QLabel(body)
            label.setTextFormat(Qt.TextFormat.RichText)  # the red ＊; the label is escaped
            label.setText(self._label_text(f))
            label.setObjectName(f"label_{f.name}")
            label.setBuddy(editor.input_widget)
            # Line the label up with the editor's first line, not the middle of a tall cell.
            label.setMinimumHeight(min(editor.sizeHint().height(), 30))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.layout_form.addRow(label, cell)
            self.editors[f.name] = editor
            self.error_labels[f.name] = error
        self.members: MembersEditor | None = None
        if self._has_members():
            # A group's members, a training's organisations, an issue's related ones: one
            # membership record each, written when the form is saved (gui/members.py).
            child = self.service.membership_kind(self.kind.name)
            title = QCoreApplication.translate("Kind", child.label)
            self.members = MembersEditor(
                title, self._org_pairs(), self._held_members(), body, readings=self._org_readings
            )
            self.members.setObjectName("members")
            label = plain_label(self.members.title, body)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.layout_form.addRow(label, self.members)
            focus_chain += [self.members.filter, self.members.list]
        # Records ticked in this form that point at it (a training's 研修要望): one list each.
        self.tick_editors: dict[tuple[str, str], MembersEditor] = {}
        for other, field in self.service.ticked_fields(self.kind.name):
            rows, held = self.service.tick_choices(other.name, field, self.record_id)
            names = self.service.org_names() if other.org_field else {}
            ticks = MembersEditor(
                QCoreApplication.translate("Kind", other.label),
                [(str(r["id"]), self._describe_listed(other, r, names)) for r in rows],
                held,
                body,
                count_text=self.tr("%1 件を選択"),
            )
            ticks.setObjectName(f"ticked_{other.name}")
            ticks.setToolTip(self.tr("この記録が対応するものにチェックを付けます。"))
            label = plain_label(ticks.title, body)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.layout_form.addRow(label, ticks)
            focus_chain += [ticks.filter, ticks.list]
            self.tick_editors[(other.name, field)] = ticks
        # Child records with their own forms (an engagement's 常時支援者, a meeting's 決定・課題
        # 事項): a list each, a button to add one, and for an open point 「課題として登録」.
        self.children_panels: dict[str, ChildrenPanel] = {}
        self.child_form: RecordForm | None = None
        for child in self._panel_kinds():
            raising = self._raising(child)
            panel = ChildrenPanel(
                QCoreApplication.translate("Kind", child.label),
                body,
                follow_up=action_text(raising.label) if raising else "",
            )
            panel.setObjectName(f"children_{child.name}")
            panel.add_requested.connect(lambda c=child.name: self.add_child(c))
            panel.open_requested.connect(lambda rid, c=child.name: self.open_child(rid, c))
            panel.follow_up_requested.connect(
                lambda rid, c=child.name: self.raise_from_child(c, rid)
            )
            if raising is not None:
                assert panel.follow_up_button is not None
                panel.follow_up_button.setToolTip(action_text(raising.hint))
            label = plain_label(panel.title, body)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.layout_form.addRow(label, panel)
            focus_chain.append(panel.list)
            self.children_panels[child.name] = panel
        # The first panel by its old name (an engagement's supporters).
        self.children_panel = next(iter(self.children_panels.values()), None)
        self._refresh_children()
        self.detail_panels: dict[str, ChildrenPanel] = {}
        if SUPPORTER in self.children_panels:
            # The engagement's 管理表 (gui/engagement_table.py): per 常時支援者, from the visits
            # and hours, so the kind whose children are supporters has one.
            self.table_button = QPushButton(self.tr("管理表を開く…"), body)
            self.table_button.setObjectName("open_management_table")
            self.table_button.setToolTip(
                self.tr("月ごと・常時支援者ごとの現地日数、時間、実施内容、次の対応を表示します。")
            )
            self.table_button.clicked.connect(lambda _=False: self.open_management_table())
            # Its outcomes as a 支援事例 draft (services/cases.py), opened in its own form.
            self.draft_button = QPushButton(self.tr("成果から支援事例の下書きを作成…"), body)
            self.draft_button.setObjectName("draft_case_study")
            self.draft_button.clicked.connect(lambda _=False: self.draft_case_study())
            engagement_buttons = QWidget(body)
            button_row = QHBoxLayout(engagement_buttons)
            button_row.setContentsMargins(0, 0, 0, 0)
            button_row.addWidget(self.table_button)
            button_row.addWidget(self.draft_button)
            button_row.addStretch(1)
            self.layout_form.addRow("", engagement_buttons)
        # Child records listed by name (an engagement's milestones, stakeholders and cases
        # introduced; a consultation's cases): a list each, added and opened in their own form.
        from dxdesk.services.engagement_details import DETAIL_CHILDREN

        for child_name in DETAIL_CHILDREN.get(self.kind.name, ()):
            extra = ChildrenPanel(QCoreApplication.translate("Kind", kind(child_name).label), body)
            extra.setObjectName(f"children_{child_name}")
            extra.add_requested.connect(lambda n=child_name: self.add_child(n))
            extra.open_requested.connect(lambda cid, n=child_name: self.open_child(cid, n))
            label = plain_label(extra.title, body)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.layout_form.addRow(label, extra)
            focus_chain.append(extra.list)
            self.detail_panels[child_name] = extra
        self._refresh_details()
        for f in self._derived_fields():
            line = getattr(self.editors[f.name], "line", None)
            if line is not None and f.derive is not None:
                inputs = self.tr("・").join(
                    field_label(self.kind.field(n)) for n in f.derive.inputs
                )
                line.setPlaceholderText(self.tr("%1から計算").replace("%1", inputs))
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

        buttons = QHBoxLayout()
        self.status = plain_label(parent=self)
        self.status.setObjectName("status")
        buttons.addWidget(self.status, 1)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.cancel_button = QPushButton(self.tr("キャンセル"), self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setToolTip(self.tr("閉じる（Esc）"))
        if self.record_id:
            # Who changed what, when (the history of changes; any record's).
            self.history_button = QPushButton(self.tr("変更履歴…"), self)
            self.history_button.setObjectName("history")
            self.history_button.setAutoDefault(False)
            self.history_button.clicked.connect(self.show_history)
            buttons.addWidget(self.history_button)
        for button in (self.save_button, self.cancel_button):
            # Enter in a field must not save the form by accident; Ctrl+S saves.
            button.setAutoDefault(False)
            button.setDefault(False)
            buttons.addWidget(button)
        outer.addLayout(buttons)
        focus_chain += [self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(focus_chain):
            QWidget.setTabOrder(first, second)

        self.save_button.clicked.connect(self.save_and_close)
        self.cancel_button.clicked.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        # This dialog only, not an issue form opened from it (a child window).
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save_and_close)
        self._size_to_screen(body)

    def _label_text(self, f: Field) -> str:
        text = html.escape(field_label(f))
        if f.required:
            return f'{text}<span style="color:#b00020">＊</span>'
        return text

    def _size_to_screen(self, body: QWidget) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry()
        width = min(max(body.sizeHint().width() + 60, MIN_WIDTH), int(avail.width() * 0.9))
        # Fits a 1366x768 laptop with its task bar and the title bar; the rest scrolls.
        height = min(body.sizeHint().height() + 110, MAX_HEIGHT, int(avail.height() * 0.9))
        self.resize(width, max(height, 320))

    def _org_pairs(self) -> list[Pair]:
        rows = self.service.list_records("organisation")
        # Their よみがな too: a picker finds 高千穂町 by たかちほ (gui/widgets.py LookupCombo).
        self._org_readings = {str(r["id"]): str(r.get("reading") or "") for r in rows}
        return [(str(r["id"]), str(r["name"])) for r in rows]

    def _pick_options(self, f: Field) -> list[tuple[str, str, str]]:
        """What a list field's picker offers now (services/pickers.py): the contacts of the
        organisation the form holds at this moment, when it names one that exists."""
        from dxdesk.services.pickers import pick_options

        k = self.kind
        record: dict[str, Value] = {}
        if k.org_field and k.org_field in self.editors:
            value = self.editors[k.org_field].value()
            record[k.org_field] = value if isinstance(value, str) else None
        try:
            options = pick_options(self.service.profile, k.name, f.name, record)
        except UserError:  # an organisation typed that is not one: every contact
            options = pick_options(self.service.profile, k.name, f.name, {})
        return [(o.value, o.shown, o.also) for o in options]

    def _ref_pairs(self, f: Field, current: object, preferred: str | None = None) -> list[Pair]:
        """The newest records of the referenced kind, plus the one the field holds now; for a
        field that prefers some (``Field.prefer``), those matching ``preferred`` first, each
        with the value it matched on (a consultation's experts by 分野)."""
        assert f.ref is not None
        target = kind(f.ref)
        rows = self.service.list_records(target.name, limit=REF_CHOICES)
        current_id = as_text(current).strip()
        if current_id and all(str(r["id"]) != current_id for r in rows):
            # An unknown id stays as typed; saving will say that it is not found.
            with contextlib.suppress(UserError):
                rows.append(self.service.get(target.name, current_id))
        orgs = self.service.org_names() if target.org_field else {}
        if f.prefer is None:
            return [(str(r["id"]), self._describe(target, r, orgs)) for r in rows]
        theirs = f.prefer[1]

        def matches(r: Record) -> bool:
            held = r.get(theirs)
            return preferred is not None and (
                preferred in held if isinstance(held, list) else held == preferred
            )

        rows.sort(key=lambda r: not matches(r))  # stable: newest first within each part
        out = []
        for r in rows:
            text = self._describe(target, r, orgs)
            shown = self.service.display_value(target, theirs, r.get(theirs), orgs)
            if shown:
                text += self.tr("（%1）").replace("%1", shown)
            out.append((str(r["id"]), ("◎ " if matches(r) else "") + text))
        return out

    def _describe(self, target: Kind, record: Record, orgs: dict[str, str]) -> str:
        parts = []
        if target.date_field and record.get(target.date_field):
            parts.append(shown_stored(record[target.date_field]))
        if target.org_field and record.get(target.org_field):
            parts.append(orgs.get(str(record[target.org_field]), ""))
        parts.append(
            self.service.display_value(target, target.title, record.get(target.title), orgs)
        )
        text = " ".join(p for p in parts if p)
        if record.get("_deleted"):
            text += self.tr("（削除済み）")
        return text or str(record["id"])

    def _describe_listed(self, target: Kind, record: Record, orgs: dict[str, str]) -> str:
        """A record with the other values of its list's columns (a wish's format, period)."""
        shown = {target.date_field, target.org_field, target.title}
        extra = [
            self.service.display_value(target, n, record.get(n), orgs)
            for n in target.list_columns
            if n not in shown
        ]
        text = self._describe(target, record, orgs)
        extra = [e for e in extra if e]
        return text + (self.tr("（%1）").replace("%1", "・".join(extra)) if extra else "")

    # ------------------------------------------------------------ values

    def values(self) -> dict[str, EditorValue]:
        """Every field as the user typed it."""
        return {name: editor.value() for name, editor in self.editors.items()}

    def set_values(self, values: Mapping[str, object]) -> None:
        """Fill fields (stored values or typed text); unknown names are ignored."""
        for name, value in values.items():
            editor = self.editors.get(name)
            if editor is not None:
                editor.set_value(value)

    # ------------------------------------------------------------ preferred references

    def _preferred(self, f: Field, values: Mapping[str, Any]) -> str | None:
        """The value the references of ``f`` are ordered by (a consultation's 分類)."""
        if f.prefer is None:
            return None
        found = as_text(values.get(f.prefer[0])).strip()
        return found or None

    def _reorder_refs(self, source: str) -> None:
        """The field ordering some references changed: offer the matching ones first."""
        for f in self.kind.entry_fields:
            editor = self.editors.get(f.name)
            if f.prefer is None or f.prefer[0] != source or editor is None:
                continue
            if isinstance(editor, LookupCombo):
                wanted = self._preferred(f, self.values())
                editor.set_pairs(self._ref_pairs(f, editor.value(), wanted))

    def is_dirty(self) -> bool:
        return self.values() != self._baseline

    def _draft_values(self) -> dict[str, str]:
        return {name: as_text(value) for name, value in self.values().items()}

    # ------------------------------------------------------------ live reactions

    def _on_changed(self, name: str) -> None:
        if self._loading:
            return
        self._fill_derived(name)
        if self.follow_up_buttons:
            self._update_follow_ups()
        self._show_errors(self._live_errors())
        if self.is_dirty():
            if not self.autosave_timer.isActive():
                self.autosave_timer.start()
            self.status.setText(self.tr("未保存の変更があります"))
        else:
            self.status.clear()

    def _has_members(self) -> bool:
        try:
            self.service.membership_kind(self.kind.name)
        except UserError:
            return False
        return True

    def _panel_kinds(self) -> list[Kind]:
        """Child kinds listed with their own forms: every child kind of this one but the
        organisations ticked in the members editor."""
        from dxdesk.services.engagement_details import DETAIL_CHILDREN

        members = self.service.membership_kind(self.kind.name) if self._has_members() else None
        # Children named by what they are (milestones, stakeholders, cases) have their own lines
        # (services/engagement_details.py) and panels (detail_panels): not listed twice.
        detailed = DETAIL_CHILDREN.get(self.kind.name, ())
        return [
            c
            for c in KINDS
            if c.parent is not None
            and c.parent_kind == self.kind.name
            and c is not members
            and c.name not in detailed
        ]

    @staticmethod
    def _raising(child: Kind) -> FollowUp | None:
        """The follow-up of a child kind that its parent's list offers (one that links back)."""
        return next((u for u in child.follow_ups if u.back is not None), None)

    def _refresh_children(self) -> None:
        for name, panel in self.children_panels.items():
            if self.record_id is None:
                note = self.tr("保存すると、%1を追加できます。").replace("%1", panel.title)
                panel.set_rows([], [note])
            elif name == SUPPORTER:
                from dxdesk.services.engagements import EngagementService, describe

                found = EngagementService(self.service.profile).find(self.record_id)
                rows = [(s.id, describe(s)) for s in found.supporters] if found else []
                panel.set_rows(rows, [w.text for w in found.warnings] if found else [])
            else:
                self._list_children(kind(name), panel)

    def open_management_table(self) -> Any:
        """The engagement's 管理表 (saved first when new or changed)."""
        from dxdesk.gui.engagement_table import ManagementTableView

        if (self.record_id is None or self.is_dirty()) and not self.save():
            return None
        assert self.record_id is not None
        view = ManagementTableView(self.service, self.drafts, self.record_id, parent=self)
        view.changed.connect(self.follow_up_created)  # the window refreshes from the Change
        self.management_view = view
        view.open()
        return view

    def _refresh_details(self) -> None:
        if not self.detail_panels:
            return
        if self.record_id is None:
            for panel in self.detail_panels.values():
                panel.set_rows([], [self.tr("保存すると追加できます。")])
            return
        from dxdesk.services.engagement_details import child_lines

        lines = child_lines(self.service.profile, self.kind.name, self.record_id)
        for name, panel in self.detail_panels.items():
            panel.set_rows(lines.get(name, []), [])

    def draft_case_study(self) -> RecordForm | None:
        """A 支援事例 draft from this engagement's outcomes (saved first), opened to edit."""
        from dxdesk.services.cases import CaseService

        if (self.record_id is None or self.is_dirty()) and not self.save():
            return None
        assert self.record_id is not None
        try:
            made = CaseService(self.service.profile).draft_from_engagement(self.record_id)
        except UserError as err:
            self._show_banner(user_message(err))
            return None
        self.follow_up_created.emit(made)  # the window shows the new draft in its lists
        form = RecordForm(
            self.service, self.drafts, made.kind, record_id=made.record_id, parent=self
        )
        form.saved.connect(self.follow_up_created)
        self.child_form = form
        form.open()
        return form

    def _list_children(self, child: Kind, panel: ChildrenPanel) -> None:
        """One line per child, in the order of its first choice field and its 表示順."""
        assert self.record_id is not None
        rows = self.service.children(self.kind.name, self.record_id)[child.name]
        choice = next((f for f in child.entry_fields if f.type == FieldType.CHOICE), None)

        def order(r: Record) -> tuple[int, float]:
            rank = (
                choice.choices.index(str(r[choice.name]))
                if choice and r.get(choice.name) in choice.choices
                else 99
            )
            sort = r.get("sort_order") if "sort_order" in child.field_names else None
            return rank, float(sort) if isinstance(sort, int | float) else 1e9

        rows.sort(key=order)
        raising = self._raising(child)
        orgs = self.service.org_names()
        shown_fields = [n for n in child.list_columns if n != child.parent]
        lines, raisable = [], set()
        for r in rows:
            parts = []
            for n in shown_fields:
                f = child.field(n)
                if f.type == FieldType.REF:
                    continue  # an id says nothing to a reader; a raised record is named below
                value = self.service.display_value(child, n, r.get(n), orgs)
                if value:
                    parts.append(f"【{value}】" if f.type == FieldType.CHOICE else value)
            line = " ".join(parts)
            if raising is not None and raising.back and r.get(raising.back):
                line += self.tr("（%1登録済み）").replace(
                    "%1", QCoreApplication.translate("Kind", kind(raising.kind).label)
                )
            elif raising is not None and raising.applies(r):
                raisable.add(str(r["id"]))
            lines.append((str(r["id"]), line))
        panel.set_rows(lines, [], raisable)

    def add_child(self, child_name: str | None = None) -> RecordForm | None:
        """A new child of this record (saved first when new or changed): a supporter of an
        engagement, a decision or open point of a meeting."""
        name = child_name or next(iter(self.children_panels), None)
        if name is None:
            return None
        if (self.record_id is None or self.is_dirty()) and not self.save():
            return None
        assert self.record_id is not None
        parent = str(kind(name).parent)
        return self._open_child(name, None, {parent: self.record_id})

    def open_child(self, child_id: str, child_name: str | None = None) -> RecordForm:
        name = child_name or next(iter(self.children_panels), SUPPORTER)
        return self._open_child(name, child_id, None)

    def _open_child(
        self, child_name: str, child_id: str | None, initial: dict[str, Any] | None
    ) -> RecordForm:
        form = RecordForm(
            self.service, self.drafts, child_name, record_id=child_id, initial=initial, parent=self
        )
        form.saved.connect(self.follow_up_created)  # signal to signal: the window refreshes
        form.saved.connect(lambda _change: self._refresh_children())
        form.follow_up_created.connect(self.follow_up_created)
        form.follow_up_created.connect(lambda _change: self._refresh_children())
        form.saved.connect(lambda _change: self._refresh_details())
        form.setWindowModality(Qt.WindowModality.WindowModal)
        self.child_form = form
        form.open()
        return form

    def raise_from_child(self, child_name: str, child_id: str) -> RecordForm | None:
        """「課題として登録」 on a child (an open point): the form of the record raised from it,
        prefilled (organisation, date, a link to this meeting, the text); once saved, the
        child holds it (linked both ways)."""
        raising = self._raising(kind(child_name))
        if raising is None:
            return None
        if self.is_dirty() and not self.save():
            return None
        initial = self.service.follow_up_values(child_name, child_id, raising.source)
        return self._open_raised(raising, initial, (child_name, child_id))

    def _open_raised(
        self, follow_up: FollowUp, initial: Record, source: tuple[str, str]
    ) -> RecordForm:
        form = RecordForm(self.service, self.drafts, follow_up.kind, initial=initial, parent=self)
        if follow_up.back is not None:
            source_kind, source_id = source

            def link(change: Change) -> None:
                try:
                    linked = self.service.link_follow_up(
                        source_kind, source_id, follow_up.source, change.record_id
                    )
                except UserError as err:
                    self._show_banner(user_message(err))
                    return
                if source_kind == self.kind.name and source_id == self.record_id:
                    self._reload_field(str(follow_up.back))
                self._refresh_children()
                if linked is not None:
                    emit_signal(self.follow_up_created, linked)

            form.saved.connect(link)
        form.saved.connect(self.follow_up_created)  # signal to signal
        form.setWindowModality(Qt.WindowModality.WindowModal)
        self.follow_up_form = form
        form.open()
        return form

    def _reload_field(self, name: str) -> None:
        """A field written by another form (the issue an open point holds): shown as stored,
        without making this form dirty."""
        assert self.record_id is not None
        self.original = self.service.get(self.kind.name, self.record_id)
        editor = self.editors.get(name)
        if editor is None:
            return
        dirty = self.is_dirty()
        self._loading = True
        try:
            if isinstance(editor, LookupCombo):
                f = self.kind.field(name)
                editor.set_pairs(self._ref_pairs(f, self.original.get(name)))
            editor.set_value(self.original.get(name))
        finally:
            self._loading = False
        if not dirty:
            self._baseline = self.values()
        self._update_follow_ups()

    def _held_members(self) -> set[str]:
        if self.record_id is None:
            return set()
        child = self.service.membership_kind(self.kind.name)
        rows = self.service.children(self.kind.name, self.record_id)[child.name]
        return {str(r["org_id"]) for r in rows}

    def _derived_fields(self) -> list[Field]:
        """Derived fields whose inputs this form shows (a visit's hours)."""
        return [
            f
            for f in self.kind.derived_fields
            if f.name in self.editors
            and f.derive is not None
            and all(n in self.editors for n in f.derive.inputs)
        ]

    def _derived_text(self, f: Field) -> str | None:
        """What the inputs as typed give for ``f``, as the editor shows it (None: nothing)."""
        assert f.derive is not None
        typed = {n: self.editors[n].value() for n in f.derive.inputs}
        # A value the model refuses gives nothing, rather than a figure from half an input.
        value = derived_value(self.kind, f.name, check(self.kind, typed, partial=True).record)
        return None if value is None else as_text(value)

    def _fill_derived(self, changed: str) -> None:
        """A derived field follows its inputs while the user has not typed a value of its own."""
        for f in self._derived_fields():
            assert f.derive is not None
            if changed not in f.derive.inputs:
                continue
            editor = self.editors[f.name]
            current = editor.value()
            computed = self._derived_text(f)
            if (current is None or current == self._last_derived.get(f.name)) and (
                computed != current
            ):
                editor.set_value(computed)
            self._last_derived[f.name] = computed

    def _update_follow_ups(self) -> None:
        values = self.values()
        for source, button in self.follow_up_buttons.items():
            follow_up = self.kind.follow_up(source)
            raised = follow_up is not None and bool(follow_up.back and values.get(follow_up.back))
            applies = follow_up is None or follow_up.applies(values)
            button.setEnabled(values.get(source) is not None and applies and not raised)
            button.setVisible(applies)

    # ------------------------------------------------------------ validation

    def check(self) -> Checked:
        """Every problem of the values as typed, from the model (the check the service makes)."""
        return check(self.kind, self.values())

    def _live_errors(self) -> dict[str, str]:
        """While typing: record rules at once, field errors only where already shown."""
        checked = self.check()
        shown = {
            n: reason_text(e) for n, e in checked.field_errors.items() if n in self.shown_errors
        }
        for name, err in checked.rule_errors.items():
            shown.setdefault(name, reason_text(err))
        return shown

    def _show_errors(self, errors: Mapping[str, str]) -> None:
        for name, label in self.error_labels.items():
            message = errors.get(name)
            editor = self.editors[name]
            if message:
                label.setText(message)
                label.show()
                editor.setAccessibleDescription(message)
            else:
                label.clear()
                label.hide()
                editor.setAccessibleDescription("")
        self.shown_errors = dict(errors)

    def _show_banner(self, message: str | None) -> None:
        if message:
            self.banner.setText(message)
            self.banner.show()
        else:
            self.banner.clear()
            self.banner.hide()

    def _focus_first_error(self) -> None:
        for name in self.kind.field_names:
            if name in self.shown_errors:
                editor = self.editors[name]
                self.scroll_area.ensureWidgetVisible(editor)
                editor.input_widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        """Validate and write the record. True when it is saved (or had nothing to save)."""
        self._show_banner(None)
        checked = self.check()
        if checked.errors:
            self._show_problems(checked.errors)
            return False
        record = checked.record
        raw = self.values()
        change: Change | None
        try:
            if self.record_id is None and self.kind.key:
                # A keyed cell (a goal's month): the window opens a recorded one by its id, so
                # a new form names a cell not held here; put writes it under the derived id,
                # and merges per field should another laptop have written the same cell.
                change = self.service.put(self.kind.name, raw)
            elif self.record_id is None:
                change = self.service.add(self.kind.name, raw)
            else:
                changed = {
                    name: raw[name]
                    for name in (f.name for f in self.kind.entry_fields)
                    if record[name] != self._stored(name)
                }
                change = self.service.edit(self.kind.name, self.record_id, changed)
        except InvalidRecord as err:
            self._show_problems(err.errors)
            return False
        except ValidationError as err:
            self._service_error(err, err.field)
            return False
        except UserError as err:
            self._service_error(err, self._field_for(err))
            return False
        if change is not None:
            self.record_id = change.record_id
        for (other, field), ticks in self.tick_editors.items():
            wanted = ticks.changes()
            if wanted and self.record_id is not None:
                try:
                    written = self.service.set_ticked(other, field, self.record_id, wanted)
                except UserError as err:
                    self._show_banner(user_message(err))
                    return False
                ticks.saved()
                if change is None and written:
                    change = written[0]
        if self.members is not None and self.record_id is not None:
            wanted = self.members.changes()
            if wanted:
                try:
                    written = self.service.set_members(self.kind.name, self.record_id, wanted)
                except UserError as err:
                    self._show_banner(user_message(err))
                    return False
                self.members.saved()
                if change is None and written:
                    change = written[0]
        if change is not None:
            self.original = self.service.get(self.kind.name, self.record_id or change.record_id)
            self._show_derived_values()
            self._refresh_children()
            self._refresh_details()
        self._baseline = self.values()
        self.autosave_timer.stop()
        self.discard_draft()
        self._show_errors({})
        self.status.setText(self.tr("保存しました"))
        self._update_title()
        if change is not None:
            emit_signal(self.saved, change)
        return True

    def _show_problems(self, errors: tuple[ValidationError, ...]) -> None:
        """Each problem beside its field, their count above, the first one focused."""
        shown = {e.field: reason_text(e) for e in errors if e.field in self.editors}
        self._show_errors(shown)
        self._show_banner(
            self.tr("入力内容をご確認ください（%1件）。").replace("%1", str(len(errors)))
        )
        self._focus_first_error()

    def _show_derived_values(self) -> None:
        """A derived field left empty shows what the service computed and saved."""
        self._loading = True
        try:
            for f in self._derived_fields():
                stored = self.original.get(f.name)
                if self.editors[f.name].value() is None and stored is not None:
                    self.editors[f.name].set_value(stored)
                    self._last_derived[f.name] = as_text(stored)
        finally:
            self._loading = False

    def _stored(self, name: str) -> Value:
        value = self.original.get(name)
        field_type = self.kind.field(name).type
        if field_type == FieldType.LIST and value is None:
            return []
        if field_type == FieldType.BOOL and value is None:
            return False  # an unticked box over an empty value is no change
        return value

    def _field_for(self, err: UserError) -> str | None:
        if err.code == "unknown_organisation":
            typed = str(err.params.get("value", ""))
            for f in self.kind.entry_fields:
                if f.type == FieldType.ORG and self.editors[f.name].value() == typed:
                    return f.name
        return None

    def _service_error(self, err: UserError, field: str | None) -> None:
        if field is not None and field in self.editors:
            reason = reason_text(err) if isinstance(err, ValidationError) else user_message(err)
            self._show_errors({field: reason})
            self._show_banner(self.tr("入力内容をご確認ください（%1件）。").replace("%1", "1"))
            self._focus_first_error()
        else:
            self._show_banner(user_message(err))

    def show_history(self) -> QDialog:
        from dxdesk.gui.history import HistoryDialog

        assert self.record_id is not None
        dialog = HistoryDialog(self.service, self.kind.name, self.record_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    # ------------------------------------------------------------ drafts

    def save_draft(self) -> None:
        """Keep what is typed so far (the autosave timer calls this while the form is dirty)."""
        if worker.busy():
            # A task holds the connection (gui/worker.py run_task): a draft written now would
            # join its transaction. Try again at the next tick.
            self.autosave_timer.start()
            return
        try:
            if self.is_dirty():
                self.drafts.save(
                    self.draft_id, FORM_NAME, self.kind.name, self.record_id, self._draft_values()
                )
                self._draft_written = True
                self.status.setText(self.tr("下書きを保存しました"))
            else:
                self.discard_draft()
        except UserError as err:
            log.warning("draft not saved: %s", err.code)
            self._show_banner(user_message(err))

    def discard_draft(self) -> None:
        if not self._draft_written:
            return
        try:
            self.drafts.discard(self.draft_id)
        except UserError as err:
            log.warning("draft not discarded: %s", err.code)
            return
        self._draft_written = False

    @property
    def autosave_interval(self) -> int:
        return self.autosave_timer.interval()

    @autosave_interval.setter
    def autosave_interval(self, ms: int) -> None:
        self.autosave_timer.setInterval(ms)

    # ------------------------------------------------------------ closing

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("保存していない変更があります。破棄しますか？"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        for which, text in (
            (QMessageBox.StandardButton.Save, self.tr("保存")),
            (QMessageBox.StandardButton.Discard, self.tr("破棄")),
            (QMessageBox.StandardButton.Cancel, self.tr("キャンセル")),
        ):
            button = box.button(which)
            if button is not None:
                button.setText(text)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the title names the record
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton(box.exec())

    def reject(self) -> None:
        """Esc, キャンセル or the window's close button: ask first if anything is unsaved."""
        if self.is_dirty():
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Save:
                self.save_and_close()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.autosave_timer.stop()
        self.discard_draft()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        if self.isVisible():
            event.ignore()
        else:
            event.accept()

    def done(self, result: int) -> None:
        self.autosave_timer.stop()
        super().done(result)

    def _update_title(self) -> None:
        label = QCoreApplication.translate("Kind", self.kind.label)
        if self.record_id is None:
            self.setWindowTitle(self.tr("%1の登録").replace("%1", label))
        else:
            self.setWindowTitle(self.tr("%1の編集").replace("%1", label))

    # ------------------------------------------------------------ follow-ups (an issue from a visit)

    def create_follow_up(self, source: str | None = None) -> RecordForm | None:
        """Save this record if needed, then open a form for the record the model says may be
        raised from ``source`` (an issue from a visit's finding: the selected part of the
        text, or all of it), prefilled as the follow-up declares (``FollowUp.values``)."""
        follow_up: FollowUp | None = (
            self.kind.follow_up(source)
            if source is not None
            else next(iter(self.kind.follow_ups), None)
        )
        if follow_up is None:
            return None
        editor = self.editors[follow_up.source]
        selected = editor.selected_text() if isinstance(editor, LongTextEdit) else ""
        text = (selected or as_text(editor.value())).strip()
        if not text:
            self._show_errors(
                {
                    follow_up.source: self.tr("%1を入力してください").replace(
                        "%1", field_label(self.kind.field(follow_up.source))
                    )
                }
            )
            return None
        if (self.record_id is None or self.is_dirty()) and not self.save():
            return None
        assert self.record_id is not None
        initial = self.service.follow_up_values(
            self.kind.name, self.record_id, follow_up.source, text
        )
        return self._open_raised(follow_up, initial, (self.kind.name, self.record_id))
