"""The desktop store's tables.

Every record a coach makes is a :class:`SyncRecord`: it carries the fields the sync protocol
needs (client-made UUID, author, device, UTC times, last server version, tombstone, visibility)
so that nothing has to be reshaped when it leaves the laptop. Relationships hold ids, not
student names: seats carry labels the coach chooses.

Local-only tables (profile settings, the outbox, drafts) are plain ``Base`` subclasses and never
sync. ``Base``/``SyncRecord`` (``store.base``) and the enum vocabularies (``store.enums``) live
in their own modules and are re-exported here, so ``from observe.store.models import X`` keeps
working for all of them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from observe.clock import utcnow
from observe.ids import new_id
from observe.store.base import NAMING_CONVENTION as NAMING_CONVENTION
from observe.store.base import Base as Base
from observe.store.base import SyncRecord as SyncRecord
from observe.store.enums import CycleStatus as CycleStatus
from observe.store.enums import EvidenceKind as EvidenceKind
from observe.store.enums import LogActivity as LogActivity
from observe.store.enums import MeasureKind as MeasureKind
from observe.store.enums import ParticipationKind as ParticipationKind
from observe.store.enums import StepKind as StepKind
from observe.store.enums import StepStatus as StepStatus
from observe.store.enums import Visibility as Visibility
from observe.store.enums import VisitType as VisitType
from observe.store.types import str_enum


class School(SyncRecord):
    __tablename__ = "school"
    kind = "school"

    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str | None] = mapped_column(String(64))


class Teacher(SyncRecord):
    __tablename__ = "teacher"
    kind = "teacher"

    school_id: Mapped[str] = mapped_column(ForeignKey("school.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))

    school: Mapped[School] = relationship()
    classrooms: Mapped[list[Classroom]] = relationship(back_populates="teacher")


class Classroom(SyncRecord):
    """A teacher's class; ``rows``×``cols`` is the seating layout the coach drew."""

    __tablename__ = "classroom"
    kind = "classroom"

    teacher_id: Mapped[str] = mapped_column(ForeignKey("teacher.id"), index=True)
    subject: Mapped[str] = mapped_column(String(120))
    grade: Mapped[str | None] = mapped_column(String(20))
    period: Mapped[str | None] = mapped_column(String(20))
    room: Mapped[str | None] = mapped_column(String(40))
    rows: Mapped[int] = mapped_column(Integer, default=0)
    cols: Mapped[int] = mapped_column(Integer, default=0)

    teacher: Mapped[Teacher] = relationship(back_populates="classrooms")
    seats: Mapped[list[Seat]] = relationship(back_populates="classroom")


class Seat(SyncRecord):
    """A place in the seating chart. ``label`` is the coach's own (e.g. "A3"), never a name."""

    __tablename__ = "seat"
    kind = "seat"

    classroom_id: Mapped[str] = mapped_column(ForeignKey("classroom.id"), index=True)
    label: Mapped[str] = mapped_column(String(40))
    row: Mapped[int] = mapped_column(Integer)
    col: Mapped[int] = mapped_column(Integer)
    group_label: Mapped[str | None] = mapped_column(String(60))

    classroom: Mapped[Classroom] = relationship(back_populates="seats")


class LookForSet(SyncRecord):
    __tablename__ = "lookfor_set"
    kind = "lookfor_set"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)

    items: Mapped[list[LookFor]] = relationship(
        back_populates="lookfor_set", order_by="LookFor.position"
    )


