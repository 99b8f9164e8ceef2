"""The feedback sheet: what a coach hands a teacher after a visit.

Low-inference evidence first (what students were doing and saying, timestamped, quotes set
apart), then the strengths it supports, each linked back to its evidence, one wondering, the
participation figures with a small chart, and room for the teacher's own reflection. Seat labels
never appear, and the coach's private notes only when the coach asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from observe.capture.kinds import LABELS as KIND_LABELS
from observe.capture.kinds import QUOTES
from observe.capture.participation import KIND_LABELS as PARTICIPATION_LABELS
from observe.capture.participation import NO_GROUP, ParticipationSummary
from observe.feedback.draft import FeedbackDraft
from observe.feedback.facts import VISIT_TYPE_LABELS, EvidenceFact, VisitFacts, visit_facts
from observe.feedback.service import draft_for
from observe.reports import charts
from observe.reports.common import (
    clock,
    coach_name,
    facts_box,
    long_date,
    medium_date,
    reflection_space,
)
from observe.reports.layout import Pdf, ReportMeta, check_paper, frame_width, render, styles
from observe.reports.text import markup, para, shorten
from observe.store import Store
from observe.store.models import EvidenceKind

SECTION_EVIDENCE = "What students were doing and saying"
SECTION_STRENGTHS = "Strengths noticed"
SECTION_WONDERING = "A wondering / next step"
SECTION_PARTICIPATION = "Who got to talk"
SECTION_REFLECTION = "Your reflection"


@dataclass(frozen=True)
class SheetOptions:
    paper: str | None = None
    include_notes: bool = False
    coach: str | None = None


def _anchor(evidence_id: str) -> str:
    return f"ev-{evidence_id}"


def _quoted(text: str) -> str:
    stripped = text.strip()
    return stripped if stripped.startswith(QUOTES) else f"“{stripped}”"


def evidence_flowables(items: list[EvidenceFact]) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    for item in items:
        anchor = f'<a name="{_anchor(item.id)}"/>'
        codes = ", ".join(tag.code for tag in item.lookfors)
        tail = f' <font size="7.5" color="#6B6B6B">[{markup(codes)}]</font>' if codes else ""
        if item.is_quote:
            out.append(
                para(_quoted(item.text), st.quote, bullet=item.offset, prefix=anchor, suffix=tail)
            )
        else:
            label = f'<font size="7.5" color="#6B6B6B">{KIND_LABELS[item.kind].upper()}</font>  '
            out.append(
                para(item.text, st.evidence, bullet=item.offset, prefix=anchor + label, suffix=tail)
            )
    return out


def participation_flowables(summary: ParticipationSummary | None, width: float) -> list[Flowable]:
    st = styles()
    if summary is None or summary.occupied_seats == 0:
        return [Paragraph("No seating chart was used during this visit.", st.muted)]
    if summary.contributions == 0:
        return [Paragraph("No participation was tallied during this visit.", st.muted)]
    out: list[Flowable] = [
        Paragraph(
            f"{summary.distinct_voices} of {summary.occupied_seats} students spoke",
            st.big_figure,
        ),
        Spacer(1, 3),
        charts.voices_meter(summary.distinct_voices, summary.occupied_seats, width * 0.7),
        Spacer(1, 5),
        para(summary.sentence(), st.body),
    ]
    kinds = [
        f"{PARTICIPATION_LABELS[k].lower()} {n}"
        for k, n in sorted(summary.by_kind.items(), key=lambda kv: -kv[1])
    ]
    if kinds:
        out.append(Paragraph(markup("Contributions: " + ", ".join(kinds) + "."), st.muted))
    groups = [g for g in summary.groups if g.group != NO_GROUP or len(summary.groups) > 1]
    if groups:
        out += [
            Spacer(1, 8),
            Paragraph("Contributions by group beside each group's share of the class", st.h3),
            charts.paired_bars(
                [g.group for g in groups],
                [g.share_of_class for g in groups],
                [g.share_of_contributions for g in groups],
                ("share of class", "share of contributions"),
                width,
            ),
        ]
    return out


def sheet_story(
    facts: VisitFacts, draft: FeedbackDraft, options: SheetOptions, coach: str | None
) -> list[Flowable]:
    st = styles()
    width = frame_width(check_paper(options.paper))
    start = facts.local_start
    minutes = facts.minutes_in_room
    focus = ", ".join(t.title for t in facts.top_lookfors)
    if facts.focus:
        focus = f"{facts.focus} ({focus})" if focus else facts.focus
    story: list[Flowable] = [
        Paragraph("Feedback from a classroom visit", st.title),
        Paragraph(
            markup(f"{VISIT_TYPE_LABELS[facts.visit_type]} · {facts.school or ''}".strip(" ·")),
            st.subtitle,
        ),
        facts_box(
            [
                ("Teacher", facts.teacher),
                ("Class", facts.class_label),
                ("Date", f"{medium_date(start)}, {clock(start)}"),
                ("Time in room", f"{minutes} minutes" if minutes else ""),
                ("Coach", coach or ""),
                ("Focus look-fors", focus),
            ],
            width,
        ),
        Spacer(1, 6),
        Paragraph(
            "Thank you for opening your classroom. Everything below comes from what students "
            "said and did while I was there.",
            st.muted,
        ),
    ]
    shown = [e for e in facts.evidence if options.include_notes or e.kind is not EvidenceKind.NOTE]
    story.append(Paragraph(SECTION_EVIDENCE, st.h2))
    if shown:
        story.append(
            Paragraph(
                "Times are minutes:seconds into the visit. Students' own words are set apart.",
                st.muted,
            )
        )
        story.append(Spacer(1, 4))
        story += evidence_flowables(shown)
    else:
        story.append(Paragraph("No evidence was recorded during this visit.", st.muted))

    story.append(Paragraph(SECTION_STRENGTHS, st.h2))
    by_id = facts.evidence_by_id()
    visible = {e.id for e in shown}
    for n, glow in enumerate(draft.glows, 1):
        block: list[Flowable] = [para(glow.text, st.glow, bullet=f"{n}.")]
        item = by_id.get(glow.evidence_id or "")
        if item is not None:
            quote = shorten(item.text, 160)
            ref = f"From {item.offset}: {_quoted(quote) if item.is_quote else quote}"
            if item.id in visible:
                block.append(
                    para(
                        ref,
                        st.glow_ref,
                        prefix=f'<a href="#{_anchor(item.id)}" color="#1F5F5B">',
                        suffix="</a>",
                    )
                )
            else:
                block.append(para(ref, st.glow_ref))
        else:
            block.append(Spacer(1, 4))
        story.append(KeepTogether(block))
    if not draft.glows:
        story.append(Paragraph("No strengths were written for this visit yet.", st.muted))

    story.append(Paragraph(SECTION_WONDERING, st.h2))
    story.append(para(draft.wondering or "—", st.wondering))

    story.append(Paragraph(SECTION_PARTICIPATION, st.h2))
    story += participation_flowables(facts.participation, width)

    story.append(Spacer(1, 0.1 * inch))
    story.append(reflection_space(SECTION_REFLECTION, draft.reflection_prompt or None))
    return story


def sheet_meta(facts: VisitFacts, coach: str | None) -> ReportMeta:
    day = long_date(facts.local_start)
    return ReportMeta(
        title=f"Feedback: {facts.teacher}, {facts.class_label}, {day}",
        author=coach or "Observe",
        subject="Strengths-based feedback on a classroom visit",
        footer=f"Feedback for {facts.teacher} · {facts.class_label} · {day}",
        keywords=("feedback", "classroom visit", "Observe"),
    )


def feedback_sheet_pdf(
    store: Store,
    visit_id: str,
    options: SheetOptions | None = None,
    *,
    draft: FeedbackDraft | None = None,
) -> Pdf:
    """The sheet for ``visit_id``: its saved feedback, or (none saved yet) the proposed draft,
    or the ``draft`` being edited in the composer."""
    options = options or SheetOptions()
    paper = check_paper(options.paper)
    facts = visit_facts(store, visit_id)
    draft = draft or draft_for(store, visit_id, facts)
    coach = options.coach if options.coach is not None else coach_name(store)
    return render(sheet_story(facts, draft, options, coach), sheet_meta(facts, coach), paper)
