"""What a teacher may read of shared feedback: the sheet's own content, as one document.

Sharing publishes a copy of what the sheet says inside the feedback record (``published``),
so the server and the teacher's pages never join into the coach's visit, evidence or roster.
Only what the sheet cites goes in: each strength with the evidence it rests on (never a
private note), the wondering, the reflection question, who got to talk, and the names and
labels that head the sheet. Everything is in the coach's words and labels, dates local.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.capture.kinds import LABELS as KIND_LABELS
from observe.errors import UsageError
from observe.feedback.draft import Glow
from observe.feedback.facts import EvidenceFact, VisitFacts, read_visit_facts
from observe.i18n import _
from observe.store.models import Classroom, EvidenceKind, Teacher, Visit, VisitType
from observe.store.snapshot import to_json_value
from observe.vocabulary import visit_type_label

FORMAT = 1


def teacher_email(session: Session, visit_id: str) -> tuple[str, str | None]:
    """The visit's teacher's name and email (lowercased; None when the roster has none)."""
    row = session.execute(
        select(Teacher.display_name, Teacher.email)
        .join(Classroom, Classroom.teacher_id == Teacher.id)
        .join(Visit, Visit.classroom_id == Classroom.id)
        .where(Visit.id == visit_id)
    ).first()
    if row is None:
        raise UsageError(_("That visit no longer exists, so the feedback was not saved."))
    email = (row.email or "").strip().lower()
    return row.display_name, email or None


def missing_email_sentence(teacher: str, what: str = "shared feedback") -> str:
    """Why sharing is refused; the same sentence in the composer and on saving (``what``:
    "a shared cycle" when a coaching cycle is being shared)."""
    return _(
        "{teacher} has no email in your roster, and sharing needs it: the "
        "teacher reads {what} by signing in with that email. Add it first "
        "(Teachers tab → select the teacher → Edit…), then share again."
    ).format(teacher=teacher, what=what)


def share_blocker(session: Session, visit_id: str) -> str | None:
    """None when the visit's feedback may be shared; else the sentence saying why not."""
    name, email = teacher_email(session, visit_id)
    return None if email else missing_email_sentence(name)


def citation(observed_at: datetime, tz: tzinfo, kind: EvidenceKind, text: str) -> dict[str, str]:
    """One cited evidence item as the teacher reads it: local time, kind in words, its text."""
    local = observed_at.astimezone(tz)
    return {"time": f"{local:%H:%M}", "kind": KIND_LABELS[kind], "text": text}


def _citation(item: EvidenceFact, facts: VisitFacts) -> dict[str, str]:
    return citation(item.observed_at, facts.tz, item.kind, item.text)


def compose(
    *,
    teacher_email: str,
    teacher_name: str,
    coach_name: str | None,
    visit_date: date,
    visit_type: VisitType | str,
    class_label: str | None,
    strengths: list[dict[str, Any]],
    wondering: str | None,
    prompt: str | None,
    voices: tuple[int, int, int] | None,
    shared_at: datetime,
) -> dict[str, Any]:
    """The document from its parts (the demo builds it without reading a visit back);
    ``voices`` is (heard, of, turns), None when nothing was tallied."""
    heard = None
    if voices is not None and voices[1] and voices[2]:
        heard = {"heard": voices[0], "of": voices[1], "turns": voices[2]}
    return {
        "format": FORMAT,
        "teacher_email": teacher_email.strip().lower(),
        "teacher_name": teacher_name,
        "coach_name": (coach_name or "").strip() or None,
        "visit_date": visit_date.isoformat(),
        "visit_type": visit_type_label(visit_type),
        "class_label": class_label or None,
        "strengths": strengths,
        "wondering": (wondering or "").strip() or None,
        "reflection_prompt": (prompt or "").strip() or None,
        "voices": heard,
        "shared_at": to_json_value(shared_at),
    }


def published_document(
    facts: VisitFacts,
    glows: list[Glow],
    wondering: str | None,
    prompt: str | None,
    *,
    teacher_email: str,
    coach_name: str | None,
    shared_at: datetime,
) -> dict[str, Any]:
    """The document the contract fixes (docs: I16 ``feedback.data.published``, format 1).

    A strength tied to a private note keeps its sentence but not the note: the teacher's copy
    carries only what was seen in the classroom, never the coach's own jottings."""
    by_id = facts.evidence_by_id()
    strengths = []
    for glow in glows:
        text = glow.text.strip()
        if not text:
            continue
        item = by_id.get(glow.evidence_id or "")
        cited = [] if item is None or item.kind is EvidenceKind.NOTE else [_citation(item, facts)]
        strengths.append({"text": text, "evidence": cited})
    p = facts.participation
    voices = (p.distinct_voices, p.occupied_seats, p.contributions) if p is not None else None
    return compose(
        teacher_email=teacher_email,
        teacher_name=facts.teacher,
        coach_name=coach_name,
        visit_date=facts.local_start.date(),
        visit_type=facts.visit_type,
        class_label=facts.class_label,
        strengths=strengths,
        wondering=wondering,
        prompt=prompt,
        voices=voices,
        shared_at=shared_at,
    )


def publish(
    session: Session,
    visit_id: str,
    glows: list[Glow],
    wondering: str | None,
    prompt: str | None,
    *,
    coach_name: str | None,
    shared_at: datetime,
) -> dict[str, Any]:
    """The published document for feedback being saved as shared, read inside the saving
    transaction so it matches what is saved; refuses (UsageError) without a teacher email."""
    name, email = teacher_email(session, visit_id)
    if email is None:
        raise UsageError(missing_email_sentence(name) + " Nothing was saved.")
    facts = read_visit_facts(session, visit_id)
    return published_document(
        facts,
        glows,
        wondering,
        prompt,
        teacher_email=email,
        coach_name=coach_name,
        shared_at=shared_at,
    )
