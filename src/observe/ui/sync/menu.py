"""The Sync menu and the status bar label: what the main window needs of sync.

:class:`SyncUi` is all the main window needs: it builds the menu and the label, follows the
capture context's change news to sync soon after edits, and stops cleanly when the window
closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from observe.store import Store
from observe.ui import operations
from observe.ui.errors import ErrorReporter
from observe.ui.operations import Operation, Progress
from observe.ui.sync.controller import Ask, SyncController
from observe.ui.sync.status import SyncStatus, SyncStatusLabel

if TYPE_CHECKING:
    # Imported when first used: sign-in and conflicts bring the HTTP client and the wire
    # protocol (httpx, pydantic), which opening the window does not need.
    from observe.sync.account import SignedOut
    from observe.ui.sync.conflicts_view import ConflictsDialog
    from observe.ui.sync.signin import SignInDialog


class _ChangeNews(Protocol):
    def connect(self, slot: object) -> object: ...


def ask_question(parent: QWidget | None, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("sync.menu", "Sync"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class SyncUi(QObject):
    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        *,
        report_error: ErrorReporter,
        ask: Ask = ask_question,
        changes: _ChangeNews | None = None,
        start: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self._report_error = report_error
        self.controller = SyncController(store, window, ask=ask, report_error=report_error)
        self.label = SyncStatusLabel(window)
        window.statusBar().addPermanentWidget(self.label)
        self.controller.status_changed.connect(self._status)
        if changes is not None:
            changes.connect(self.controller.changed)
        self.sign_in_dialog: SignInDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None

        self.menu = QMenu(self.tr("S&ync"), window)
        self.sign_in_action = self._action(
            self.tr("Sign &in…"),
            "Ctrl+Shift+U",
            self.tr("Sign this profile in to your school's sync server"),
        )
        self.sign_in_action.triggered.connect(self.show_sign_in)
        self.sync_now_action = self._action(
            self.tr("Sync &now"), "Ctrl+Shift+Y", self.tr("Send and receive changes now")
        )
        self.sync_now_action.triggered.connect(lambda: self.controller.sync_now())
        self.stop_action = self._action(
            self.tr("S&top syncing"),
            None,
            self.tr("Stop the running sync; what it finished is kept"),
        )
        self.stop_action.triggered.connect(self.controller.stop_sync)
        self.controller.sync_stopped.connect(self._sync_stopped)
        self.conflicts_action = self._action(
            self.tr("&Conflicts…"),
            "Ctrl+Shift+K",
            self.tr("Changes the server did not take as they were"),
        )
        self.conflicts_action.triggered.connect(self.show_conflicts)
        self.sign_out_action = self._action(
            self.tr("Sign &out"),
            None,
            self.tr("Forget this device's sign-in; your records stay here"),
        )
        self.sign_out_action.triggered.connect(self.sign_out)
        self.menu.addAction(self.sync_now_action)
        self.menu.addAction(self.stop_action)
        self.menu.addAction(self.conflicts_action)
        self.menu.addSeparator()
        self.menu.addAction(self.sign_in_action)
        self.menu.addAction(self.sign_out_action)
        self._status(self.controller.status)
        if start:
            self.controller.start()

    def _action(self, text: str, shortcut: str | None, tip: str) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        return action

    def _status(self, status: SyncStatus) -> None:
        self.label.show_status(status)
        self.sync_now_action.setEnabled(status.signed_in and not status.syncing)
        self.stop_action.setEnabled(status.syncing)
        self.sign_out_action.setEnabled(status.signed_in)

    def _sync_stopped(self) -> None:
        self.window.statusBar().showMessage(
            self.tr(
                "Sync stopped. Changes not yet sent stay on this computer; the next sync goes on "
                "from here."
            ),
            15_000,
        )

    # -- sign in / out ----------------------------------------------------------------------

    def sign_in_dialog_for(self) -> SignInDialog:
        from observe.ui.sync.signin import SignInDialog

        dialog = SignInDialog(self.store, self.window)
        dialog.signed_in.connect(self._signed_in)
        self.sign_in_dialog = dialog
        return dialog

    def show_sign_in(self) -> None:
        dialog = self.sign_in_dialog_for()
        dialog.exec()
        dialog.deleteLater()
        self.sign_in_dialog = None

    def _signed_in(self, done: object) -> None:
        c = self.controller
        c.status = c.status.with_(needs_sign_in=False, offline=False, problem=None)
        self.window.statusBar().showMessage(
            self.tr("Signed in to {server}; syncing…").format(
                server=getattr(done, "server_url", self.tr("the server"))
            ),
            10_000,
        )
        c.refresh(then_sync=True)

    def sign_out(self) -> Operation:
        from observe.sync.account import SignedOut, logout

        store = self.store

        def work(_: Progress) -> SignedOut:
            return logout(store)

        def done(result: object) -> None:
            if isinstance(result, SignedOut):
                self.window.statusBar().showMessage(result.sentence, 15_000)
            self.controller.refresh()

        return operations.run(
            work,
            name="sign out",
            context=self.window,
            on_success=done,
            on_failure=lambda exc: self._report_error(self.window, exc),
        )

    # -- conflicts --------------------------------------------------------------------------

    def conflicts_dialog_for(self) -> ConflictsDialog:
        if self.conflicts_dialog is None:
            from observe.ui.sync.conflicts_view import ConflictsDialog

            dialog = ConflictsDialog(self.store, self._report_error, self.window)
            dialog.resolved.connect(self._resolved)
            self.conflicts_dialog = dialog
        self.conflicts_dialog.reload()
        return self.conflicts_dialog

    def show_conflicts(self) -> None:
        dialog = self.conflicts_dialog_for()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _resolved(self) -> None:
        self.controller.refresh()
        self.controller.debounce.start()

    def close(self) -> None:
        self.controller.stop()