class LookFor(SyncRecord):
    __tablename__ = "lookfor"
    kind = "lookfor"
    __table_args__ = (CheckConstraint("hotkey IS NULL OR hotkey BETWEEN 1 AND 9", name="hotkey"),)

    set_id: Mapped[str] = mapped_column(ForeignKey("lookfor_set.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(120))
    hotkey: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)

    lookfor_set: Mapped[LookForSet] = relationship(back_populates="items")


class Walk(SyncRecord):
    """A learning walk: several short visits across classrooms around one focus."""

    __tablename__ = "walk"
    kind = "walk"

    school_id: Mapped[str | None] = mapped_column(ForeignKey("school.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    focus: Mapped[str | None] = mapped_column(Text)
    lookfor_set_id: Mapped[str | None] = mapped_column(ForeignKey("lookfor_set.id"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]

    visits: Mapped[list[Visit]] = relationship(back_populates="walk", order_by="Visit.started_at")


class CoachingCycle(SyncRecord):
    __tablename__ = "coaching_cycle"
    kind = "coaching_cycle"

    teacher_id: Mapped[str] = mapped_column(ForeignKey("teacher.id"), index=True)
    focus: Mapped[str] = mapped_column(Text)
    student_goal: Mapped[str | None] = mapped_column(Text)
    measure_kind: Mapped[MeasureKind | None] = mapped_column(str_enum(MeasureKind, "measure_kind"))
    measure_lookfor_id: Mapped[str | None] = mapped_column(ForeignKey("lookfor.id"))
    baseline: Mapped[float | None]
    target: Mapped[float | None]
    status: Mapped[CycleStatus] = mapped_column(
        str_enum(CycleStatus, "cycle_status"), default=CycleStatus.ACTIVE
    )
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    reflection: Mapped[str | None] = mapped_column(Text)
    #: What the teacher may read while the cycle is shared with them (focus, goal, steps'
    #: titles, the measure before → after), written each time a shared cycle is saved
    #: (``observe.coaching.cycle_share``); None while private. The server reads only this.
    published: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    teacher: Mapped[Teacher] = relationship()
    steps: Mapped[list[CycleStep]] = relationship(
        back_populates="cycle", order_by="CycleStep.position"
    )


class Visit(SyncRecord):
    """Time in one classroom. ``prompts`` is used by student listening sessions."""

    __tablename__ = "visit"
    kind = "visit"
    __table_args__ = (
        Index("ix_visit_started_at", "started_at"),
        Index("ix_visit_classroom_cover", "id", "classroom_id"),  # search's teacher filter (0015)
    )

    classroom_id: Mapped[str] = mapped_column(ForeignKey("classroom.id"), index=True)
    walk_id: Mapped[str | None] = mapped_column(ForeignKey("walk.id"), index=True)
    cycle_id: Mapped[str | None] = mapped_column(ForeignKey("coaching_cycle.id"), index=True)
    visit_type: Mapped[VisitType] = mapped_column(str_enum(VisitType, "visit_type"))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    focus: Mapped[str | None] = mapped_column(Text)
    prompts: Mapped[list[str] | None] = mapped_column(JSON)

    classroom: Mapped[Classroom] = relationship()
    walk: Mapped[Walk | None] = relationship(back_populates="visits")
    cycle: Mapped[CoachingCycle | None] = relationship()
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="visit", order_by="Evidence.observed_at"
    )


evidence_lookfor = Table(
    "evidence_lookfor",
    Base.metadata,
    Column("evidence_id", ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True),
    Column("lookfor_id", ForeignKey("lookfor.id"), primary_key=True, index=True),
)


class Evidence(SyncRecord):
    """One timestamped, low-inference observation. Its look-for tags travel with it on sync."""

    __tablename__ = "evidence"
    kind = "evidence"
    __table_args__ = (
        Index("ix_evidence_visit_observed", "visit_id", "observed_at"),
        Index("ix_evidence_observed_at", "observed_at"),  # the impact view's date range
        # A filtered search checks each full-text match from the index alone (0015).
        Index(
            "ix_evidence_search_cover", "id", "deleted", "evidence_kind", "visit_id", "observed_at"
        ),
    )

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"))
    observed_at: Mapped[datetime] = mapped_column(default=utcnow)
    evidence_kind: Mapped[EvidenceKind] = mapped_column(str_enum(EvidenceKind, "evidence_kind"))
    text: Mapped[str] = mapped_column(Text)
    prompt_index: Mapped[int | None] = mapped_column(Integer)
    #: What the item shows for its tags: {lookfor_id: "seen" | "not_yet"}; absent means "about"
    #: (see ``observe.capture.marks``).
    lookfor_marks: Mapped[dict[str, str] | None] = mapped_column(JSON)
    #: An artifact's image: the SHA-256 of its stripped JPEG in the profile's blobs folder
    #: (see ``observe.store.blobs``); the item's text is its caption.
    image_sha256: Mapped[str | None] = mapped_column(String(64))

    visit: Mapped[Visit] = relationship(back_populates="evidence")
    lookfors: Mapped[list[LookFor]] = relationship(secondary=evidence_lookfor)


class ParticipationEvent(SyncRecord):
    __tablename__ = "participation_event"
    kind = "participation_event"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    seat_id: Mapped[str] = mapped_column(ForeignKey("seat.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    participation_kind: Mapped[ParticipationKind] = mapped_column(
        str_enum(ParticipationKind, "participation_kind")
    )

    visit: Mapped[Visit] = relationship()
    seat: Mapped[Seat] = relationship()


class Feedback(SyncRecord):
    """What the coach hands the teacher: glows tied to evidence and one wondering.

    ``glows`` is a list of ``{"evidence_id": str | None, "text": str}`` so a strength keeps its
    link to what was seen.
    """

    __tablename__ = "feedback"
    kind = "feedback"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    glows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    wondering: Mapped[str | None] = mapped_column(Text)
    reflection_prompt: Mapped[str | None] = mapped_column(Text)
    shared_at: Mapped[datetime | None]
    #: What the teacher may read: the sheet's own content, written each time shared feedback
    #: is saved (``observe.feedback.publish``); None while the feedback is private. The
    #: server and the teacher's pages read only this, never the visit or its evidence.
    published: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    visit: Mapped[Visit] = relationship()


class Reflection(SyncRecord):
    """What a teacher wrote back on feedback or a cycle the coach shared with them.

    Written on the server's web pages by the teacher (its ``author_id``) and pulled like any
    record; the coach's app only reads it. ``target_id`` is polymorphic (a feedback or a
    coaching cycle, per ``target_kind``), so it carries no foreign key: a reflection never
    waits for, or blocks the deletion of, what it is about.
    """

    __tablename__ = "reflection"
    kind = "reflection"

    target_kind: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    text: Mapped[str] = mapped_column(Text)


class CycleStep(SyncRecord):
    __tablename__ = "cycle_step"
    kind = "cycle_step"

    cycle_id: Mapped[str] = mapped_column(ForeignKey("coaching_cycle.id"), index=True)
    step_kind: Mapped[StepKind] = mapped_column(str_enum(StepKind, "step_kind"))
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[StepStatus] = mapped_column(
        str_enum(StepStatus, "step_status"), default=StepStatus.PLANNED
    )
    notes: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    cycle: Mapped[CoachingCycle] = relationship(back_populates="steps")


class CoachingLogEntry(SyncRecord):
    __tablename__ = "coaching_log_entry"
    kind = "coaching_log_entry"

    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    activity: Mapped[LogActivity] = mapped_column(str_enum(LogActivity, "log_activity"))
    note: Mapped[str | None] = mapped_column(Text)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), index=True)
    cycle_id: Mapped[str | None] = mapped_column(ForeignKey("coaching_cycle.id"), index=True)
    #: The minutes Observe filled in from the visit's length (None for entries a coach typed).
    #: While ``minutes`` still equals it the coach hasn't changed them, so ending the visit
    #: again (after an undo) may correct them; see ``observe.coaching.log``.
    auto_minutes: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("minutes >= 0", name="minutes"),)


class CycleSurvey(SyncRecord):
    """A student survey given before or after a cycle, kept as counts only.

    ``questions`` is a list of ``{"text", "scale", "options", "counts", "agree"}``: the
    options in scale order, how many students chose each, and which options count as agreeing.
    No response row and no identifying column is ever stored (see ``coaching.surveys``).
    """

    __tablename__ = "cycle_survey"
    kind = "cycle_survey"

    cycle_id: Mapped[str] = mapped_column(ForeignKey("coaching_cycle.id"), index=True)
    phase: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20))
    respondents: Mapped[int] = mapped_column(Integer, default=0)
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)

    cycle: Mapped[CoachingCycle] = relationship()


