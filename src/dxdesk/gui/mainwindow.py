"""The main window: organisations on the left, their tabs or a global view on the right.

The organisations tree is gui/orgtree.py's widget over services/orgtree.py's groups; the window
wires it (grouping box, selection, context menu) and refills it when data or the month change.

Thin over services: every list is a RecordTable over a ListService query, every change goes
through RecordService and comes back as a Change on one signal (``data_changed``) from which the
views refresh themselves.
"""

from __future__ import annotations

from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.errors import UserError
from dxdesk.gui.dates import date_style, set_date_style, year_month
from dxdesk.gui.helpmenu import plain_action_text
from dxdesk.gui.messages import plain_label, user_message, warn
from dxdesk.gui.orgtree import ORG_ROLE, VIEW_ROLE, OrgTree
from dxdesk.gui.registers import REGISTERS, kind_label
from dxdesk.services.orgtree import BY_AREA, BY_KIND, OrgTreeService
from dxdesk.services.overview import OverviewService
from dxdesk.services.profile import Profile
from dxdesk.services.records import Change, RecordService

if TYPE_CHECKING:
    # Types only: importing an event class converts QEvent's large Type enum (bench/gui.py).
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from dxdesk.gui.search import SearchView
    from dxdesk.services.drafts import DraftService
    from dxdesk.services.query import ListQuery, ListService

GLOBAL_VIEWS = (
    ("home", "ホーム"),
    ("issues", "課題一覧"),
    ("consultations", "相談管理表"),
    ("hours", "工数"),
    ("week", "週間工数"),
    ("progress", "標準化の進捗"),
    ("deadlines", "期限・提出物"),
    ("registers", "台帳"),
)
ORG_TABS = (
    ("visit", "訪問・ヒアリング"),
    ("issue", "課題"),
    ("consultation", "相談"),
    ("proposal", "提案"),
    ("time", "工数"),
)


def new_action(text: str, parent: QWidget) -> QAction:
    """``QAction(text, parent)`` without PySide6 first trying the (icon, text) overload, which
    converts QIcon's enums (~1.3 ms of the start)."""
    action = QAction(parent)
    action.setText(text)
    return action


def set_shortcut(action: QAction, key: QKeySequence.StandardKey | str) -> None:
    """``action.setShortcut(key)``, as Qt does it (``setShortcuts({key})``, or none for an empty
    key), but without PySide6 picking among setShortcut's (or QKeySequence's copy) overloads: that
    converts every enum of the Qt namespace (~15 ms of the start)."""
    sequence = QKeySequence(key)
    action.setShortcuts([] if sequence.isEmpty() else [sequence])


def delete_on_close(widget: QWidget) -> None:
    from PySide6.QtCore import Qt  # not at import: see USER_ROLE

    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


