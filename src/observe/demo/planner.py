"""Plans a seeded school year: schools, rooms, walks, visits, cycles and their evidence."""

from __future__ import annotations

import logging
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any

from observe.capture.marks import NOT_YET, SEEN
from observe.demo import phrases as P
from observe.demo.scale import Scale
from observe.demo.schoolyear import day_at, email_for, school_year_days, zone
from observe.demo.writer import BatchWriter
from observe.errors import UsageError
from observe.feedback.publish import citation, compose
from observe.ids import new_id
from observe.store.models import (
    SYNC_MODELS,
    Classroom,
    CoachingCycle,
    CoachingLogEntry,
    CycleAssessment,
    CycleStatus,
    CycleStep,
    CycleSurvey,
    Evidence,
    EvidenceKind,
    Feedback,
    LogActivity,
    LookFor,
    LookForSet,
    MeasureKind,
    ParticipationEvent,
    ParticipationKind,
    School,
    Seat,
    StepKind,
    StepStatus,
    SyncRecord,
    Teacher,
    Visibility,
    Visit,
    VisitType,
    Walk,
)
from observe.store.outbox import Identity
from observe.vocabulary import class_label

log = logging.getLogger(__name__)


# --- planning --------------------------------------------------------------------------------


@dataclass
class _Room:
    id: str
    teacher_id: str
    school: int
    family: str
    period: int
    seat_ids: list[str]
    seat_weights: list[float]
    #: What a shared sheet's published copy names (``observe.feedback.publish``).
    teacher_name: str = ""
    teacher_email: str = ""
    label: str = ""


@dataclass
class _Cycle:
    id: str
    room: _Room
    focus: str
    measure: MeasureKind
    measure_code: str
    baseline: float
    target: float


@dataclass
class _Visit:
    id: str
    room: _Room
    visit_type: VisitType
    day: date
    start: datetime
    end: datetime
    visibility: Visibility
    n_evidence: int
    n_participation: int
    voices: int
    feedback: bool
    walk_id: str | None = None
    cycle: _Cycle | None = None
    growth: float = 0.0
    #: Student listening: indexes into ``phrases.LISTENING`` and responses per prompt.
    prompt_ids: list[int] = field(default_factory=list)
    responses: list[int] = field(default_factory=list)
    listening_notes: int = 0
    featured: int | None = None


@dataclass
class _Plan:
    rows: dict[type[SyncRecord], list[dict[str, Any]]]
    visits: list[_Visit]
    total: int
    details: Callable[[_Visit, BatchWriter], None]


_KIND_WEIGHTS: dict[VisitType, tuple[int, int, int, int, int]] = {
    # student talk, student action, teacher move, artifact, note
    VisitType.LEARNING_WALK: (35, 30, 20, 10, 5),
    VisitType.COACHING_OBSERVATION: (35, 25, 25, 7, 8),
    VisitType.MODELING: (40, 30, 15, 5, 10),
    VisitType.CO_TEACHING: (38, 27, 20, 7, 8),
}
_KINDS = (
    EvidenceKind.STUDENT_TALK,
    EvidenceKind.STUDENT_ACTION,
    EvidenceKind.TEACHER_MOVE,
    EvidenceKind.ARTIFACT,
    EvidenceKind.NOTE,
)
_PARTICIPATION = (
    ParticipationKind.VOLUNTEERED,
    ParticipationKind.CALLED_ON,
    ParticipationKind.ASKED_QUESTION,
    ParticipationKind.PEER_TALK,
)
_PARTICIPATION_WEIGHTS = (40, 25, 15, 20)
_STEP_VISITS = {
    StepKind.OBSERVE: VisitType.COACHING_OBSERVATION,
    StepKind.MODEL: VisitType.MODELING,
    StepKind.CO_TEACH: VisitType.CO_TEACHING,
}
_LAYOUTS = (("tables", 4, 6), ("tables", 6, 4), ("rows", 5, 6), ("rows", 6, 5), ("pairs", 4, 8))
_PERIOD_START = 8 * 3600
_PERIOD_STRIDE = 55 * 60
_PERIOD_LENGTH = 50 * 60


_AGREE5 = ("Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree")


