"""The main window's commands on the profile's files: back up, recover, open its folders.

A mixin of :class:`observe.ui.main_window.MainWindow` (its ``store``, ``report_error``,
actions and status bar), kept apart so the window's module stays about the window. Its
sentences are the main window's (``QCoreApplication.translate("MainWindow", ...)``, as
``self.tr`` in the window says them), so the catalogs keep them where they were.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from observe import APP_NAME
from observe.errors import ObserveError, UsageError
from observe.ui import operations
from observe.ui.errors import log_folder
from observe.ui.operations import Operation, Progress

if TYPE_CHECKING:
    from observe.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class ProfileFiles(_Base):
    # -- backup -----------------------------------------------------------------------------

    def choose_backup_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / QCoreApplication.translate(
            "MainWindow", "Observe backup {day}.sqlite3"
        ).format(day=date.today())
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("MainWindow", "Back up database"),
            str(suggested),
            QCoreApplication.translate("MainWindow", "Observe database (*.sqlite3);;All files (*)"),
        )
        if chosen:
            self.back_up_to(Path(chosen))

    def back_up_to(self, dest: Path) -> Operation | None:
        """Copies the live database to ``dest`` in the background; refuses to overwrite it."""
        database = self.store.paths.database
        own_files = {database, *(Path(f"{database}{s}") for s in ("-wal", "-shm", "-journal"))}
        if dest.expanduser().absolute() in own_files:
            self._report_error(
                self,
                UsageError(
                    QCoreApplication.translate(
                        "MainWindow",
                        "{dest} is the profile's own database file. Choose a "
                        "different name or folder for the backup.",
                    ).format(dest=dest)
                ),
            )
            return None

        def copy(_: Progress) -> Path:
            from observe.store.sqlite_file import backup_to

            try:
                return backup_to(database, dest)
            except (OSError, sqlite3.Error) as exc:
                reason = getattr(exc, "strerror", None) or str(exc)
                raise ObserveError(
                    QCoreApplication.translate(
                        "MainWindow",
                        "Observe couldn't save the backup to {dest} ({reason}). "
                        "Check that the folder exists, that you can write to it and "
                        "that the disk has free space, then try again. Your data was "
                        "not changed.",
                    ).format(dest=dest, reason=reason),
                    detail=repr(exc),
                ) from exc

        self.backup_action.setEnabled(False)
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Backing up to {dest}…").format(dest=dest)
        )
        op = operations.run(
            copy,
            name="back up database",
            context=self,
            on_success=lambda path: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Backed up to {path}.").format(path=path),
                10_000,
            ),
            on_failure=self._failed,
        )
        op.finished.connect(lambda: self.backup_action.setEnabled(True))
        return op

    # -- recovering a damaged profile --------------------------------------------------------

    def choose_recovery_folder(self) -> None:
        from observe.ui.recover import choose_folder

        out = choose_folder(self, self.store.paths.database)
        if out is not None:
            self.recover_to(out)

    def recover_to(self, out: Path) -> Operation:
        """Salvages every readable record into a new profile in ``out``, in the background.

        The open profile is only read; the summary (records saved and unreadable per kind)
        appears in a window-modal box, kept in ``recovery_box``.
        """
        from observe.store.recover import Recovery, recover_profile
        from observe.ui.recover import summary_box

        database = self.store.paths.database

        def show(recovery: object) -> None:
            box = summary_box(self, cast(Recovery, recovery))
            box.setInformativeText(
                QCoreApplication.translate(
                    "MainWindow", "Open it with observe --data-dir, or from the folder it is in."
                )
            )
            self.recovery_box = box
            box.open()

        self.recover_action.setEnabled(False)
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Recovering records into %1…").replace(
                "%1", str(out)
            )
        )
        op = operations.run(
            lambda _: recover_profile(database, out),
            name="recover records",
            context=self,
            on_success=show,
            on_failure=self._failed,
        )
        op.finished.connect(lambda: self.recover_action.setEnabled(True))
        return op

    def _open_folder(self, folder: Path, what: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, "", parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(
                QCoreApplication.translate(
                    "MainWindow", "Observe couldn't open a file manager. The {what} is:\n{folder}"
                ).format(what=what, folder=folder)
            )
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.exec()

    def open_profile_folder(self) -> None:
        self._open_folder(
            self.store.paths.data_dir, QCoreApplication.translate("MainWindow", "profile folder")
        )

    def open_log_folder(self) -> None:
        self._open_folder(log_folder(), QCoreApplication.translate("MainWindow", "log folder"))
