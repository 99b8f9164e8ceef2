"""What the capture pane needs to show an open visit: its header, prompts and look-for keys.

It lives in coaching, not capture, because the keys follow the look-for set rule
(``frameworks.set_for_visit``: the walk's set, else the set in use) and capture never imports
coaching. The visit's evidence itself comes from ``observe.capture.timeline``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.capture.timeline import Tag
from observe.clock import as_utc
from observe.coaching.frameworks import set_for_visit
from observe.store import Store
from observe.store.models import Classroom, LookFor, Teacher, Visit, VisitType, Walk
from observe.vocabulary import class_label


@dataclass(frozen=True)
class VisitInfo:
    """Everything the pane's header, prompts and tag keys need about the open visit."""

    id: str
    classroom_id: str
    teacher_name: str
    subject: str
    period: str | None
    visit_type: VisitType
    started_at: datetime
    ended_at: datetime | None
    walk_id: str | None
    walk_title: str | None
    prompts: tuple[str, ...]
    tags: tuple[Tag, ...]

    @property
    def is_listening(self) -> bool:
        return self.visit_type == VisitType.STUDENT_LISTENING and bool(self.prompts)

    @property
    def title(self) -> str:
        return f"{self.teacher_name} · {class_label(self.subject, period=self.period)}"

    def tag_for_hotkey(self, hotkey: int) -> Tag | None:
        return next((t for t in self.tags if t.hotkey == hotkey), None)


def _visit_tags(s: Session, walk_set_id: str | None) -> tuple[Tag, ...]:
    lookfor_set_id = set_for_visit(s, walk_set_id)
    if lookfor_set_id is None:
        return ()
    rows = s.execute(
        select(LookFor.id, LookFor.code, LookFor.title, LookFor.hotkey)
        .where(LookFor.set_id == lookfor_set_id, LookFor.deleted.is_(False))
        .order_by(LookFor.position, LookFor.code)
    ).all()
    return tuple(Tag(r.id, r.code, r.title, r.hotkey) for r in rows)


def visit_info(store: Store, visit_id: str) -> VisitInfo:
    """The visit with its teacher, walk and look-fors: the walk's set, else the set in use."""
    with store.read() as s:
        row = s.execute(
            select(Visit, Classroom, Teacher.display_name, Walk.title, Walk.lookfor_set_id)
            .join(Classroom, Classroom.id == Visit.classroom_id)
            .join(Teacher, Teacher.id == Classroom.teacher_id)
            .outerjoin(Walk, Walk.id == Visit.walk_id)
            .where(Visit.id == visit_id)
        ).one()
        visit, room = row[0], row[1]
        tags = _visit_tags(s, row.lookfor_set_id)
    return VisitInfo(
        id=visit.id,
        classroom_id=room.id,
        teacher_name=row.display_name,
        subject=room.subject,
        period=room.period,
        visit_type=visit.visit_type,
        started_at=as_utc(visit.started_at),
        ended_at=as_utc(visit.ended_at) if visit.ended_at else None,
        walk_id=visit.walk_id,
        walk_title=row.title,
        prompts=tuple(visit.prompts or ()),
        tags=tags,
    )