class CycleAssessment(SyncRecord):
    """A common assessment's scores before or after a cycle, kept as a distribution.

    ``scores`` is ``[[score, students], ...]``; ``meets`` is the coach's threshold (a score at or
    above it meets the goal) and ``out_of`` the task's maximum, when given.
    """

    __tablename__ = "cycle_assessment"
    kind = "cycle_assessment"

    cycle_id: Mapped[str] = mapped_column(ForeignKey("coaching_cycle.id"), index=True)
    phase: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    meets: Mapped[float]
    out_of: Mapped[float | None]
    students: Mapped[int] = mapped_column(Integer, default=0)
    scores: Mapped[list[list[float]]] = mapped_column(JSON)

    cycle: Mapped[CoachingCycle] = relationship()


class SampleScore(SyncRecord):
    """A work sample scored against the cycle's success criteria, with a short note.

    The sample is an image artifact (an ``Evidence`` with an image) on one of the cycle's
    visits; ``level`` is the criterion the coach chose ("meets", "approaching", "not_yet") and
    ``meets`` whether it counts as meeting, kept with the score so the share is what the coach
    judged. One live score per sample (see ``observe.coaching.samples``).
    """

    __tablename__ = "sample_score"
    kind = "sample_score"

    evidence_id: Mapped[str] = mapped_column(ForeignKey("evidence.id"), index=True)
    cycle_id: Mapped[str] = mapped_column(ForeignKey("coaching_cycle.id"), index=True)
    phase: Mapped[str] = mapped_column(String(10))
    level: Mapped[str] = mapped_column(String(80))
    meets: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)


