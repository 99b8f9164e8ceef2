"""Finding evidence across the whole profile: words, filters, and a jump to the item.

The dialog searches as the coach types. Each search runs on a worker (a district profile has
100,000 items, and a one-letter prefix can take a few hundred milliseconds), at most one at a
time: while one runs, only the newest request waits, and a result is shown only if it answers
what is typed now. So a burst of typing never queues a pile of stale searches, and the list
never flickers back to an older answer.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from observe.capture.kinds import LABELS, ORDER
from observe.clock import local_midnight
from observe.store.models import EvidenceKind
from observe.store.search import SearchFilters, fts_query
from observe.ui import operations
from observe.ui.context import VisitContext
from observe.ui.errors import record, sentence_for
from observe.ui.operations import Progress
from observe.ui.screen_fit import fit_to_screen
from observe.ui.search.choices import FilterChoices, Result, filter_choices, find
from observe.ui.search.launcher import Highlighted
from observe.ui.search.placement import clear_of
from observe.ui.search.results import RESULT_ROLE, ResultDelegate, ResultsModel

LIMIT = 200
DEBOUNCE_MS = 150
#: Record kinds whose changes alter the filter choices or the results.
CHOICE_KINDS = frozenset({"teacher", "lookfor", "lookfor_set"})
RESULT_KINDS = frozenset({"evidence", "visit", "teacher", "classroom"})

Request = tuple[str, SearchFilters]


def count_text(shown: int, capped: bool) -> str:
    if capped:
        return QCoreApplication.translate(
            "SearchDialog",
            "{limit}+ results (the newest {limit} are shown; add words or filters to narrow)",
        ).format(limit=LIMIT)
    if shown == 0:
        return QCoreApplication.translate("SearchDialog", "No evidence matches.")
    if shown == 1:
        return QCoreApplication.translate("SearchDialog", "1 result")
    return QCoreApplication.translate("SearchDialog", "{count} results").format(count=shown)


class SearchDialog(QDialog):
    #: Results for the current request are on screen (tests wait on it).
    results_shown = Signal()

    def __init__(
        self,
        context: VisitContext,
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        highlighted: Highlighted | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._highlighted = highlighted
        self.setWindowTitle(self.tr("Find evidence"))
        self.setAccessibleName(self.tr("Find evidence"))
        self.setModal(False)
        self._in_flight = False
        self._waiting: Request | None = None
        self._latest: Request | None = None
        self._running: Request | None = None

        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Words to find in all evidence"))
        self.query.setAccessibleName(self.tr("Search words"))
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        query_label = QLabel(self.tr("&Find:"))
        query_label.setBuddy(self.query)

        self.teacher_combo = self._combo(self.tr("Any teacher"), self.tr("Teacher filter"))
        self.lookfor_combo = self._combo(self.tr("Any look-for"), self.tr("Look-for filter"))
        self.kind_combo = self._combo(self.tr("Any kind"), self.tr("Kind filter"))
        for kind in ORDER:
            self.kind_combo.addItem(LABELS[kind], kind.value)
        today = QDate.currentDate()
        self.since_check, self.since_date = self._date(
            self.tr("Fro&m:"), self.tr("From date"), today.addDays(-30)
        )
        self.until_check, self.until_date = self._date(self.tr("T&o:"), self.tr("To date"), today)
        self.clear_button = QPushButton(self.tr("C&lear filters"))
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        filters = QGridLayout()
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        for column, (text, combo) in enumerate(
            (
                (self.tr("&Teacher:"), self.teacher_combo),
                (self.tr("Loo&k-for:"), self.lookfor_combo),
            )
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label, 0, column * 2)
            filters.addWidget(combo, 0, column * 2 + 1)
        kind_label = QLabel(self.tr("K&ind:"))
        kind_label.setBuddy(self.kind_combo)
        filters.addWidget(kind_label, 1, 0)
        filters.addWidget(self.kind_combo, 1, 1)
        dates = QHBoxLayout()
        for widget in (self.since_check, self.since_date, self.until_check, self.until_date):
            dates.addWidget(widget)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 2, 1, 2)

        self.count_label = QLabel(self.tr("Type words to search all evidence, or choose a filter."))
        self.count_label.setAccessibleName(self.tr("Result count"))
        self.count_label.setWordWrap(True)
        self.model = ResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setAccessibleDescription(self.tr("Press Enter to open the visit at that item"))
        # activated covers Enter and (where the platform activates that way) double-click.
        self.results.activated.connect(self.open_result)

        hint = QLabel(self.tr("Enter or double-click opens the visit at that item."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Enter belongs to the query line and the results, never to a button.
        for button in (*buttons.buttons(), self.clear_button):
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(buttons)

        top = QHBoxLayout()
        top.addWidget(query_label)
        top.addWidget(self.query, 1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)

        order = [
            self.query,
            self.clear_button,
            self.teacher_combo,
            self.lookfor_combo,
            self.kind_combo,
            self.since_check,
            self.since_date,
            self.until_check,
            self.until_date,
            self.results,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.search_now)
        self.query.textChanged.connect(lambda _: self._timer.start())
        for combo in (self.teacher_combo, self.lookfor_combo, self.kind_combo):
            combo.currentIndexChanged.connect(lambda _: self._timer.start())
        for widget in (self.since_date, self.until_date):
            widget.dateChanged.connect(lambda _: self._timer.start())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_query)

        context.records_changed.connect(self._records_changed)
        self._size_to_screen()
        self.load_choices()

    # -- construction -------------------------------------------------------------------------

    def _combo(self, anything: str, name: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(anything, None)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _date(self, text: str, name: str, start: QDate) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text)
        check.setAccessibleName(self.tr("Limit by {lower}").format(lower=name.lower()))
        edit = QDateEdit(start)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")  # month by name: 3/4 reads differently by country
        edit.setAccessibleName(name)
        edit.setEnabled(False)

        def toggled(on: bool) -> None:
            edit.setEnabled(on)
            self._timer.start()

        check.toggled.connect(toggled)
        return check, edit

    def _size_to_screen(self) -> None:
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 100, metrics.lineSpacing() * 34
        fit_to_screen(self, width, height)

    # -- filters ------------------------------------------------------------------------------

    def load_choices(self) -> None:
        store = self.context.store

        def work(_: Progress) -> FilterChoices:
            return filter_choices(store)

        operations.run(work, name="load search filters", context=self, on_success=self._choices)

    def _choices(self, choices: object) -> None:
        assert isinstance(choices, FilterChoices)
        for combo, items in (
            (self.teacher_combo, choices.teachers),
            (self.lookfor_combo, choices.lookfors),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for record_id, label in items:
                combo.addItem(label, record_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
            if combo.currentData() != chosen:  # the chosen teacher or look-for went away
                self._timer.start()

    def filters(self) -> SearchFilters:
        since = until = None
        if self.since_check.isChecked():
            since = local_midnight(self.since_date.date().toPython())
        if self.until_check.isChecked():
            until = local_midnight(self.until_date.date().toPython() + timedelta(days=1))
        return SearchFilters(
            teacher_id=self.teacher_combo.currentData(),
            lookfor_id=self.lookfor_combo.currentData(),
            # Qt hands the enum back as its plain string value.
            kind=EvidenceKind(kind) if (kind := self.kind_combo.currentData()) else None,
            since=since,
            until=until,
        )

    def clear_filters(self) -> None:
        for combo in (self.teacher_combo, self.lookfor_combo, self.kind_combo):
            combo.setCurrentIndex(0)
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)

    # -- searching ----------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        """True while typing is being waited out or a search is running."""
        return self._timer.isActive() or self._in_flight

    def search_now(self) -> None:
        """Searches for what is typed and chosen now, skipping the typing delay."""
        self._timer.stop()
        text, filters = self.query.text(), self.filters()
        self._latest = (text, filters)
        if fts_query(text) is None and filters.empty:
            self.model.set_results([])
            self.count_label.setText(
                self.tr("Type words to search all evidence, or choose a filter.")
            )
            self.results_shown.emit()
            return
        if filters.since and filters.until and filters.since >= filters.until:
            self.model.set_results([])
            self.count_label.setText(
                self.tr(
                    "The From date is after the To date, so nothing can match; change one of them."
                )
            )
            self.results_shown.emit()
            return
        if self._in_flight:
            self._waiting = None if self._latest == self._running else self._latest
            return
        self._start(self._latest)

    def _start(self, request: Request) -> None:
        self._in_flight = True
        self._running = request
        self.count_label.setText(self.tr("Searching…"))
        store = self.context.store
        text, filters = request

        def work(_: Progress) -> list[Result]:
            return find(store, text, filters, LIMIT + 1)

        op = operations.run(
            work,
            name="search evidence",
            context=self,
            on_success=lambda results: self._show(request, results),
            on_failure=lambda error: self._failed(request, error),
        )
        op.finished.connect(self._next)

    def _next(self) -> None:
        self._in_flight = False
        request, self._waiting = self._waiting, None
        if request is not None and request == self._latest:
            self._start(request)

    def _show(self, request: Request, results: object) -> None:
        if request != self._latest:
            return  # the coach has typed on; a newer search is waiting
        assert isinstance(results, list)
        capped = len(results) > LIMIT
        shown = results[:LIMIT]
        self.model.set_results(shown)
        self.count_label.setText(count_text(len(shown), capped))
        if shown:
            self.results.setCurrentIndex(self.model.index(0))
        self.results_shown.emit()

    def _failed(self, request: Request, error: BaseException) -> None:
        if request != self._latest:
            return
        record(error)
        self.model.set_results([])
        self.count_label.setText(sentence_for(error))
        self.results_shown.emit()

    def _records_changed(self, kind: str) -> None:
        if kind in CHOICE_KINDS:
            self.load_choices()
        if kind in RESULT_KINDS and self.isVisible() and self._latest is not None:
            self._timer.start()

    # -- opening ------------------------------------------------------------------------------

    def open_result(self, index: QModelIndex | None = None) -> bool:
        """Opens the visit at the chosen item (the current one if none is given)."""
        target = index if index is not None else self.results.currentIndex()
        result = target.data(RESULT_ROLE)
        if not isinstance(result, Result):
            return False
        self.context.open_visit(result.hit.visit_id, result.hit.evidence_id)
        if self._highlighted is not None:
            # After the capture pane has scrolled to the item: then it has a place on screen.
            QTimer.singleShot(0, self.step_aside)
        return True

    def step_aside(self) -> bool:
        """Moves (or shortens) the dialog so it does not cover the item it just highlighted."""
        item = self._highlighted() if self._highlighted is not None else None
        if item is None or not self.isVisible():
            return False
        frame = self.frameGeometry()
        screen = (self.screen() or self.parentWidget().screen()).availableGeometry()
        extra = frame.size() - self.geometry().size()  # title bar and borders
        least = self.minimumSizeHint().height() + extra.height()
        placed = clear_of(frame, item, screen, least)
        if placed is None:
            return False
        self.resize(placed.width() - extra.width(), placed.height() - extra.height())
        self.move(placed.topLeft())
        return True

    def focus_query(self) -> None:
        if not self.isVisible() and self._latest is not None:
            self._timer.start()  # evidence may have changed while the dialog was hidden
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # From the query line, Down goes to the results and Enter opens the selected one.
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0))
                self.results.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.search_now()
                elif self.model.rowCount():
                    self.open_result()
                return True
        return super().eventFilter(watched, event)
