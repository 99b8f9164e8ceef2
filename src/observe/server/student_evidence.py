"""The "student-evidence" aggregate: a school's coaching cycles' evidence from students (work
samples scored against the cycle's criteria, student surveys, common assessments) as
school-level shares before → after, for leaders.

Only numbers leave: per measure, how many cycles have it, how many were measured both before
and after, and the pooled shares of those (samples meeting the criteria, survey answers
agreeing, students meeting the assessment's threshold) with their counts. No question, title,
caption, note, score scale or cycle is named, and a row drawn from fewer than
``MIN_TEACHERS`` teachers is suppressed for a leader as the cycles figure is.

The rules follow the desktop's (``observe.coaching.samples``, ``surveys``, ``scores``), which
the server may not import: a survey's share agreeing counts its questions' agreeing options
among the answers; an assessment's phases are judged against the latest threshold; a sample's
score counts while its evidence item lives on a visit still in the same cycle.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import select

from observe.protocol import MIN_TEACHERS
from observe.server.facts import day_of
from observe.server.schema import record
from observe.server.scope import Scope

NAME = "student-evidence"
MEASURES = ("work_samples", "survey", "assessment")
PHASES = ("before", "after")


def _count(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _latest(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda d: str(d.get("created_at") or ""))


def _survey_phase(data: dict[str, Any]) -> tuple[int, int] | None:
    """(agreeing answers, answers) over every question of one survey."""
    agreeing = answered = 0
    questions = data.get("questions")
    for q in questions if isinstance(questions, list) else []:
        if not isinstance(q, dict):
            continue
        counts = q.get("counts")
        agree = q.get("agree")
        if not isinstance(counts, list) or not isinstance(agree, list):
            continue
        values = [_count(c) for c in counts]
        if any(v is None for v in values):
            continue
        numbers = [v for v in values if v is not None]
        answered += sum(numbers)
        agreeing += sum(numbers[i] for i in agree if isinstance(i, int) and 0 <= i < len(numbers))
    return (agreeing, answered) if answered else None


def _surveys(scope: Scope) -> dict[Any, dict[str, tuple[int, int]]]:
    by_cycle: dict[Any, dict[str, tuple[int, int]]] = defaultdict(dict)
    for data in _latest(list(scope.snapshots("cycle_survey"))):
        phase = data.get("phase")
        found = _survey_phase(data)
        if phase in PHASES and found is not None:
            by_cycle[data.get("cycle_id")][phase] = found  # the latest of a phase wins
    return by_cycle


def _assessments(scope: Scope) -> dict[Any, dict[str, tuple[int, int]]]:
    rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for data in _latest(list(scope.snapshots("cycle_assessment"))):
        if data.get("phase") in PHASES:
            rows[data.get("cycle_id")].append(data)
    out: dict[Any, dict[str, tuple[int, int]]] = {}
    for cycle_id, found in rows.items():
        meets = _number(found[-1].get("meets"))
        if meets is None:
            continue
        phases: dict[str, tuple[int, int]] = {}
        for data in found:
            meeting = students = 0
            scores = data.get("scores")
            for pair in scores if isinstance(scores, list) else []:
                if not isinstance(pair, list) or len(pair) != 2:
                    continue
                score, n = _number(pair[0]), _count(pair[1])
                if score is None or n is None:
                    continue
                students += n
                meeting += n if score >= meets else 0
            if students:
                phases[data["phase"]] = (meeting, students)
        if phases:
            out[cycle_id] = phases
    return out


def _samples(scope: Scope) -> dict[Any, dict[str, tuple[int, int]]]:
    scores = [d for d in _latest(list(scope.snapshots("sample_score")))]
    if not scores:
        return {}
    wanted = {d.get("evidence_id") for d in scores if isinstance(d.get("evidence_id"), str)}
    visit_of: dict[Any, Any] = {}
    # Only the evidence the scores name: a school's evidence is far too much to decode.
    query = scope.where(select(record.c.data).where(record.c.id.in_(sorted(wanted))), "evidence")
    with scope.engine.connect() as conn:
        for (data,) in conn.execute(query):
            if isinstance(data, dict) and data.get("image_sha256"):
                visit_of[data.get("id")] = data.get("visit_id")
    cycle_of_visit = scope.ids("visit", "cycle_id")
    per_sample: dict[Any, dict[str, Any]] = {}
    for data in scores:  # the latest live score of a sample wins
        evidence_id = data.get("evidence_id")
        visit_id = visit_of.get(evidence_id)
        if visit_id is None or cycle_of_visit.get(visit_id) != data.get("cycle_id"):
            continue
        if data.get("phase") in PHASES and isinstance(data.get("meets"), bool):
            per_sample[evidence_id] = data
    counts: dict[Any, dict[str, list[int]]] = defaultdict(lambda: {p: [0, 0] for p in PHASES})
    for data in per_sample.values():
        pair = counts[data.get("cycle_id")][data["phase"]]
        pair[0] += 1 if data["meets"] else 0
        pair[1] += 1
    return {
        cycle_id: {p: (m, n) for p, (m, n) in phases.items() if n}
        for cycle_id, phases in counts.items()
    }


def _cycles_in_range(scope: Scope) -> dict[Any, str | None]:
    """Teacher of each live cycle overlapping the range (as the cycles figure chooses them)."""
    out: dict[Any, str | None] = {}
    for cycle in scope.snapshots("coaching_cycle"):
        began: date | None = day_of(cycle.get("started_on"))
        finished: date | None = day_of(cycle.get("ended_on"))
        if scope.end is not None and began is not None and began > scope.end:
            continue
        if scope.start is not None and finished is not None and finished < scope.start:
            continue
        teacher = cycle.get("teacher_id")
        out[cycle.get("id")] = teacher if isinstance(teacher, str) else None
    return out


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def student_evidence(scope: Scope) -> list[dict[str, Any]]:
    """One row per measure the school's cycles have: ``cycles`` with it, ``compared`` (with
    both a before and an after), and over the compared cycles the pooled ``before_share`` /
    ``after_share`` with ``before_count`` / ``after_count`` (samples, answers or students),
    and ``improved`` (compared cycles whose share rose). ``_teachers`` decides suppression."""
    cycles = _cycles_in_range(scope)
    sources = {
        "work_samples": _samples(scope),
        "survey": _surveys(scope),
        "assessment": _assessments(scope),
    }
    rows: list[dict[str, Any]] = []
    for measure in MEASURES:
        found = {c: p for c, p in sources[measure].items() if c in cycles and p}
        if not found:
            continue
        compared = {c: p for c, p in found.items() if all(x in p for x in PHASES)}
        sums = {p: [0, 0] for p in PHASES}
        improved = 0
        for phases in compared.values():
            for p in PHASES:
                sums[p][0] += phases[p][0]
                sums[p][1] += phases[p][1]
            b, a = phases["before"], phases["after"]
            improved += 1 if a[0] / a[1] > b[0] / b[1] else 0
        behind = compared or found
        rows.append(
            {
                "measure": measure,
                "cycles": len(found),
                "compared": len(compared),
                "before_share": _share(*sums["before"]),
                "after_share": _share(*sums["after"]),
                "before_count": sums["before"][1],
                "after_count": sums["after"][1],
                "improved": improved,
                "_teachers": {cycles[c] for c in behind if cycles[c]},
            }
        )
    return rows


SUPPRESSED_REASON = "fewer_teachers"


def suppress(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """A leader's rows without any drawn from fewer than MIN_TEACHERS teachers (the row stays,
    marked, so the page can say a measure exists but is hidden)."""
    out, hidden = [], 0
    for row in rows:
        if len(row["_teachers"]) >= MIN_TEACHERS:
            out.append(row)
        else:
            hidden += 1
            out.append({"measure": row["measure"], "suppressed": True})
    flag = None
    if hidden:
        flag = {"reason": SUPPRESSED_REASON, "rows": hidden, "min_teachers": MIN_TEACHERS}
    return out, flag