class MainWindow(QMainWindow):
    data_changed = Signal(object)  # a Change (or None for "reload everything")
    lock_requested = Signal()
    # ファイル > バックアップから復元…: the session swaps the profile (gui/app.py).
    restore_requested = Signal()
    settings_changed = Signal()  # after the settings dialog saved

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.records = RecordService(profile)
        self.overview = OverviewService(profile)
        self.org_tree_service = OrgTreeService(
            profile, overview=self.overview, records=self.records
        )
        self.month = self.overview.default_month()
        self.current_org: str | None = None
        self._undo: tuple[str, list[str]] | None = None

        set_date_style(profile.settings.date_style)  # the one date style (gui/dates.py)
        self.settings_changed.connect(self._apply_date_style)
        self._attention_thresholds = self._thresholds()
        self.settings_changed.connect(self._apply_attention_thresholds)
        self.setWindowTitle(self.tr("dxdesk — 自治体DXサポート業務"))
        self.setAcceptDrops(True)
        self._build_toolbar()
        self._build_body()
        self._build_menus()
        self.statusBar().showMessage(
            self.tr("%1（%2）— %3")
            .replace("%1", profile.meta.get("owner_name", ""))
            .replace("%2", profile.meta.get("device_name", ""))
            .replace("%3", str(profile.paths.root))
        )
        self.undo_button = QPushButton(self.tr("元に戻す"))
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo_delete)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.data_changed.connect(self._on_data_changed)
        # The tree's names now, its figures (they read the visits and grow with them) after the
        # first paint, as the home screen's growing sections (issue 12's benchmark, W3b).
        self.reload_tree(counted=False)
        self.tree.painted_once.connect(lambda: QTimer.singleShot(0, self._count_tree))
        # The first page: the home screen for the profile's role (gui/home.py).
        self.show_global("home")
        self.restore_state()

    # The list and draft services (and their modules) load when first used, after the first paint.
    @cached_property
    def lists(self) -> ListService:
        from dxdesk.services.query import ListService

        return ListService(self.profile)

    @cached_property
    def drafts(self) -> DraftService:
        from dxdesk.services.drafts import DraftService

        return DraftService(self.profile)

    @cached_property
    def _list_query(self) -> type[ListQuery]:
        from dxdesk.services.query import ListQuery

        return ListQuery

    # ------------------------------------------------------------------ layout

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("操作"))
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        # One action per frequent task, shared by the toolbar, the menus and the keyboard list
        # (gui/helpmenu.py): the label has its mnemonic, the shortcut is the action's own, so
        # a menu shows it once and the toolbar's tooltip names it.
        self.new_visit_action = self._action(
            "newVisit", self.tr("新しい訪問(&V)…"), QKeySequence.StandardKey.New
        )
        self.new_visit_action.triggered.connect(lambda: self.open_form("visit"))
        self.new_issue_action = self._action("newIssue", self.tr("新しい課題(&I)…"), "Ctrl+I")
        self.new_issue_action.triggered.connect(lambda: self.open_form("issue"))
        self.new_consultation_action = self._action(
            "newConsultation", self.tr("新しい相談(&C)…"), "Ctrl+J"
        )
        self.new_consultation_action.triggered.connect(lambda: self.open_form("consultation"))
        self.new_time_action = self._action("newTime", self.tr("工数の入力(&H)…"), "Ctrl+T")
        self.new_time_action.triggered.connect(lambda: self.open_form("time"))
        # In the 記録 menu only (the toolbar keeps the four daily tasks).
        self.new_proposal_action = self._action("newProposal", self.tr("新しい提案(&P)…"))
        self.new_proposal_action.triggered.connect(lambda: self.open_form("proposal"))
        for action in (
            self.new_visit_action,
            self.new_issue_action,
            self.new_consultation_action,
            self.new_time_action,
        ):
            bar.addAction(action)
        bar.addSeparator()
        bar.addWidget(plain_label(self.tr(" 対象月 ")))
        self.month_box = QComboBox()
        self.month_box.setObjectName("month")
        bar.addWidget(self.month_box)
        bar.addSeparator()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("search")
        self.search_box.setPlaceholderText(self.tr("すべての記録を検索"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(260)
        self.search_box.returnPressed.connect(self.run_search)
        bar.addWidget(self.search_box)
        self.find_action = self._action("find", self.tr("検索(&F)"), QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)
        self.search_box.setToolTip(self.find_action.toolTip())
        bar.addSeparator()
        self.lock_action = self._action("lock", self.tr("ロック(&L)"), "Ctrl+L")
        self.lock_action.triggered.connect(self.lock_requested)
        bar.addAction(self.lock_action)
        self._fill_months()
        self.month_box.currentIndexChanged.connect(self._month_changed)

    def _action(self, name: str, text: str, key: QKeySequence.StandardKey | str = "") -> QAction:
        """An action of the window: its menu text with the mnemonic, its one shortcut, the
        toolbar's text without either and a tooltip naming the shortcut."""
        action = new_action(text, self)
        action.setObjectName(name)
        if key:
            set_shortcut(action, key)
        self._retext(action)
        return action

    @staticmethod
    def _retext(action: QAction) -> None:
        plain = plain_action_text(action.text())
        action.setIconText(plain)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain}（{shortcut}）" if shortcut else plain)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _fill_months(self) -> None:
        from datetime import date

        from dxdesk.core.calendar import fiscal_year, fiscal_year_range

        y, m = (int(x) for x in self.month.split("-"))
        start, _ = fiscal_year_range(fiscal_year(date(y, m, 1)))
        self.month_box.blockSignals(True)
        self.month_box.clear()
        d = start
        for _ in range(12):
            key = d.strftime("%Y-%m")
            self.month_box.addItem(year_month(d.year, d.month), key)
            d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        self.month_box.setCurrentIndex(max(0, self.month_box.findData(self.month)))
        self.month_box.blockSignals(False)

    def _build_body(self) -> None:
        split = QSplitter()
        split.setObjectName("main_splitter")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        self.grouping = QComboBox()
        self.grouping.addItem(self.tr("圏域別"), BY_AREA)
        self.grouping.addItem(self.tr("区分別（市・町・村）"), BY_KIND)
        # The supervisor's own groups (records of kind "group"), e.g. 定住自立圏 or vendor users.
        self.grouping.addItem(self.tr("生活圏グループ別"), "生活圏")
        self.grouping.addItem(self.tr("ベンダ別グループ"), "ベンダ")
        self.grouping.currentIndexChanged.connect(self.reload_tree)
        left_layout.addWidget(self.grouping)
        self.tree = OrgTree()
        self.tree.currentItemChanged.connect(self._tree_selected)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        left_layout.addWidget(self.tree)
        split.addWidget(left)

        self.stack = QStackedWidget()
        # Page 0: one organisation's tabs.
        self.org_tabs = QTabWidget()
        self._overview_page = QWidget()  # its panel is built when an organisation is shown
        QVBoxLayout(self._overview_page).setContentsMargins(0, 0, 0, 0)
        self._overview_panel: Any = None
        self.org_tabs.addTab(self._overview_page, self.tr("概要"))
        # The lists are built when first needed (an organisation shown, a global view opened):
        # six tables are a sixth of the window's cold start (bench/gui.py).
        self.org_tables: dict[str, Any] = {}
        self._org_pages: dict[str, QWidget] = {}
        for kind_name, label in ORG_TABS:
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._org_pages[kind_name] = page
            self.org_tabs.addTab(page, self.tr(label))
        self._time_page = self._org_pages["time"]
        self._org_time: Any = None
        self._retired = False  # see retire()
        self.org_tabs.currentChanged.connect(
            lambda _i: self.org_time if self.org_tabs.currentWidget() is self._time_page else None
        )
        self.stack.addWidget(self.org_tabs)
        # Global views.
        self._globals: dict[str, Any] = {}  # lists, the month grid, search results: on first use
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([360, 1000])
        self.splitter = split
        # The outer stack lets the lock screen cover everything and give it back unchanged.
        self.outer = QStackedWidget()
        self.outer.addWidget(split)
        self.setCentralWidget(self.outer)
        self.lock_screen: QWidget | None = None

    def _org_table(self, kind_name: str) -> Any:
        if kind_name not in self.org_tables:
            table = self._make_table(kind_name)
            layout = self._org_pages[kind_name].layout()
            assert layout is not None
            layout.addWidget(table)
            table.show()  # a child added to a page already on screen is not shown by itself
            self.org_tables[kind_name] = table
        return self.org_tables[kind_name]

    def _global_table(self, kind_name: str) -> Any:
        if kind_name not in self._globals:
            table = self._make_table(kind_name)
            self.stack.addWidget(table)
            self._globals[kind_name] = table
        return self._globals[kind_name]

    @property
    def overview_panel(self) -> Any:
        if self._overview_panel is None:
            from dxdesk.gui.overview import OverviewPanel

            panel = OverviewPanel()
            layout = self._overview_page.layout()
            assert layout is not None
            layout.addWidget(panel)
            panel.show()
            self._overview_panel = panel
        return self._overview_panel

    @property
    def grid_view(self) -> Any:
        if "grid" not in self._globals:
            from dxdesk.gui.overview import MonthGridView

            self._globals["grid"] = MonthGridView()
            self.stack.addWidget(self._globals["grid"])
        return self._globals["grid"]

    @property
    def search_results(self) -> SearchView:
        # The search page's module loads with it (its widget classes' enums convert on first use).
        if "search" not in self._globals:
            from dxdesk.gui.search import SearchView

            view = SearchView(self.records)
            view.open_requested.connect(self.open_record)
            self.stack.addWidget(view)
            self._globals["search"] = view
        return self._globals["search"]  # type: ignore[no-any-return]

    @property
    def global_issues(self) -> Any:
        return self._global_table("issue")

    @property
    def global_consultations(self) -> Any:
        return self._global_table("consultation")

    @property
    def registers(self) -> Any:
        """The registers (台帳), built when first shown (gui/registers.py)."""
        if "registers" not in self._globals:
            from dxdesk.gui.registers import RegisterView
            from dxdesk.services.engagements import warning_lines
            from dxdesk.services.goals import goal_months, goal_target

            view = RegisterView(
                self._make_table,
                lambda k: self.lists.count(self._list_query(kind=k)),
                partial(goal_months, self.profile),
                engagement_warnings=partial(warning_lines, self.profile),
                goal_target=partial(goal_target, self.profile),
                can_merge_staff=self.profile.role == "hub",
                panels={"comm_tool": self._comm_panel, "case": self._case_panel},
            )
            view.new_requested.connect(self.open_form)
            view.engagement_requested.connect(partial(self.open_record, "engagement"))
            view.progress_requested.connect(self.open_goal_month)
            view.staff_merge_requested.connect(self.open_staff_merge)
            self.stack.addWidget(view)
            self._globals["registers"] = view
        return self._globals["registers"]

    def _comm_panel(self, parent: Any) -> Any:
        """The communication tool's per-group charts and CSV import (gui/commtool.py)."""
        from dxdesk.gui.commtool import CommActivityPanel
        from dxdesk.services.commtool import CommToolService

        service = CommToolService(self.profile)
        panel = CommActivityPanel(
            lambda: service.series("0000-01", "9999-12"), service.import_csv, parent
        )
        panel.imported.connect(self.data_changed)  # signal to signal
        return panel

    def _case_panel(self, parent: Any) -> Any:
        """The case library's similar-size search (gui/cases.py)."""
        from dxdesk.gui.cases import CaseFinderPanel
        from dxdesk.services.cases import CaseService, reference_orgs

        service = CaseService(self.profile)
        panel = CaseFinderPanel(service.search, reference_orgs(self.profile), parent)
        panel.case_requested.connect(partial(self.open_record, "case"))
        return panel

    @property
    def home(self) -> Any:
        if "home" not in self._globals:
            from dxdesk.gui.home import HomePage

            page = HomePage(self.profile, month=self.month)
            page.open_requested.connect(self.open_target)
            self.stack.addWidget(page)
            self._globals["home"] = page
        return self._globals["home"]

    def open_target(self, target: tuple[str, ...]) -> Any:
        """What a home screen item is about: a record, an organisation, a deliverable, a view."""
        what = target[0]
        if what == "record":
            return self.open_record(target[1], target[2])
        if what == "org":
            self.select_org(target[1])
            return self.org_tabs
        if what == "progress":  # a 要注意 entry: the matrix, then the cell's detail
            self.show_global("progress")
            view = self.progress_view()
            view.open_cell_of(target[1], target[2] if len(target) > 2 else "")
            return view
        if what == "deadline":
            self.show_global("deadlines")
            self.deadline_board.pending_only.setChecked(False)
            self.deadline_board.select(target[1])
            return self.deadline_board
        if target[1] == "conflicts":
            return self.open_conflicts()
        if target[1] == "export":
            return self.open_export()
        self.show_global(target[1])
        return self.stack.currentWidget()

    @property
    def deadline_board(self) -> Any:
        """Every deliverable and its due date (gui/deadlines.py), built when first shown."""
        if "deadlines" not in self._globals:
            from dxdesk.gui.deadlines import DeadlineBoard

            board = DeadlineBoard(self.profile)
            board.open_requested.connect(self.open_record)
            board.document_requested.connect(
                lambda report, params: self.open_document(report, **params)
            )
            board.changed.connect(self._reload_all)
            self.stack.addWidget(board)
            self._globals["deadlines"] = board
        return self._globals["deadlines"]

    def show_register(self, kind_name: str) -> Any:
        self.stack.setCurrentWidget(self.registers)
        return self.registers.show_kind(kind_name)

    def open_goal_month(self, goal_id: str, month: str, record_id: str) -> Any:
        """A goal's month: its progress record, or a new one with the goal and month filled
        (saved with RecordService.put under the (goal, month) key)."""
        if record_id:
            return self.open_form("goal_progress", record_id=record_id)
        return self.open_form("goal_progress", initial={"goal_id": goal_id, "month": month})

    def _make_table(self, kind_name: str) -> Any:
        from dxdesk.gui.tableview import RecordTable

        table = RecordTable(self.lists, kind_name)
        table.open_requested.connect(self.open_record)
        table.delete_requested.connect(self.delete_records)
        # A visit's hearing record, a meeting's minutes ...: from the row's menu, looked up when
        # first asked for (the document registry imports reportlab and openpyxl: a third of a
        # second of the window's cold start, bench/gui.py).
        table.record_actions_source = partial(self._record_documents, kind_name)
        return table

    def _record_documents(self, kind_name: str) -> list[tuple[str, Any]]:
        from dxdesk.gui.documents import RECORD_PARAMS, documents_for

        out: list[tuple[str, Any]] = []
        for param, record_kind in RECORD_PARAMS.items():
            if record_kind == kind_name:
                for doc in documents_for(param):
                    text = self.tr("%1を作成…").replace("%1", doc.title)
                    out.append((text, partial(self._document_for, doc.name)))
        return out

    def _fill_documents_menu(self, menu: QMenu) -> None:
        if menu.property("dxdesk_filled"):
            return
        menu.setProperty("dxdesk_filled", True)
        from dxdesk.services.reports import list_kinds

        for doc in list_kinds():
            action = menu.addAction(doc.title + "…")
            action.triggered.connect(lambda _=False, d=doc.name: self.open_document(d))

    def make_package(self) -> Any:
        """帳票 > 成果品一式の作成: the year's deliverables in one .zip (gui/package.py)."""
        from dxdesk.gui.package import ask_and_make

        return ask_and_make(self, self.profile, self.month)

    def open_report_template(self) -> Any:
        """帳票 > 月次作業報告書の構成: sections, order, free text (gui/report_template.py)."""
        from dxdesk.core.clock import today_jst
        from dxdesk.gui.report_template import ReportTemplateDialog

        dialog = ReportTemplateDialog(self.profile, self.month or f"{today_jst():%Y-%m}", self)
        dialog.open()
        return dialog

    def _document_for(self, kind: str, record_id: str) -> Any:
        return self.open_document(kind, record_id=record_id)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("ファイル(&F)"))
        backup = self._menu_item(menu, "makeBackup", self.tr("バックアップを作成(&B)"))
        backup.triggered.connect(self.make_backup)
        restore = self._menu_item(menu, "restoreBackup", self.tr("バックアップから復元(&R)…"))
        restore.triggered.connect(lambda _=False: self.restore_requested.emit())
        menu.addSeparator()
        # Preferences and Quit have no standard key on Windows: name them (Ctrl+, and Ctrl+Q).
        settings = self._menu_item(menu, "openSettings", self.tr("設定(&S)…"), "Ctrl+,")
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        settings.triggered.connect(self.open_settings)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        quit_action = self._menu_item(menu, "quit", self.tr("終了(&X)"), "Ctrl+Q")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        records = self.menuBar().addMenu(self.tr("記録(&R)"))
        for action in (
            self.new_visit_action,
            self.new_issue_action,
            self.new_consultation_action,
            self.new_time_action,
            self.new_proposal_action,
        ):
            records.addAction(action)
        records.addSeparator()
        records.addAction(self.find_action)
        bundles = self.menuBar().addMenu(self.tr("同期(&Y)"))
        for name, text, key, slot in (
            ("exportBundle", self.tr("バンドルを作成(&E)…"), "Ctrl+E", self.open_export),
            ("importBundles", self.tr("バンドルを取り込む(&I)…"), "Ctrl+O", self.open_import),
            ("showConflicts", self.tr("競合の記録(&C)…"), "", self.open_conflicts),
            ("showForks", self.tr("別の履歴（複製の検出）(&F)…"), "", self.open_forks),
            ("showDevices", self.tr("端末とチーム(&D)…"), "", self.open_devices),
        ):
            action = self._menu_item(bundles, name, text, key)
            action.triggered.connect(lambda _=False, s=slot: s())
        documents = self.menuBar().addMenu(self.tr("帳票(&P)"))
        make = self._menu_item(
            documents, "openDocuments", self.tr("帳票の作成(&P)…"), QKeySequence.StandardKey.Print
        )
        make.triggered.connect(lambda _=False: self.open_document())
        package = self._menu_item(documents, "makePackage", self.tr("成果品一式の作成(&K)…"))
        package.triggered.connect(lambda _=False: self.make_package())
        template = documents.addAction(self.tr("月次作業報告書の構成(&T)…"))
        template.setObjectName("openReportTemplate")
        template.triggered.connect(lambda _=False: self.open_report_template())
        documents.addSeparator()
        # One entry per document, added when the menu first opens (see _record_documents).
        documents.aboutToShow.connect(partial(self._fill_documents_menu, documents))
        # Meetings, trainings, goals, experts ...: one entry and shortcut each (gui/registers.py).
        registers = self.menuBar().addMenu(self.tr("台帳(&G)"))
        board = self._menu_item(
            registers, "showDeadlines", self.tr("期限・提出物(&D)"), "Ctrl+Shift+D"
        )
        board.triggered.connect(lambda _=False: self.show_global("deadlines"))
        registers.addSeparator()
        for kind_name, shortcut in REGISTERS:
            action = self._menu_item(registers, f"register_{kind_name}", kind_label(kind_name))
            set_shortcut(action, shortcut)
            self._retext(action)
            action.triggered.connect(lambda _=False, k=kind_name: self.show_register(k))
        # 進捗: the standardisation matrix's file work (gui/progress.py, gui/progress_import.py).
        progress = self.menuBar().addMenu(self.tr("進捗(&S)"))
        progress.setObjectName("progressMenu")
        take = progress.addAction(self.tr("取込(&I)…"))
        take.setObjectName("importProgress")
        take.triggered.connect(lambda _=False: self.open_progress_import())
        out = progress.addAction(self.tr("Excel に書き出す(&X)…"))
        out.setObjectName("exportProgress")
        out.triggered.connect(lambda _=False: self._show_progress().export_xlsx())
        view = self.menuBar().addMenu(self.tr("表示(&V)"))
        # The global views by number, as they stand in the tree: Ctrl+1 ホーム ... Ctrl+8 台帳.
        for key, label in GLOBAL_VIEWS:  # (a plain loop: the translations scanner reads it)
            number = GLOBAL_VIEWS.index((key, label)) + 1
            text = self.tr("%1(&%2)").replace("%1", self.tr(label)).replace("%2", str(number))
            action = self._menu_item(view, f"view_{key}", text, f"Ctrl+{number}")
            action.triggered.connect(lambda _=False, k=key: self.show_global(k))
        from dxdesk.gui.helpmenu import add_help_menu

        add_help_menu(self)  # ヘルプ (gui/helpmenu.py), last as every platform expects

    def _menu_item(
        self, menu: QMenu, name: str, text: str, key: QKeySequence.StandardKey | str = ""
    ) -> QAction:
        action = self._action(name, text, key)
        menu.addAction(action)
        return action

    # ------------------------------------------------------------------ tree

    def reload_tree(self, *, counted: bool = True) -> None:
        views = []
        for key, label in GLOBAL_VIEWS:
            views.append((key, self.tr(label)))
        if counted:
            self._tree_counted = True
        groups = self.org_tree_service.groups(
            self.grouping.currentData(), self.month, counted=counted
        )
        self.tree.show_groups(groups, views, selected=self.current_org)

    def _count_tree(self) -> None:
        """The tree's figures, once, after its first paint (unless a reload counted them)."""
        if not getattr(self, "_tree_counted", False) and not self.profile.closed:
            self.reload_tree()

    def _tree_selected(
        self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if item is None:
            return
        org_id = item.data(0, ORG_ROLE)
        view = item.data(0, VIEW_ROLE)
        if org_id:
            self.show_org(str(org_id))
        elif view:
            self.show_global(str(view))

    def select_org(self, org_id: str) -> None:
        it = self.tree.org_item(org_id)
        if it is not None:
            self.tree.setCurrentItem(it)

    # ------------------------------------------------------------------ pages

    def show_org(self, org_id: str) -> None:
        self.current_org = org_id
        self.overview_panel.show_overview(
            self.overview.org_overview(org_id, self.month), self.month
        )
        for kind_name, _label in ORG_TABS:
            self._org_table(kind_name).set_query(self._list_query(kind=kind_name, org_id=org_id))
        if self._org_time is not None:
            self._org_time.set_org(org_id)
        self.stack.setCurrentWidget(self.org_tabs)

    def show_global(self, key: str) -> None:
        if key == "home":
            if "home" in self._globals:
                self.home.refresh(self.month)
            self.stack.setCurrentWidget(self.home)
        elif key == "issues":
            self.global_issues.set_query(self._list_query(kind="issue"))
            self.stack.setCurrentWidget(self.global_issues)
        elif key == "consultations":
            self.global_consultations.set_query(self._list_query(kind="consultation"))
            self.stack.setCurrentWidget(self.global_consultations)
        elif key == "hours":
            self.grid_view.show_grid(self.overview.month_grid(self.month))
            self.stack.setCurrentWidget(self.grid_view)
        elif key == "week":
            self.stack.setCurrentWidget(self.week_view())
        elif key == "progress":
            self.stack.setCurrentWidget(self.progress_view())
        elif key == "registers":
            self.stack.setCurrentWidget(self.registers)
        elif key == "deadlines":
            self.deadline_board.refresh()
            self.stack.setCurrentWidget(self.deadline_board)

    def _month_changed(self) -> None:
        self.month = str(self.month_box.currentData())
        self.reload_tree()
        if self.stack.currentWidget() is self.org_tabs and self.current_org:
            self.show_org(self.current_org)
        elif self._globals.get("grid") is not None and self.stack.currentWidget() is self.grid_view:
            self.show_global("hours")
        elif (home := self._globals.get("home")) is not None and (
            self.stack.currentIndex() == self.stack.indexOf(home)
        ):
            home.refresh(self.month)

    def run_search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        page = self.search_results.run(text)
        self.statusBar().showMessage(
            self.tr("「%1」の検索結果：%2件").replace("%1", text).replace("%2", f"{page.total:,}")
        )
        self.stack.setCurrentWidget(self.search_results)

    # ------------------------------------------------------------------ records

    def open_form(
        self, kind_name: str, record_id: str | None = None, initial: dict[str, Any] | None = None
    ) -> Any:
        from dxdesk.gui.forms import RecordForm

        if initial is None and record_id is None and self.current_org:
            from dxdesk.core.model import kind

            k = kind(kind_name)
            if k.org_field:
                initial = {k.org_field: self.current_org}
        form = RecordForm(
            self.records, self.drafts, kind_name, record_id=record_id, initial=initial, parent=self
        )
        self.adopt_form(form)
        form.open()
        return form

    def adopt_form(self, form: Any) -> None:
        # Signal to signal: emitting from Python is what PySide6 gets wrong on some versions.
        form.saved.connect(self.data_changed)
        form.follow_up_created.connect(self.data_changed)
        delete_on_close(form)

    def close_forms(self) -> bool:
        """Close open forms before the profile closes (each asks about unsaved changes)."""
        for form in self.findChildren(QDialog):
            if form.isVisible() and not form.close():
                return False
        return True

    def open_record(self, kind_name: str, record_id: str) -> Any:
        return self.open_form(kind_name, record_id=record_id)

    def delete_records(self, kind_name: str, ids: list[str]) -> None:
        if not ids:
            return
        try:
            for record_id in ids:
                self.records.delete(kind_name, record_id)
        except UserError as err:
            warn(self, self.tr("削除できません"), user_message(err))
            return
        self._undo = (kind_name, list(ids))
        self.undo_button.setVisible(True)
        self.statusBar().showMessage(self.tr("%1件を削除しました。").replace("%1", str(len(ids))))
        QTimer.singleShot(30_000, self._expire_undo)
        self._on_data_changed(None)

    def _expire_undo(self) -> None:
        self.undo_button.setVisible(False)

    def undo_delete(self) -> None:
        if self._undo is None:
            return
        kind_name, ids = self._undo
        for record_id in ids:
            self.records.restore(kind_name, record_id)
        self._undo = None
        self.undo_button.setVisible(False)
        self.statusBar().showMessage(self.tr("削除を取り消しました。"))
        self._on_data_changed(None)

    def _on_data_changed(self, _change: Change | None) -> None:
        for table in [
            *self.org_tables.values(),
            self._globals.get("issue"),
            self._globals.get("consultation"),
            self._globals.get("registers"),
            self._globals.get("deadlines"),
        ]:
            if table is not None:
                table.refresh()
        self.reload_tree()
        home = self._globals.get("home")
        if home is not None and self.stack.currentIndex() == self.stack.indexOf(home):
            home.refresh(self.month)
        if self.current_org and self.stack.currentWidget() is self.org_tabs:
            self.overview_panel.show_overview(
                self.overview.org_overview(self.current_org, self.month), self.month
            )
        # The change is committed: a due automatic backup follows (at most one per interval).
        self.auto_backup()

    def auto_backup(self, *, force: bool = False) -> None:
        """An automatic backup if one is due; a failure is shown, the change stays saved.

        The copy runs on a worker (a big profile takes seconds); a dialog appears only if it
        lasts more than half a second."""
        warning = self._backup_on_worker(force=force)
        if warning is not None:
            self.statusBar().showMessage(self.tr("警告：%1").replace("%1", user_message(warning)))

    def _backup_on_worker(self, *, force: bool) -> UserError | None:
        """``Profile.try_auto_backup`` off the GUI thread (a big profile takes seconds to
        copy); a dialog appears only if it lasts more than half a second."""
        if not self.profile.changed or not (force or self.profile.backup_due()):
            return None  # the same test auto_backup makes, without a thread for nothing
        from dxdesk.gui.worker import run_task

        return run_task(
            self,
            self.tr("自動バックアップ"),
            self.tr("自動バックアップを作成しています…"),
            lambda _progress: self.profile.try_auto_backup(force=force),
            cancellable=False,
            show_after_ms=500,
        )

    # ------------------------------------------------------------------ bundles

    def open_import(self, paths: list[Path] | None = None) -> Any:
        from dxdesk.gui.sync import ImportDialog

        dialog = ImportDialog(self.profile, self)
        delete_on_close(dialog)
        dialog.imported.connect(self._reload_all)
        dialog.open()
        if paths:
            dialog.add_files(paths)
        return dialog

    def open_export(self) -> Any:
        from dxdesk.gui.sync import ExportDialog

        dialog = ExportDialog(self.profile, self)
        delete_on_close(dialog)
        dialog.open()
        return dialog

    def _open_view(self, title: str, view: QWidget, width: int, height: int) -> None:
        """A sync view (conflicts, other histories) in a dialog of its own; data it changes
        makes the window reload."""
        dialog = view.parentWidget()
        assert isinstance(dialog, QDialog)
        dialog.setWindowTitle(title)
        delete_on_close(dialog)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        dialog.resize(width, height)
        dialog.open()

    def open_conflicts(self) -> Any:
        from dxdesk.gui.sync import ConflictsView

        view = ConflictsView(self.profile, QDialog(self))
        view.restored.connect(self._reload_all)
        # Nine columns (who wrote each value, and when): as wide as a 1366 screen allows.
        self._open_view(self.tr("競合の記録"), view, 1340, 520)
        return view

    def open_forks(self) -> Any:
        from dxdesk.gui.forks import ForksView

        view = ForksView(self.profile, QDialog(self))
        view.changed.connect(self._reload_all)
        self._open_view(self.tr("別の履歴"), view, 900, 420)
        return view

    def open_staff_merge(self) -> Any:
        from dxdesk.gui.staff import StaffMergeDialog

        dialog = StaffMergeDialog(self.profile, self)
        dialog.merged.connect(self._reload_all)
        delete_on_close(dialog)
        dialog.open()
        return dialog

    def open_devices(self) -> Any:
        from dxdesk.gui.sync import DevicesDialog

        dialog = DevicesDialog(self.profile, self)
        delete_on_close(dialog)
        dialog.open()
        return dialog

    def _reload_all(self) -> None:
        self._on_data_changed(None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.locked:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        # Bundles dropped anywhere on the window open the import check with them.
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and not self.locked:
            event.acceptProposedAction()
            self.open_import(paths)

    def open_document(
        self,
        kind: str | None = None,
        *,
        org_id: str | None = None,
        record_id: str | None = None,
        month: str | None = None,
        issued: str | None = None,
        number: str = "",
    ) -> Any:
        from dxdesk.gui.documents import DocumentDialog

        dialog = DocumentDialog(
            self.profile,
            self.records,
            self,
            kind=kind,
            org_id=org_id or self.current_org,
            month=month or self.month,
            record_id=record_id,
            org_explicit=org_id is not None,
            issued=issued,
            number=number,
        )
        delete_on_close(dialog)
        dialog.open()
        return dialog

    def _tree_menu(self, pos: Any) -> None:
        from dxdesk.gui.documents import documents_for

        item = self.tree.itemAt(pos)
        org_id = item.data(0, ORG_ROLE) if item is not None else None
        if not org_id:
            return
        menu = QMenu(self)
        delete_on_close(menu)
        for doc in documents_for("org_id"):
            action = menu.addAction(self.tr("%1を作成…").replace("%1", doc.title))
            action.triggered.connect(
                lambda _=False, d=doc.name, o=org_id: self.open_document(d, org_id=o)
            )
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _apply_date_style(self) -> None:
        """A new date style shows at once: every view redraws its dates."""
        if self.profile.settings.date_style != date_style():
            set_date_style(self.profile.settings.date_style)
            self._reload_all()
            if self.current_org and self.stack.currentWidget() is self.org_tabs:
                self.show_org(self.current_org)

    def _thresholds(self) -> tuple[int, float]:
        s = self.profile.settings
        return (s.attention_stalled_months, s.attention_rate_drop_points)

    def _apply_attention_thresholds(self) -> None:
        """New 要注意 thresholds show at once: the views that rank the matrix rank it again."""
        if self._thresholds() == self._attention_thresholds:
            return
        self._attention_thresholds = self._thresholds()
        view = getattr(self, "_progress_view", None)
        if view is not None:
            view.refresh()
        home = self._globals.get("home")
        if home is not None and self.stack.currentIndex() == self.stack.indexOf(home):
            home.refresh(self.month)

    def open_settings(self) -> None:
        from dxdesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.profile, self)
        dialog.accepted.connect(self.settings_changed)  # signal to signal: Qt emits it
        dialog.exec()

    def make_backup(self) -> None:
        from dxdesk.gui.worker import run_task

        dest = self.profile.manual_backup_path()
        try:
            # On a worker with a bar and 中止 (a big profile takes seconds to copy).
            path = run_task(
                self,
                self.tr("バックアップを作成"),
                self.tr("バックアップを作成しています…"),
                lambda progress: self.profile.backup(dest, progress),
            )
        except UserError as err:
            if err.code != "backup_cancelled":
                warn(self, self.tr("バックアップできません"), user_message(err))
            else:
                self.statusBar().showMessage(user_message(err))
            return
        self.statusBar().showMessage(
            self.tr("バックアップを作成しました：%1").replace("%1", str(path))
        )

    # ------------------------------------------------------------------ locking

    def show_lock(self, screen: QWidget) -> None:
        """Cover the window with the lock screen; menus and shortcuts stay off until unlocked."""
        if self.lock_screen is not None:
            return
        self.lock_screen = screen
        self.outer.addWidget(screen)
        self.outer.setCurrentWidget(screen)
        self.menuBar().setEnabled(False)
        for bar in self.findChildren(QToolBar):
            bar.setEnabled(False)
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():  # open forms keep their contents (and drafts) while hidden
                dialog.setProperty("dxdesk_was_open", True)
                dialog.hide()
        screen.setFocus()

    def hide_lock(self) -> None:
        if self.lock_screen is None:
            return
        self.outer.setCurrentIndex(0)
        self.outer.removeWidget(self.lock_screen)
        self.lock_screen.deleteLater()
        self.lock_screen = None
        self.menuBar().setEnabled(True)
        for bar in self.findChildren(QToolBar):
            bar.setEnabled(True)
        for dialog in self.findChildren(QDialog):
            if dialog.property("dxdesk_was_open"):
                dialog.setProperty("dxdesk_was_open", False)
                dialog.show()

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None

    # ------------------------------------------------------------------ state

    def restore_state(self) -> None:
        settings = QSettings("dxdesk", "dxdesk")
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def retire(self) -> None:
        """Replaced by a new window (a language switch, a restore): it is deleted later and,
        if something closes it meanwhile, it neither backs up nor saves its geometry (a
        backup's worker loop would delete it in the middle of its own close)."""
        self._retired = True
        self.hide()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._retired:
            super().closeEvent(event)
            return
        if not self.close_forms():
            event.ignore()
            return
        QSettings("dxdesk", "dxdesk").setValue("main/geometry", self.saveGeometry())
        # The closing backup on a worker too: the window keeps painting while a big profile
        # is copied, and says so if it fails (the records themselves are saved already).
        warning = self._backup_on_worker(force=True)
        if warning is not None:
            warn(self, self.tr("自動バックアップ"), user_message(warning))
        super().closeEvent(event)

    # ------------------------------------------------------------------ time entries (週間工数)

    @property
    def org_time(self) -> Any:
        """The quick-add bar of the 工数 tab, built when first needed (keeps the start light)."""
        if self._org_time is None:
            from dxdesk.gui.timegrid import QuickAddBar
            from dxdesk.services.timesheet import TimesheetService

            bar = QuickAddBar(
                TimesheetService(self.profile),
                self.lists.organisations(),
                self._time_page,
            )
            layout = self._time_page.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, bar)
            bar.show()  # a child added to a page already on screen is not shown by itself
            bar.added.connect(self.data_changed)
            bar.set_org(self.current_org)
            self._org_time = bar
        return self._org_time

    def _show_progress(self) -> Any:
        self.show_global("progress")
        return self.progress_view()

    def open_progress_import(self, path: str | None = None) -> Any:
        """進捗 > 取込…: the matrix, then the import dialog over it (gui/progress_import.py)."""
        return self._show_progress().open_import(path)

    def progress_view(self) -> Any:
        """The standardisation matrix (gui/progress.py), built the first time it is shown."""
        if getattr(self, "_progress_view", None) is None:
            from dxdesk.gui.progress import ProgressView
            from dxdesk.services.progress import ProgressService

            view = ProgressView(ProgressService(self.profile), self)
            view.changed.connect(self.data_changed)
            view.open_record.connect(self.open_record)
            view.new_record.connect(lambda k, values: self.open_form(k, initial=values))
            self.data_changed.connect(view.refresh)
            self.stack.addWidget(view)
            view.refresh()
            self._progress_view = view
        return self._progress_view

    def week_view(self) -> Any:
        """The weekly grid, built the first time it is shown (startup stays light)."""
        if getattr(self, "_week_view", None) is None:
            from dxdesk.gui.timegrid import WeekView
            from dxdesk.services.timesheet import TimesheetService

            view = WeekView(TimesheetService(self.profile), self.lists.organisations())
            view.changed.connect(self.data_changed)
            self.data_changed.connect(view.refresh)
            self.stack.addWidget(view)
            self._week_view = view
        return self._week_view
