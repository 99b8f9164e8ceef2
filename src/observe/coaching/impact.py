"""Impact figures from the coach's own records: the tables behind the impact view and the CSVs.

Everything is grouped by the coach's local calendar week (Monday first) and every week in the
period gets a row, including quiet ones, so a trend line doesn't skip the week of state tests.
Figures come from low-inference records only: visit times, log minutes, look-for tags and
participation tallies; no note or evidence text is read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from statistics import fmean
from typing import NamedTuple, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from observe.capture.marks import marked_seen
from observe.clock import as_utc, local_day
from observe.coaching import log as coaching_log
from observe.coaching.dates import (
    bucket_day,
    hour_day,
    quarter_hour,
    utc_bounds,
    utc_hour,
    week_start,
    weeks_with_data,
)
from observe.coaching.impact_evidence import cycle_evidence_table
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
from observe.coaching.labels import ACTIVITY_LABELS, cycle_status_label
from observe.coaching.measures import CycleProgress, progress_in, visit_equity
from observe.i18n import N_, _
from observe.store import Store
from observe.store.models import (
    CoachingCycle,
    CycleStep,
    Evidence,
    LogActivity,
    LookFor,
    LookForSet,
    StepStatus,
    Teacher,
    Visit,
    VisitType,
    evidence_lookfor,
)
from observe.store.rawrows import driver, read_time, stored_time
from observe.vocabulary import VISIT_TYPE_LABELS


def school_year_start(today: date) -> date:
    """1 August of the school year ``today`` is in: the default start of the impact period."""
    year = today.year if today.month >= 8 else today.year - 1
    return date(year, 8, 1)


@dataclass
class LocalImpactSource:
    """The coach's view: their own records in this profile."""

    store: Store
    tz: tzinfo | None = None

    @property
    def description(self) -> str:
        return _("My records on this computer")

    def load(self, start: date | None, end: date | None) -> ImpactReport:
        return local_report(self.store, start, end, self.tz)


def local_report(
    store: Store, start: date | None, end: date | None, tz: tzinfo | None = None
) -> ImpactReport:
    lo, hi = utc_bounds(start, end, tz)
    with store.read() as s:
        visits = _visits(s, lo, hi)
        days = [local_day(v.started_at, tz) for v in visits]  # once, for all three tables
        weeks = weeks_with_data(start, end, days)
        tables = [
            visits_table(visits, weeks, tz, days),
            cycles_table(s, start, end),
            cycle_evidence_table(s, start, end),
            *lookfor_tables(s, lo, hi, weeks, tz),
            participation_table(s, visits, weeks, tz, days),
        ]
    rows = coaching_log.entries(store, start, end)
    log_weeks = weeks_with_data(start, end, [r.occurred_on for r in rows])
    tables += [time_by_activity_table(rows), time_by_week_table(rows, log_weeks)]
    return ImpactReport(
        scope=_("My records on this computer"),
        start=start,
        end=end,
        tables={t.key: t for t in tables},
    )


class VisitTimes(Protocol):
    """What the impact tables read of a visit (a row of four columns, or a Visit)."""

    id: str
    visit_type: VisitType
    started_at: datetime
    ended_at: datetime | None


class VisitRow(NamedTuple):
    id: str
    visit_type: VisitType
    started_at: datetime
    ended_at: datetime | None


def _visits(s: Session, lo: datetime | None, hi: datetime | None) -> list[VisitTimes]:
    """The period's live visits, four columns each, read on the driver's connection: whole
    Visit objects cost a second on five years of records, SQLAlchemy rows of four columns
    still a third of one (their time columns converted one by one)."""
    sql = "SELECT id, visit_type, started_at, ended_at FROM visit WHERE deleted IS 0"
    params: list[str] = []
    if lo is not None:
        sql += " AND started_at >= ?"
        params.append(stored_time(lo))
    if hi is not None:
        sql += " AND started_at < ?"
        params.append(stored_time(hi))
    types = {t.value: t for t in VisitType}
    return [
        VisitRow(visit_id, types[kind], read_time(began), read_time(ended) if ended else None)
        for visit_id, kind, began, ended in driver(s).execute(sql + " ORDER BY started_at", params)
    ]


