"""The impact view: is coaching reaching students? Figures, charts, and tables to export.

The window shows whichever :class:`~observe.coaching.impact_tables.ImpactSource` it is given:
the coach's own records by default, or, after a leader signs in, the school's aggregates from
the server. Loading runs on a worker; the tabs fill in when the figures arrive.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from observe.coaching.impact import LocalImpactSource, school_year_start
from observe.coaching.impact_tables import ImpactReport, ImpactSource, write_report
from observe.coaching.leader_source import ServerImpactSource
from observe.i18n import format_date
from observe.store import Store
from observe.store.models import VisitType
from observe.ui import operations
from observe.ui.coaching.charts import ChartView
from observe.ui.coaching.leader_signin import LeaderSignInDialog
from observe.ui.coaching.panes import SaveChooser, TablePane, choose_csv_file, documents_folder
from observe.ui.errors import ErrorReporter, record
from observe.ui.operations import Progress
from observe.ui.ops import CoreOp
from observe.ui.screen_fit import fit_to_screen, scrolling
from observe.vocabulary import VISIT_TYPE_LABELS

MY_RECORDS = QT_TRANSLATE_NOOP("ImpactWindow", "My records on this computer")
SCHOOL = QT_TRANSLATE_NOOP("ImpactWindow", "School figures (leader sign-in)…")
#: Chooses a folder for "Export all"; tests pass one that answers at once.
FolderChooser = Callable[[QWidget, Path], Path | None]


def choose_folder(parent: QWidget, start: Path) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("coaching.impact_window", "Export all tables to folder"),
        str(start),
    )
    return Path(chosen) if chosen else None


def _week_label(value: object) -> str:
    return format_date(value, "d MMM") if isinstance(value, date) else str(value)


class ImpactWindow(QDialog):
    loaded = Signal(object)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter,
        choose_csv: SaveChooser = choose_csv_file,
        choose_export_folder: FolderChooser = choose_folder,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Impact"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAccessibleName(self.tr("Impact view"))
        self.store = store
        self._report_error = report_error
        self._choose_folder = choose_export_folder
        self.source: ImpactSource = LocalImpactSource(store)
        self.report: ImpactReport | None = None
        self.operation: operations.Operation | None = None
        self._leader: ServerImpactSource | None = None
        today = today or date.today()

        self.source_box = QComboBox()
        self.source_box.addItems([self.tr(MY_RECORDS), self.tr(SCHOOL)])
        self.source_box.setAccessibleName(self.tr("Whose figures"))
        self.source_box.activated.connect(self._source_chosen)
        self.start = QDateEdit(QDate(school_year_start(today)))
        self.end = QDateEdit(QDate(today))
        for edit, name in ((self.start, self.tr("From")), (self.end, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_all_button = QPushButton(self.tr("Export &all…"))
        self.export_all_button.setToolTip(self.tr("Save every table as CSV files in a folder"))
        self.export_all_button.clicked.connect(self.export_all)
        self.export_all_button.setEnabled(False)
        # Two rows, so the controls fit a laptop's width with the text at 200%.
        whose, dates = QHBoxLayout(), QHBoxLayout()
        for row, label, widget in (
            (whose, self.tr("Figures &for:"), self.source_box),
            (dates, self.tr("Fro&m:"), self.start),
            (dates, self.tr("T&o:"), self.end),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        whose.addStretch(1)
        whose.addWidget(self.export_all_button)
        dates.addWidget(self.refresh_button)
        dates.addStretch(1)
        top = QVBoxLayout()
        top.addLayout(whose)
        top.addLayout(dates)

        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Impact status"))
        self.status.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Impact summary"))
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Impact figures"))
        self.charts: dict[str, ChartView] = {}
        self.panes: dict[str, TablePane] = {}
        tab_tables = {
            self.tr("&Visits"): ("visits_per_week",),
            self.tr("&Time"): ("time_by_week", "time_by_activity"),
            self.tr("C&ycles"): ("cycles", "cycle_evidence", "school_cycles"),
            self.tr("&Look-fors"): ("lookfors", "lookfor_trends"),
            self.tr("&Participation"): ("participation",),
        }
        titles = {
            "visits_per_week": self.tr("Visits per week"),
            "time_by_week": self.tr("Coaching vs other duties, by week"),
            "time_by_activity": self.tr("Time by activity"),
            "cycles": self.tr("Coaching cycles"),
            "cycle_evidence": self.tr("Work samples, student surveys and assessments"),
            "school_cycles": self.tr("Cycles at school level"),
            "lookfors": self.tr("Look-fors seen"),
            "lookfor_trends": self.tr("Look-for trends by week"),
            "participation": self.tr("Equity of voice by week"),
        }
        for tab_title, keys in tab_tables.items():
            page = QSplitter(Qt.Orientation.Vertical)
            chart = ChartView(self.tr("Chart: {title}").format(title=titles[keys[0]]))
            self.charts[keys[0]] = chart
            page.addWidget(chart)
            for key in keys:
                pane = TablePane(titles[key], choose_csv)
                pane.exported.connect(self._exported)
                pane.failed.connect(lambda e: self._report_error(self, e))
                self.panes[key] = pane
                page.addWidget(pane)
            page.setStretchFactor(0, 3)
            for i in range(1, len(keys) + 1):
                page.setStretchFactor(i, 2)
            self.tabs.addTab(scrolling(page), tab_title)  # charts keep their height

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self._fit_screen()

    def _fit_screen(self) -> None:
        fit_to_screen(self, 1200, 760, width_share=0.92)

    # -- sources ----------------------------------------------------------------------------

    def use_source(self, source: ImpactSource) -> operations.Operation:
        self.source = source
        is_leader = isinstance(source, ServerImpactSource)
        self.source_box.setCurrentIndex(1 if is_leader else 0)
        if is_leader:
            self.source_box.setItemText(1, source.description)
        return self.refresh()

    def _source_chosen(self, index: int) -> None:
        if index == 0:
            self.use_source(LocalImpactSource(self.store))
            return
        if self._leader is not None:
            self.use_source(self._leader)
            return
        self.source_box.setCurrentIndex(0 if not isinstance(self.source, ServerImpactSource) else 1)
        dialog = LeaderSignInDialog(_sync_server(self.store), self)
        dialog.signed_in.connect(self._signed_in)
        dialog.open()
        self.signin_dialog = dialog

    def _signed_in(self, session: object) -> None:
        from observe.sync.leader import LeaderSession

        assert isinstance(session, LeaderSession)
        self._leader = ServerImpactSource(session)
        self.use_source(self._leader)

    # -- loading ----------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def refresh(self) -> operations.Operation:
        start, end = self.period()
        source = self.source
        self.status.setText(
            self.tr("Loading {description}…").format(description=source.description)
        )
        self.refresh_button.setEnabled(False)

        def work(_: Progress) -> ImpactReport:
            return source.load(start, end)

        op = operations.run(
            work,
            name="impact figures",
            context=self,
            on_success=self._show,
            on_failure=self._failed,
        )
        op.finished.connect(lambda: self.refresh_button.setEnabled(True))
        self.operation = op
        return op

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("The figures could not be loaded."))
        self._report_error(self, error)

    def _show(self, result: object) -> None:
        assert isinstance(result, ImpactReport)
        self.report = result
        start, end = result.start, result.end
        span = (
            self.tr("{day} to {day2}").format(day=_day(start), day2=_day(end))
            if start and end
            else self.tr("all dates")
        )
        self.status.setText(f"{result.scope}, {span}.")
        for key, pane in self.panes.items():
            table, missing = result.tables.get(key), result.missing.get(key)
            pane.set_table(table, missing)
            # A table only one source has (the leader's school-level cycles) takes no room
            # in the other's view.
            pane.setVisible(table is not None or bool(missing))
        self.summary.setText(summary_sentence(result))
        self._draw()
        self.export_all_button.setEnabled(True)
        self.loaded.emit(result)

    # -- charts -----------------------------------------------------------------------------

    def _draw(self) -> None:
        report = self.report
        assert report is not None
        t = report.tables
        visits = t.get("visits_per_week")
        if visits is not None:
            labels = [_week_label(w) for w in visits.column("week_start")]
            sets = [
                (VISIT_TYPE_LABELS[vt], [_num(v) for v in visits.column(vt.value)])
                for vt in VisitType
                if any(visits.column(vt.value))
            ]
            self.charts["visits_per_week"].show_bars(
                labels,
                sets,
                title=self.tr("Visits per week"),
                axis_title=self.tr("Visits"),
                stacked=True,
            )
        weekly = t.get("time_by_week")
        by_activity = t.get("time_by_activity")
        if weekly is not None:
            labels = [_week_label(w) for w in weekly.column("week_start")]
            self.charts["time_by_week"].show_bars(
                labels,
                [
                    (
                        self.tr("Coaching"),
                        [float(v or 0) for v in weekly.column("coaching_minutes")],
                    ),
                    (
                        self.tr("Other duties"),
                        [float(v or 0) for v in weekly.column("other_minutes")],
                    ),
                ],
                title=self.tr("Minutes per week: coaching vs other duties"),
                axis_title=self.tr("Minutes"),
                stacked=True,
            )
        elif by_activity is not None:
            self.charts["time_by_week"].show_bars(
                [str(v) for v in by_activity.column("label")],
                [(self.tr("Minutes"), [float(v or 0) for v in by_activity.column("minutes")])],
                title=self.tr("Minutes by activity (whole period)"),
                axis_title=self.tr("Minutes"),
            )
        cycles = t.get("cycles")
        if cycles is not None:
            # Only cycles with both ends: an unmeasured "latest" must not read as a zero.
            rows = [r for r in cycles.dicts() if r["before"] is not None and r["after"] is not None]
            self.charts["cycles"].show_bars(
                [f"{r['teacher']}" for r in rows],
                [
                    (self.tr("Baseline"), [float(r["before"] or 0) for r in rows]),
                    (self.tr("Latest"), [float(r["after"] or 0) for r in rows]),
                ],
                title=self.tr("Each cycle's measure: baseline vs latest measured visit"),
                axis_title=self.tr("Measure"),
            )
        elif (school := t.get("school_cycles")) is not None:
            # The leader's: each measure's median baseline vs latest; hidden rows left out.
            rows = [
                r
                for r in school.dicts()
                if _counted(r["median_before"]) and _counted(r["median_after"])
            ]
            self.charts["cycles"].show_bars(
                [str(r["what"]) for r in rows],
                [
                    (self.tr("Typical baseline"), [_num(r["median_before"]) for r in rows]),
                    (self.tr("Typical latest"), [_num(r["median_after"]) for r in rows]),
                ],
                title=self.tr("Cycle measures at school level: baseline vs latest (median)"),
                axis_title=self.tr("Measure"),
            )
        else:
            self.charts["cycles"].fresh(report.missing.get("cycles", ""))
        trends = t.get("lookfor_trends")
        lookfors = t.get("lookfors")
        if trends is not None and lookfors is not None:
            weeks = sorted({r["week_start"] for r in trends.dicts()})
            top_codes = [
                str(r["code"])
                for r in sorted(lookfors.dicts(), key=lambda r: -int(r["tagged_evidence"] or 0))
            ][:5]
            share = {(r["week_start"], r["code"]): r["share_of_evidence"] for r in trends.dicts()}
            self.charts["lookfors"].show_lines(
                [_week_label(w) for w in weeks],
                [(code, [_pct(share.get((w, code))) for w in weeks]) for code in top_codes],
                title=self.tr("Share of evidence tagged, by week (five most tagged look-fors)"),
                axis_title=self.tr("% of evidence"),
                fmt="%d%%",
            )
        elif lookfors is not None and any(_counted(v) for v in lookfors.column("tagged_evidence")):
            self.charts["lookfors"].show_bars(
                [str(c) for c in lookfors.column("code")],
                [
                    (
                        self.tr("Evidence tagged"),
                        [_num(v) for v in lookfors.column("tagged_evidence")],
                    )
                ],
                title=self.tr("Evidence tagged per look-for (whole period)"),
                axis_title=self.tr("Evidence items"),
            )
        elif lookfors is not None:
            # Hidden by small-group suppression (the table's note says why), or nothing tagged.
            self.charts["lookfors"].fresh(lookfors.note or "")
        part = t.get("participation")
        if part is not None:
            labels = [_week_label(w) for w in part.column("week_start")]
            lines = [
                (
                    self.tr("Share of class heard"),
                    [_pct(v) for v in part.column("voice_share_mean")],
                )
            ]
            if any(v is not None for v in part.column("top_quarter_share_mean")):
                lines.append(
                    (
                        self.tr("Talk from the most-heard quarter"),
                        [_pct(v) for v in part.column("top_quarter_share_mean")],
                    )
                )
            self.charts["participation"].show_lines(
                labels,
                lines,
                title=self.tr("Equity of voice by week (visits with a participation tally)"),
                axis_title="%",
                fmt="%d%%",
                top=100,
            )

    # -- export -----------------------------------------------------------------------------

    def export_all(self) -> list[Path]:
        if self.report is None:
            return []
        folder = self._choose_folder(self, documents_folder())
        if folder is None:
            return []
        report = self.report
        written = CoreOp(self, lambda: write_report(report, folder), report=self._report_error)
        outcome = written.run_now()
        if not outcome.ok or outcome.value is None:
            return []
        paths = outcome.value
        self.status.setText(
            self.tr("Saved {count} CSV files in {folder}.").format(count=len(paths), folder=folder)
        )
        return paths

    def _exported(self, path: object) -> None:
        self.status.setText(self.tr("Saved {path}.").format(path=path))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._leader is not None:
            session = self._leader.session
            operations.run(lambda _: session.close(), name="leader sign-out")
            self._leader = None
        super().closeEvent(event)


def _day(value: date) -> str:
    return format_date(value, "d MMM y")


def _counted(value: object) -> bool:
    """A figure, not a blank or a "Hidden: fewer than 3 teachers" cell."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _num(value: object) -> float:
    """A cell as a bar's height: a hidden or blank cell draws no bar (and never crashes)."""
    return float(value) if _counted(value) else 0.0  # type: ignore[arg-type]


