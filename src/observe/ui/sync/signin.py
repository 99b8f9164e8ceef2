"""Sign in: the server's address, the coach's email and password; the sign-in runs off the GUI
thread and a refusal is shown in the dialog as the server's sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from observe.store import Store
from observe.sync import state
from observe.sync.account import SignedIn, login
from observe.ui import operations
from observe.ui.errors import record
from observe.ui.operations import Operation, Progress


class SignInDialog(QDialog):
    signed_in = Signal(object)  # SignedIn

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.operation: Operation | None = None
        self.result_value: SignedIn | None = None
        self.setWindowTitle(self.tr("Sign in to a sync server"))
        self.setAccessibleName(self.tr("Sign in to a sync server"))

        st = state.load(store)
        self.server = QLineEdit(st.server_url or "")
        self.server.setPlaceholderText(self.tr("https://observe.school.org"))
        self.server.setAccessibleName(self.tr("Server address"))
        self.email = QLineEdit(st.email or "")
        self.email.setPlaceholderText(self.tr("you@school.org"))
        self.email.setAccessibleName(self.tr("Email"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Sign-in problem"))
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&Email:"), self.email)
        form.addRow(self.tr("&Password:"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel(
            self.tr(
                "Your records stay on this computer and are copied to your school's server. "
                "Only you (and your team, for what you share) can read them."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.server, self.email)
        self.setTabOrder(self.email, self.password)
        self.setMinimumWidth(460)
        (self.password if st.server_url and st.email else self.server).setFocus()

    def _busy(self, busy: bool) -> None:
        for w in (self.server, self.email, self.password, self.sign_in_button):
            w.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Signing in…"))
            self.message.show()

    def sign_in(self) -> Operation | None:
        if self.operation is not None and self.operation.is_running:
            return None
        store = self.store
        server, email, password = self.server.text(), self.email.text(), self.password.text()

        def work(_: Progress) -> SignedIn:
            return login(store, server, email, password)

        self._busy(True)
        self.operation = operations.run(
            work,
            name="sign in",
            context=self,
            on_success=self._succeeded,
            on_failure=self._failed,
        )
        return self.operation

    def _succeeded(self, result: object) -> None:
        assert isinstance(result, SignedIn)
        self.result_value = result
        self.password.clear()
        self.signed_in.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        record(error)
        self._busy(False)
        if isinstance(error, ObserveError):
            self.message.setText(error.sentence)
        else:
            self.message.setText(
                self.tr(
                    "Signing in failed because of a problem Observe didn't expect; the details "
                    "are in the log file."
                )
            )
        self.message.show()
        self.password.selectAll()
        self.password.setFocus()
