"""Look-for frameworks: choose the set in use, edit sets, import/export JSON, share with the team.

Importing reads and checks the whole file first; a bad file is reported with its sentence
(every problem listed) and the profile is left as it was. A file whose name matches one of the
coach's sets asks whether to update that set (look-fors matched by code, tags kept) or add a
copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from observe.coaching import frameworks
from observe.coaching.framework_schema import Framework, read_framework_file
from observe.errors import ObserveError
from observe.store import Store
from observe.ui.coaching.framework_editor import FrameworkEditor
from observe.ui.coaching.panes import documents_folder
from observe.ui.dialog_keys import save_key
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp, Outcome
from observe.ui.screen_fit import fit_to_screen

T = TypeVar("T")

ID_ROLE = Qt.ItemDataRole.UserRole + 1

#: Asks for a framework file to open / a place to save one; tests answer without dialogs.
OpenChooser = Callable[[QWidget], Path | None]
SaveChooser = Callable[[QWidget, Path], Path | None]
#: Asks what to do with a file named like one of my sets: "update", "copy" or None (cancel).
UpdateAsker = Callable[[QWidget, str], str | None]


def choose_open(parent: QWidget) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("coaching.frameworks_window", "Import look-for framework"),
        str(documents_folder()),
        QCoreApplication.translate("coaching.frameworks_window", "Frameworks (*.json)"),
    )
    return Path(chosen) if chosen else None


def choose_save(parent: QWidget, suggested: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("coaching.frameworks_window", "Export look-for framework"),
        str(suggested),
        QCoreApplication.translate("coaching.frameworks_window", "Frameworks (*.json)"),
    )
    return Path(chosen) if chosen else None


def ask_update(parent: QWidget, name: str) -> str | None:
    box = QMessageBox(parent)
    box.setWindowTitle(
        QCoreApplication.translate("coaching.frameworks_window", "Import look-for framework")
    )
    box.setText(
        QCoreApplication.translate(
            "coaching.frameworks_window", "You already have a set called “{name}”."
        ).format(name=name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "coaching.frameworks_window",
            "Update it from the file (look-fors are matched by code, so tagged evidence keeps its "
            "tags), or add the file as a separate set?",
        )
    )
    update = box.addButton(
        QCoreApplication.translate("coaching.frameworks_window", "&Update my set"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    copy = box.addButton(
        QCoreApplication.translate("coaching.frameworks_window", "Add as a &copy"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return "update" if clicked is update else "copy" if clicked is copy else None


class FrameworksWindow(QDialog):
    #: A set was changed or the set in use changed; capture screens reload their look-fors.
    changed = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter,
        choose_open_file: OpenChooser = choose_open,
        choose_save_file: SaveChooser = choose_save,
        ask_update_or_copy: UpdateAsker = ask_update,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Look-for frameworks"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.store = store
        self._report_error = report_error
        self._open_file = choose_open_file
        self._save_file = choose_save_file
        self._ask = ask_update_or_copy
        self.dirty = False

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Look-for sets"))
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.use_button = QPushButton(self.tr("U&se this set"))
        self.use_button.setToolTip(
            self.tr("Offer this set's look-fors and keys in the capture window")
        )
        self.use_button.clicked.connect(self.use_current)
        self.new_button = QPushButton(self.tr("&New set"))
        self.new_button.clicked.connect(self.new_set)
        self.starter_button = QPushButton(self.tr("Add a s&tarter set"))
        self.starter_menu = QMenu(self.starter_button)
        self.starter_button.setMenu(self.starter_menu)
        self.starter_actions: list[QAction] = []
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.clicked.connect(self.export_current)
        self.duplicate_button = QPushButton(self.tr("Dup&licate"))
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        self.share_box = QCheckBox(self.tr("S&hare with my team"))
        self.share_box.setToolTip(self.tr("Shared sets sync to every coach of your school"))
        self.share_box.clicked.connect(self.share_current)
        self.owner_note = QLabel()
        self.owner_note.setWordWrap(True)

        self.editor = FrameworkEditor()
        self.editor.edited.connect(self._edited)
        self.save_button = QPushButton(self.tr("Sa&ve changes"))
        self.save_button.clicked.connect(self.save)
        save_key(self, self.save)
        self.revert_button = QPushButton(self.tr("R&evert"))
        self.revert_button.clicked.connect(self._show_current)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Framework message"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        for row in (
            (self.use_button,),
            (self.new_button, self.starter_button),
            (self.import_button, self.export_button),
            (self.duplicate_button, self.delete_button),
        ):
            line = QHBoxLayout()
            for b in row:
                line.addWidget(b)
            left_layout.addLayout(line)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.share_box)
        top.addWidget(self.owner_note, 1)
        right_layout.addLayout(top)
        right_layout.addWidget(self.editor, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        right_layout.addLayout(bottom)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        fit_to_screen(self, 1180, 700, width_share=0.92)
        split.setSizes([320, 840])
        self._fill_starters()
        self.reload()

    # -- list -------------------------------------------------------------------------------

    def _fill_starters(self) -> None:
        try:
            starters = frameworks.starter_sets()
        except ObserveError as exc:
            self.starter_button.setEnabled(False)
            self.starter_button.setToolTip(exc.sentence)
            return
        for starter in starters:
            action = self.starter_menu.addAction(starter.framework.name)
            action.triggered.connect(lambda _=False, fw=starter.framework: self.add_framework(fw))
            self.starter_actions.append(action)

    def reload(self, select_id: str | None = None) -> None:
        current = select_id or self.current_id()
        listed = self._run(lambda: frameworks.list_sets(self.store))
        if not listed.ok or listed.value is None:
            return
        rows = listed.value
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            marks = [
                self.tr("1 look-for")
                if row.items == 1
                else self.tr("{count} look-fors").format(count=row.items)
            ]
            if row.in_use:
                marks.insert(0, self.tr("in use"))
            if row.shared:
                marks.append(self.tr("shared") if row.mine else self.tr("shared by a colleague"))
            item = QListWidgetItem(f"{row.name}\n{' · '.join(marks)}")
            item.setData(ID_ROLE, row.id)
            if row.in_use:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [r.id for r in rows]
        chosen = current if current in ids else next((r.id for r in rows if r.in_use), None)
        if chosen is not None:
            self.list.setCurrentRow(ids.index(chosen))
        self._show_current()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _row(self, set_id: str | None) -> frameworks.SetRow | None:
        return next((r for r in frameworks.list_sets(self.store) if r.id == set_id), None)

    def _show_current(self) -> None:
        set_id = self.current_id()
        row = self._row(set_id)
        for b in (self.use_button, self.export_button, self.duplicate_button):
            b.setEnabled(row is not None)
        mine = row is not None and row.mine
        self.delete_button.setEnabled(mine)
        self.share_box.setEnabled(mine)
        self.share_box.setChecked(row is not None and row.shared)
        self.use_button.setEnabled(row is not None and not row.in_use)
        if row is None:
            self.editor.set_framework(None)
            self.owner_note.setText(
                self.tr("No look-for sets yet: add a starter set or import one.")
            )
        else:
            self.editor.set_framework(frameworks.load_framework(self.store, row.id), editable=mine)
            self.owner_note.setText(
                ""
                if mine
                else self.tr(
                    "Shared by a colleague: you can use, export or duplicate it, "
                    "but only they can change it."
                )
            )
        self.message.setText("")
        self._set_dirty(False)

    def _edited(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    # -- actions ----------------------------------------------------------------------------

    def _run(self, call: Callable[[], T]) -> Outcome[T]:
        """Runs a (quick) core call here; a failure reaches the coach as a sentence."""
        return CoreOp(self, call, report=self._report_error, name="look-for sets").run_now()

    def _after_change(self, set_id: str | None, message: str) -> None:
        self.reload(set_id)
        self.message.setText(message)
        self.changed.emit()

    def use_current(self) -> None:
        set_id = self.current_id()
        if set_id is None:
            return
        if not self._run(lambda: frameworks.use_set(self.store, set_id)).ok:
            return
        self._after_change(set_id, self.tr("The capture window now offers this set's look-fors."))

    def new_set(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.editor.set_framework(Framework(self.tr("New look-for set"), None, ()), editable=True)
        self.editor.add_row()
        self.owner_note.setText(self.tr("A new set: give it a name and look-fors, then save."))
        self._set_dirty(True)

    def save(self) -> str | None:
        set_id = self.current_id()
        outcome = (
            CoreOp(
                self,
                lambda: frameworks.save_framework(self.store, self.editor.framework(), set_id),
                report=self._report_error,
                name="save look-for set",
            )
            .inline(self.message.setText)
            .run_now()
        )
        if not outcome.ok or outcome.value is None:
            return None
        saved = outcome.value
        self._after_change(saved, self.tr("Saved."))
        return saved

    def add_framework(self, framework: Framework) -> str | None:
        outcome = self._run(lambda: frameworks.import_framework(self.store, framework))
        if not outcome.ok or outcome.value is None:
            return None
        set_id = outcome.value
        self._after_change(set_id, self.tr("Added “{name}”.").format(name=framework.name))
        return set_id

    def import_file(self) -> str | None:
        path = self._open_file(self)
        if path is None:
            return None
        read = self._run(lambda: read_framework_file(path))
        if not read.ok or read.value is None:
            return None
        framework = read.value
        found = self._run(lambda: frameworks.same_name_set(self.store, framework.name))
        if not found.ok:
            return None
        update = found.value
        if update is not None:
            answer = self._ask(self, framework.name)
            if answer is None:
                return None
            if answer == "copy":
                update = None
        imported = self._run(
            lambda: frameworks.import_framework(self.store, framework, update_set_id=update)
        )
        if not imported.ok or imported.value is None:
            return None
        set_id = imported.value
        verb = self.tr("Updated") if update else self.tr("Imported")
        self._after_change(
            set_id,
            self.tr("{verb} “{name}” from {name2}.").format(
                verb=verb, name=framework.name, name2=path.name
            ),
        )
        return set_id

    def export_current(self) -> Path | None:
        set_id = self.current_id()
        row = self._row(set_id)
        if set_id is None or row is None:
            return None
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in row.name).strip()
        target = self._save_file(self, documents_folder() / f"{safe or 'framework'}.json")
        if target is None:
            return None
        exported = self._run(lambda: frameworks.export_framework(self.store, set_id, target))
        if not exported.ok or exported.value is None:
            return None
        path = exported.value
        self.message.setText(self.tr("Exported to {path}.").format(path=path))
        return path

    def duplicate_current(self) -> str | None:
        set_id = self.current_id()
        if set_id is None:
            return None
        duplicated = self._run(lambda: frameworks.duplicate_set(self.store, set_id))
        if not duplicated.ok or duplicated.value is None:
            return None
        copy = duplicated.value
        self._after_change(copy, self.tr("Duplicated: this copy is yours to change."))
        return copy

    def share_current(self, checked: bool) -> None:
        set_id = self.current_id()
        if set_id is None:
            return
        if not self._run(lambda: frameworks.share_set(self.store, set_id, checked)).ok:
            self.share_box.setChecked(not checked)
            return
        self._after_change(
            set_id,
            self.tr("Shared: your team gets this set at their next sync.")
            if checked
            else self.tr("Now private to you."),
        )

    def delete_current(self, *, confirm: bool = True) -> bool:
        set_id = self.current_id()
        if set_id is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Delete look-for set"),
                self.tr("Delete this look-for set? Evidence already tagged keeps its tags."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if not self._run(lambda: frameworks.delete_set(self.store, set_id)).ok:
            return False
        self._after_change(None, self.tr("Deleted."))
        return True