def _pct(value: object) -> float | None:
    return float(value) * 100 if isinstance(value, int | float) else None


def _sync_server(store: Store) -> str:
    """The sync server's address to offer in the leader sign-in, or "" (logged) if unreadable:
    an address the coach can type is no reason for a dialog."""
    from observe.sync import state

    found = CoreOp(
        None, lambda: state.load(store).server_url or "", report=lambda _parent, exc: record(exc)
    ).run_now()
    return found.value or ""


def summary_sentence(report: ImpactReport) -> str:
    """The headline figures in words, e.g. "52 visits · 62% of logged time coaching · …"."""
    t = report.tables
    bits: list[str] = []
    visits = t.get("visits_per_week")
    if visits is not None:
        n = sum(int(_num(v)) for v in visits.column("visits"))
        hidden = sum(1 for v in visits.column("visits") if isinstance(v, str))
        if n == 1:
            bits.append(QCoreApplication.translate("coaching.impact_window", "1 visit"))
        else:
            bits.append(
                QCoreApplication.translate("coaching.impact_window", "{count} visits").format(
                    count=f"{n:,}"
                )
            )
        if hidden:
            # The total leaves out weeks the server hid (fewer than 3 teachers): say so.
            bits[-1] += QCoreApplication.translate(
                "coaching.impact_window", " in the weeks shown ({hidden} hidden)"
            ).format(hidden=hidden)
    time = t.get("time_by_activity")
    if time is not None:
        rows = time.dicts()
        total = sum(int(r["minutes"] or 0) for r in rows)
        coaching = sum(int(r["minutes"] or 0) for r in rows if r["counts_as"] == "coaching")
        if total:
            bits.append(
                QCoreApplication.translate(
                    "coaching.impact_window", "{value:.0%} of logged time spent coaching"
                ).format(value=coaching / total)
            )
    cycles = t.get("cycles")
    if cycles is not None:
        status = [str(s) for s in cycles.column("status")]
        active, completed = status.count("Active"), status.count("Completed")
        if active == 1:
            cycles_text = QCoreApplication.translate(
                "coaching.impact_window", "1 cycle active, {completed} completed"
            )
        else:
            cycles_text = QCoreApplication.translate(
                "coaching.impact_window", "{active} cycles active, {completed} completed"
            )
        bits.append(cycles_text.format(active=active, completed=completed))
    part = t.get("participation")
    if part is not None:
        pairs = [
            (float(share), int(_num(n)))
            for share, n in zip(
                part.column("voice_share_mean"), part.column("visits_tallied"), strict=True
            )
            if _counted(share)
        ]
        tallies = sum(n for _, n in pairs)
        if tallies:
            mean = sum(share * n for share, n in pairs) / tallies
            bits.append(
                QCoreApplication.translate(
                    "coaching.impact_window",
                    "{mean:.0%} of the class heard in an average tallied visit",
                ).format(mean=mean)
            )
    return (
        " · ".join(bits)
        if bits
        else QCoreApplication.translate("coaching.impact_window", "No figures for this period yet.")
    )
