"""Everything about one visit that feedback is built from, read in one go.

The composer proposes a draft from these facts and the feedback sheet prints them, so both read
the same thing the same way: live evidence in time order with its look-for tags, the look-fors
seen most, and the participation summary. Plain dataclasses, no ORM objects, so the facts can
cross from a worker thread to the GUI safely.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from observe.capture.kinds import AFTER_VISIT, visit_offset
from observe.capture.marks import ABOUT, NOT_YET, SEEN, clean_marks
from observe.capture.participation import ParticipationSummary, summarize
from observe.clock import as_utc
from observe.errors import UsageError
from observe.i18n import _
from observe.store import Store
from observe.store.models import (
    Classroom,
    Evidence,
    EvidenceKind,
    LookFor,
    ParticipationEvent,
    School,
    Seat,
    Teacher,
    Visit,
    VisitType,
    evidence_lookfor,
)
from observe.vocabulary import class_label


@dataclass(frozen=True)
class LookForTag:
    id: str
    code: str
    title: str


@dataclass(frozen=True)
class EvidenceFact:
    id: str
    observed_at: datetime
    offset: str
    kind: EvidenceKind
    text: str
    lookfors: tuple[LookForTag, ...]
    #: (look-for id, "seen" | "not_yet") for tags the coach marked; others are "about".
    marks: tuple[tuple[str, str], ...] = ()
    #: An artifact's image of student work (``observe.capture.attach.image_file``), or None.
    image_sha256: str | None = None

    def mark(self, tag: LookForTag) -> str | None:
        """None when the item isn't tagged with ``tag``; else "about", "seen" or "not_yet"."""
        if tag not in self.lookfors:
            return None
        return dict(self.marks).get(tag.id, ABOUT)

    def shows(self, tag: LookForTag) -> bool:
        """The coach marked this item as showing ``tag`` (only these become strengths)."""
        return self.mark(tag) == SEEN

    def lacks(self, tag: LookForTag) -> bool:
        """The coach marked ``tag`` as not yet seen in this item (it may feed the wondering)."""
        return self.mark(tag) == NOT_YET

    @property
    def after_visit(self) -> bool:
        """Noted after the visit ended: printed as such, never as a time into the visit."""
        return self.offset == AFTER_VISIT

    @property
    def is_quote(self) -> bool:
        return self.kind is EvidenceKind.STUDENT_TALK

    @property
    def about_students(self) -> bool:
        return self.kind in (EvidenceKind.STUDENT_TALK, EvidenceKind.STUDENT_ACTION)


@dataclass(frozen=True)
class VisitFacts:
    visit_id: str
    visit_type: VisitType
    teacher: str
    school: str | None
    class_label: str
    started_at: datetime
    ended_at: datetime | None
    tz: tzinfo
    focus: str | None
    evidence: list[EvidenceFact]
    #: Items tagged with each look-for (about, seen or not yet), most first: what the visit
    #: was about.
    lookfor_counts: list[tuple[LookForTag, int]]
    participation: ParticipationSummary | None
    walk_id: str | None = None
    cycle_id: str | None = None
    prompts: list[str] = field(default_factory=list)
    #: The class's grade as typed ("7", "K"), for reports that may show only a grade band.
    grade: str | None = None

    @property
    def local_start(self) -> datetime:
        return self.started_at.astimezone(self.tz)

    @property
    def minutes_in_room(self) -> int | None:
        end = self.ended_at or (self.evidence[-1].observed_at if self.evidence else None)
        if end is None:
            return None
        return max(1, round((end - self.started_at).total_seconds() / 60))

    @property
    def top_lookfors(self) -> list[LookForTag]:
        return [tag for tag, _ in self.lookfor_counts[:3]]

    @property
    def seen_counts(self) -> list[tuple[LookForTag, int]]:
        """Items marked seen per look-for, most first: the only counts that say "seen"."""
        return _ranked(Counter(t for e in self.evidence for t in e.lookfors if e.shows(t)))

    @property
    def not_yet_counts(self) -> list[tuple[LookForTag, int]]:
        return _ranked(Counter(t for e in self.evidence for t in e.lookfors if e.lacks(t)))

    def evidence_by_id(self) -> dict[str, EvidenceFact]:
        return {e.id: e for e in self.evidence}


def _ranked(counts: Counter[LookForTag]) -> list[tuple[LookForTag, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].code))


