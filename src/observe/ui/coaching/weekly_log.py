"""The weekly log: where this week's time went, and how much of it was coaching.

The chart shows the eight weeks up to the one on screen (coaching stacked on other duties),
so a week of testing duty reads as the exception it is. The table lists the week's entries;
visits' own entries are marked, and can be edited like any other.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from observe.coaching import log
from observe.coaching.dates import week_start
from observe.coaching.labels import ACTIVITY_LABELS
from observe.i18n import format_date
from observe.store import Store
from observe.store.models import LogActivity
from observe.ui.coaching.charts import ChartView
from observe.ui.coaching.log_entry import LogEntryDialog
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp
from observe.ui.screen_fit import fit_to_screen

CHART_WEEKS = 8
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def hours(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return (
        QCoreApplication.translate("coaching.weekly_log", "{h} h {m:02d} min").format(h=h, m=m)
        if h
        else QCoreApplication.translate("coaching.weekly_log", "{m} min").format(m=m)
    )


class WeeklyLogWindow(QDialog):
    changed = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weekly coaching log"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.store = store
        self._report_error = report_error
        self._today = today or date.today()
        self.week = week_start(self._today)
        self.rows: list[log.LogRow] = []
        self.last_deleted: str | None = None
        self.entry_dialog: LogEntryDialog | None = None

        self.previous_button = QPushButton(self.tr("◀ &Previous week"))
        self.this_week_button = QPushButton(self.tr("T&his week"))
        self.next_button = QPushButton(self.tr("Ne&xt week ▶"))
        self.previous_button.clicked.connect(lambda: self.show_week(self.week - timedelta(7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.week + timedelta(7)))
        self.this_week_button.clicked.connect(lambda: self.show_week(week_start(self._today)))
        self.heading = QLabel()
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.heading.setAccessibleName(self.tr("Week"))
        self.share = QLabel()
        self.share.setWordWrap(True)
        self.share.setAccessibleName(self.tr("This week's time"))
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.this_week_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.heading)

        self.chart = ChartView(self.tr("Chart: coaching and other duties, minutes per week"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("Activity"),
                self.tr("Minutes"),
                self.tr("Note"),
                self.tr("From"),
            ]
        )
        self.table.setAccessibleName(self.tr("This week's log entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(self.tr("&Log time…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.undo_button = QPushButton(self.tr("&Undo delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Log status"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.status)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.share)
        lower_layout.addWidget(self.table, 1)
        lower_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.previous_button.click())
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.next_button.click())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected)
        fit_to_screen(self, 960, 700, height_share=0.88)
        self.show_week(self.week)
        self.table.setFocus()  # arrows move through the entries; Alt+←/→ change the week

    # -- showing ----------------------------------------------------------------------------

    def show_week(self, monday: date) -> None:
        self.week = week_start(monday)
        first = self.week - timedelta(weeks=CHART_WEEKS - 1)
        last = self.week + timedelta(days=6)
        listed = CoreOp(
            self, lambda: log.entries(self.store, first, last), report=self._report_error
        )
        outcome = listed.run_now()
        if not outcome.ok or outcome.value is None:
            return
        rows = outcome.value
        shares = log.weekly_shares(rows, first, self.week + timedelta(days=6))
        self.rows = [r for r in rows if r.occurred_on >= self.week]
        current = shares[-1]
        end = self.week + timedelta(days=6)
        self.heading.setText(
            self.tr("Week of {day}").format(day=format_date(self.week, "d MMMM y"))
        )
        self.next_button.setEnabled(end < self._today)
        if current.total:
            parts = "; ".join(
                f"{ACTIVITY_LABELS[a]} {hours(m)}"
                for a, m in sorted(current.minutes.items(), key=lambda kv: -kv[1])
            )
            share = current.coaching_share or 0.0
            self.share.setText(
                self.tr(
                    "{hours} logged: {share:.0%} coaching ({hours2}), "
                    "{value:.0%} other duties ({hours3}). By activity: {parts}."
                ).format(
                    hours=hours(current.total),
                    share=share,
                    hours2=hours(current.coaching),
                    value=1 - share,
                    hours3=hours(current.other),
                    parts=parts,
                )
            )
        else:
            self.share.setText(self.tr("Nothing logged this week yet. Log time with Ctrl+Shift+A."))
        self.chart.show_bars(
            [format_date(w.week_start, "d MMM") for w in shares],
            [
                (self.tr("Coaching"), [float(w.coaching) for w in shares]),
                (self.tr("Other duties"), [float(w.other) for w in shares]),
            ],
            title=self.tr("Minutes per week: coaching vs other duties"),
            axis_title=self.tr("Minutes"),
            stacked=True,
        )
        self._fill_table()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            cells = [
                format_date(row.occurred_on, "EEE d MMM"),
                ACTIVITY_LABELS[LogActivity(row.activity)],
                str(row.minutes),
                row.note or "",
                self.tr("Visit") if row.from_visit else self.tr("Typed"),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.id)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, column, item)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.undo_button.setEnabled(self.last_deleted is not None)

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    # -- changing ---------------------------------------------------------------------------

    def _open(self, dialog: LogEntryDialog) -> LogEntryDialog:
        dialog.saved.connect(lambda _id: self._changed())
        dialog.open()
        self.entry_dialog = dialog
        return dialog

    def add(self) -> LogEntryDialog:
        day = min(self._today, self.week + timedelta(days=6))
        return self._open(
            LogEntryDialog(
                self.store, self, report_error=self._report_error, today=self._today, day=day
            )
        )

    def edit_selected(self) -> LogEntryDialog | None:
        entry_id = self.selected_id()
        if entry_id is None:
            return None
        return self._open(
            LogEntryDialog(
                self.store,
                self,
                report_error=self._report_error,
                today=self._today,
                entry_id=entry_id,
            )
        )

    def delete_selected(self) -> None:
        entry_id = self.selected_id()
        if entry_id is None:
            return
        deleted = CoreOp(
            self, lambda: log.delete_entry(self.store, entry_id), report=self._report_error
        )
        if not deleted.run_now().ok:
            return
        self.last_deleted = entry_id
        self.status.setText(self.tr("Entry deleted."))
        self._changed()

    def undo_delete(self) -> None:
        if self.last_deleted is None:
            return
        entry_id = self.last_deleted
        restored = CoreOp(
            self, lambda: log.restore_entry(self.store, entry_id), report=self._report_error
        )
        if not restored.run_now().ok:
            return
        self.last_deleted = None
        self.status.setText(self.tr("Entry restored."))
        self._changed()

    def _changed(self) -> None:
        self.show_week(self.week)
        self.changed.emit()
