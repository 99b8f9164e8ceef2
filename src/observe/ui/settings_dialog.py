"""Edit → Settings…: the coach's preferences for this profile, in one short form.

The values live in :mod:`observe.settings` (headless, so reports and the CLI read the same
ones). Saving takes effect at once: the theme and the capture text size change the open
window, language hints switch in the capture line, and a new sync server hands over to the
sign-in dialog. A refused value keeps every field as typed and says what to change next to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from observe import settings
from observe.errors import UsageError
from observe.i18n import LANGUAGES
from observe.settings import DEFAULT_VISIT_TYPES, TEXT_SIZES, Settings
from observe.store import Store
from observe.store.models import VisitType
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.ops import CoreOp
from observe.ui.window_settings import apply_settings
from observe.vocabulary import VISIT_TYPE_LABELS

if TYPE_CHECKING:
    from observe.ui.main_window import MainWindow


class SettingsDialog(QDialog):
    #: The settings as saved (a :class:`observe.settings.Settings`).
    saved = Signal(object)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter = show_error,
        locale_paper: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._report_error = report_error
        self.result_settings: Settings | None = None
        #: Whether the coach chose another language (it applies at the next start).
        self.language_changed = False
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        current = settings.load(store)
        self.original = current

        self.name_edit = QLineEdit(current.coach_name)
        self.name_edit.setPlaceholderText(self.tr("As it should read on feedback sheets"))
        self.school_edit = QLineEdit(current.school)
        self.school_edit.setPlaceholderText(self.tr("e.g. Riverside Middle School"))
        self.paper_combo = QComboBox()
        region = (locale_paper or _locale_paper)()
        region_name = {"letter": "Letter", "a4": "A4"}.get(region, region)
        self.paper_combo.addItem(
            self.tr("From this computer's region ({paper})").format(paper=region_name), None
        )
        self.paper_combo.addItem(self.tr("Letter"), "letter")
        self.paper_combo.addItem(self.tr("A4"), "a4")
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(current.paper)))
        self.hints_check = QCheckBox(self.tr("Language &hints while typing evidence"))
        self.hints_check.setChecked(current.language_hints)
        self.hints_check.setToolTip(
            self.tr("Suggests low-inference wording when a line sounds like a judgement")
        )
        self.visit_combo = QComboBox()
        for visit_type in DEFAULT_VISIT_TYPES:
            self.visit_combo.addItem(VISIT_TYPE_LABELS[visit_type], visit_type)
        self.visit_combo.setCurrentIndex(
            max(0, self.visit_combo.findData(current.default_visit_type))
        )
        self.server_edit = QLineEdit(current.server_url)
        self.server_edit.setPlaceholderText(
            self.tr("https://observe.school.org (empty: this computer only)")
        )
        self.size_combo = QComboBox()
        for percent in TEXT_SIZES:
            self.size_combo.addItem(f"{percent}%", percent)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(current.text_size)))
        self.size_combo.setToolTip(
            self.tr("Your zoom for the capture line and the timeline; the rest follows the system")
        )
        self.theme_combo = QComboBox()
        for value, label in (
            ("system", self.tr("System")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme_combo.addItem(label, value)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(current.theme)))
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("Same as this computer"), "")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each in its own language, to be found
        self.original_language = settings.get(store, settings.LANGUAGE_KEY)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(self.original_language))
        )
        self.language_combo.setToolTip(self.tr("Takes effect the next time Observe starts"))

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problems: dict[str, QLabel] = {}
        rows: list[tuple[str, str | None, QWidget, str]] = [
            ("coach_name", self.tr("Your &name on sheets:"), self.name_edit, self.tr("Your name")),
            ("school", self.tr("Sch&ool:"), self.school_edit, self.tr("School")),
            (
                "paper",
                self.tr("&Paper size:"),
                self.paper_combo,
                self.tr("Default paper size"),
            ),
            ("language_hints", None, self.hints_check, self.tr("Language hints")),
            (
                "default_visit_type",
                self.tr("Default &visit type:"),
                self.visit_combo,
                self.tr("Visit"),
            ),
            ("server_url", self.tr("Sync se&rver:"), self.server_edit, self.tr("Sync server")),
            (
                "text_size",
                self.tr("&Text size while capturing:"),
                self.size_combo,
                self.tr("Text size"),
            ),
            ("theme", self.tr("&Appearance:"), self.theme_combo, self.tr("Appearance")),
            ("language", self.tr("&Language:"), self.language_combo, self.tr("Language")),
        ]
        for name, label, widget, accessible in rows:
            widget.setAccessibleName(accessible)
            if label is None:
                self.form.addRow(widget)
            else:
                caption = QLabel(label)
                caption.setBuddy(widget)
                self.form.addRow(caption, widget)
            problem = QLabel()
            problem.setWordWrap(True)
            problem.setTextFormat(Qt.TextFormat.PlainText)
            problem.setAccessibleName(self.tr("Problem with {field}").format(field=accessible))
            problem.hide()
            self.form.addRow("", problem)
            self.problems[name] = problem
        self.fields: dict[str, QWidget] = {name: widget for name, _l, widget, _a in rows}

        note = QLabel(
            self.tr(
                "Kept in this profile on this computer; not synced to your other devices yet. "
                "Changing the server takes you to sign in to it."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)  # Enter in any field saves
        self.save_button.setToolTip(self.tr("Save the settings (Ctrl+S or Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)  # Cancel and Esc
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> Settings:
        return Settings(
            coach_name=self.name_edit.text(),
            school=self.school_edit.text(),
            paper=self.paper_combo.currentData(),
            language_hints=self.hints_check.isChecked(),
            default_visit_type=VisitType(self.visit_combo.currentData()),
            server_url=self.server_edit.text(),
            text_size=int(self.size_combo.currentData()),
            theme=str(self.theme_combo.currentData()),
        )

    def save(self) -> bool:
        """Saves and closes; a refused value is explained next to its field instead."""
        wanted = self.chosen()
        found = settings.problems(wanted)
        for name, label in self.problems.items():
            label.setText(found.get(name, ""))
            label.setVisible(name in found)
        if found:
            first = next(name for name in self.fields if name in found)
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        language = str(self.language_combo.currentData())

        def save_all() -> Settings:
            stored = settings.save(self.store, wanted)
            settings.put(self.store, settings.LANGUAGE_KEY, language)
            return stored

        outcome = (
            CoreOp(self, save_all, report=self._report_error)
            .inline(self._show_refusal, of=UsageError)
            .run_now()
        )
        if not outcome.ok or outcome.value is None:
            return False
        stored = outcome.value
        self.language_changed = language != self.original_language
        self.result_settings = stored
        self.saved.emit(stored)
        self.accept()
        return True

    def _show_refusal(self, sentence: str) -> None:
        """E.g. a school name another school already has: said next to the field it is about."""
        field = "school" if "school" in sentence.lower() else "coach_name"
        self.problems[field].setText(sentence)
        self.problems[field].show()
        self.fields[field].setFocus(Qt.FocusReason.OtherFocusReason)


def _locale_paper() -> str:
    from observe.reports.layout import paper_for_locale

    return paper_for_locale()


# -- in the window --------------------------------------------------------------------------


def show_settings(window: MainWindow) -> SettingsDialog:
    """Opens Settings over the window (window-modal, not waited for) and returns it."""
    dialog = SettingsDialog(window.store, window, report_error=window.report_error)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    before = dialog.original

    def saved(chosen: object) -> None:
        assert isinstance(chosen, Settings)
        apply_settings(window, chosen, before)
        if dialog.language_changed:
            message = QCoreApplication.translate(
                "SettingsDialog",
                "Settings saved. Observe speaks the new language the next time it starts.",
            )
        else:
            message = QCoreApplication.translate("SettingsDialog", "Settings saved.")
        window.statusBar().showMessage(message, 8_000)

    dialog.saved.connect(saved)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
