"""The welcome dialog: the first thing a coach sees in a new, empty profile.

Three questions and three ways out. Start saves the coach's name (it goes on feedback sheets),
creates their School and, when a sync server was given, hands over to the sync sign-in dialog
with that address filled in (observe.ui.sync.signin); Load demo data fills the profile
with made-up records to explore; Skip says "not now, and don't ask again". Closing the dialog
any other way asks again next time, because an accidental Escape shouldn't lose the welcome.

It opens window-modal with ``open()``, not ``exec()``: the main window is already running
behind it, and nothing waits on the answer.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from observe import APP_NAME
from observe.errors import UsageError
from observe.profile_setup import (
    SERVER_URL,
    apply_welcome,
    check_welcome,
    needs_welcome,
    skip_welcome,
)
from observe.store import Store
from observe.ui.icons import app_icon

if TYPE_CHECKING:
    from observe.ui.main_window import MainWindow

log = logging.getLogger(__name__)

INTRO = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "Observe keeps your classroom notes on this computer, and works without a network. "
    "Tell it who you are to get started.",
)
SERVER_HELP = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "If your school runs an Observe server, type its address to sync your notes to it. "
    "Leave it empty to work on this computer only.",
)


def _field(placeholder: str, name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setClearButtonEnabled(True)
    return edit


class WelcomeDialog(QDialog):
    """Asks for name, school and an optional server; ``outcome`` says which way it ended."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        #: "completed", "demo", "skipped", or None while open / when closed without a choice.
        self.outcome: str | None = None
        self.setWindowTitle(self.tr("Welcome to {APP_NAME}").format(APP_NAME=APP_NAME))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Welcome"))

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAccessibleName(self.tr("{APP_NAME} icon").format(APP_NAME=APP_NAME))
        heading = QLabel(self.tr("Welcome to {APP_NAME}").format(APP_NAME=APP_NAME))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(QCoreApplication.translate("WelcomeDialog", INTRO))
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(heading)
        words.addWidget(intro)
        top.addLayout(words, 1)

        self.name_edit = _field(
            self.tr("as it should appear on feedback sheets"), self.tr("Your name")
        )
        self.school_edit = _field(
            self.tr("for example, Riverside Middle School"), self.tr("School")
        )
        self.server_edit = _field(
            self.tr("https://observe.school.org (optional)"), self.tr("Sync server address")
        )
        server_help = QLabel(QCoreApplication.translate("WelcomeDialog", SERVER_HELP))
        server_help.setWordWrap(True)
        server_help.setEnabled(False)  # the palette's quieter text colour, no hard-coded grey
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(self.tr("Sc&hool:"), self.school_edit)
        form.addRow(self.tr("Sync se&rver:"), self.server_edit)
        form.addRow("", server_help)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setVisible(False)
        font = self.problem.font()
        font.setBold(True)
        self.problem.setFont(font)

        self.buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.setDefault(True)
        self.start_button.setAccessibleName(self.tr("Start using Observe"))
        self.demo_button = QPushButton(self.tr("Load &demo data"))
        self.demo_button.setAccessibleName(self.tr("Load demo data instead"))
        self.demo_button.setToolTip(
            self.tr("Fill this empty profile with made-up records to explore")
        )
        self.skip_button = QPushButton(self.tr("S&kip"))
        self.skip_button.setAccessibleName(self.tr("Skip and don't ask again"))
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.demo_button.clicked.connect(self.choose_demo)
        self.skip_button.clicked.connect(self.skip)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 42)
        self.name_edit.setFocus()

    # -- the three ways out -----------------------------------------------------------------

    def start(self) -> None:
        try:
            welcome = check_welcome(
                self.name_edit.text(), self.school_edit.text(), self.server_edit.text()
            )
        except UsageError as exc:
            self._show_problem(exc.sentence)
            return
        # One small write (a school, three settings): milliseconds, fine on the GUI thread.
        school = apply_welcome(self.store, welcome)
        log.info("welcome completed: school %s, server %s", school.id, welcome.server_url)
        self.outcome = "completed"
        self.accept()

    def choose_demo(self) -> None:
        skip_welcome(self.store, "demo")
        self.outcome = "demo"
        self.accept()

    def skip(self) -> None:
        skip_welcome(self.store, "skipped")
        self.outcome = "skipped"
        self.reject()

    def _show_problem(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.setVisible(True)
        self.adjustSize()  # room for the sentence without squeezing the form
        lowered = sentence.lower()
        if "your name" in lowered:
            self.name_edit.setFocus()
        elif "school" in lowered and "server" not in lowered:
            self.school_edit.setFocus()
        else:
            self.server_edit.setFocus()
            self.server_edit.selectAll()


def welcome_message(store: Store) -> str:
    """The status-bar line after a completed welcome."""
    server = store.setting(SERVER_URL)
    if server:
        return QCoreApplication.translate(
            "WelcomeDialog",
            "Welcome! Your school is set up. Sign in to {server} to sync; you can also do it "
            "later from the Sync menu.",
        ).format(server=server)
    return QCoreApplication.translate(
        "WelcomeDialog", "Welcome! Your school is set up; add teachers from the Classes menu."
    )


def open_sign_in(window: MainWindow, server_url: str) -> QDialog | None:
    """Hands over to the sync sign-in dialog, with the server the coach just typed filled in.

    Window-modal and not waited for: cancelling it leaves the welcome's work done, and the Sync
    menu offers it again.
    """
    sync_ui = getattr(window, "sync_ui", None)
    if sync_ui is None:  # a window without sync (never in the app; kept for embedders)
        return None
    dialog = sync_ui.sign_in_dialog_for()
    dialog.server.setText(server_url)
    dialog.email.setFocus()
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    def closed() -> None:
        if sync_ui.sign_in_dialog is dialog:
            sync_ui.sign_in_dialog = None
        dialog.deleteLater()

    dialog.finished.connect(closed)
    dialog.open()
    return dialog


def offer_welcome(window: MainWindow) -> WelcomeDialog | None:
    """Opens the welcome over ``window`` if this profile has never been set up."""
    if not needs_welcome(window.store):
        return None
    dialog = WelcomeDialog(window.store, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    def finished() -> None:
        if dialog.outcome == "demo":
            window.load_demo()
        elif dialog.outcome == "completed":
            window.refresh_counts()
            window.statusBar().showMessage(welcome_message(window.store), 15_000)
            server = window.store.setting(SERVER_URL)
            if server:
                open_sign_in(window, server)
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
