"""The feedback sheet: what a coach hands a teacher after a visit.

Strengths first, each tied to the timestamped evidence it rests on, and the one wondering; then
the full low-inference record (what students were doing and saying, quotes set apart), the
participation figures with a small chart, and room for the teacher's own reflection. Seat labels
never appear, and the coach's private notes only when the coach asks for them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from observe import i18n
from observe.capture.attach import image_file
from observe.capture.kinds import QUOTES, kind_label
from observe.capture.participation import (
    NO_GROUP,
    ParticipationSummary,
    group_name,
    participation_kind_label,
)
from observe.feedback.draft import REFLECTION_PROMPTS, FeedbackDraft, propose
from observe.feedback.facts import EvidenceFact, VisitFacts, visit_facts
from observe.feedback.service import saved_feedback
from observe.i18n import N_, _, ngettext
from observe.reports import charts
from observe.reports.common import (
    clock,
    coach_name,
    facts_box,
    long_date,
    medium_date,
    minutes_text,
    reflection_space,
    with_heading,
)
from observe.reports.fonts import REGULAR
from observe.reports.images import work_image
from observe.reports.layout import (
    Pdf,
    ReportMeta,
    check_paper,
    draft_mark,
    frame_width,
    render,
    styles,
)
from observe.reports.outline import Heading
from observe.reports.text import markup, para, shorten
from observe.roster.invite_qr import qr_link_for_visit
from observe.store import Store
from observe.store.models import EvidenceKind
from observe.sync.blobs import fetch_missing
from observe.vocabulary import visit_type_label

# The sheet's headings in the source language (the PDF's outline uses the translated ones).
SECTION_EVIDENCE = N_("What students were doing and saying")
SECTION_STRENGTHS = N_("Strengths noticed")
SECTION_WONDERING = N_("A wondering / next step")
SECTION_PARTICIPATION = N_("Who got to talk")
SECTION_REFLECTION = N_("Your reflection")
INVITE_LINE = N_("Read this sheet online and write your reflection")
QR_SIZE = 0.85 * inch


@dataclass(frozen=True)
class SheetOptions:
    paper: str | None = None
    include_notes: bool = False
    coach: str | None = None
    #: Whether the coach has reviewed (saved) what the sheet prints; None: saved feedback
    #: exists for the visit. An unreviewed sheet carries the DRAFT mark on every page.
    reviewed: bool | None = None
    #: Print the image of student work a strength rests on beside it (the coach chooses an
    #: image by tying a strength to it; images no strength cites stay off the sheet).
    images: bool = True
    #: The teacher's invitation link, printed as a QR code under the reflection lines when
    #: the coach chose it (None: look it up for the visit's teacher; "" never prints one).
    invite_link: str | None = None
    #: The sheet's language as a BCP 47 tag ("es", "es-MX"): the sheet's own words are printed
    #: in it (the coach's evidence and feedback stay as typed) and it is written into the PDF
    #: (/Lang) for screen readers. None: the app's language.
    language: str | None = None


def _anchor(evidence_id: str) -> str:
    return f"ev-{evidence_id}"


def _quoted(text: str) -> str:
    stripped = text.strip()
    return stripped if stripped.startswith(QUOTES) else f"“{stripped}”"


def evidence_flowables(items: list[EvidenceFact]) -> list[Flowable]:
    """The full record, in time order. Look-for codes stay off the teacher's sheet: they are
    the coach's shorthand, and the look-fors that matter are named in words in the header."""
    st = styles()
    out: list[Flowable] = []
    for item in items:
        anchor = f'<a name="{_anchor(item.id)}"/>'
        if item.is_quote:
            out.append(para(_quoted(item.text), st.quote, bullet=item.offset, prefix=anchor))
        else:
            kind = markup(kind_label(item.kind).upper())
            label = f'<font size="7.5" color="#6B6B6B">{kind}</font>  '
            out.append(para(item.text, st.evidence, bullet=item.offset, prefix=anchor + label))
    return out


