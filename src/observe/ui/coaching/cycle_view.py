"""The right-hand side of the cycles window: one cycle, read-only, measure first.

It lives apart from the window so the window keeps to the list and its actions, while this
module keeps to reading a cycle back (the before-and-after sentence, chart and tables) and
refreshing the teacher's reflections when a sync brings some.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from observe.clock import as_utc
from observe.coaching import cycles, measures
from observe.coaching.cycle_list import cycle_heading
from observe.coaching.labels import (
    CYCLE_STATUS_LABELS,
    STEP_KIND_LABELS,
    STEP_STATUS_LABELS,
)
from observe.feedback.reflections import ReflectionView, cycle_reflections
from observe.i18n import format_date
from observe.store import Store
from observe.store.models import MeasureKind
from observe.ui import operations
from observe.ui.coaching.charts import ChartView
from observe.ui.coaching.cycle_evidence import EvidenceMeasures
from observe.ui.feedback.reflections_panel import ReflectionsPanel
from observe.vocabulary import VISIT_TYPE_LABELS

AXIS_TITLES = {
    MeasureKind.DISTINCT_VOICES: QT_TRANSLATE_NOOP("CycleView", "Students who spoke"),
    MeasureKind.CONTRIBUTIONS: QT_TRANSLATE_NOOP("CycleView", "Contributions"),
    MeasureKind.LOOKFOR_FREQUENCY: QT_TRANSLATE_NOOP("CycleView", "Evidence items tagged"),
}
EMPTY = QT_TRANSLATE_NOOP(
    "CycleView",
    "No coaching cycles yet. A cycle is a few weeks of work with one teacher on one focus: "
    "choose New cycle to start one.",
)


def _day(value: date | None) -> str:
    return format_date(value, "d MMM y") if value else "—"


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeRowsToContents()


class CycleView(QWidget):
    """One cycle, read-only: details, the measure (sentence, chart, table), steps, reflection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.focus = QLabel()
        big = QFont(self.focus.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.focus.setFont(big)
        self.focus.setWordWrap(True)
        self.focus.setAccessibleName(self.tr("Cycle focus"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Cycle details"))
        self.sentence = QLabel()
        bold = QFont(self.sentence.font())
        bold.setBold(True)
        self.sentence.setFont(bold)
        self.sentence.setWordWrap(True)
        self.sentence.setAccessibleName(self.tr("Measure, before and after"))
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = ChartView(self.tr("Chart: the cycle's measure visit by visit"))
        self.chart.setMinimumHeight(220)
        self.visits = _table(
            [self.tr("Visit"), self.tr("Kind"), self.tr("Measure")],
            self.tr("Measure visit by visit"),
        )
        self.steps = _table(
            [self.tr("Step"), self.tr("What"), self.tr("Due"), self.tr("Status"), self.tr("Done")],
            self.tr("Action steps"),
        )
        self.reflection = QLabel()
        self.reflection.setWordWrap(True)
        self.reflection.setAccessibleName(self.tr("Reflection"))
        self.teacher_reflections = ReflectionsPanel()  # hidden until the teacher writes one
        self.evidence = EvidenceMeasures()  # hidden until samples, a survey or scores are added

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.focus)
        layout.addWidget(self.details)
        layout.addWidget(self.sentence)
        layout.addWidget(self.chart, 2)
        layout.addWidget(QLabel(self.tr("Measure visit by visit")))
        layout.addWidget(self.visits, 1)
        layout.addWidget(self.evidence)
        layout.addWidget(QLabel(self.tr("Action steps")))
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.reflection)
        layout.addWidget(self.teacher_reflections)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.progress: measures.CycleProgress | None = None
        #: The cycle shown, and its visits' labels for the teacher's reflections on their sheets.
        self.cycle_id: str | None = None
        self._visit_labels: dict[str, str] = {}

    def show_cycle(self, store: Store, cycle_id: str | None) -> None:
        if cycle_id is None:
            self.focus.setText("")
            self.details.setText(QCoreApplication.translate("CycleView", EMPTY))
            for w in (self.sentence, self.reflection):
                w.setText("")
            self.visits.setRowCount(0)
            self.steps.setRowCount(0)
            self.chart.fresh()
            self.progress = None
            self.cycle_id, self._visit_labels = None, {}
            self.teacher_reflections.set_reflections([])
            self.evidence.show_cycle(store, None)
            return
        draft = cycles.load_cycle(store, cycle_id)
        progress = measures.cycle_progress(store, cycle_id)
        self.progress = progress
        heading = cycle_heading(store, cycle_id)
        teacher = heading.teacher_name if heading is not None else ""
        self.focus.setText(draft.focus)
        dates = self.tr("{start} to {end}").format(
            start=_day(draft.started_on), end=_day(draft.ended_on)
        )
        lines = [
            self.tr("With {teacher} · {status} · {dates}").format(
                teacher=teacher, status=CYCLE_STATUS_LABELS[draft.status], dates=dates
            )
        ]
        if draft.student_goal:
            lines.append(
                self.tr("Student-learning goal: {student_goal}").format(
                    student_goal=draft.student_goal
                )
            )
        self.details.setText("\n".join(lines))
        self.sentence.setText(progress.sentence())
        labels, values = [], []
        for point in progress.points:
            local = as_utc(point.started_at).astimezone()
            labels.append(format_date(local, "d MMM"))
            values.append(point.value)
        top = max((p.out_of or 0 for p in progress.points), default=0)
        self.chart.show_measure(
            labels,
            values,
            name=progress.measure_name,
            baseline=draft.baseline,
            target=draft.target,
            top=float(top) if top and progress.measure_kind is not None else None,
            axis_title=QCoreApplication.translate(
                "CycleView", AXIS_TITLES.get(progress.measure_kind, "Measure")
            ),
        )
        _fill(
            self.visits,
            [
                [
                    format_date(as_utc(p.started_at).astimezone(), "EEE dd MMM y"),
                    VISIT_TYPE_LABELS[p.visit_type],
                    p.text(),
                ]
                for p in progress.points
            ],
        )
        _fill(
            self.steps,
            [
                [
                    STEP_KIND_LABELS[st.kind],
                    st.title,
                    _day(st.due_on),
                    STEP_STATUS_LABELS[st.status],
                    _day(st.done_on) if st.done_on else "",
                ]
                for st in draft.steps
            ],
        )
        self.reflection.setText(
            self.tr("Reflection: {reflection}").format(reflection=draft.reflection)
            if draft.reflection
            else ""
        )
        visits = {
            p.visit_id: format_date(as_utc(p.started_at).astimezone(), "EEE dd MMM y")
            for p in progress.points
        }
        self.cycle_id, self._visit_labels = cycle_id, visits
        self.teacher_reflections.set_reflections(cycle_reflections(store, cycle_id), visits)
        self.evidence.show_cycle(store, cycle_id)

    def reload_reflections(self, store: Store) -> None:
        """Reads the shown cycle's reflections again (a sync pulled some), off the GUI thread;
        the rest of the view stays as it is."""
        cycle_id = self.cycle_id
        if cycle_id is None:
            return

        def shown(views: object) -> None:
            if self.cycle_id == cycle_id:  # the coach may have moved to another cycle since
                found = cast(list[ReflectionView], views)
                self.teacher_reflections.set_reflections(found, self._visit_labels)

        operations.run(
            lambda _: cycle_reflections(store, cycle_id),
            name="load cycle reflections",
            context=self,
            on_success=shown,
        )