# --- local-only tables -------------------------------------------------------------------------


class ProfileSetting(Base):
    """Key/value facts about this profile: its device id, the local author id, preferences."""

    __tablename__ = "profile_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutboxOp(Base):
    """One local change waiting to be pushed.

    Written in the same transaction as the change (see ``observe.store.outbox``), so a record and
    its outbox row are either both on disk or neither is. ``seq`` keeps push order equal to
    commit order; ``op_id`` makes retries idempotent on the server.
    """

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("op_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), default=new_id)
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(10))
    base_version: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Draft(Base):
    """Text being typed, saved every second so a crash loses (almost) nothing.

    Local only: a half-typed line is not a record and never syncs. ``key`` names the place it
    was typed (e.g. ``capture:<visit id>`` or ``edit:<evidence id>``).
    """

    __tablename__ = "draft"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncState(Base):
    """Where this profile stands with its sync server (one row, ``id`` 1). Local only.

    ``server_id``/``epoch`` are what the server said last; a change means it was restored or
    replaced and the client must re-push instead of trusting its cursor (sync-protocol.md).
    """

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(254))
    user_id: Mapped[str | None] = mapped_column(String(36))
    user_name: Mapped[str | None] = mapped_column(String(200))
    server_id: Mapped[str | None] = mapped_column(String(36))
    epoch: Mapped[str | None] = mapped_column(String(36))
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    last_synced_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class SyncConflict(Base):
    """A change the server did not take as it was: both versions, kept for the coach to decide.

    ``mine`` is the local snapshot (None when the local change was a delete); ``theirs`` the
    server's copy (None when the server has none). Local only; one row per record.
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (UniqueConstraint("record_kind", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_kind: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    mine: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    mine_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    theirs: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    theirs_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    theirs_version: Mapped[int | None] = mapped_column(Integer)
    theirs_owner_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncParked(Base):
    """A pulled record whose parent rows are not here yet (or may never be visible to us).

    ``waiting_id`` is the first missing parent, indexed so that a page bringing it in finds the
    records waiting for it without scanning. ``partial`` marks another coach's record shown
    without references we may not see. Local only.
    """

    __tablename__ = "sync_parked"

    record_kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    waiting_kind: Mapped[str] = mapped_column(String(40))
    waiting_id: Mapped[str] = mapped_column(String(36), index=True)
    partial: Mapped[bool] = mapped_column(Boolean, default=False)
    parked_at: Mapped[datetime] = mapped_column(default=utcnow)


SYNC_MODELS: tuple[type[SyncRecord], ...] = (
    School,
    Teacher,
    Classroom,
    Seat,
    LookForSet,
    LookFor,
    Walk,
    CoachingCycle,
    Visit,
    Evidence,
    ParticipationEvent,
    Feedback,
    Reflection,
    CycleStep,
    CoachingLogEntry,
    CycleSurvey,
    CycleAssessment,
    SampleScore,
)
"""Syncable kinds in dependency order: parents before children (exports and pulls rely on it)."""

MODEL_BY_KIND: dict[str, type[SyncRecord]] = {m.kind: m for m in SYNC_MODELS}

#: Kinds a coach has by the hundred thousand after a few years (migration 0011).
DELETED_ROWS_INDEXED: tuple[type[SyncRecord], ...] = (
    Seat,
    Visit,
    Evidence,
    ParticipationEvent,
    Feedback,
    CoachingLogEntry,
)
for _model in DELETED_ROWS_INDEXED:
    # A partial index of the deleted rows only: live = all − deleted, both counted from small
    # indexes, so the window's record counts never read the whole table (seconds at five
    # years). No query filtering on live rows can pick it, so no other plan changes.
    Index(
        f"ix_{_model.__tablename__}_deleted_rows",
        _model.__table__.c.deleted,
        sqlite_where=text("deleted = 1"),
    )