def _minutes(visit: VisitTimes) -> int:
    if visit.ended_at is None:
        return 0
    return max(0, round((as_utc(visit.ended_at) - as_utc(visit.started_at)).total_seconds() / 60))


# -- visits -----------------------------------------------------------------------------------


def visits_table(
    visits: Sequence[VisitTimes],
    weeks: list[date],
    tz: tzinfo | None = None,
    days: Sequence[date] | None = None,
) -> Table:
    """``days``: each visit's local day, when the caller has them already."""
    types = tuple(VISIT_TYPE_LABELS)
    per_week: dict[date, Counter[VisitType]] = defaultdict(Counter)
    minutes: Counter[date] = Counter()
    if days is None:
        days = [local_day(v.started_at, tz) for v in visits]
    for v, day in zip(visits, days, strict=True):
        week = week_start(day)
        per_week[week][v.visit_type] += 1
        minutes[week] += _minutes(v)
    rows = tuple(
        (
            week,
            sum(per_week[week].values()),
            minutes[week],
            *(per_week[week][t] for t in types),
        )
        for week in weeks
    )
    return visits_per_week(rows)


# -- time -------------------------------------------------------------------------------------


def time_by_activity_table(rows: list[coaching_log.LogRow]) -> Table:
    return time_by_activity(
        activity_row(t.activity, t.label, t.entries, t.minutes, t.share)
        for t in coaching_log.time_by_activity(rows)
    )


def time_by_week_table(rows: list[coaching_log.LogRow], weeks: list[date]) -> Table:
    shares = {w.week_start: w for w in coaching_log.weekly_shares(rows)}
    activities = list(LogActivity)
    out: list[tuple[Cell, ...]] = []
    for week in weeks:
        share = shares.get(week) or coaching_log.WeekShare(week)
        out.append(
            (
                week,
                share.coaching,
                share.other,
                share.total,
                share.coaching_share,
                *(share.minutes.get(a, 0) for a in activities),
            )
        )
    return Table(
        key="time_by_week",
        title=_("Coaching vs other duties, by week"),
        columns=(
            "week_start",
            "coaching_minutes",
            "other_minutes",
            "total_minutes",
            "coaching_share",
            *(a.value for a in activities),
        ),
        headers=(
            N_("Week of"),
            N_("Coaching (min)"),
            N_("Other duties (min)"),
            N_("Total (min)"),
            N_("Coaching share"),
            *(ACTIVITY_LABELS[a] for a in activities),
        ),
        rows=tuple(out),
    )


# -- cycles -----------------------------------------------------------------------------------


