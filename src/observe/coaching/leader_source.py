"""The leader's impact view: school figures from the server's aggregate endpoints.

A leader never receives records, only figures (docs/sync-protocol.md, "Aggregates"): counts,
minutes and shares per week, activity, look-for code or participation kind. So this source
fills only the tables those figures support. Cycles, per-week time and per-week look-for
trends are absent, with a sentence saying why, rather than shown as zeros.

The HTTP side (signing in, fetching figures) is :class:`observe.sync.leader.LeaderSession`;
this module only turns its figures into the impact view's tables.

The server leaves out every figure drawn from fewer than three teachers (small-group
suppression); a hidden week or table reads :data:`HIDDEN` in its cells, never a zero.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from observe.coaching.dates import weeks_with_data
from observe.coaching.impact_tables import (
    LOOKFOR_COLUMNS,
    LOOKFOR_HEADERS,
    PARTICIPATION_COLUMNS,
    PARTICIPATION_HEADERS,
    Cell,
    ImpactReport,
    Table,
    activity_row,
    time_by_activity,
    visits_per_week,
)
from observe.coaching.labels import activity_label
from observe.i18n import N_, _
from observe.protocol import MIN_TEACHERS
from observe.safetext import printable
from observe.store.models import LogActivity
from observe.sync.leader import LeaderSession
from observe.vocabulary import VISIT_TYPE_LABELS

# Notes in the source language (N_), read through _() where the report is made.
NO_CYCLES = N_(
    "Each coaching cycle is the coach's and teacher's own work, so the school figures list "
    "none of them; below are cycles counted by month and their measures at school level."
)
MEASURE_WORDS = {
    "distinct_voices": N_("Distinct voices (students heard)"),
    "contributions": N_("Contributions (times students spoke)"),
    "lookfor_frequency": N_("Evidence marked seen for the cycle's look-for"),
}
NO_WEEKLY_TIME = N_(
    "The server totals coaching time for the whole period, not week by week; see time by activity."
)
NO_TRENDS = N_("The server totals look-fors for the whole period; see look-fors seen.")
HIDDEN = f"Hidden: fewer than {MIN_TEACHERS} teachers"
HIDDEN_LOOKFORS = (
    f"{HIDDEN}: the evidence of this period comes from fewer than {MIN_TEACHERS} teachers' "
    "classrooms, so these figures would describe single teachers."
)


@dataclass
class ServerImpactSource:
    """The leader's view: aggregates for their school, from the server."""

    session: LeaderSession

    @property
    def description(self) -> str:
        return f"{self.session.school}: school figures from {self.session.server_url}"

    def load(self, start: date | None, end: date | None) -> ImpactReport:
        get = self.session.aggregate
        visits = get("visits-per-week", start, end).rows
        time = get("coaching-time", start, end).rows
        lookfor_reply = get("lookfor-frequencies", start, end)
        participation = get("participation", start, end).rows
        cycles = get("cycles", start, end).rows
        evidence = get("student-evidence", start, end).rows
        weeks = _weeks(start, end, [r.get("week_start") for r in (*visits, *participation)])
        tables = [
            visits_table(visits, weeks),
            time_table(time),
            lookfors_table(lookfor_reply.rows, hidden=lookfor_reply.suppressed is not None),
            participation_table(participation, weeks),
            school_cycles_table(cycles),
            school_evidence_table(evidence),
        ]
        return ImpactReport(
            scope=self.description,
            start=start,
            end=end,
            tables={t.key: t for t in tables},
            missing={
                "time_by_week": _(NO_WEEKLY_TIME),
                "cycles": _(NO_CYCLES),
                "lookfor_trends": _(NO_TRENDS),
            },
            leader=True,
        )


# -- rows → tables (pure; the same columns as the coach's tables) ----------------------------