def zone(name: str | None) -> tzinfo:
    """The school's time zone, else this computer's."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    local = datetime.now().astimezone().tzinfo
    assert local is not None
    return local


_VISIT = bindparam("visit_id")
_ROOM = bindparam("classroom_id")

# Built once: constructing and caching a statement costs more than running it on a small visit.
_HEAD = (
    select(Visit, Classroom, Teacher, School.name, School.timezone)
    .join(Classroom, Classroom.id == Visit.classroom_id)
    .join(Teacher, Teacher.id == Classroom.teacher_id)
    .outerjoin(School, School.id == Teacher.school_id)
    .where(Visit.id == _VISIT)
)
_TAGS = (
    select(evidence_lookfor.c.evidence_id, LookFor.id, LookFor.code, LookFor.title)
    .join(LookFor, LookFor.id == evidence_lookfor.c.lookfor_id)
    .join(Evidence, Evidence.id == evidence_lookfor.c.evidence_id)
    .where(Evidence.visit_id == _VISIT, LookFor.deleted.is_(False))
    .order_by(LookFor.position, LookFor.code)
)
_EVIDENCE = (
    select(
        Evidence.id,
        Evidence.observed_at,
        Evidence.evidence_kind,
        Evidence.text,
        Evidence.lookfor_marks,
        Evidence.image_sha256,
    )
    .where(Evidence.visit_id == _VISIT, Evidence.deleted.is_(False))
    .order_by(Evidence.observed_at, Evidence.id)
)
_SEATS = select(Seat.id, Seat.group_label).where(
    Seat.classroom_id == _ROOM, Seat.deleted.is_(False)
)
_EVENTS = select(
    ParticipationEvent.seat_id, ParticipationEvent.participation_kind, ParticipationEvent.deleted
).where(ParticipationEvent.visit_id == _VISIT, ParticipationEvent.deleted.is_(False))


def read_visit_facts(session: Session, visit_id: str) -> VisitFacts:
    head = session.execute(_HEAD, {"visit_id": visit_id}).first()
    if head is None or head[0].deleted:
        raise UsageError(_("That visit does not exist (or was deleted); choose another visit."))
    visit, room, teacher, school_name, school_tz = head
    tz = zone(school_tz)
    started = as_utc(visit.started_at)
    ended = as_utc(visit.ended_at) if visit.ended_at else None
    # Plain rows rather than ORM objects: a sheet is made for every visit of a walk at once,
    # and building hundreds of objects only to copy them into dataclasses is the slow part.
    params = {"visit_id": visit_id}
    tags_by_item: dict[str, list[LookForTag]] = {}
    for evidence_id, lf_id, code, title in session.execute(_TAGS, params):
        tags_by_item.setdefault(evidence_id, []).append(LookForTag(lf_id, code, title))
    evidence: list[EvidenceFact] = []
    counts: Counter[LookForTag] = Counter()
    for row in session.execute(_EVIDENCE, params):
        at = as_utc(row.observed_at)
        tags = tuple(tags_by_item.get(row.id, ()))
        counts.update(tags)
        evidence.append(
            EvidenceFact(
                id=row.id,
                observed_at=at,
                offset=visit_offset(at, started, ended),
                kind=row.evidence_kind,
                text=row.text,
                lookfors=tags,
                marks=tuple(sorted(clean_marks(row.lookfor_marks, (t.id for t in tags)).items())),
                image_sha256=row.image_sha256,
            )
        )
    seats: list[Any] = list(session.execute(_SEATS, {"classroom_id": room.id}))
    events: list[Any] = list(session.execute(_EVENTS, params))
    participation = summarize(seats, events) if seats else None
    return VisitFacts(
        visit_id=visit.id,
        visit_type=visit.visit_type,
        teacher=teacher.display_name,
        school=school_name,
        class_label=class_label(room.subject, grade=room.grade, period=room.period, sep=", "),
        started_at=started,
        ended_at=as_utc(visit.ended_at) if visit.ended_at else None,
        tz=tz,
        focus=visit.focus,
        evidence=evidence,
        lookfor_counts=_ranked(counts),
        participation=participation,
        walk_id=visit.walk_id,
        cycle_id=visit.cycle_id,
        prompts=list(visit.prompts or []),
        grade=room.grade,
    )


def visit_facts(store: Store, visit_id: str) -> VisitFacts:
    with store.read() as s:
        return read_visit_facts(s, visit_id)