def cycles_table(s: Session, start: date | None, end: date | None) -> Table:
    """Cycles that overlap the period (begun by its end, not finished before its start),
    with their measure before and after."""
    rows = s.execute(
        select(CoachingCycle, Teacher.display_name)
        .join(Teacher, Teacher.id == CoachingCycle.teacher_id)
        .where(CoachingCycle.deleted.is_(False))
        .order_by(CoachingCycle.started_on, Teacher.display_name)
    ).all()
    steps: dict[str, list[StepStatus]] = defaultdict(list)
    for cycle_id, status in s.execute(
        select(CycleStep.cycle_id, CycleStep.status).where(CycleStep.deleted.is_(False))
    ):
        steps[cycle_id].append(status)
    out: list[tuple[Cell, ...]] = []
    for cycle, teacher in rows:
        if end is not None and cycle.started_on is not None and cycle.started_on > end:
            continue
        if start is not None and cycle.ended_on is not None and cycle.ended_on < start:
            continue
        progress = progress_in(s, cycle)
        latest = progress.end_point
        out.append(
            (
                teacher,
                cycle.focus,
                cycle_status_label(cycle.status),
                cycle.started_on,
                cycle.ended_on,
                progress.measure_name if cycle.measure_kind else None,
                cycle.baseline,
                cycle.target,
                progress.start_value,
                _start_out_of(progress),
                latest.value if latest else None,
                latest.out_of if latest else None,
                progress.change,
                None if progress.target_met is None else ("yes" if progress.target_met else "no"),
                len(progress.points),
                sum(1 for st in steps[cycle.id] if st is StepStatus.DONE),
                len(steps[cycle.id]),
            )
        )
    return Table(
        key="cycles",
        title=N_("Coaching cycles"),
        columns=(
            "teacher",
            "focus",
            "status",
            "started_on",
            "ended_on",
            "measure",
            "baseline",
            "target",
            "before",
            "before_out_of",
            "after",
            "after_out_of",
            "change",
            "target_met",
            "visits",
            "steps_done",
            "steps_total",
        ),
        headers=(
            N_("Teacher"),
            N_("Focus"),
            N_("Status"),
            N_("Started"),
            N_("Ended"),
            N_("Measure"),
            N_("Baseline"),
            N_("Target"),
            N_("Before"),
            N_("(out of)"),
            N_("After"),
            N_("(out of)"),
            N_("Change"),
            N_("Target met"),
            N_("Visits"),
            N_("Steps done"),
            N_("Steps"),
        ),
        rows=tuple(out),
        note=_(
            "Before is the baseline the coach set (or, without one, the first linked "
            "visit that measured the cycle's measure), after the latest measured "
            "visit; “out of” is the students seated (distinct voices) or the "
            "evidence items recorded (look-for frequency)."
        ),
    )


def _start_out_of(progress: CycleProgress) -> int | None:
    """A baseline is a bare number; only a measured first visit has an "out of"."""
    if progress.baseline is not None or progress.before is None:
        return None
    return progress.before.out_of


# -- look-fors --------------------------------------------------------------------------------


def lookfor_tables(
    s: Session,
    lo: datetime | None,
    hi: datetime | None,
    weeks: list[date],
    tz: tzinfo | None = None,
) -> tuple[Table, Table]:
    """Totals per look-for, and each look-for's share of the evidence week by week."""
    counted = _counted_lookfors(s, lo, hi, tz)
    if counted is None:
        counted = _count_lookfors(s, lo, hi, tz)
    counts, tagged = counted
    evidence_per_week: Counter[date] = Counter()
    weeks_of: dict[str, date] = {}
    for key, n, day in counts:
        week = weeks_of[key] = week_start(day)
        evidence_per_week[week] += n
    per_week: dict[str, Counter[date]] = defaultdict(Counter)
    seen_per_week: dict[str, Counter[date]] = defaultdict(Counter)
    for key, lookfor_id, n, seen in tagged:
        # The tagged items are some of the items counted above (one read transaction); the
        # fallback is for a bucket nothing above had, were that ever not so.
        week = weeks_of.get(key) or week_start(bucket_day(key if len(key) > 13 else key + ":0", tz))
        per_week[lookfor_id][week] += n
        seen_per_week[lookfor_id][week] += int(seen or 0)
    unknown = ("?", _("(look-for not in this profile)"), "", 0)
    labels: dict[str, tuple[str, str, str, int]] = {
        lf_id: (code, title, set_name, position)
        for lf_id, code, title, set_name, position in s.execute(
            select(LookFor.id, LookFor.code, LookFor.title, LookForSet.name, LookFor.position)
            .join(LookForSet, LookForSet.id == LookFor.set_id)
            .where(LookFor.id.in_(list(per_week)))
        )
    }
    order = sorted(per_week, key=lambda i: (labels.get(i, unknown)[2], labels.get(i, unknown)[3]))
    total = sum(evidence_per_week.values())
    totals: list[tuple[Cell, ...]] = []
    for i in order:
        code, title, set_name, _position = labels.get(i, unknown)
        n = sum(per_week[i].values())
        seen = sum(seen_per_week[i].values())
        totals.append((code, title, set_name, seen, n, n / total if total else 0.0))
    trends = tuple(
        (
            week,
            labels.get(i, unknown)[0],
            per_week[i][week],
            evidence_per_week[week],
            per_week[i][week] / evidence_per_week[week] if evidence_per_week[week] else None,
        )
        for week in weeks
        for i in order
    )
    return (
        Table(
            key="lookfors",
            title=N_("Look-fors seen"),
            columns=LOOKFOR_COLUMNS,
            headers=LOOKFOR_HEADERS,
            rows=tuple(totals),
            note=_(
                "{total:,} evidence items in the period. Only items the coach marked "
                "seen count as seen; a plain tag says what an item is about."
            ).format(total=total),
        ),
        Table(
            key="lookfor_trends",
            title=_("Look-for trends by week"),
            columns=("week_start", "code", "tagged_evidence", "evidence", "share_of_evidence"),
            headers=(
                N_("Week of"),
                N_("Code"),
                N_("Evidence tagged"),
                N_("Evidence"),
                N_("Share of evidence"),
            ),
            rows=trends,
        ),
    )


