"""Small QtCharts charts for the coaching screens, coloured from the system palette.

Every chart here sits next to a table with the same numbers: the table is what a screen reader
reads and what gets exported, the chart is for seeing a trend at a glance. Colours come from the
palette (light or dark chart theme, base/text roles), never from hard-coded values.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


def _style(chart: QChart, palette: QPalette) -> None:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundBrush(palette.brush(QPalette.ColorRole.Base))
    chart.setTitleBrush(palette.brush(QPalette.ColorRole.Text))
    chart.legend().setLabelBrush(palette.brush(QPalette.ColorRole.Text))
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)


def _axes_text(chart: QChart, palette: QPalette) -> None:
    for axis in chart.axes():
        axis.setLabelsBrush(palette.brush(QPalette.ColorRole.Text))
        axis.setTitleBrush(palette.brush(QPalette.ColorRole.Text))


class ChartView(QChartView):
    """A chart view with an accessible name and a size that suits a 1366×768 screen."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setChart(QChart())
        _style(self.chart(), self.palette())

    def fresh(self, title: str = "") -> QChart:
        """Replaces the chart (QtCharts is simplest rebuilt, and these are small)."""
        old = self.chart()
        chart = QChart()
        _style(chart, self.palette())
        chart.setTitle(title)
        self.setChart(chart)
        old.deleteLater()
        return chart

    def _value_axis(self, chart: QChart, top: float, title: str, fmt: str = "%d") -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(0, max(top, 1))
        axis.setLabelFormat(fmt)
        axis.setTitleText(title)
        axis.applyNiceNumbers()
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        return axis

    def _category_axis(self, chart: QChart, labels: Sequence[str]) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        axis.append(list(labels))
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    # -- kinds ------------------------------------------------------------------------------

    def show_measure(
        self,
        labels: Sequence[str],
        values: Sequence[float | None],
        *,
        name: str,
        baseline: float | None,
        target: float | None,
        top: float | None = None,
        axis_title: str | None = None,
    ) -> None:
        """The measure visit by visit (unmeasured visits leave a gap), with baseline and
        target as dashed lines."""
        chart = self.fresh()
        if not labels and (baseline is not None or target is not None):
            # No linked visit yet: the coach's baseline and target still show where they start.
            labels = [QCoreApplication.translate("ChartView", "No visit yet")]
            values = [None]
        x_axis = self._category_axis(chart, labels)
        known = [v for v in values if v is not None]
        high = max([*known, baseline or 0, target or 0, top or 0, 1])
        y_axis = self._value_axis(chart, high * 1.1, axis_title or name)
        line = QLineSeries()
        line.setName(name)
        line.setPointsVisible(True)
        # Big enough to see on its own: a single measured visit has no line to show it.
        line.setMarkerSize(10)
        for i, value in enumerate(values):
            if value is not None:
                line.append(QPointF(i, value))
        series = [line]
        for label, level in ((self.tr("Baseline"), baseline), (self.tr("Target"), target)):
            if level is None or not labels:
                continue
            guide = QLineSeries()
            guide.setName(f"{label} ({level:g})")
            guide.append(QPointF(-0.4, level))
            guide.append(QPointF(len(labels) - 0.6, level))
            series.append(guide)
        for s in series:
            chart.addSeries(s)
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)
        for guide in series[1:]:
            pen = QPen(guide.pen())
            pen.setStyle(Qt.PenStyle.DashLine)
            guide.setPen(pen)
        _axes_text(chart, self.palette())

    def show_bars(
        self,
        labels: Sequence[str],
        sets: Sequence[tuple[str, Sequence[float]]],
        *,
        title: str,
        axis_title: str,
        stacked: bool = False,
        fmt: str = "%d",
        top: float | None = None,
    ) -> None:
        """Bars per category (weeks, look-fors); ``stacked`` stacks the sets."""
        chart = self.fresh(title)
        series = QStackedBarSeries() if stacked else QBarSeries()
        high = 0.0
        for name, values in sets:
            bar = QBarSet(name)
            bar.append([float(v) for v in values])
            series.append(bar)
        if stacked:
            high = max((sum(col) for col in zip(*(v for _, v in sets), strict=True)), default=0)
        else:
            high = max((max(v, default=0) for _, v in sets), default=0)
        chart.addSeries(series)
        x_axis = self._category_axis(chart, labels)
        y_axis = self._value_axis(chart, top if top is not None else high * 1.1, axis_title, fmt)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        chart.legend().setVisible(len(sets) > 1)
        _axes_text(chart, self.palette())

    def show_lines(
        self,
        labels: Sequence[str],
        lines: Sequence[tuple[str, Sequence[float | None]]],
        *,
        title: str,
        axis_title: str,
        fmt: str = "%.1f",
        top: float | None = None,
    ) -> None:
        """Trend lines over weeks; a None leaves a gap rather than a fake zero."""
        chart = self.fresh(title)
        x_axis = self._category_axis(chart, labels)
        known = [v for _, vs in lines for v in vs if v is not None]
        y_axis = self._value_axis(
            chart, top if top is not None else max(known, default=1) * 1.1, axis_title, fmt
        )
        for name, values in lines:
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            for i, v in enumerate(values):
                if v is not None:
                    line.append(QPointF(i, v))
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)
        chart.legend().setVisible(len(lines) > 1)
        _axes_text(chart, self.palette())

    def series_count(self) -> int:
        return len(self.chart().series())
