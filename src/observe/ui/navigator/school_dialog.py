"""Edit school: the name on every feedback sheet and the time zone reports use."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QMessageBox, QWidget

from observe.roster.schools import (
    SchoolDetails,
    save_school,
    school_details,
    school_problems,
    time_zone_names,
)
from observe.store import Store
from observe.ui.navigator.dialogs import RecordDialog
from observe.ui.operations import Progress


class SchoolDialog(RecordDialog):
    def __init__(
        self, store: Store, schools: Sequence[SchoolDetails], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            store,
            QCoreApplication.translate("SchoolDialog", "Edit school"),
            QCoreApplication.translate("SchoolDialog", "&Save"),
            parent,
        )
        self.schools = list(schools)
        self.school: QComboBox | None = None
        if len(self.schools) > 1:
            self.school = QComboBox()
            for school in self.schools:
                self.school.addItem(school.name, school.id)
            self.add_field("school", self.tr("S&chool:"), self.school, self.tr("Which school"))
            self.school.currentIndexChanged.connect(self._show)
        self.name = self.line("name", self.tr("&Name:"), None, self.tr("School name"))
        self.name.setPlaceholderText(self.tr("e.g. Riverside Middle School"))
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItem("")
        self.timezone.addItems(list(time_zone_names()))
        here = datetime.now().astimezone().tzname() or self.tr("this computer's")
        self.timezone.lineEdit().setPlaceholderText(
            self.tr("This computer's time zone ({here})").format(here=here)
        )
        completer = QCompleter(list(time_zone_names()), self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        self.add_field(
            "timezone", self.tr("&Time zone:"), self.timezone, self.tr("School time zone")
        )
        self.timezone.lineEdit().textEdited.connect(lambda _t: self.problems["timezone"].say(None))
        self.timezone.setToolTip(
            self.tr(
                "Reports show visit days and times in this zone. Leave it empty to use this "
                "computer's zone."
            )
        )
        self._show()

    def current(self) -> SchoolDetails:
        index = self.school.currentIndex() if self.school is not None else 0
        return self.schools[max(0, index)]

    def _show(self, *_: object) -> None:
        school = self.current()
        self.name.setText(school.name)
        self.timezone.setCurrentText(school.timezone or "")
        for problem in self.problems.values():
            problem.say(None)

    def check(self) -> dict[str, str]:
        return school_problems(self.name.text(), self.timezone.currentText())

    def save_work(self) -> Callable[[Progress], str]:
        store, school_id = self.store, self.current().id
        name, zone = self.name.text(), self.timezone.currentText()
        return lambda _: save_school(store, school_id, name, zone)


def open_school_dialog(
    parent: QWidget, store: Store, saved: Callable[[], object] | None = None
) -> SchoolDialog | None:
    """Opens Edit school over ``parent`` (deleted when closed); ``saved`` runs after a save.
    Views need no call: the store's change news refreshes them."""
    schools = school_details(store)
    if not schools:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("navigator.school_dialog", "Edit school"),
            QCoreApplication.translate(
                "navigator.school_dialog",
                "There is no school in this profile yet: it is made with the first teacher "
                "(New teacher…) or by a roster import.",
            ),
        )
        return None
    dialog = SchoolDialog(store, schools, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if saved is not None:
        dialog.saved.connect(lambda _id: saved())
    dialog.open()
    return dialog