def _offset_now(tz: tzinfo | None) -> timedelta:
    return datetime.now(UTC).astimezone(tz).utcoffset() or timedelta(0)


#: Items per UTC hour or quarter hour with the local day each falls on (in key order), and
#: tagged items per bucket and look-for with how many are marked seen (in key, look-for
#: order, as SQL groups them: the order ties between look-fors keep).
LookforCounts = tuple[list[tuple[str, int, date]], list[tuple[str, str, int, int]]]


def _counted_lookfors(
    s: Session, lo: datetime | None, hi: datetime | None, tz: tzinfo | None
) -> LookforCounts | None:
    """The look-for figures from the counts triggers keep per UTC quarter hour (migration
    0014): on five years of records some 100,000 rows to read instead of half a million items
    joined to half a million tags. None when the period doesn't begin and end on a quarter
    hour of UTC (a real zone's midnight always does)."""
    params: dict[str, str] = {}
    where = "WHERE items > 0"  # a count that fell to zero is no bucket
    for name, moment, op in (("lo", lo, ">="), ("hi", hi, "<")):
        if moment is None:
            continue
        utc = as_utc(moment)
        if utc.minute % 15 or utc.second or utc.microsecond:
            return None
        # The quarter hours that begin at or after lo (before hi) hold exactly the items
        # observed from lo (before hi): the keys sort as the times do.
        params[name] = f"{utc:%Y-%m-%d %H}:{utc.minute // 15}"
        where += f" AND bucket {op} :{name}"
    conn = driver(s)  # not through SQLAlchemy: see observe.store.rawrows

    def read(key: str) -> tuple[list[tuple[str, int]], list[tuple[str, str, int, int]]]:
        counts: list[tuple[str, int]] = []
        tagged: list[tuple[str, str, int, int]] = []
        for bucket, lookfor_id, n, seen in conn.execute(
            f"SELECT {key} AS k, lookfor_id, sum(items), sum(seen) FROM impact_lookfor_count "
            f"{where} GROUP BY k, lookfor_id ORDER BY k, lookfor_id",
            params,
        ):
            if lookfor_id:
                tagged.append((bucket, lookfor_id, n, seen))
            else:
                counts.append((bucket, n))
        return counts, tagged

    # By UTC hour when every hour of the period falls on one local day (whole-hour zones):
    # a quarter of the rows to add up; else by quarter hour (half-hour zones such as India's).
    if not _offset_now(tz) % timedelta(hours=1):
        counts, tagged = read("substr(bucket, 1, 13)")
        hours = [(key, n, hour_day(key, tz)) for key, n in counts]
        if all(day is not None for _k, _n, day in hours):
            return [(key, n, day) for key, n, day in hours if day is not None], tagged
    counts, tagged = read("bucket")
    return [(key, n, bucket_day(key, tz)) for key, n in counts], tagged


