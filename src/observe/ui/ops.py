"""The one way a screen runs a core call: ``CoreOp(parent, call).success(...).run_now()``.

Modelled on Anki's ``CollectionOp(...).success(...)``. Before it, every screen wrapped each core
call in its own ``try``/``except`` block that reported (or forgot to report) the failure, so the
same three lines were copied dozens of times and drifted. Now a screen says what to call and what
to do with the result; the helper owns the rest:

- A failure reaches the coach as a sentence through the window's error reporter
  (:data:`observe.ui.errors.ErrorReporter`, normally :func:`~observe.ui.errors.show_error`): an
  :class:`~observe.errors.ObserveError` shows its own sentence, anything unexpected shows the
  generic sentence pointing at the log, and the reporter writes the traceback to the log.
  ``.inline(show)`` sends the sentences of expected errors to a label of the screen instead
  of a dialog (a refused save explained next to the form); unexpected errors still get the dialog.
- Views refresh from the store's change news (``observe.ui.changes``), not from the success
  callback: after a commit every view showing the changed kinds reloads by itself, so a
  ``success`` callback only does what is particular to this screen (select the new row, show
  "Saved.", close the dialog).

Where it runs:

- :meth:`CoreOp.run_now` runs the call on the GUI thread and returns an :class:`Outcome`. Use it
  for writes that stay around a millisecond (a capture write, one cycle's field) and for calls
  whose result the caller needs straight away.
- :meth:`CoreOp.run_in_background` runs the call on the pool (``observe.ui.operations``) and
  delivers success or failure on the GUI thread, or nothing at all if ``parent`` was destroyed
  meanwhile. Use it for anything slower: sync, reports, copying a database, bulk imports.

API::

    CoreOp(parent, call, report=report_error, name="save cycle")
        .success(lambda value: ...)        # optional, GUI thread, gets call's result
        .failure(lambda error: ...)        # optional, after the error was reported (undo a tick)
        .inline(label.setText)             # optional, ObserveError sentences go here instead
        .inline(label.setText, of=UsageError)  # ... or only a refusal's; other errors get a dialog
        .run_now()  -> Outcome             # or .run_in_background() -> operations.Operation
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

from observe.errors import ObserveError
from observe.ui import operations
from observe.ui.errors import ErrorReporter, show_error

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What :meth:`CoreOp.run_now` did: ``ok`` with the call's ``value``, or the ``error``.

    A plain ``T | None`` would be ambiguous for calls that legitimately return None.
    """

    ok: bool
    value: T | None = None
    error: BaseException | None = None


class CoreOp(Generic[T]):
    """One core call made for a screen; see the module docstring for the whole API."""

    def __init__(
        self,
        parent: QWidget | None,
        call: Callable[[], T],
        *,
        report: ErrorReporter = show_error,
        name: str = "core call",
    ) -> None:
        self._parent = parent
        self._call = call
        self._report = report
        self._name = name
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[BaseException], object] | None = None
        self._inline: Callable[[str], object] | None = None
        self._inline_of: type[ObserveError] = ObserveError

    def success(self, callback: Callable[[T], object]) -> CoreOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> CoreOp[T]:
        self._on_failure = callback
        return self

    def inline(
        self, show: Callable[[str], object], *, of: type[ObserveError] = ObserveError
    ) -> CoreOp[T]:
        """``of`` narrows which expected errors are shown inline: a form explains a refusal
        (``UsageError``) beside itself, while a storage failure still deserves the dialog."""
        self._inline = show
        self._inline_of = of
        return self

    def run_now(self) -> Outcome[T]:
        """Runs the call here, on the GUI thread; for ~1 ms writes and immediate answers."""
        try:
            value = self._call()
        except Exception as exc:  # must stay: the one place a screen's core call failure is caught
            self._failed(exc)
            return Outcome(ok=False, error=exc)
        if self._on_success is not None:
            self._on_success(value)
        return Outcome(ok=True, value=value)

    def run_in_background(self) -> operations.Operation:
        """Runs the call on the pool; success or failure arrives later on the GUI thread."""
        op = operations.run(
            lambda _progress: self._call(),
            name=self._name,
            context=self._parent,
            on_failure=self._failed,
        )
        if self._on_success is not None:
            op.succeeded.connect(self._on_success)
        return op

    def _failed(self, error: BaseException) -> None:
        if self._inline is not None and isinstance(error, self._inline_of):
            log.info("%s refused: %s", self._name, error.sentence)
            self._inline(error.sentence)
        else:
            self._report(self._parent, error)
        if self._on_failure is not None:
            self._on_failure(error)
