"""Signing in as a school leader to see the school's figures (aggregates only).

The sign-in runs on a worker (a server can take seconds to answer) and the dialog stays open
with the sentence on failure, so a mistyped password costs one retype, not the whole form.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from observe.errors import ObserveError
from observe.sync.leader import LeaderSession
from observe.ui import operations
from observe.ui.errors import sentence_for
from observe.ui.operations import Progress

INTRO = QT_TRANSLATE_NOOP(
    "LeaderSignIn",
    "School leaders see figures for the whole school: visits per week, coaching time, "
    "look-fors seen and participation. No notes, evidence, teacher names or cycles leave "
    "coaches' computers. Sign in with your leader account.",
)


class LeaderSignInDialog(QDialog):
    signed_in = Signal(object)

    def __init__(self, server_url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("School figures: sign in"))
        self.setMinimumWidth(480)
        self.session: LeaderSession | None = None
        intro = QLabel(QCoreApplication.translate("LeaderSignIn", INTRO))
        intro.setWordWrap(True)
        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText(self.tr("https://observe.school.org"))
        self.server.setAccessibleName(self.tr("Server address"))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("Email"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Sign-in message"))
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&Email:"), self.email)
        form.addRow(self.tr("&Password:"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.email if server_url else self.server).setFocus()

    def sign_in(self) -> operations.Operation:
        url, email, password = self.server.text(), self.email.text(), self.password.text()
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Signing in…"))
        self.message.show()

        def work(_: Progress) -> LeaderSession:
            return LeaderSession.sign_in(url, email, password)

        return operations.run(
            work,
            name="leader sign-in",
            context=self,
            on_success=self._done,
            on_failure=self._failed,
        )

    def _done(self, session: object) -> None:
        assert isinstance(session, LeaderSession)
        self.session = session
        self.signed_in.emit(session)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, ObserveError):
            from observe.ui.errors import record

            record(error)
        self.message.setText(sentence_for(error))
        self.password.selectAll()
        self.password.setFocus()