def _agree_counts(rng: random.Random, answered: int, share: float) -> list[int]:
    """Five counts (most agreeing first) of ``answered`` students, about ``share`` agreeing."""
    agree = min(answered, max(0, round(answered * share)))
    strong = rng.randint(agree // 4, agree // 2)
    rest = answered - agree
    neutral = rng.randint(rest // 3, rest // 2)
    disagree = rng.randint(0, rest - neutral)
    return [strong, agree - strong, neutral, disagree, rest - neutral - disagree]


class Planner:
    """Decides everything up front except the per-visit detail rows, so the total is exact."""

    def __init__(
        self, rng: random.Random, scale: Scale, identity: Identity, today: date, cap: datetime
    ) -> None:
        if scale.teachers > len(P.TEACHER_NAMES) or scale.schools > len(P.SCHOOLS):
            raise UsageError("That demo size needs more names than the demo knows.")
        if not 1 <= scale.schools <= scale.teachers:
            raise UsageError("A demo size needs at least one teacher in every school.")
        self.rng = rng
        self.scale = scale
        self.identity = identity
        self.cap = cap
        self.tz = zone(scale.timezone)
        self.year_days, self.past_days = school_year_days(today, scale.years)
        self.rows: dict[type[SyncRecord], list[dict[str, Any]]] = {m: [] for m in SYNC_MODELS}
        self.busy: dict[date, list[tuple[int, int]]] = {}
        self.visits: list[_Visit] = []
        self.rooms: list[_Room] = []
        self.lookfor_ids: dict[str, str] = {}
        self._pools = self._phrase_pools()
        #: The cycles' surveys and assessment scores draw from their own generator, seeded from
        #: this one's state without consuming it, so adding them left every other record of a
        #: seed as it was.
        self.evidence_rng = random.Random(sum(rng.getstate()[1][:8]))

    # -- helpers --------------------------------------------------------------------------

    def _sync(
        self, created: datetime, visibility: Visibility, updated: datetime | None = None
    ) -> dict[str, Any]:
        created = min(created, self.cap)
        return {
            "id": new_id(),
            "author_id": self.identity.author_id,
            "device_id": self.identity.device_id,
            "created_at": created,
            "updated_at": max(created, min(updated or created, self.cap)),
            "version": 0,
            "deleted": False,
            "visibility": visibility,
        }

    def _utc(self, day: date, seconds: int) -> datetime:
        local = datetime(day.year, day.month, day.day, tzinfo=self.tz) + timedelta(seconds=seconds)
        return local.astimezone(UTC)

    def _reserve(self, day: date, start: int, end: int) -> bool:
        """Keeps one coach's visits from overlapping where the scale allows it."""
        taken = self.busy.setdefault(day, [])
        if any(start < b and a < end for a, b in taken):
            return False
        taken.append((start, end))
        return True

    def _period_slot(self, room: _Room, minutes: tuple[int, int]) -> tuple[date, int, int]:
        """A past school day and a time inside the room's period, avoiding busy times."""
        rng = self.rng
        length = rng.randint(*minutes) * 60
        period_start = _PERIOD_START + (room.period - 1) * _PERIOD_STRIDE
        for _attempt in range(8):
            day = rng.choice(self.past_days)
            start = period_start + rng.randint(0, max(0, _PERIOD_LENGTH - length)) // 60 * 60
            if self._reserve(day, start, start + length):
                return day, start, start + length
        return day, start, start + length

    # -- the plan -------------------------------------------------------------------------

    def plan(self) -> _Plan:
        self._schools_and_rooms()
        self._lookfors()
        self._walks()
        self._cycles()
        for _ in range(self.scale.observations):
            self._observation()
        for _ in range(self.scale.listening):
            self._listening()
        while sum(v.n_evidence for v in self.visits) < self.scale.min_evidence:
            self._observation()
        self.visits.sort(key=lambda v: (v.start, v.id))
        featured = (v for v in self.visits if v.visit_type is not VisitType.STUDENT_LISTENING)
        for index, visit in zip(range(len(P.FEATURED)), featured, strict=False):
            visit.featured = index
        for visit in self.visits:
            self.rows[Visit].append(self._visit_row(visit))
        self._log_entries()
        details = sum(v.n_evidence + v.n_participation + v.feedback for v in self.visits)
        total = sum(len(rows) for rows in self.rows.values()) + details
        return _Plan(self.rows, self.visits, total, self._details)

    def _schools_and_rooms(self) -> None:
        rng = self.rng
        start = datetime.combine(self.year_days[0] - timedelta(days=10), dtime(15), UTC)
        school_ids: list[str] = []
        for name, _band in P.SCHOOLS[: self.scale.schools]:
            row = self._sync(start, Visibility.TEAM)
            row.update(name=name, timezone=self.scale.timezone)
            self.rows[School].append(row)
            school_ids.append(row["id"])
        for t, name in enumerate(P.TEACHER_NAMES[: self.scale.teachers]):
            school = t % self.scale.schools
            band = P.SCHOOLS[school][1]
            teacher = self._sync(start, Visibility.TEAM)
            teacher.update(school_id=school_ids[school], display_name=name, email=email_for(name))
            self.rows[Teacher].append(teacher)
            family = P.FAMILY_ORDER[t % len(P.FAMILY_ORDER)]
            room_name = rng.choice(P.ROOM_PATTERNS[family]).format(
                n=rng.randint(101, 240), k=rng.randint(1, 4)
            )
            count = rng.randint(*self.scale.classrooms_per_teacher)
            for period in sorted(rng.sample(range(1, 8), count)):
                self._classroom(teacher["id"], school, band, family, period, room_name, start)
                self.rooms[-1].teacher_name = name
                self.rooms[-1].teacher_email = teacher["email"]

    def _classroom(
        self,
        teacher_id: str,
        school: int,
        band: str,
        family: str,
        period: int,
        room_name: str,
        start: datetime,
    ) -> None:
        rng = self.rng
        layout, rows, cols = rng.choice(_LAYOUTS)
        room = self._sync(start + timedelta(days=1), Visibility.PRIVATE)
        room.update(
            teacher_id=teacher_id,
            subject=rng.choice(P.SUBJECTS[family][band]),
            grade=rng.choice(P.GRADES[band]),
            period=str(period),
            room=room_name,
            rows=rows,
            cols=cols,
        )
        self.rows[Classroom].append(room)
        # Rows layouts often have a few empty desks at the back.
        empty = rng.randint(0, 3) if layout == "rows" else 0
        seat_ids: list[str] = []
        weights: list[float] = []
        for r in range(rows):
            for c in range(cols):
                if r == rows - 1 and c >= cols - empty:
                    continue
                group = None
                if layout == "tables":
                    group = f"Table {(r // 2) * (cols // 2) + c // 2 + 1}"
                seat = self._sync(start + timedelta(days=1), Visibility.PRIVATE)
                seat.update(
                    classroom_id=room["id"],
                    label=f"{chr(ord('A') + r)}{c + 1}",
                    row=r,
                    col=c,
                    group_label=group,
                )
                self.rows[Seat].append(seat)
                seat_ids.append(seat["id"])
                # A few seats speak a lot and some rarely: that's what participation maps show.
                weights.append(rng.lognormvariate(0, 0.9))
        self.rooms.append(_Room(room["id"], teacher_id, school, family, period, seat_ids, weights))
        self.rooms[-1].label = class_label(
            room["subject"], grade=room["grade"], period=room["period"], sep=", "
        )

    def _lookfors(self) -> None:
        start = datetime.combine(self.year_days[0] - timedelta(days=7), dtime(16), UTC)
        lset = self._sync(start, Visibility.TEAM)
        lset.update(name=P.LOOKFOR_SET_NAME, description=P.LOOKFOR_SET_DESCRIPTION)
        self.rows[LookForSet].append(lset)
        self.lookfor_set_id = lset["id"]
        for position, (code, title, category, description) in enumerate(P.LOOKFORS):
            row = self._sync(start, Visibility.TEAM)
            row.update(
                set_id=lset["id"],
                code=code,
                title=title,
                description=description,
                category=category,
                hotkey=position + 1,
                position=position,
            )
            self.rows[LookFor].append(row)
            self.lookfor_ids[code] = row["id"]

    def _walks(self) -> None:
        rng = self.rng
        by_school: dict[int, list[_Room]] = {}
        for room in self.rooms:
            by_school.setdefault(room.school, []).append(room)
        for w in range(self.scale.walks):
            school = w % self.scale.schools
            rooms = by_school[school]
            title, focus = P.WALKS[rng.randrange(len(P.WALKS))]
            stops = min(len(rooms), rng.randint(*self.scale.visits_per_walk))
            lengths = [rng.randint(8, 12) * 60 for _ in range(stops)]
            gaps = [rng.randint(2, 5) * 60 for _ in range(stops)]
            span = sum(lengths) + sum(gaps)
            for _attempt in range(8):
                day = rng.choice(self.past_days)
                begin = rng.randint(8 * 60 + 30, 13 * 60) * 60
                if self._reserve(day, begin, begin + span):
                    break
            visibility = Visibility.TEAM if w % 3 == 0 else Visibility.PRIVATE
            walk = self._sync(self._utc(day, begin), visibility, self._utc(day, begin + span))
            walk.update(
                school_id=self.rows[School][school]["id"],
                title=title,
                focus=focus,
                lookfor_set_id=self.lookfor_set_id,
                started_at=self._utc(day, begin),
                ended_at=self._utc(day, begin + span - gaps[-1]),
            )
            self.rows[Walk].append(walk)
            at = begin
            for room, length, gap in zip(rng.sample(rooms, stops), lengths, gaps, strict=True):
                talk = rng.random() < 0.5
                n_part = rng.randint(2, 8) if talk else 0
                self.visits.append(
                    _Visit(
                        id=new_id(),
                        room=room,
                        visit_type=VisitType.LEARNING_WALK,
                        day=day,
                        start=self._utc(day, at),
                        end=self._utc(day, at + length),
                        visibility=visibility,
                        n_evidence=rng.randint(*self.scale.walk_evidence),
                        n_participation=n_part,
                        voices=min(n_part, len(room.seat_ids), rng.randint(2, 6)),
                        feedback=rng.random() < 0.15,
                        walk_id=walk["id"],
                    )
                )
                at += length + gap

    def _observation(
        self,
        room: _Room | None = None,
        visit_type: VisitType | None = None,
        day: date | None = None,
        cycle: _Cycle | None = None,
        growth: float = 0.0,
    ) -> None:
        rng = self.rng
        room = room or rng.choice(self.rooms)
        if visit_type is None:
            pick = rng.random()
            visit_type = (
                VisitType.MODELING
                if pick < 0.07
                else VisitType.CO_TEACHING
                if pick < 0.15
                else VisitType.COACHING_OBSERVATION
            )
        minutes = (40, 48) if visit_type is not VisitType.COACHING_OBSERVATION else (20, 45)
        if day is None:
            day, start, end = self._period_slot(room, minutes)
        else:
            start = _PERIOD_START + (room.period - 1) * _PERIOD_STRIDE + rng.randint(0, 3) * 60
            end = start + rng.randint(*minutes) * 60
            self._reserve(day, start, end)
        seats = len(room.seat_ids)
        voices = rng.randint(round(seats * 0.35), round(seats * 0.75))
        n_part = rng.randint(15, 45)
        if cycle is not None and cycle.measure is MeasureKind.DISTINCT_VOICES:
            voices = round(cycle.baseline + growth * (cycle.target - cycle.baseline - 1))
            voices += rng.randint(-1, 1)
        if cycle is not None and cycle.measure is MeasureKind.CONTRIBUTIONS:
            n_part = round(cycle.baseline + growth * (cycle.target - cycle.baseline))
            n_part += rng.randint(-3, 3)
        voices = max(1, min(voices, seats))
        n_part = max(n_part, voices)
        if visit_type is VisitType.COACHING_OBSERVATION:
            feedback = cycle is not None or rng.random() < 0.45
        else:
            feedback = visit_type is VisitType.CO_TEACHING and rng.random() < 0.3
        low, high = self.scale.observation_evidence
        if visit_type is VisitType.MODELING:
            low, high = max(4, low * 2 // 3), max(6, high * 2 // 3)
        self.visits.append(
            _Visit(
                id=new_id(),
                room=room,
                visit_type=visit_type,
                day=day,
                start=self._utc(day, start),
                end=self._utc(day, end),
                visibility=Visibility.PRIVATE,
                n_evidence=rng.randint(low, high),
                n_participation=n_part,
                voices=voices,
                feedback=feedback,
                cycle=cycle,
                growth=growth,
            )
        )

    def _listening(self) -> None:
        rng = self.rng
        room = rng.choice(self.rooms)
        day, start, end = self._period_slot(room, (25, 35))
        prompt_ids = rng.sample(range(len(P.LISTENING)), rng.randint(3, 5))
        responses = [rng.randint(2, min(5, len(P.LISTENING[p][1]))) for p in prompt_ids]
        notes = rng.randint(1, 2)
        self.visits.append(
            _Visit(
                id=new_id(),
                room=room,
                visit_type=VisitType.STUDENT_LISTENING,
                day=day,
                start=self._utc(day, start),
                end=self._utc(day, end),
                visibility=Visibility.PRIVATE,
                n_evidence=sum(responses) + notes,
                n_participation=0,
                voices=0,
                feedback=False,
                prompt_ids=prompt_ids,
                responses=responses,
                listening_notes=notes,
            )
        )

    def _cycles(self) -> None:
        rng = self.rng
        past, year = self.past_days, self.year_days
        year_over = len(past) >= len(year)
        length = min(30, max(10, len(past) // 2))
        statuses = [CycleStatus.COMPLETED, CycleStatus.ACTIVE, CycleStatus.PLANNED]
        pattern = (
            CycleStatus.COMPLETED,
            CycleStatus.ACTIVE,
            CycleStatus.COMPLETED,
            CycleStatus.ACTIVE,
            CycleStatus.PLANNED,
        )
        statuses += [pattern[j % len(pattern)] for j in range(max(0, self.scale.cycles - 3))]
        teachers = {room.teacher_id: room for room in reversed(self.rooms)}
        chosen = rng.sample(list(teachers.values()), min(self.scale.cycles, len(teachers)))
        for i, room in enumerate(chosen):
            status = statuses[i]
            if status is CycleStatus.ACTIVE and year_over:
                status = CycleStatus.COMPLETED
            focus, goal, measure, code, baseline, target, reflection = P.CYCLES[i % len(P.CYCLES)]
            if status is CycleStatus.COMPLETED:
                first = rng.randint(0, len(past) - length - 1)
            elif status is CycleStatus.ACTIVE:
                first = len(past) - rng.randint(max(5, length // 3), max(6, length * 2 // 3))
            else:
                first = len(past) + rng.randint(3, 10)
            steps = len(P.CYCLE_STEPS)
            due = [
                day_at(year, first + round(j * (length - 1) / (steps - 1))) for j in range(steps)
            ]
            last_past = past[-1]
            created = self._utc(min(due[0], last_past) - timedelta(days=3), 15 * 3600)
            cycle_row = self._sync(created, Visibility.TEACHER, self._utc(last_past, 16 * 3600))
            cycle = _Cycle(
                cycle_row["id"],
                room,
                focus,
                MeasureKind(measure),
                code,
                float(baseline),
                float(target),
            )
            cycle_row.update(
                teacher_id=room.teacher_id,
                focus=focus,
                student_goal=goal,
                measure_kind=cycle.measure,
                measure_lookfor_id=self.lookfor_ids.get(code),
                baseline=cycle.baseline,
                target=cycle.target,
                status=status,
                started_on=due[0],
                ended_on=due[-1] if status is CycleStatus.COMPLETED else None,
                reflection=reflection if status is CycleStatus.COMPLETED else None,
                published=None,  # the demo's cycles are not shared with their teachers
            )
            self.rows[CoachingCycle].append(cycle_row)
            self._student_evidence(i, cycle, status, due, last_past)
            skip = (
                rng.choice((3, 4)) if status is CycleStatus.COMPLETED and rng.random() < 0.5 else -1
            )
            for position, ((kind, title), due_on) in enumerate(
                zip(P.CYCLE_STEPS, due, strict=True)
            ):
                step_kind = StepKind(kind)
                done = due_on <= last_past and status is not CycleStatus.PLANNED
                step_status = StepStatus.DONE if done else StepStatus.PLANNED
                notes = rng.choice(P.STEP_NOTES[kind]) if done else None
                if position == skip:
                    step_status, notes, done = StepStatus.SKIPPED, P.SKIPPED_NOTE, False
                step = self._sync(
                    created, Visibility.TEACHER, self._utc(min(due_on, last_past), 16 * 3600)
                )
                step.update(
                    cycle_id=cycle.id,
                    step_kind=step_kind,
                    title=title,
                    due_on=due_on,
                    done_on=due_on if done else None,
                    status=step_status,
                    notes=notes,
                    position=position,
                )
                self.rows[CycleStep].append(step)
                if done and step_kind in _STEP_VISITS:
                    self._observation(
                        room, _STEP_VISITS[step_kind], due_on, cycle, growth=position / (steps - 1)
                    )
                elif done:
                    self._log(
                        due_on,
                        LogActivity.COACHING_CYCLE,
                        rng.randint(30, 50),
                        title,
                        cycle_id=cycle.id,
                    )

    def _student_evidence(
        self, i: int, cycle: _Cycle, status: CycleStatus, due: list[date], last_past: date
    ) -> None:
        """A student survey before and after each completed cycle (only before while one is
        active), and a common task's scores before and after every other completed cycle:
        counts only, as an import would keep them, the after better than the before."""
        if status is CycleStatus.PLANNED or due[0] > last_past:
            return
        rng = self.evidence_rng
        phases = [("before", due[0])]
        if status is CycleStatus.COMPLETED:
            phases.append(("after", due[-1]))
        questions = P.SURVEY_QUESTIONS[i % len(P.SURVEY_QUESTIONS)]
        students = rng.randint(22, 30)
        lifts = [rng.uniform(0.12, 0.32) for _ in questions]
        starts = [rng.uniform(0.3, 0.5) for _ in questions]
        for phase, day in phases:
            answered = students - rng.randint(0, 3)
            row = self._sync(self._utc(day, 15 * 3600), Visibility.PRIVATE)
            row.update(
                cycle_id=cycle.id,
                phase=phase,
                title=f"Student survey ({phase})",
                source="paper",
                respondents=answered,
                questions=[
                    {
                        "text": text,
                        "scale": "agree5",
                        "options": list(_AGREE5),
                        "counts": _agree_counts(
                            rng, answered, start + (lift if phase == "after" else 0.0)
                        ),
                        "agree": [0, 1],
                    }
                    for text, start, lift in zip(questions, starts, lifts, strict=True)
                ],
            )
            self.rows[CycleSurvey].append(row)
        if status is not CycleStatus.COMPLETED or i % 2:
            return
        share = rng.uniform(0.3, 0.5)
        for phase, day in phases:
            meeting = round(students * (share + (0.25 if phase == "after" else 0.0)))
            low = students - meeting
            ones = rng.randint(0, low // 3)
            fours = rng.randint(0, meeting // 2)
            scores = [[1.0, ones], [2.0, low - ones], [3.0, meeting - fours], [4.0, fours]]
            row = self._sync(self._utc(day, 15 * 3600 + 60), Visibility.PRIVATE)
            row.update(
                cycle_id=cycle.id,
                phase=phase,
                title=P.ASSESSMENT_TITLES[i % len(P.ASSESSMENT_TITLES)],
                meets=3.0,
                out_of=4.0,
                students=students,
                scores=[pair for pair in scores if pair[1]],
            )
            self.rows[CycleAssessment].append(row)

    def _visit_row(self, v: _Visit) -> dict[str, Any]:
        row = self._sync(v.start, v.visibility, v.end)
        row["id"] = v.id
        prompts = [P.LISTENING[p][0] for p in v.prompt_ids] or None
        focus = None
        if v.cycle is not None:
            focus = v.cycle.focus
        elif v.visit_type is VisitType.STUDENT_LISTENING:
            focus = "Student listening: how students experience discussion in this class"
        elif v.visit_type is not VisitType.LEARNING_WALK:
            focus = self.rng.choice(P.OBSERVATION_FOCUS)
        row.update(
            classroom_id=v.room.id,
            walk_id=v.walk_id,
            cycle_id=v.cycle.id if v.cycle else None,
            visit_type=v.visit_type,
            started_at=v.start,
            ended_at=v.end,
            focus=focus,
            prompts=prompts,
        )
        return row

    def _log(
        self,
        day: date,
        activity: LogActivity,
        minutes: int,
        note: str,
        *,
        visit_id: str | None = None,
        cycle_id: str | None = None,
    ) -> None:
        row = self._sync(self._utc(day, 15 * 3600 + 45 * 60), Visibility.PRIVATE)
        row.update(
            occurred_on=day,
            minutes=minutes,
            activity=activity,
            note=note,
            visit_id=visit_id,
            cycle_id=cycle_id,
            auto_minutes=None,
        )
        self.rows[CoachingLogEntry].append(row)

    def _log_entries(self) -> None:
        """One entry per walk and per classroom visit, plus the weekly meetings and duties."""
        rng = self.rng
        walks = {w["id"]: w for w in self.rows[Walk]}
        logged_walks: set[str] = set()
        for v in self.visits:
            if v.walk_id is not None:
                if v.walk_id in logged_walks:
                    continue
                logged_walks.add(v.walk_id)
                walk = walks[v.walk_id]
                minutes = int((walk["ended_at"] - walk["started_at"]).total_seconds() // 60) + 20
                note = f"{rng.choice(P.LOG_NOTES['learning_walk'])}: {walk['title']}"
                self._log(v.day, LogActivity.LEARNING_WALK, minutes, note)
                continue
            minutes = int((v.end - v.start).total_seconds() // 60) + rng.randint(10, 25)
            note = rng.choice(P.LOG_NOTES["coaching_cycle"])
            if v.visit_type is VisitType.STUDENT_LISTENING:
                note = "Student listening session and notes for the teacher"
            self._log(
                v.day,
                LogActivity.COACHING_CYCLE,
                minutes,
                note,
                visit_id=v.id,
                cycle_id=v.cycle.id if v.cycle else None,
            )
        weeks: dict[date, list[date]] = {}
        for day in self.past_days:
            weeks.setdefault(day - timedelta(days=day.weekday()), []).append(day)
        for number, days in enumerate(weeks.values()):
            self._log(
                rng.choice(days),
                LogActivity.PLC,
                rng.choice((45, 50, 60)),
                rng.choice(P.LOG_NOTES["plc"]),
            )
            for _ in range(rng.randint(1, 2)):
                self._log(
                    rng.choice(days),
                    LogActivity.ADMIN,
                    rng.randint(3, 9) * 10,
                    rng.choice(P.LOG_NOTES["admin"]),
                )
            for _ in range(rng.randint(0, 2)):
                self._log(
                    rng.choice(days),
                    LogActivity.OTHER_DUTY,
                    rng.choice((20, 25, 30)),
                    rng.choice(P.LOG_NOTES["other_duty"]),
                )
            if number % 3 == 2:
                self._log(
                    rng.choice(days),
                    LogActivity.DATA_MEETING,
                    60,
                    rng.choice(P.LOG_NOTES["data_meeting"]),
                )

    # -- per-visit details ----------------------------------------------------------------

    def _phrase_pools(self) -> dict[tuple[EvidenceKind, str], list[P.Phrase]]:
        pools: dict[tuple[EvidenceKind, str], list[P.Phrase]] = {}
        for family in P.STUDENT_TALK:
            pools[EvidenceKind.STUDENT_TALK, family] = [*P.STUDENT_TALK[family], *P.GENERAL_TALK]
            pools[EvidenceKind.STUDENT_ACTION, family] = [
                *P.STUDENT_ACTION[family],
                *P.GENERAL_ACTION,
            ]
            pools[EvidenceKind.TEACHER_MOVE, family] = list(P.TEACHER_MOVE)
            pools[EvidenceKind.ARTIFACT, family] = list(P.ARTIFACT[family])
            pools[EvidenceKind.NOTE, family] = list(P.NOTE)
        return pools

    def _fill(self, template: str) -> str:
        if "{" not in template:
            return template
        rng = self.rng
        table = rng.randint(1, 6)
        n, k = rng.randint(2, 9), rng.randint(2, 6)
        whole = rng.randint(14, 30)
        return template.format(
            table=table,
            table2=(table + rng.randint(1, 5) - 1) % 6 + 1,
            n=n,
            k=k,
            prod=n * k,
            whole=whole,
            part=rng.randint(whole // 2, whole),
            secs=rng.randint(3, 12),
            mins=rng.randint(2, 4),
            page=rng.randint(12, 240),
            size=rng.randint(3, 5),
        )

    def _details(self, v: _Visit, writer: BatchWriter) -> None:
        """Evidence, participation and feedback for one visit, written as they're made."""
        listening = v.visit_type is VisitType.STUDENT_LISTENING
        made = self._listening_evidence(v) if listening else self._evidence(v)
        # (id, kind, codes) of what was seen, for feedback to point at.
        seen: list[tuple[str, EvidenceKind, tuple[str, ...]]] = []
        #: id → (time, kind, text), for the published copy of shared feedback.
        items: dict[str, tuple[datetime, EvidenceKind, str]] = {}
        for offset, kind, text, codes, prompt_index in made:
            at = v.start + timedelta(seconds=offset)
            text, codes, marks = _marked(kind, text, codes, offset, listening)
            row = self._sync(at, v.visibility)
            row.update(
                visit_id=v.id,
                observed_at=at,
                evidence_kind=kind,
                text=text,
                prompt_index=prompt_index,
                lookfor_marks={self.lookfor_ids[c]: m for c, m in sorted(marks.items())} or None,
                image_sha256=None,
            )
            writer.add(Evidence, row, [self.lookfor_ids[c] for c in codes])
            # Feedback picks from every tagged item, as it did before marks existed, so the
            # planner's random stream (and every figure after it) stays the same per seed.
            seen.append((row["id"], kind, codes))
            items[row["id"]] = (at, kind, text)
        voices = self._participation(v, writer)
        if v.feedback:
            self._feedback(v, seen, writer, items, voices)

    def _offsets(self, v: _Visit, count: int) -> list[int]:
        duration = int((v.end - v.start).total_seconds())
        return sorted(self.rng.sample(range(15, max(duration - 10, count + 16)), count))

    def _evidence(
        self, v: _Visit
    ) -> list[tuple[int, EvidenceKind, str, tuple[str, ...], int | None]]:
        rng = self.rng
        kinds = rng.choices(_KINDS, weights=_KIND_WEIGHTS[v.visit_type], k=v.n_evidence)
        bias_code = ""
        bias = 0.0
        if v.cycle is not None and v.cycle.measure is MeasureKind.LOOKFOR_FREQUENCY:
            bias_code, bias = v.cycle.measure_code, 0.1 + 0.5 * v.growth
        out: list[tuple[int, EvidenceKind, str, tuple[str, ...], int | None]] = []
        used: set[str] = set()
        for i, (offset, kind) in enumerate(zip(self._offsets(v, v.n_evidence), kinds, strict=True)):
            if i == 0 and v.featured is not None:
                fkind, text, codes = P.FEATURED[v.featured]
                out.append((offset, EvidenceKind(fkind), text, codes, None))
                continue
            pool = self._pools[kind, v.room.family]
            biased = False
            if bias_code and rng.random() < bias:
                matching = [p for p in pool if bias_code in p[1]]
                if matching:
                    pool, biased = matching, True
            # The same sentence twice in one visit reads as a copy-paste slip; redraw a little.
            for _attempt in range(4):
                template, codes = pool[rng.randrange(len(pool))]
                if template not in used:
                    break
            used.add(template)
            text = self._fill(template)
            keep = 0.5 if kind is EvidenceKind.NOTE else 0.85
            if not biased and rng.random() >= keep:
                codes = ()
            out.append((offset, kind, text, codes, None))
        return out

    def _listening_evidence(
        self, v: _Visit
    ) -> list[tuple[int, EvidenceKind, str, tuple[str, ...], int | None]]:
        rng = self.rng
        notes = rng.sample(P.LISTENING_NOTES, v.listening_notes)
        items: list[tuple[EvidenceKind, str, int | None]] = [(EvidenceKind.NOTE, notes[0], None)]
        for index, (prompt_id, count) in enumerate(zip(v.prompt_ids, v.responses, strict=True)):
            for answer in rng.sample(P.LISTENING[prompt_id][1], count):
                items.append((EvidenceKind.STUDENT_TALK, answer, index))
        items += [(EvidenceKind.NOTE, note, None) for note in notes[1:]]
        offsets = self._offsets(v, len(items))
        return [
            (offset, kind, text, (), prompt_index)
            for offset, (kind, text, prompt_index) in zip(offsets, items, strict=True)
        ]

    def _participation(self, v: _Visit, writer: BatchWriter) -> tuple[int, int, int] | None:
        """Writes the visit's tallies; returns (distinct voices, seats, contributions)."""
        if not v.n_participation:
            return None
        rng = self.rng
        room = v.room
        # Weighted sampling without replacement (Efraimidis–Spirakis): the usual voices first.
        keyed = sorted(
            range(len(room.seat_ids)),
            key=lambda i: rng.random() ** (1.0 / room.seat_weights[i]),
            reverse=True,
        )
        active = keyed[: v.voices]
        weights = [room.seat_weights[i] for i in active]
        picks = active + rng.choices(active, weights=weights, k=v.n_participation - len(active))
        rng.shuffle(picks)
        kinds = rng.choices(_PARTICIPATION, weights=_PARTICIPATION_WEIGHTS, k=len(picks))
        for offset, seat, kind in zip(self._offsets(v, len(picks)), picks, kinds, strict=True):
            at = v.start + timedelta(seconds=offset)
            row = self._sync(at, v.visibility)
            row.update(
                visit_id=v.id,
                seat_id=room.seat_ids[seat],
                occurred_at=at,
                participation_kind=kind,
            )
            writer.add(ParticipationEvent, row)
        return len(set(picks)), len(room.seat_ids), len(picks)

    def _feedback(
        self,
        v: _Visit,
        seen: list[tuple[str, EvidenceKind, tuple[str, ...]]],
        writer: BatchWriter,
        items: dict[str, tuple[datetime, EvidenceKind, str]],
        voices: tuple[int, int, int] | None,
    ) -> None:
        rng = self.rng
        tagged = [s for s in seen if s[2] and s[1] is not EvidenceKind.NOTE]
        untagged = [s for s in seen if not s[2] and s[1] is not EvidenceKind.NOTE]
        wanted = rng.randint(2, 3)
        chosen = rng.sample(tagged, min(wanted, len(tagged)))
        chosen += rng.sample(untagged, min(wanted - len(chosen), len(untagged)))
        chosen.sort(key=lambda s: seen.index(s))
        glows: list[dict[str, Any]] = []
        used: set[str] = set()
        for evidence_id, kind, codes in chosen:
            options = [t for c in codes for t in P.GLOWS[c] if t not in used]
            text = rng.choice(options) if options else P.GLOW_BY_KIND[kind.value]
            if text in used:
                continue
            used.add(text)
            glows.append({"evidence_id": evidence_id, "text": text})
        shared = rng.random() < 0.7
        written = v.end + timedelta(minutes=rng.randint(20, 90))
        row = self._sync(written, Visibility.TEACHER if shared else Visibility.PRIVATE)
        row.update(
            visit_id=v.id,
            glows=glows,
            wondering=rng.choice(P.WONDERINGS),
            reflection_prompt=rng.choice(P.REFLECTION_PROMPTS),
            shared_at=min(written + timedelta(hours=rng.randint(1, 20)), self.cap)
            if shared
            else None,
            published=None,
        )
        if shared:
            # What saving it shared in the app would publish (a test reads it back to check).
            row["published"] = compose(
                teacher_email=v.room.teacher_email,
                teacher_name=v.room.teacher_name,
                coach_name=None,
                visit_date=v.start.astimezone(self.tz).date(),
                visit_type=v.visit_type,
                class_label=v.room.label,
                strengths=[
                    {"text": g["text"], "evidence": self._cited(items.get(g["evidence_id"]))}
                    for g in glows
                ],
                wondering=row["wondering"],
                prompt=row["reflection_prompt"],
                voices=voices,
                shared_at=row["shared_at"],
            )
        writer.add(Feedback, row)

    def _cited(self, item: tuple[datetime, EvidenceKind, str] | None) -> list[dict[str, str]]:
        if item is None or item[1] is EvidenceKind.NOTE:
            return []
        at, kind, text = item
        return [citation(at, self.tz, kind, text)]


def _marked(
    kind: EvidenceKind, text: str, codes: tuple[str, ...], offset: int, listening: bool
) -> tuple[str, tuple[str, ...], dict[str, str]]:
    """What the coach marked on a demo item: most tagged talk, actions, artifacts and teacher
    moves show their look-for (seen), the rest and notes are only about it; about one untagged
    note in five records a look-for not yet there. Decided from the item itself, not the planner's
    random stream, so adding marks left every other demo figure as it was."""
    roll = zlib.crc32(f"{offset}|{text}".encode()) % 100
    if kind is EvidenceKind.NOTE and not codes and not listening and roll < 20:
        note, code = P.NOT_YET_NOTES[roll % len(P.NOT_YET_NOTES)]
        return note, (code,), {code: NOT_YET}
    if kind is EvidenceKind.NOTE:
        return text, codes, {}
    return text, codes, {c: SEEN for c in codes} if roll < 85 else {}


# --- calendar --------------------------------------------------------------------------------