def participation_flowables(summary: ParticipationSummary | None, width: float) -> list[Flowable]:
    """The participation figures and chart; nothing at all when nothing was tallied (a section
    saying "no seating chart was used" tells the teacher nothing)."""
    st = styles()
    if summary is None or summary.occupied_seats == 0 or summary.contributions == 0:
        return []
    groups = [g for g in summary.groups if g.group != NO_GROUP or len(summary.groups) > 1]
    # Figures on the left, the group chart beside them: the section stays short enough to
    # share a page with the record and the reflection.
    left_w = width * (0.46 if groups else 1.0)
    left: list[Flowable] = [
        Paragraph(
            markup(
                ngettext(
                    "{voices} of {seats} students spoke",
                    "{voices} of {seats} students spoke",
                    summary.distinct_voices,
                ).format(voices=summary.distinct_voices, seats=summary.occupied_seats)
            ),
            st.big_figure,
        ),
        Spacer(1, 3),
        charts.voices_meter(summary.distinct_voices, summary.occupied_seats, left_w * 0.95),
        Spacer(1, 5),
    ]
    tail = ngettext(
        "{count} contribution in all", "{count} contributions in all", summary.contributions
    ).format(count=summary.contributions)
    groups_heard = summary.groups_text()
    if groups_heard:
        tail += "; " + groups_heard
    left.append(para(tail[:1].upper() + tail[1:] + ".", st.body))
    kinds = [
        _("{how} {count}").format(how=participation_kind_label(k).lower(), count=n)
        for k, n in sorted(summary.by_kind.items(), key=lambda kv: -kv[1])
    ]
    if kinds:
        how = _("How: {kinds}.").format(kinds=", ".join(kinds))
        left.append(Paragraph(markup(how), st.muted))
    if not groups:
        return left
    right_w = width - left_w - 12
    right: list[Flowable] = [
        Paragraph(markup(_("Each group's share of the contributions and of the class")), st.small),
        Spacer(1, 4),
        charts.paired_bars(
            [group_name(g.group) for g in groups],
            [g.share_of_class for g in groups],
            [g.share_of_contributions for g in groups],
            (_("share of class"), _("share of contributions")),
            right_w,
        ),
    ]
    table = Table([[left, right]], colWidths=[left_w, width - left_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 12),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def focus_lookfors(facts: VisitFacts, shown: list[EvidenceFact]) -> list[str]:
    """The look-fors seen most in the evidence this sheet prints, each once, in words; none
    the visit's focus already names."""
    counts: Counter[str] = Counter()
    for item in shown:
        counts.update({tag.title.strip() for tag in item.lookfors if tag.title.strip()})
    focus = (facts.focus or "").casefold()
    ordered = sorted(counts, key=lambda title: (-counts[title], title.casefold()))
    titles: list[str] = []
    for title in ordered:
        if title.casefold() not in focus and title.casefold() not in map(str.casefold, titles):
            titles.append(title)
    return titles[:3]


def strength_flowables(
    draft: FeedbackDraft,
    facts: VisitFacts,
    visible: set[str],
    images: Mapping[str, Path] | None = None,
    width: float = 0,
) -> list[Flowable]:
    """Each strength with the timestamped evidence it rests on (linked to the full record),
    and that evidence's image of student work when it has one (``images``: by SHA-256)."""
    st = styles()
    by_id = facts.evidence_by_id()
    out: list[Flowable] = []
    glows = [g for g in draft.glows if g.text.strip()]
    for n, glow in enumerate(glows, 1):
        block: list[Flowable] = [para(glow.text, st.glow, bullet=f"{n}.")]
        item = by_id.get(glow.evidence_id or "")
        if item is not None:
            quote = shorten(item.text, 160)
            where = (
                _("Noted after the visit")
                if item.after_visit
                else _("From {time}").format(time=item.offset)
            )
            ref = f"{where}: {_quoted(quote) if item.is_quote else quote}"
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
            picture = (images or {}).get(item.image_sha256 or "")
            if picture is not None and width:
                block += [Spacer(1, 3), work_image(picture, width * 0.55, 180), Spacer(1, 6)]
        else:
            block.append(Spacer(1, 4))
        out.append(KeepTogether(block))
    return out


def prompt_text(draft: FeedbackDraft) -> str | None:
    """The reflection question as printed: one of Observe's own questions (kept as the coach
    chose it) reads in the sheet's language; a question the coach wrote prints as written."""
    prompt = draft.reflection_prompt.strip()
    if prompt in REFLECTION_PROMPTS:
        return _(prompt)
    return prompt or None


def invite_flowable(link: str, width: float) -> Flowable:
    """A small QR code of the invitation link, with the link in words beside it (for a
    teacher without a phone camera to hand): ReportLab's own QR widget, no image files."""
    st = styles()
    widget = QrCodeWidget(link, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    scale = [QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    code = Drawing(QR_SIZE, QR_SIZE, transform=scale)
    code.add(widget)
    words = [Paragraph(markup(_(INVITE_LINE)), st.body), para(link, st.small)]
    table = Table([[code, words]], colWidths=[QR_SIZE + 8, width - QR_SIZE - 8], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def sheet_story(
    facts: VisitFacts,
    draft: FeedbackDraft,
    options: SheetOptions,
    coach: str | None,
    images: Mapping[str, Path] | None = None,
) -> list[Flowable]:
    """Strengths and the wondering first (page 1 is what a teacher reads), then the full
    record of what students said and did, who got to talk, and room to reflect. A section
    with nothing to say is left out rather than printed empty."""
    st = styles()
    width = frame_width(check_paper(options.paper))
    start = facts.local_start
    minutes = facts.minutes_in_room
    shown = [e for e in facts.evidence if options.include_notes or e.kind is not EvidenceKind.NOTE]
    story: list[Flowable] = [
        Paragraph(markup(_("Feedback from a classroom visit"), st.title.fontName), st.title),
        Paragraph(
            markup(f"{visit_type_label(facts.visit_type)} · {facts.school or ''}".strip(" ·")),
            st.subtitle,
        ),
        facts_box(
            [
                (_("Teacher"), facts.teacher),
                (_("Class"), facts.class_label),
                (_("Date"), f"{medium_date(start)}, {clock(start)}"),
                (_("Time in room"), minutes_text(minutes) if minutes else ""),
                (_("Coach"), coach or ""),
                (_("Focus"), facts.focus or ""),
                (_("Look-fors seen most"), "; ".join(focus_lookfors(facts, shown))),
            ],
            width,
        ),
        Spacer(1, 6),
        Paragraph(
            markup(
                _(
                    "Thank you for opening your classroom. Everything here comes from what "
                    "students said and did."
                )
            ),
            st.muted,
        ),
    ]
    strengths = strength_flowables(
        draft, facts, {e.id for e in shown}, images if options.images else None, width
    )
    if strengths:
        story.append(with_heading(Heading(_(SECTION_STRENGTHS), st.h2), strengths[:1]))
        story += strengths[1:]
    if draft.wondering.strip():
        story.append(
            with_heading(
                Heading(_(SECTION_WONDERING), st.h2),
                [para(draft.wondering.strip(), st.wondering)],
            )
        )
    if shown:
        record = evidence_flowables(shown)
        story.append(
            with_heading(
                Heading(_(SECTION_EVIDENCE), st.h2),
                [
                    Paragraph(
                        markup(
                            _(
                                "Times are minutes:seconds into the visit. Students' own words "
                                "are set apart."
                            )
                        ),
                        st.muted,
                    ),
                    Spacer(1, 4),
                    record[0],
                ],
            )
        )
        story += record[1:]
    participation = participation_flowables(facts.participation, width)
    if participation:
        story.append(KeepTogether([Heading(_(SECTION_PARTICIPATION), st.h2), *participation]))
    tail = invite_flowable(options.invite_link, width) if options.invite_link else None
    story.append(reflection_space(_(SECTION_REFLECTION), prompt_text(draft), tail=tail))
    return story


def sheet_meta(
    facts: VisitFacts, coach: str | None, *, draft: bool = False, language: str | None = None
) -> ReportMeta:
    """The PDF's title, footer and marks, in the current language; ``language`` is the tag
    written into the PDF (None: the current language's code)."""
    day = long_date(facts.local_start)
    who = {"teacher": facts.teacher, "cls": facts.class_label, "day": day}
    return ReportMeta(
        title=_("Feedback: {teacher}, {cls}, {day}").format(**who),
        author=coach or "Observe",
        subject=_("Strengths-based feedback on a classroom visit"),
        footer=_("Feedback for {teacher} · {cls} · {day}").format(**who),
        keywords=(_("feedback"), _("classroom visit"), "Observe"),
        mark=draft_mark() if draft else None,
        lang=language or i18n.current_language(),
    )


def feedback_sheet_pdf(
    store: Store,
    visit_id: str,
    options: SheetOptions | None = None,
    *,
    draft: FeedbackDraft | None = None,
    language: str | None = None,
) -> Pdf:
    """The sheet for ``visit_id``: its saved feedback, or (none saved yet) the proposed draft,
    or the ``draft`` being edited in the composer. ``language`` (else ``options.language``,
    else the app's) is the language the sheet's own words are printed in, so a coach working
    in English can print for a teacher who reads Spanish."""
    options = options or SheetOptions()
    if language is not None:
        options = dataclasses.replace(options, language=language)
    with i18n.using_language(options.language):
        return _feedback_sheet_pdf(store, visit_id, options, draft)


def _feedback_sheet_pdf(
    store: Store, visit_id: str, options: SheetOptions, draft: FeedbackDraft | None
) -> Pdf:
    paper = check_paper(options.paper)
    facts = visit_facts(store, visit_id)
    if draft is None:
        saved = saved_feedback(store, visit_id)
        draft = saved or propose(facts)
        reviewed = saved is not None if options.reviewed is None else options.reviewed
    else:
        reviewed = not draft.proposed if options.reviewed is None else options.reviewed
    coach = options.coach if options.coach is not None else coach_name(store)
    if options.invite_link is None:
        options = dataclasses.replace(options, invite_link=qr_link_for_visit(store, visit_id))
    meta = sheet_meta(facts, coach, draft=not reviewed, language=options.language)
    return render(
        sheet_story(facts, draft, options, coach, sheet_images(store, facts)), meta, paper
    )


def sheet_images(store: Store, facts: VisitFacts) -> dict[str, Path]:
    """The visit's images of student work that are on this device, by SHA-256; images that
    came by sync are downloaded first (a sheet prints without one it can't get)."""
    fetch_missing(store, [item.image_sha256 for item in facts.evidence])
    found: dict[str, Path] = {}
    for item in facts.evidence:
        path = image_file(store, item.image_sha256)
        if path is not None and item.image_sha256:
            found[item.image_sha256] = path
    return found