def _count_lookfors(
    s: Session, lo: datetime | None, hi: datetime | None, tz: tzinfo | None
) -> LookforCounts:
    """The same figures counted from the items and tags themselves (a period whose bounds
    are not on a quarter hour)."""
    # Deleting a visit leaves its items' own flag as it was, so a deleted visit's items are
    # left out here; by the short list of deleted visits rather than a join to every item's
    # visit (half the time on five years of records). The same rows: foreign keys are on, so
    # every item's visit exists.
    deleted_visits = select(Visit.id).where(Visit.deleted.is_(True))
    live = (Evidence.deleted.is_(False), Evidence.visit_id.not_in(deleted_visits))
    bounds = []
    if lo is not None:
        bounds.append(Evidence.observed_at >= lo)
    if hi is not None:
        bounds.append(Evidence.observed_at < hi)
    # Grouped in SQL by UTC hour when every hour of the period falls on one local day
    # (whole-hour zones); else by quarter hour: every real time zone is a whole number of
    # quarter hours from UTC, so each quarter hour falls on one local day.
    bucket = utc_hour(Evidence.observed_at)
    counts: list[tuple[str, int, date]] = []
    hourly = not _offset_now(tz) % timedelta(hours=1)
    if hourly:
        for key, n in s.execute(
            select(bucket, func.count()).where(*live, *bounds).group_by(bucket)
        ):
            day = hour_day(key, tz)
            if day is None:
                hourly = False
                break
            counts.append((key, n, day))
    if not hourly:
        bucket = quarter_hour(Evidence.observed_at)
        counts = [
            (key, n, bucket_day(key, tz))
            for key, n in s.execute(
                select(bucket, func.count()).where(*live, *bounds).group_by(bucket)
            )
        ]
    tagged = [
        (key, lookfor_id, n, int(seen or 0))
        for key, lookfor_id, n, seen in s.connection().execute(
            select(bucket, evidence_lookfor.c.lookfor_id, func.count(), func.sum(marked_seen()))
            .join(evidence_lookfor, evidence_lookfor.c.evidence_id == Evidence.id)
            .where(*live, *bounds)
            .group_by(bucket, evidence_lookfor.c.lookfor_id)
        )
    ]
    return counts, tagged


# -- participation ----------------------------------------------------------------------------


def participation_table(
    s: Session,
    visits: Sequence[VisitTimes],
    weeks: list[date],
    tz: tzinfo | None = None,
    days: Sequence[date] | None = None,
) -> Table:
    """Equity of voice by week: means over the visits where the coach tallied participation.
    ``days``: each visit's local day, when the caller has them already."""
    figures = visit_equity(s, [v.id for v in visits])
    per_week: dict[date, list] = defaultdict(list)
    if days is None:
        days = [local_day(v.started_at, tz) for v in visits]
    for v, day in zip(visits, days, strict=True):
        if v.id in figures:
            per_week[week_start(day)].append(figures[v.id])
    out: list[tuple[Cell, ...]] = []
    for week in weeks:
        eqs = per_week.get(week, [])
        out.append(
            (
                week,
                len(eqs),
                sum(e.contributions for e in eqs),
                _mean([e.voices for e in eqs]),
                _mean([e.voice_share for e in eqs]),
                _mean([e.top_quarter_share for e in eqs]),
                _mean([e.group_gap for e in eqs]),
            )
        )
    return Table(
        key="participation",
        title=_("Equity of voice by week"),
        columns=PARTICIPATION_COLUMNS,
        headers=PARTICIPATION_HEADERS,
        rows=tuple(out),
        note=_(
            "Share of class heard: students who spoke over students seated. The "
            "most-heard quarter's share of talk is about 25% when talk is even and "
            "rises when a few voices carry the discussion."
        ),
    )


def _mean(values: list) -> float | None:
    known = [v for v in values if v is not None]
    return round(fmean(known), 4) if known else None