def _weeks(start: date | None, end: date | None, found: list[object]) -> list[date]:
    days = [date.fromisoformat(w) for w in found if isinstance(w, str)]
    return weeks_with_data(start, end, days)


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _float(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _hidden_weeks(rows: list[dict[str, Cell]]) -> set[str]:
    return {str(r.get("week_start")) for r in rows if r.get("suppressed")}


def visits_table(rows: list[dict[str, Cell]], weeks: list[date]) -> Table:
    types = tuple(VISIT_TYPE_LABELS)
    count: dict[str, dict[str, int]] = defaultdict(dict)
    minutes: dict[str, int] = defaultdict(int)
    hidden = _hidden_weeks(rows)
    for row in rows:
        week = str(row.get("week_start"))
        if week in hidden:
            continue
        kind = str(row.get("visit_type"))
        count[week][kind] = count[week].get(kind, 0) + _int(row.get("visits"))
        minutes[week] += _int(row.get("minutes"))
    out = tuple(
        (w, *([HIDDEN] * (2 + len(types))))
        if w.isoformat() in hidden
        else (
            w,
            sum(count[w.isoformat()].values()),
            minutes[w.isoformat()],
            *(count[w.isoformat()].get(t.value, 0) for t in types),
        )
        for w in weeks
    )
    return visits_per_week(out)


def time_table(rows: list[dict[str, Cell]]) -> Table:
    entries: dict[str, int] = defaultdict(int)
    minutes: dict[str, int] = defaultdict(int)
    for row in rows:
        key = str(row.get("activity"))
        entries[key] += _int(row.get("entries"))
        minutes[key] += _int(row.get("minutes"))
    total = sum(minutes.values())
    return time_by_activity(
        activity_row(
            activity,
            activity_label(activity),
            entries.get(activity.value, 0),
            minutes.get(activity.value, 0),
            minutes.get(activity.value, 0) / total if total else 0.0,
        )
        for activity in LogActivity
    )


def lookfors_table(rows: list[dict[str, Cell]], *, hidden: bool = False) -> Table:
    if hidden:
        return Table(
            key="lookfors",
            title=N_("Look-fors seen"),
            columns=LOOKFOR_COLUMNS,
            headers=LOOKFOR_HEADERS,
            rows=(("", HIDDEN, "", None, None, None),),
            note=HIDDEN_LOOKFORS,
        )
    total_row = next((r for r in rows if r.get("code") is None), None)
    total = _int(total_row.get("evidence")) if total_row else 0
    out = tuple(
        (
            printable(r.get("code"), 20),
            printable(r.get("title") or "", 200),
            "",
            _int(r.get("seen")),
            _int(r.get("evidence")),
            _float(r.get("share")) or 0.0,
        )
        for r in rows
        if r.get("code") is not None
    )
    return Table(
        key="lookfors",
        title=N_("Look-fors seen"),
        columns=LOOKFOR_COLUMNS,
        headers=LOOKFOR_HEADERS,
        rows=out,
        note=_("{total:,} evidence items in the period, across the school.").format(total=total),
    )


def participation_table(rows: list[dict[str, Cell]], weeks: list[date]) -> Table:
    by_week = {str(r.get("week_start")): r for r in rows}
    hidden = _hidden_weeks(rows)
    out: list[tuple[Cell, ...]] = []
    for w in weeks:
        if w.isoformat() in hidden:
            out.append((w, HIDDEN, HIDDEN, HIDDEN, HIDDEN, None, None))
            continue
        r = by_week.get(w.isoformat(), {})
        out.append(
            (
                w,
                _int(r.get("visits")),
                _int(r.get("events")),
                _float(r.get("distinct_voices_mean")),
                _float(r.get("seat_share_mean")),
                None,
                None,
            )
        )
    return Table(
        key="participation",
        title=_("Equity of voice by week"),
        columns=PARTICIPATION_COLUMNS,
        headers=PARTICIPATION_HEADERS,
        rows=tuple(out),
        note=_(
            "School figures: the server gives distinct voices and the share of the "
            "class heard; the most-heard quarter and group gaps need seat-level "
            "detail it doesn't share."
        ),
    )


SCHOOL_CYCLE_COLUMNS = (
    "what",
    "started",
    "ended",
    "cycles",
    "measured",
    "median_before",
    "median_after",
    "median_change",
    "improved",
    "target_met",
    "with_target",
)


def school_cycles_table(rows: list[dict[str, Cell]]) -> Table:
    """The server's "cycles" rows: a row per month (started, ended), per measure (medians
    before → after) and for all cycles; a hidden row reads :data:`HIDDEN` in every figure."""
    out: list[tuple[Cell, ...]] = []
    for row in rows:
        section = row.get("section")
        if section == "month":
            what = _month_words(str(row.get("month")))
        elif section == "measure":
            what = _(MEASURE_WORDS.get(str(row.get("measure")), str(row.get("measure"))))
        else:
            what = "All cycles"
        if row.get("suppressed"):
            out.append((what, *([HIDDEN] * (len(SCHOOL_CYCLE_COLUMNS) - 1))))
            continue
        out.append((what, *(_figure(row.get(c)) for c in SCHOOL_CYCLE_COLUMNS[1:])))
    return Table(
        key="school_cycles",
        title=_("Cycles at school level"),
        columns=SCHOOL_CYCLE_COLUMNS,
        headers=(
            N_("Month or measure"),
            N_("Started"),
            N_("Ended"),
            N_("Cycles"),
            _("Measured before and after"),
            N_("Typical before"),
            N_("Typical after"),
            N_("Typical change"),
            N_("Improved"),
            N_("Reached the target"),
            N_("Have a target"),
        ),
        rows=tuple(out),
        note=_(
            "Before is a cycle's baseline (or its first measured visit), after its "
            "latest measured visit; “typical” is the median of the school's cycles "
            "with that measure."
        ),
    )


def _figure(value: object) -> Cell:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    return None


def _month_words(iso: str) -> str:
    try:
        return date.fromisoformat(f"{iso}-01").strftime("%B %Y")
    except ValueError:
        return iso


EVIDENCE_WORDS = {
    "work_samples": "Work samples meeting the success criteria",
    "survey": "Student survey answers agreeing",
    "assessment": "Students meeting the assessment's goal",
}
SCHOOL_EVIDENCE_COLUMNS = (
    "measure",
    "cycles",
    "compared",
    "before_percent",
    "before_count",
    "after_percent",
    "after_count",
    "improved",
)


def _percent(value: object) -> Cell:
    share = _float(value)
    return None if share is None else round(share * 100, 1)


def school_evidence_table(rows: list[dict[str, Cell]]) -> Table:
    """The server's "student-evidence" rows: per measure (work samples, survey, assessment)
    the shares before → after pooled over the school's cycles that have both; a hidden row
    reads :data:`HIDDEN` in every figure."""
    out: list[tuple[Cell, ...]] = []
    for row in rows:
        what = EVIDENCE_WORDS.get(str(row.get("measure")), str(row.get("measure")))
        if row.get("suppressed"):
            out.append((what, *([HIDDEN] * (len(SCHOOL_EVIDENCE_COLUMNS) - 1))))
            continue
        out.append(
            (
                what,
                _figure(row.get("cycles")),
                _figure(row.get("compared")),
                _percent(row.get("before_share")),
                _figure(row.get("before_count")),
                _percent(row.get("after_share")),
                _figure(row.get("after_count")),
                _figure(row.get("improved")),
            )
        )
    return Table(
        key="cycle_evidence",
        title="Work samples, surveys and assessments at school level",
        columns=SCHOOL_EVIDENCE_COLUMNS,
        headers=(
            "Measure",
            "Cycles",
            "Before and after",
            "Before %",
            "(samples, answers or students)",
            "After %",
            "(samples, answers or students)",
            "Share rose in",
        ),
        rows=tuple(out),
        note="Pooled over the school's cycles with both a before and an after; no question, "
        "caption or score is shared, only these shares.",
    )
