"""The cycle window's evidence beyond the observation: the work samples meeting the criteria,
the student surveys' questions and the assessment results, each before → after with a small
chart, and the menu that imports them (and opens the work samples' scoring).

Figures come from ``observe.coaching.surveys`` and ``observe.coaching.scores`` (the same ones
the cycle summary prints); the import dialogs live in ``cycle_evidence_dialogs``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from observe.coaching import samples, scores, surveys
from observe.errors import UsageError
from observe.i18n import format_percent
from observe.reports.cycle_evidence import before_after
from observe.store import Store
from observe.ui.appearance import chart_colours
from observe.ui.errors import ErrorReporter


class BeforeAfterBars(QWidget):
    """Two horizontal bars, before (light) and after (strong), on a 0–100% scale."""

    def __init__(self, before: float | None, after: float | None, name: str) -> None:
        super().__init__()
        self.values = (before, after)
        self.setAccessibleName(name)
        self.setMinimumHeight(34)
        self.setMaximumHeight(34)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_w = 50.0
        plot_w = max(self.width() - label_w - 44.0, 10.0)
        labels = (self.tr("Before"), self.tr("After"))
        colours = chart_colours(self.palette())
        bars = (colours.before, colours.after)
        for row, (value, colour) in enumerate(zip(self.values, bars, strict=True)):
            y = 2.0 + row * 16.0
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(0, y, label_w - 4, 14), Qt.AlignmentFlag.AlignRight, labels[row]
            )
            if value is None:
                painter.drawText(QRectF(label_w, y, plot_w, 14), Qt.AlignmentFlag.AlignLeft, "—")
                continue
            painter.fillRect(QRectF(label_w, y + 2, plot_w, 10), colours.track)
            painter.fillRect(QRectF(label_w, y + 2, plot_w * value, 10), colour)
            painter.drawText(
                QRectF(label_w + plot_w + 4, y, 40, 14),
                Qt.AlignmentFlag.AlignLeft,
                format_percent(value),
            )
        painter.end()


class EvidenceMeasures(QWidget):
    """The survey questions and the assessment of one cycle, each with its before → after."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Work sample, survey and assessment measures"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        #: The lines shown, as text (what a screen reader and the tests read).
        self.lines: list[str] = []

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.lines = []

    def _measure(self, title: str, before: float | None, after: float | None) -> None:
        text = f"{title}: {before_after(before, after)}"
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(label)
        self._layout.addWidget(BeforeAfterBars(before, after, text))
        self.lines.append(text)

    def show_cycle(self, store: Store, cycle_id: str | None) -> None:
        self._clear()
        if cycle_id is None:
            self.hide()
            return
        found = surveys.cycle_surveys(store, cycle_id)
        assessment = scores.cycle_assessment(store, cycle_id)
        work = samples.cycle_samples_measure(store, cycle_id)
        if not found.measures and assessment is None and work is None:
            self.hide()
            return
        if work is not None:
            heading = QLabel(self.tr("Work samples: share meeting the criteria"))
            heading.setStyleSheet("font-weight: bold")
            self._layout.addWidget(heading)
            self._measure(
                self.tr("Scored samples"),
                work.before.share if work.before else None,
                work.after.share if work.after else None,
            )
        if found.measures:
            heading = QLabel(self.tr("Student survey: share agreeing"))
            heading.setStyleSheet("font-weight: bold")
            self._layout.addWidget(heading)
            for m in found.measures:
                self._measure(
                    m.question,
                    m.before.share if m.before else None,
                    m.after.share if m.after else None,
                )
        if assessment is not None:
            heading = QLabel(self.tr("Assessment: share meeting the goal"))
            heading.setStyleSheet("font-weight: bold")
            self._layout.addWidget(heading)
            self._measure(
                self.tr("{title}, scoring {threshold}").format(
                    title=assessment.title, threshold=assessment.threshold
                ),
                assessment.before.share if assessment.before else None,
                assessment.after.share if assessment.after else None,
            )
        self.show()


def preview_paper_survey(
    store: Store, cycle_id: str, parent: QWidget, *, report_error: ErrorReporter
) -> QWidget:
    """The paper survey with the cycle's questions in the report preview (print or save)."""
    from observe.reports.names import safe_name
    from observe.reports.paper_survey import paper_survey_pdf, survey_questions
    from observe.ui.reports.preview import PreviewWindow

    if not survey_questions(store, cycle_id):
        raise UsageError(
            QCoreApplication.translate(
                "CycleEvidence",
                "This cycle has no survey questions yet. Import a survey first (its questions "
                "are reused), or make one with: observe report survey --cycle active "
                "--question …",
            )
        )
    window = PreviewWindow(
        store,
        lambda paper: paper_survey_pdf(store, cycle_id, paper),
        title=QCoreApplication.translate("CycleEvidence", "Paper student survey"),
        file_stem=safe_name(QCoreApplication.translate("CycleEvidence", "Student survey")),
        report_error=report_error,
        parent=parent,
    )
    window.show()
    return window


def evidence_button(
    parent: QWidget,
    import_survey: Callable[[], object],
    import_scores: Callable[[], object],
    paper_tallies: Callable[[], object],
    print_survey: Callable[[], object],
    score_samples: Callable[[], object] | None = None,
) -> QPushButton:
    """ "Student evidence" with its menu: Import survey…, Import scores…, paper tallies…,
    Score work samples… (Alt+T opens it, arrows and Enter choose)."""
    button = QPushButton(QCoreApplication.translate("CycleEvidence", "S&tudent evidence"), parent)
    button.setToolTip(
        QCoreApplication.translate(
            "CycleEvidence", "Add a student survey or assessment results, before or after the cycle"
        )
    )
    menu = QMenu(button)
    menu.addAction(QCoreApplication.translate("CycleEvidence", "Import &survey…"), import_survey)
    menu.addAction(QCoreApplication.translate("CycleEvidence", "Import &scores…"), import_scores)
    menu.addAction(
        QCoreApplication.translate("CycleEvidence", "Enter &paper survey tallies…"), paper_tallies
    )
    menu.addAction(
        QCoreApplication.translate("CycleEvidence", "P&rint a paper survey…"), print_survey
    )
    if score_samples is not None:
        menu.addAction(
            QCoreApplication.translate("CycleEvidence", "Score &work samples…"), score_samples
        )
    button.setMenu(menu)
    return button
