"""Figures for leaders (their school) and coaches (their own records), from stored snapshots:
evidence and participation events counted by SQL over the facts the push keeps of each
snapshot (``observe.server.facts``), the rest decoded once per request (``observe.server.scope``).

Only numbers leave: counts, minutes, shares, week starts and category codes. No evidence text,
no teacher, classroom or seat names, no record ids, and nothing of teachers' reflections
(no figure reads the ``reflection`` kind, whose words are for the teacher and coach only).
Look-fors are named by their framework code and title (the shared framework's labels, not
anyone's notes) so a frequency means something; a look-for of a coach's private set reaches
a leader as "a private look-for".
Snapshots are read as the desktop writes them (see ``observe.store.snapshot``): ISO datetimes
ending in ``Z``, dates as ``YYYY-MM-DD``, enums as their values.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from sqlalchemy import Engine, func, select

from observe.cyclemeasure import compare
from observe.protocol import MIN_TEACHERS
from observe.server import student_evidence
from observe.server.accounts import Principal
from observe.server.errors import ApiError, forbidden
from observe.server.facts import MAX_REF, PARTICIPATION_KINDS, bounded, day_of, moment
from observe.server.schema import fact_count, record
from observe.server.scope import Scope as _Scope
from observe.server.scope import day_from, scope_for
from observe.server.state import read_state

NAMES = (
    "visits-per-week",
    "coaching-time",
    "lookfor-frequencies",
    "participation",
    "cycles",
    student_evidence.NAME,
)
_day = day_of


@functools.lru_cache(maxsize=4096)
def _week(day: date) -> str:
    return (day - timedelta(days=day.weekday())).isoformat()


def _date(text: str | None) -> date | None:
    return day_from(text) if text else None


def visits_per_week(scope: _Scope) -> list[dict[str, Any]]:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for visit in scope.visits():
        day = _date(visit.day)
        if not scope.in_range(day):
            continue
        assert day is not None
        key = (_week(day), visit.label)
        counts[key][0] += 1
        counts[key][1] += visit.minutes or 0
    return [
        {"week_start": week, "visit_type": kind, "visits": n, "minutes": minutes}
        for (week, kind), (n, minutes) in sorted(counts.items())
    ]


def coaching_time(scope: _Scope) -> list[dict[str, Any]]:
    """Logged minutes per activity, summed by SQL over the log entries' fact columns (an entry
    whose minutes are not a whole number of at least 0 counts nowhere)."""
    query = scope.where(
        select(record.c.label, func.count(), func.sum(record.c.minutes))
        .where(record.c.minutes.is_not(None))
        .group_by(record.c.label),
        "coaching_log_entry",
        dated=True,
    )
    return [
        {"activity": activity, "entries": int(n), "minutes": int(minutes)}
        for activity, n, minutes in sorted(scope.counted("log", query))
    ]


def lookfor_frequencies(scope: _Scope) -> list[dict[str, Any]]:
    tagged: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    total = 0
    for facet, n in scope.evidence_in_range():
        total += n
        tags, marked = scope.facet(facet)
        for lookfor_id in tags:
            tagged[lookfor_id] += n
        for lookfor_id in marked:
            seen[lookfor_id] += n
    labels = _lookfor_labels(scope)
    rows = []
    # Most used first; equal counts in label order, so the table reads the same every time.
    for lookfor_id, n in sorted(
        tagged.items(), key=lambda p: (-p[1], *(str(x or "") for x in labels.get(p[0], ())), p[0])
    ):
        code, title = labels.get(lookfor_id, (None, None))
        rows.append(
            {
                "code": code,
                "title": title,
                "evidence": n,
                "seen": seen[lookfor_id],
                "share": round(n / total, 4) if total else 0.0,
            }
        )
    rows.append(
        {
            "code": None,
            "title": None,
            "evidence": total,
            "seen": sum(seen.values()),
            "share": 1.0 if total else 0.0,
        }
    )
    return rows


PRIVATE_LOOKFOR = "a private look-for"


def _lookfor_labels(scope: _Scope) -> dict[Any, tuple[str | None, str | None]]:
    """(code, title) per look-for id. A coach sees their own; a leader sees the labels of
    look-fors in shared sets only: a private set's codes and titles are the coach's own words,
    as private as their notes, so they read "a private look-for"."""
    own = scope.principal.role == "coach"
    shared_sets = {d.get("id") for d, vis in scope.records("lookfor_set") if vis != "private"}
    labels: dict[Any, tuple[str | None, str | None]] = {}
    for d, vis in scope.records("lookfor"):
        set_id = d.get("set_id")
        shared = set_id in shared_sets if set_id is not None else vis != "private"
        if own or shared:
            labels[d.get("id")] = (_label(d.get("code")), _label(d.get("title")))
        else:
            labels[d.get("id")] = ("", PRIVATE_LOOKFOR)
    return labels


def _label(value: Any) -> str | None:
    return value[:200] if isinstance(value, str) else None


def participation(scope: _Scope) -> list[dict[str, Any]]:
    """Per week: events by kind, and per visit the distinct voices and the share of seats heard."""
    seats_per_room = scope.memo(
        "seats-per-room", lambda: Counter(room for _, room in scope.seats() if room)
    )
    room_of_visit = scope.visit_rooms()
    weeks: dict[str, dict[str, Any]] = {}
    for visit_id, (day, voices, events, counts) in scope.talk_in_range().items():
        week = weeks.get(_week(day))
        if week is None:
            week = weeks[_week(day)] = {
                "visits": 0,
                "events": 0,
                "kinds": [0] * len(PARTICIPATION_KINDS),
                "voices": [],
                "shares": [],
            }
        week["visits"] += 1
        week["events"] += events
        week["kinds"] = [a + b for a, b in zip(week["kinds"], counts, strict=True)]
        week["voices"].append(voices)
        seats = seats_per_room.get(room_of_visit.get(visit_id))
        if seats:
            week["shares"].append(min(1.0, voices / seats))
    return [
        {
            "week_start": week_start,
            "visits": w["visits"],
            "events": w["events"],
            **dict(zip(PARTICIPATION_KINDS, w["kinds"], strict=True)),
            "distinct_voices_mean": _mean(w["voices"]),
            "seat_share_mean": _mean(w["shares"]),
        }
        for week_start, w in sorted(weeks.items())
    ]


def _mean(values: list[float] | list[int]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


MEASURE_KINDS = ("distinct_voices", "contributions", "lookfor_frequency")


def _cycle_values(scope: _Scope, cycles: list[dict[str, Any]]) -> dict[Any, list[float]]:
    """Each cycle's measure in its linked visits, in visit order, counting as the desktop
    does (``observe.coaching.measures.progress_in``): distinct voices and contributions from
    the visit's tallies on seats that still exist (a visit without any is not measured), a
    look-for's items marked seen among the visit's evidence (a visit without evidence is not
    measured)."""
    if not cycles:
        return {}
    kinds = {c.get("measure_kind") for c in cycles}
    wanted = {c.get("id") for c in cycles}
    visits_of: dict[Any, list[tuple[datetime, Any]]] = defaultdict(list)
    for visit in scope.cycle_visits({bounded(c, MAX_REF) for c in wanted if isinstance(c, str)}):
        started = moment(visit.get("started_at"))
        if visit.get("cycle_id") in wanted and started is not None:
            visits_of[visit["cycle_id"]].append((started, visit.get("id")))
    linked = sorted({v for pairs in visits_of.values() for _, v in pairs if isinstance(v, str)})

    def per_linked_visit(key: str, query: Any) -> list[Any]:
        """Rows of ``query`` for the linked visits only, 500 at a time."""

        def make() -> list[Any]:
            out: list[Any] = []
            with scope.engine.connect() as conn:
                for offset in range(0, len(linked), 500):
                    part = linked[offset : offset + 500]
                    out += conn.execute(query.where(fact_count.c.visit_ref.in_(part))).all()
            return out

        return scope.memo(key, make)

    # Counted by SQL per visit (and seat, or look-fors and marks) over every date: a cycle's
    # visits are measured whenever they were.
    talk: dict[Any, Counter[Any]] = defaultdict(Counter)
    if kinds & {"distinct_voices", "contributions"}:
        seats = {seat_id for seat_id, _ in scope.seats()}
        query = select(
            fact_count.c.visit_ref, fact_count.c.seat_ref, func.sum(fact_count.c.n)
        ).group_by(fact_count.c.visit_ref, fact_count.c.seat_ref)
        query = scope.where_counted(query, "participation_event")
        for visit_id, seat_id, n in per_linked_visit("cycle-talk", query):
            if seat_id is not None and seat_id in seats:
                talk[visit_id][seat_id] += int(n)
    evidence: dict[Any, list[tuple[list[str], int]]] = defaultdict(list)
    if "lookfor_frequency" in kinds:
        query = select(
            fact_count.c.visit_ref, fact_count.c.facet, func.sum(fact_count.c.n)
        ).group_by(fact_count.c.visit_ref, fact_count.c.facet)
        query = scope.where_counted(query, "evidence")
        for visit_id, facet, n in per_linked_visit("cycle-evidence", query):
            evidence[visit_id].append((scope.facet(facet)[1], int(n)))

    def seen(items: list[tuple[list[str], int]], lookfor_id: Any) -> float:
        return float(sum(n for marked, n in items if lookfor_id in marked))

    out: dict[Any, list[float]] = {}
    for cycle in cycles:
        kind, values = cycle.get("measure_kind"), []
        for _, visit_id in sorted(visits_of.get(cycle.get("id"), []), key=lambda p: p[0]):
            if kind in ("distinct_voices", "contributions") and talk.get(visit_id):
                counts = talk[visit_id]
                values.append(
                    float(len(counts) if kind == "distinct_voices" else sum(counts.values()))
                )
            elif (
                kind == "lookfor_frequency"
                and cycle.get("measure_lookfor_id")
                and evidence.get(visit_id)
            ):
                values.append(seen(evidence[visit_id], cycle["measure_lookfor_id"]))
        out[cycle.get("id")] = values
    return out


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _month(day: date) -> str:
    return day.isoformat()[:7]


def cycles(scope: _Scope) -> list[dict[str, Any]]:
    """Cycles started and ended per month, and their measures before → after (school level:
    no cycle, teacher or focus is named). Rows carry ``section`` "month", "measure" or "all"
    and, for suppression, the teachers behind them under ``_teachers`` (taken out before the
    reply leaves)."""
    started: dict[str, list[Any]] = defaultdict(list)
    ended: dict[str, list[Any]] = defaultdict(list)
    overlapping: list[dict[str, Any]] = []
    for cycle in scope.snapshots("coaching_cycle"):
        teacher = cycle.get("teacher_id") if isinstance(cycle.get("teacher_id"), str) else None
        began, finished = _day(cycle.get("started_on")), _day(cycle.get("ended_on"))
        if scope.in_range(began):
            assert began is not None
            started[_month(began)].append(teacher)
        if scope.in_range(finished):
            assert finished is not None
            ended[_month(finished)].append(teacher)
        # As the desktop's cycles table: begun by the range's end, not finished before its start.
        if scope.end is not None and began is not None and began > scope.end:
            continue
        if scope.start is not None and finished is not None and finished < scope.start:
            continue
        overlapping.append(cycle)
    rows: list[dict[str, Any]] = []
    for month in sorted({*started, *ended}):
        rows.append(
            {
                "section": "month",
                "month": month,
                "started": len(started[month]),
                "ended": len(ended[month]),
                "_teachers": {t for t in (*started[month], *ended[month]) if t},
            }
        )
    values = _cycle_values(scope, [c for c in overlapping if c.get("measure_kind")])
    results: list[tuple[dict[str, Any], Any]] = []
    for cycle in overlapping:
        if cycle.get("measure_kind") in MEASURE_KINDS:
            found = compare(
                _number(cycle.get("baseline")),
                _number(cycle.get("target")),
                values.get(cycle.get("id"), []),
            )
            results.append((cycle, found))
    for kind in MEASURE_KINDS:
        mine = [(c, r) for c, r in results if c.get("measure_kind") == kind]
        if not mine:
            continue
        compared = [
            (r.start, r.start + r.change)
            for _, r in mine
            if r.change is not None and r.start is not None
        ]
        rows.append(
            {
                "section": "measure",
                "measure": kind,
                "cycles": len(mine),
                "measured": len(compared),
                "median_before": _median([b for b, _ in compared]),
                "median_after": _median([a for _, a in compared]),
                "median_change": _median([a - b for b, a in compared]),
                "improved": sum(1 for b, a in compared if a > b),
                "with_target": sum(1 for _, r in mine if r.target_met is not None),
                "target_met": sum(1 for _, r in mine if r.target_met),
                "_teachers": {
                    c.get("teacher_id") for c, _ in mine if isinstance(c.get("teacher_id"), str)
                },
            }
        )
    measured = [r for _, r in results if r.change is not None]
    targets = [r for _, r in results if r.target_met is not None]
    improved = sum(1 for r in measured if r.improved)
    met = sum(1 for r in targets if r.target_met)
    rows.append(
        {
            "section": "all",
            "cycles": len(overlapping),
            "started": sum(len(v) for v in started.values()),
            "ended": sum(len(v) for v in ended.values()),
            "with_measure": len(results),
            "measured": len(measured),
            "improved": improved,
            "improved_share": round(improved / len(measured), 4) if measured else None,
            "with_target": len(targets),
            "target_met": met,
            "target_met_share": round(met / len(targets), 4) if targets else None,
            "_teachers": {
                t
                for t in (
                    *(c.get("teacher_id") for c in overlapping),
                    *(t for v in started.values() for t in v),
                    *(t for v in ended.values() for t in v),
                )
                if isinstance(t, str)
            },
        }
    )
    return rows


def _median(values: list[float]) -> float | None:
    return round(float(median(values)), 4) if values else None


def _suppress_cycles(
    rows: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    out, hidden = [], 0
    for row in rows:
        empty = row["section"] == "all" and not (row["cycles"] or row["started"] or row["ended"])
        if empty or len(row["_teachers"]) >= MIN_TEACHERS:
            out.append(row)  # a school with no cycles hides nothing by saying so
            continue
        hidden += 1
        key = {k: row[k] for k in ("section", "month", "measure") if k in row}
        out.append({**key, "suppressed": True})
    flag = None
    if hidden:
        flag = {"reason": SUPPRESSED_REASON, "rows": hidden, "min_teachers": MIN_TEACHERS}
    return out, flag


# A figure drawn from fewer than MIN_TEACHERS teachers would show a single teacher's practice
# to a leader, so :func:`aggregate` never sends it to one (small-group suppression). The number
# lives in observe.protocol so the desktop's leader view says the same.

SUPPRESSED_REASON = "fewer_teachers"


def teachers_behind(
    engine: Engine, principal: Principal, start: date | None, end: date | None
) -> dict[str, dict[str, int]]:
    """How many distinct teachers stand behind each week of "visits-per-week" and
    "participation", and behind the look-for frequencies as a whole (key "all"), for
    small-group suppression.

    A visit's teacher is its classroom's; a visit whose classroom or teacher the server does
    not hold counts for no one, so an unknown group is never taken for a large one.
    """
    return _teachers_behind(_Scope(engine, principal, start, end))


def _teacher_of_visit(scope: _Scope) -> Callable[[Any], str | None]:
    teacher_of_room = scope.ids("classroom", "teacher_id")
    room_of_visit = scope.visit_rooms()

    def teacher(visit_id: Any) -> str | None:
        found = teacher_of_room.get(room_of_visit.get(visit_id))
        return found if isinstance(found, str) else None

    return teacher


def _visit_weeks(scope: _Scope) -> dict[str, set[str]]:
    """The teachers visited in each week of the range."""

    def make() -> dict[str, set[str]]:
        teacher = _teacher_of_visit(scope)
        visit_weeks: dict[str, set[str]] = defaultdict(set)
        for visit in scope.visits():
            day = _date(visit.day)
            if not scope.in_range(day):
                continue
            assert day is not None
            found, week = teacher(visit.id), visit_weeks[_week(day)]
            if found:
                week.add(found)
        return visit_weeks

    return scope.memo("visit-weeks", make)


def _teachers_behind(
    scope: _Scope,
    names: tuple[str, ...] = ("visits-per-week", "participation", "lookfor-frequencies"),
) -> dict[str, dict[str, int]]:
    """Teachers behind each group of the figures ``names`` (only those are counted: each is
    a scan of the school's snapshots)."""
    teacher = _teacher_of_visit(scope)
    out: dict[str, dict[str, int]] = {}
    if "visits-per-week" in names:
        out["visits-per-week"] = {week: len(found) for week, found in _visit_weeks(scope).items()}
    if "participation" in names:
        weeks: dict[str, set[str]] = defaultdict(set)
        for visit_id, (day, *_) in scope.talk_in_range().items():
            found, week = teacher(visit_id), weeks[_week(day)]
            if found:
                week.add(found)
        out["participation"] = {week: len(found) for week, found in weeks.items()}
    if "lookfor-frequencies" in names:
        lookfor_teachers = {t for v in scope.evidence_visits() for t in [teacher(v)] if t}
        out["lookfor-frequencies"] = {"all": len(lookfor_teachers)}
    return out


def _suppress(
    scope: _Scope, name: str, rows: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """A leader's rows with every figure drawn from fewer than MIN_TEACHERS teachers taken
    out, and the reply's ``suppressed`` flag (docs/sync-protocol.md, "Aggregates")."""
    if name == "cycles":
        return _suppress_cycles(rows)
    if name == student_evidence.NAME:
        return student_evidence.suppress(rows)
    if name not in ("visits-per-week", "participation", "lookfor-frequencies"):
        return rows, None  # coaching time: the coaches' own minutes, no teacher's figure
    behind = _teachers_behind(scope, (name,))[name]
    if name == "lookfor-frequencies":
        teachers = behind["all"]
        evidence = sum(r["evidence"] for r in rows if r["code"] is None and r["title"] is None)
        if evidence and teachers < MIN_TEACHERS:
            flag = {"reason": SUPPRESSED_REASON, "teachers": teachers, "min_teachers": MIN_TEACHERS}
            return [], flag
        return rows, None
    out: list[dict[str, Any]] = []
    hidden: set[str] = set()
    for row in rows:
        week = row["week_start"]
        if behind.get(week, 0) >= MIN_TEACHERS:
            out.append(row)
        elif week not in hidden:
            hidden.add(week)
            out.append({"week_start": week, "suppressed": True})
    flag = None
    if hidden:
        flag = {"reason": SUPPRESSED_REASON, "weeks": len(hidden), "min_teachers": MIN_TEACHERS}
    return out, flag


_COMPUTE: dict[str, Callable[[_Scope], list[dict[str, Any]]]] = {
    "visits-per-week": visits_per_week,
    "coaching-time": coaching_time,
    "lookfor-frequencies": lookfor_frequencies,
    "participation": participation,
    "cycles": cycles,
    student_evidence.NAME: student_evidence.student_evidence,
}


def aggregate(
    engine: Engine, principal: Principal, name: str, start: date | None, end: date | None
) -> dict[str, Any]:
    return aggregates(engine, principal, (name,), start, end)[name]


def aggregates(
    engine: Engine,
    principal: Principal,
    names: tuple[str, ...],
    start: date | None,
    end: date | None,
) -> dict[str, dict[str, Any]]:
    """The replies of several aggregates over one range, reading the school's records once for
    all of them (the leader's page shows every figure)."""
    if principal.role == "teacher":
        raise forbidden("Figures are for coaches and leaders; teachers read what was shared.")
    if principal.role not in ("coach", "leader"):
        raise forbidden("Administrators manage accounts and devices; figures are for leaders.")
    for name in names:
        if name not in _COMPUTE:
            raise ApiError(404, "not_found", f"There is no aggregate called {name[:60]!r}.")
    if start and end and start > end:
        raise ApiError(422, "invalid", "The 'from' date must not be after the 'to' date.")
    with engine.connect() as conn:
        state = read_state(conn, principal.school_id)
    scope = scope_for(engine, principal, start, end, state)
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        rows = _COMPUTE[name](scope)
        suppressed = None
        if principal.role == "leader":
            rows, suppressed = _suppress(scope, name, rows)
        # The teachers behind a row decide its suppression and never leave the server.
        rows = [{k: v for k, v in row.items() if k != "_teachers"} for row in rows]
        out[name] = {
            **state,
            "name": name,
            "school": principal.school,
            "rows": rows,
            "suppressed": suppressed,
        }
    return out
