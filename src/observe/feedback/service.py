"""Loading and saving a visit's feedback.

Saving goes through an ORM write session, so the store's flush hooks queue the record for sync
in the same transaction (DESIGN.md sync rule 1): feedback travels like any other record. The
checks here keep the sheet strengths-based: at least one strength, each in words, each tied (if
at all) to evidence from this visit.
"""

from __future__ import annotations

from textwrap import shorten

from sqlalchemy import select

from observe.clock import utcnow
from observe.errors import UsageError
from observe.feedback.draft import FeedbackDraft, Glow, propose, unfinished
from observe.feedback.facts import VisitFacts, visit_facts
from observe.feedback.publish import publish, share_blocker
from observe.i18n import _, format_number
from observe.settings import COACH_NAME_KEY
from observe.settings import get as get_setting
from observe.store import Store
from observe.store.models import Evidence, Feedback, Visibility, Visit

MAX_GLOWS = 12
MAX_GLOW_CHARS = 1_000
MAX_WONDERING_CHARS = 2_000


def saved_feedback(store: Store, visit_id: str) -> FeedbackDraft | None:
    """The visit's most recently edited live feedback, as an editable draft."""
    with store.read() as s:
        row = s.scalars(
            select(Feedback)
            .where(Feedback.visit_id == visit_id, Feedback.deleted.is_(False))
            .order_by(Feedback.updated_at.desc(), Feedback.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return FeedbackDraft(
            visit_id=visit_id,
            glows=[
                Glow(str(g.get("text") or ""), g.get("evidence_id"))
                for g in (row.glows or [])
                if isinstance(g, dict)
            ],
            wondering=row.wondering or "",
            reflection_prompt=row.reflection_prompt or "",
            feedback_id=row.id,
        )


def reviewed_visits(store: Store, visit_ids: list[str]) -> set[str]:
    """The visits among ``visit_ids`` whose feedback the coach has saved (reviewed); the
    others print as drafts."""
    found: set[str] = set()
    with store.read() as s:
        for start in range(0, len(visit_ids), 500):
            chunk = visit_ids[start : start + 500]
            found.update(
                s.scalars(
                    select(Feedback.visit_id).where(
                        Feedback.visit_id.in_(chunk), Feedback.deleted.is_(False)
                    )
                )
            )
    return found


def shared_with_teacher(store: Store, feedback_id: str) -> bool:
    """Whether saved feedback is visible to its teacher (the composer's Share box starts so)."""
    with store.read() as s:
        row = s.get(Feedback, feedback_id)
        return row is not None and row.visibility is Visibility.TEACHER


def sharing_blocked(store: Store, visit_id: str) -> str | None:
    """Why this visit's feedback can't be shared yet (the teacher has no email), or None."""
    with store.read() as s:
        return share_blocker(s, visit_id)


def draft_for(store: Store, visit_id: str, facts: VisitFacts | None = None) -> FeedbackDraft:
    """What the composer opens with: the saved feedback, else a proposal from the visit."""
    saved = saved_feedback(store, visit_id)
    if saved is not None:
        return saved
    return propose(facts or visit_facts(store, visit_id))


def _clean(draft: FeedbackDraft) -> tuple[list[Glow], str | None, str | None]:
    glows = [Glow(g.text.strip(), g.evidence_id or None) for g in draft.glows if g.text.strip()]
    if not glows:
        raise UsageError(
            _(
                "Feedback starts with strengths: add at least one strength before saving. "
                "Nothing was saved."
            )
        )
    if len(glows) > MAX_GLOWS:
        raise UsageError(
            _(
                "This feedback has {count} strengths; keep it to {most} or fewer so the teacher "
                "can take them in. Nothing was saved."
            ).format(count=len(glows), most=MAX_GLOWS)
        )
    for glow in glows:
        if unfinished(glow.text):
            raise UsageError(
                _(
                    'The strength "{text}" is not finished; complete the sentence (or remove '
                    "it) before saving. Nothing was saved."
                ).format(text=shorten(glow.text, 60))
            )
        if len(glow.text) > MAX_GLOW_CHARS:
            raise UsageError(
                _(
                    "A strength is {count} characters long; keep each under {most}. Nothing "
                    "was saved."
                ).format(count=format_number(len(glow.text)), most=format_number(MAX_GLOW_CHARS))
            )
    wondering = draft.wondering.strip() or None
    if wondering and unfinished(wondering):
        raise UsageError(
            _(
                'The wondering "{text}" is not finished; complete the question (or clear it) '
                "before saving. Nothing was saved."
            ).format(text=shorten(wondering, 60))
        )
    if wondering and len(wondering) > MAX_WONDERING_CHARS:
        raise UsageError(
            _(
                "The wondering is {count} characters long; keep it under {most}. Nothing was saved."
            ).format(count=format_number(len(wondering)), most=format_number(MAX_WONDERING_CHARS))
        )
    prompt = draft.reflection_prompt.strip() or None
    if prompt and len(prompt) > MAX_WONDERING_CHARS:
        raise UsageError(
            _(
                "The reflection question is {count} characters long; keep it under {most}. "
                "Nothing was saved."
            ).format(count=format_number(len(prompt)), most=format_number(MAX_WONDERING_CHARS))
        )
    return glows, wondering, prompt


def save_feedback(store: Store, draft: FeedbackDraft, *, share: bool | None = None) -> str:
    """Creates or updates the visit's feedback and returns its id.

    ``share`` True marks it shared with the teacher (visibility ``teacher``, ``shared_at``
    now); False makes it private again; None leaves sharing as it was. Shared feedback
    (newly or still) is published again from what is saved (``observe.feedback.publish``),
    which needs the teacher's email; private feedback publishes nothing.
    """
    glows, wondering, prompt = _clean(draft)
    coach = get_setting(store, COACH_NAME_KEY) or None
    with store.write() as s:
        visit = s.get(Visit, draft.visit_id)
        if visit is None or visit.deleted:
            raise UsageError(_("That visit no longer exists, so the feedback was not saved."))
        linked = {g.evidence_id for g in glows if g.evidence_id}
        if linked:
            found = set(
                s.scalars(
                    select(Evidence.id).where(
                        Evidence.id.in_(linked),
                        Evidence.visit_id == draft.visit_id,
                        Evidence.deleted.is_(False),
                    )
                )
            )
            if linked - found:
                raise UsageError(
                    _(
                        "A strength is tied to evidence that is not part of this visit (or was "
                        "deleted); choose its evidence again. Nothing was saved."
                    )
                )
        row = s.get(Feedback, draft.feedback_id) if draft.feedback_id else None
        if row is None or row.deleted or row.visit_id != draft.visit_id:
            row = Feedback(visit_id=draft.visit_id)
            s.add(row)
        row.glows = [g.as_record() for g in glows]
        row.wondering = wondering
        row.reflection_prompt = prompt
        if share is True:
            row.visibility = Visibility.TEACHER
            row.shared_at = row.shared_at or utcnow()
        elif share is False:
            row.visibility = Visibility.PRIVATE
            row.shared_at = None
        if row.visibility is Visibility.TEACHER:
            row.shared_at = row.shared_at or utcnow()
            row.published = publish(
                s,
                draft.visit_id,
                glows,
                wondering,
                prompt,
                coach_name=coach,
                shared_at=row.shared_at,
            )
        else:
            row.published = None
        s.flush()
        feedback_id = row.id
    draft.feedback_id = feedback_id
    return feedback_id
