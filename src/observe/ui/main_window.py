"""The main window: menus and the status bar around the capture workspace of one profile.

Everything slow (counting, demo data, backups) goes through :mod:`observe.ui.operations`, and
every failure through the injected ``report_error`` so tests see it instead of a blocking
dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
)

from observe import APP_NAME
from observe.i18n import format_date
from observe.ui import operations
from observe.ui.errors import ErrorReporter, log_folder, show_error
from observe.ui.operations import Operation, Progress
from observe.ui.ops import CoreOp
from observe.ui.profile_files import ProfileFiles
from observe.ui.screen_fit import fit_to_screen
from observe.ui.summary import SummaryPanel

if TYPE_CHECKING:
    from observe.store import Store
    from observe.store.first_screens import FirstScreens

    # Help and About load when first opened, not with the window (issue 18: window ready).
    from observe.ui.about import AboutDialog
    from observe.ui.coaching.menu import CoachingUi
    from observe.ui.context import VisitContext
    from observe.ui.early_window import EarlyInput
    from observe.ui.keyboard_help import KeyboardHelpDialog
    from observe.ui.reports.actions import ReportActions
    from observe.ui.settings_dialog import SettingsDialog
    from observe.ui.shortcuts import ActionKeysFirst
    from observe.ui.sync.menu import SyncUi
    from observe.ui.workspace import Workspace


class MainWindow(ProfileFiles, QMainWindow):
    """The window of one profile.

    Built with its ``store``, it is whole at once. Built from ``first_screens`` instead (what
    :mod:`observe.store.first_screens` read without SQLAlchemy), it paints the welcome panel's
    real figures in the coach's theme and language at once, holds the keys pressed meanwhile,
    and becomes whole when :meth:`attach` gives it the store (issue 18: window ready): the
    store's modules are imported only then, after the first paint.
    """

    #: The store is attached and the window whole (emitted once, by :meth:`attach`).
    store_ready = Signal()
    store: Store

    def __init__(
        self,
        store: Store | None = None,
        *,
        report_error: ErrorReporter = show_error,
        first_screens: FirstScreens | None = None,
    ) -> None:
        super().__init__()
        self._report_error = report_error
        self.demo_operation: Operation | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.left_running_box: QMessageBox | None = None
        self.early_input: EarlyInput | None = None
        self.setWindowTitle(APP_NAME)
        paths = store.paths if store is not None else cast("FirstScreens", first_screens).paths

        self.summary = SummaryPanel(paths)
        self.summary.load_demo_requested.connect(self.load_demo)
        self.profile_label = QLabel(self.tr("Profile: {name}").format(name=paths.data_dir.name))
        self.profile_label.setToolTip(str(paths.data_dir))
        self.profile_label.setAccessibleName(self.tr("Profile"))
        self.save_label = QLabel()
        self.save_label.setAccessibleName(self.tr("Save state"))
        self.statusBar().addWidget(self.profile_label)
        self.statusBar().addPermanentWidget(self.save_label)
        if store is not None:
            self.attach(store)
        else:
            from observe.ui.early_window import show_first_screens

            self.early_input = show_first_screens(self, cast("FirstScreens", first_screens))

    @property
    def is_ready(self) -> bool:
        """True once the store is attached: every menu and key works."""
        return self.early_input is None and hasattr(self, "store")

    def attach(self, store: Store) -> None:
        """Makes the window whole with the opened ``store``: the workspace, menus, the look.

        What the window does at start with a store (note the opening of running visits, offer
        to end one left running, count the records) happens here, exactly as it always did.
        """
        from observe import settings
        from observe.ui.context import SAVED
        from observe.ui.window_settings import apply_settings
        from observe.ui.workspace import Workspace

        early = self.early_input
        self.store = store
        self._note_opened()
        self.workspace: Workspace = Workspace(
            store, self, self.summary, report_error=self._report_error
        )
        self.context: VisitContext = self.workspace.context
        self.setCentralWidget(self.workspace)  # deletes the early columns, not the summary

        self.save_label.setText(QCoreApplication.translate("VisitContext", SAVED))
        self.context.save_state_changed.connect(self.save_label.setText)
        # Imports, new teachers and demo data change the counts on the welcome panel.
        self.context.records_changed.connect(self._records_changed)

        if early is not None:  # the early window's "Opening the profile…" menu goes
            self.menuBar().clear()
            for menu in self.menuBar().findChildren(QMenu):
                menu.deleteLater()
        self._build_menus()
        if early is None:
            self._size_to_screen()
        else:  # already on screen at its size: only the columns
            self.workspace.size_columns(self.width())
        apply_settings(self, settings.load(store))  # theme and text size
        # The early figures are on screen: counted again (with the sync queue, once the sync
        # state can say whether it is shown) without blanking them meanwhile.
        self.refresh_counts(busy=early is None)
        QTimer.singleShot(0, self, self.offer_to_end_left_running)
        self.early_input = None
        if early is not None:
            early.release(self)  # the keys pressed while the store loaded, in order
        self.store_ready.emit()

    @property
    def report_error(self) -> ErrorReporter:
        return self._report_error

    def _records_changed(self, kind: str) -> None:
        if self.workspace.center.currentWidget() is self.summary:
            self.refresh_counts()

    # -- menus ------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: str | None, tip: str) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        return action

    def _build_menus(self) -> None:
        from observe.ui.coaching.menu import CoachingUi
        from observe.ui.reports.actions import ReportActions
        from observe.ui.sync.menu import SyncUi

        bar = self.menuBar()
        self.load_demo_action = self._action(
            self.tr("&Load demo data…"),
            "Ctrl+Shift+D",
            self.tr("Fill this empty profile with made-up records"),
        )
        self.load_demo_action.triggered.connect(self.load_demo)
        self.open_folder_action = self._action(
            self.tr("&Open profile folder"),
            "Ctrl+Shift+O",
            self.tr("Show the profile folder in your file manager"),
        )
        self.open_folder_action.triggered.connect(self.open_profile_folder)
        self.backup_action = self._action(
            self.tr("&Back up database…"),
            "Ctrl+Shift+B",
            self.tr("Save a copy of this profile's database"),
        )
        self.backup_action.triggered.connect(self.choose_backup_file)
        self.recover_action = self._action(
            self.tr("&Recover records into a new profile…"),
            None,
            self.tr("Save every readable record of this profile into a new profile folder"),
        )
        self.recover_action.triggered.connect(self.choose_recovery_folder)
        self.recovery_box: QMessageBox | None = None
        self.quit_action = self._action(
            self.tr("&Quit"), "Ctrl+Q", self.tr("Close {APP_NAME}").format(APP_NAME=APP_NAME)
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        ws = self.workspace
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions(ws.file_actions())
        file_menu.addSeparator()
        file_menu.addAction(self.load_demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.open_folder_action)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.recover_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo, redo, *item_actions, find = ws.edit_actions()
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addActions(item_actions)
        edit_menu.addSeparator()
        edit_menu.addAction(find)
        self.settings_action = self._action(
            self.tr("Se&ttings…"), "Ctrl+,", self.tr("Your name, paper, theme…")
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.show_settings)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)

        capture_menu = bar.addMenu(self.tr("&Capture"))
        *kinds, previous_prompt, next_prompt, hints = ws.capture_actions()
        capture_menu.addActions(kinds)
        capture_menu.addSeparator()
        capture_menu.addActions([previous_prompt, next_prompt])
        capture_menu.addSeparator()
        capture_menu.addAction(ws.capture.pane_actions.attach_image)
        capture_menu.addAction(ws.capture.pane_actions.take_photo)
        capture_menu.addAction(hints)
        self.lookfor_menu = capture_menu.addMenu(self.tr("&Look-for tags"))
        self.lookfor_menu.addActions(ws.lookfor_actions())

        self.refresh_action = self._action(
            self.tr("&Refresh"), "F5", self.tr("Count the records again")
        )
        self.refresh_action.triggered.connect(self.refresh_counts)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(ws.view_actions())
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)

        bar.addMenu(self.tr("Cla&sses")).addActions(ws.class_actions())

        self.reports: ReportActions = ReportActions(
            self, self.context, report_error=self._report_error
        )
        reports_menu = bar.addMenu(self.tr("&Reports"))
        compose, sheet, *others = self.reports.actions()
        reports_menu.addActions([compose, sheet])
        reports_menu.addSeparator()
        reports_menu.addActions(others)

        self.sync_ui: SyncUi = SyncUi(
            self,
            self.store,
            report_error=self._report_error,
            changes=self.context.local_records_changed,  # pulled records refresh views as news
        )
        bar.addMenu(self.sync_ui.menu)
        # Each sync also asks which teachers have accounts: the Teachers tab shows it.
        navigator = ws.navigator
        navigator.teachers.report_error = self._report_error
        self.sync_ui.controller.synced.connect(lambda _result: navigator.teacher_model.reload())

        self.coaching_ui: CoachingUi = CoachingUi(
            self, self.context, report_error=self._report_error
        )
        bar.addMenu(self.coaching_ui.menu)

        self.about_action = self._action(
            self.tr("&About {APP_NAME}").format(APP_NAME=APP_NAME),
            None,
            self.tr("Version and folders"),
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.log_folder_action = self._action(
            self.tr("Show &log folder"), None, self.tr("Open the folder with Observe's log files")
        )
        self.log_folder_action.triggered.connect(self.open_log_folder)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._add_keyboard_help(help_menu)
        help_menu.addAction(self.log_folder_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _add_keyboard_help(self, help_menu: QMenu) -> None:
        """Help → Keyboard shortcuts, and the window's commands keep their keys in text fields."""
        self.keyboard_help_action = self._action(
            self.tr("&Keyboard shortcuts"), None, self.tr("Every key Observe answers to")
        )
        self.keyboard_help_action.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+/")])
        self.keyboard_help_action.triggered.connect(self.show_keyboard_help)
        help_menu.addAction(self.keyboard_help_action)
        from observe.ui.shortcuts import ActionKeysFirst

        self.action_keys: ActionKeysFirst = ActionKeysFirst(self)
        self.action_keys.install(self)

    def show_settings(self) -> SettingsDialog:
        from observe.ui.settings_dialog import show_settings

        return show_settings(self)

    def keyboard_help(self) -> KeyboardHelpDialog:
        from observe.ui.keyboard_help import KeyboardHelpDialog, window_shortcuts

        extra = self.workspace.capture.actions_for_menu()
        return KeyboardHelpDialog(window_shortcuts(self, extra), self)

    def show_keyboard_help(self) -> KeyboardHelpDialog:
        dialog = self.keyboard_help()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- visits left running ------------------------------------------------------------------

    def _note_opened(self) -> None:
        """The hours the app was closed become gaps of the visits still running."""
        from observe.capture import closures

        CoreOp(self, lambda: closures.note_opened(self.store), report=self._report_error).run_now()

    def _note_closed(self) -> None:
        from observe.capture import closures

        # Closing must go on if this fails; the visit only keeps the closed hours.
        CoreOp(self, lambda: closures.note_closed(self.store), report=self._report_error).run_now()

    def offer_to_end_left_running(self) -> QMessageBox | None:
        """A visit still running from an earlier day: offer to end it at its last evidence."""
        from observe.capture.visits import left_running_from_earlier_day

        found = CoreOp(
            self, lambda: left_running_from_earlier_day(self.store), report=self._report_error
        ).run_now()
        left = found.value
        if not left:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if len(left) == 1:
            visit = left[0]
            started = visit.started_at.astimezone()
            last = visit.last_activity.astimezone()
            box.setText(
                self.tr(
                    "The visit “%1” from %2 is still running. End it at %3, when its last "
                    "evidence was captured? The hours since then are not counted."
                )
                .replace("%1", visit.label)
                .replace(
                    "%2",
                    self.tr("{day} at {time}").format(
                        day=format_date(started, "EEE dd MMM"), time=f"{started:%H:%M}"
                    ),
                )
                .replace("%3", f"{last:%H:%M}")
            )
            end_text = self.tr("&End at %1").replace("%1", f"{last:%H:%M}")
        else:
            box.setText(
                self.tr(
                    "%1 visits from earlier days are still running: %2. End each at its last "
                    "evidence? The hours since then are not counted."
                )
                .replace("%1", str(len(left)))
                .replace("%2", "; ".join(v.label for v in left))
            )
            end_text = self.tr("&End them at their last evidence")
        end = box.addButton(end_text, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Keep running"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(end)
        box.setEscapeButton(box.buttons()[-1])
        ids = [v.id for v in left]

        def answered(_result: int) -> None:
            self.left_running_box = None
            if box.clickedButton() is end:
                self.end_left_running(ids)

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.left_running_box = box
        box.open()
        return box

    def end_left_running(self, visit_ids: list[str]) -> None:
        from observe.capture.visits import end_at_last_activity

        for visit_id in visit_ids:
            CoreOp(
                self,
                lambda visit_id=visit_id: end_at_last_activity(self.store, visit_id),
                report=self._report_error,
            ).run_now()

    def _size_to_screen(self) -> None:
        # A share of the screen rather than pixels: right on 1366×768 and on a 4K panel alike.
        fit_to_screen(self, height_share=0.85)
        self.workspace.size_columns(self.width())

    # -- counts -----------------------------------------------------------------------------

    def refresh_counts(self, *, busy: bool = True) -> Operation:
        """Counts the records in the background; ``busy`` says so meanwhile."""
        from observe import settings

        if busy:
            self.summary.show_busy(self.tr("Counting records…"))
        store = self.store

        def count(_: Progress) -> tuple[dict[str, int], bool]:
            # Without a server, "changes waiting to sync" would read as a backlog: not counted.
            # From indexes, in one statement: years of evidence are never a table scan.
            counted = store.counted_from_indexes(outbox=settings.server_configured(store))
            return counted.live, counted.empty

        return operations.run(
            count,
            name="count records",
            context=self,
            on_success=self._show_counts,
            on_failure=self._failed,
        )

    def _show_counts(self, result: object) -> None:
        counts, empty = cast(tuple[dict[str, int], bool], result)
        self.summary.show_counts(counts, empty=empty)

    def _failed(self, error: BaseException) -> None:
        self._report_error(self, error)

    # -- demo data --------------------------------------------------------------------------

    def load_demo(self) -> Operation | None:
        if self.demo_operation is not None and self.demo_operation.is_running:
            return None
        store = self.store

        def load(progress: Progress) -> object:
            from observe.demo.generator import load_demo  # heavy; only when asked

            return load_demo(store, progress=progress.report, should_cancel=progress.should_cancel)

        dialog = QProgressDialog(self.tr("Loading demo data…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("Load demo data"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setAccessibleName(self.tr("Loading demo data"))
        self.progress_dialog = dialog
        self.save_label.setText(self.tr("Saving demo data…"))
        self.summary.show_busy(self.tr("Loading demo data…"))
        self.load_demo_action.setEnabled(False)

        op = operations.run(
            load,
            name="load demo data",
            context=self,
            on_success=self._demo_loaded,
            on_failure=self._failed,
            on_progress=self._demo_progress,
            on_cancel=lambda: self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "Loading demo data was cancelled; nothing was added."
                ),
                10_000,
            ),
        )
        op.finished.connect(self._demo_finished)
        dialog.canceled.connect(op.cancel)
        dialog.show()
        self.demo_operation = op
        return op

    def _demo_progress(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(total)
            self.progress_dialog.setValue(done)

    def _demo_loaded(self, summary: object) -> None:
        seconds = getattr(summary, "seconds", None)
        if isinstance(seconds, float):
            message = self.tr("Demo data loaded in {seconds} s.").format(seconds=f"{seconds:.1f}")
        else:
            message = self.tr("Demo data loaded.")
        self.statusBar().showMessage(message, 10_000)

    def _demo_finished(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()  # closing emits canceled otherwise
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        from observe.ui.context import SAVED

        self.save_label.setText(QCoreApplication.translate("VisitContext", SAVED))
        self.load_demo_action.setEnabled(True)
        self.refresh_counts()

    # -- folders and about ------------------------------------------------------------------

    def about_dialog(self) -> AboutDialog:
        from observe.ui.about import AboutDialog

        return AboutDialog(self.store.paths.data_dir, log_folder(), self)

    def show_about(self) -> None:
        dialog = self.about_dialog()
        dialog.exec()
        dialog.deleteLater()

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.is_ready:  # closed while the store loaded: nothing to save yet
            super().closeEvent(event)
            return
        self.workspace.flush()
        self._note_closed()
        # Demo data stops and rolls back; the store must not be closed under a writer.
        if self.demo_operation is not None:
            self.demo_operation.cancel()
        self.sync_ui.close()
        operations.shutdown()
        super().closeEvent(event)
