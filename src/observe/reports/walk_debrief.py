"""The learning-walk debrief: patterns across classrooms, for sharing with a leader.

Leaders see aggregates, not teachers (DESIGN.md, "Trust"), so this report names no teacher:
classrooms are "Room A", "Room B" in the order they were visited, and any teacher's name that
turns up in a quote or a strength is replaced with "the teacher". Seat labels never appear.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from sqlalchemy import select

from observe import i18n
from observe.capture.participation import NO_GROUP
from observe.clock import as_utc
from observe.errors import UsageError
from observe.feedback.draft import Glow
from observe.feedback.facts import EvidenceFact, LookForTag, VisitFacts, read_visit_facts, zone
from observe.feedback.service import draft_for
from observe.i18n import N_, _, ngettext
from observe.reports import charts
from observe.reports.common import (
    coach_name,
    facts_box,
    long_date,
    minutes_text,
    reflection_space,
)
from observe.reports.fonts import REGULAR
from observe.reports.layout import (
    RULE,
    TEAL_LIGHT,
    Pdf,
    ReportMeta,
    check_paper,
    frame_width,
    render,
    styles,
)
from observe.reports.outline import Heading
from observe.reports.text import markup, para, shorten
from observe.store import Store
from observe.store.models import LookForSet, School, Teacher, Visit, Walk

# Headings in the source language; printed through _().
SECTION_LOOKFORS = N_("Look-fors seen across classrooms")
SECTION_PARTICIPATION = N_("Who got to talk, room by room")
SECTION_STRENGTHS = N_("Strengths seen across rooms")
SECTION_VOICES = N_("In students' words")
SECTION_NEXT = N_("Next steps for our school")

MAX_QUOTES = 8


@dataclass(frozen=True)
class WalkFacts:
    title: str
    school: str | None
    focus: str | None
    lookfor_set: str | None
    set_lookfors: list[LookForTag]
    started_local: object
    rooms: list[VisitFacts]
    strengths: list[tuple[str, int]]
    teacher_names: list[str]


def _name_pattern(names: list[str]) -> re.Pattern[str] | None:
    """Whole names and each capitalised part of them (surnames turn up as "Ms. Okafor")."""
    parts: set[str] = set()
    for name in names:
        parts.add(name)
        parts.update(p for p in name.split() if len(p) >= 3 and p[:1].isupper())
    if not parts:
        return None
    ordered = sorted(parts, key=len, reverse=True)
    honorific = r"(?:(?:Mr|Mrs|Ms|Mx|Dr|Sr|Sra|Srta|Prof|Profa|Mtro|Mtra|Maestro|Maestra)\.?\s+)?"
    return re.compile(honorific + r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


class Anonymiser:
    def __init__(self, names: list[str]) -> None:
        self._pattern = _name_pattern(names)

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(_("the teacher"), text)


def read_walk(store: Store, walk_id: str) -> WalkFacts:
    with store.read() as s:
        walk = s.get(Walk, walk_id)
        if walk is None or walk.deleted:
            raise UsageError(
                _("That learning walk does not exist (or was deleted); choose another.")
            )
        school = s.get(School, walk.school_id) if walk.school_id else None
        visit_ids = list(
            s.scalars(
                select(Visit.id)
                .where(Visit.walk_id == walk_id, Visit.deleted.is_(False))
                .order_by(Visit.started_at)
            )
        )
        rooms = [read_visit_facts(s, vid) for vid in visit_ids]
        lset = s.get(LookForSet, walk.lookfor_set_id) if walk.lookfor_set_id else None
        set_lookfors = [
            LookForTag(lf.id, lf.code, lf.title)
            for lf in (lset.items if lset else [])
            if not lf.deleted
        ]
        teachers = [t.display_name for t in s.scalars(select(Teacher))]
        tz = zone(school.timezone if school else None)
        started = as_utc(walk.started_at).astimezone(tz)
    strengths: Counter[str] = Counter()
    for room in rooms:
        draft = draft_for(store, room.visit_id, room)
        strengths.update(strength_keys(room, draft.glows))
    return WalkFacts(
        title=walk.title,
        school=school.name if school else (rooms[0].school if rooms else None),
        focus=walk.focus,
        lookfor_set=lset.name if lset else None,
        set_lookfors=set_lookfors,
        started_local=started,
        rooms=rooms,
        strengths=strengths.most_common(),
        teacher_names=teachers,
    )


def strength_keys(room: VisitFacts, glows: list[Glow]) -> set[str]:
    """What each of a room's strengths is about, once per room: the look-for of the evidence
    it rests on, in words (so ten rooms' "Students were able to…" sentences about one look-for
    read as one strength seen in ten rooms), else the strength's own words. Figures
    (evidence-less strengths) are about one room's numbers and are left out."""
    evidence = room.evidence_by_id()
    keys: set[str] = set()
    for glow in glows:
        item = evidence.get(glow.evidence_id or "")
        if item is None:
            continue
        # The look-for the coach marked seen in that item (what the strength is about); an
        # item only tagged "about" one still groups under it.
        seen = [tag for tag in item.lookfors if item.shows(tag)] or list(item.lookfors)
        if seen:
            keys.add(seen[0].title.strip().rstrip("."))
        elif glow.text.strip():
            keys.add(glow.text.strip().rstrip("."))
    return keys


def grade_band(grade: str | None) -> str:
    """ "grades 6–8" for "7": a band many teachers share, never one class's exact grade."""
    text = (grade or "").strip().upper()
    if text in ("K", "TK", "PK", "PREK", "PRE-K", "KG", "R"):
        return _("grades {band}").format(band="K–2")
    digits = re.match(r"\d+", text)
    if digits is None:
        return ""
    n = int(digits.group())
    for low, high, label in ((0, 2, "K–2"), (3, 5, "3–5"), (6, 8, "6–8"), (9, 13, "9–12")):
        if low <= n <= high:
            return _("grades {band}").format(band=label)
    return ""


def lookfor_tallies(rooms: list[VisitFacts]) -> tuple[Counter[LookForTag], Counter[LookForTag]]:
    """(rooms where each look-for was seen, items noted with it in all).

    "Seen" counts only rooms with an item the coach marked seen; a plain tag says what an
    item is about, so it only adds to the times a look-for was noted.
    """
    rooms_seen: Counter[LookForTag] = Counter()
    tagged: Counter[LookForTag] = Counter()
    for room in rooms:
        for tag, _count in room.seen_counts:
            rooms_seen[tag] += 1
        for tag, count in room.lookfor_counts:
            tagged[tag] += count
    return rooms_seen, tagged


def _room_name(i: int) -> str:
    return _("Room {letter}").format(letter=chr(ord("A") + i) if i < 26 else i + 1)


def _rooms(n: int) -> str:
    return ngettext("{count} room", "{count} rooms", n).format(count=n)


def _room_class(room: VisitFacts) -> str:
    # The grade band at most: subject, grade or period would point at one teacher (a school
    # has one ELA 8 teacher), and this report promises that no teacher is named.
    return grade_band(room.grade)


def _table(rows: list[list[object]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), TEAL_LIGHT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def groups_sentence(tallied: list[tuple[int, VisitFacts]]) -> str:
    """Whether every table group was heard, as a sentence that reads right for any count."""
    grouped = [
        r.participation
        for _, r in tallied
        if r.participation is not None and any(g.group != NO_GROUP for g in r.participation.groups)
    ]
    if not grouped:
        return ""
    heard = sum(1 for p in grouped if p.every_group_contributed)
    rooms = _rooms(len(grouped))
    if heard == len(grouped):
        return (
            _("Every group was heard in the room with groups.")
            if heard == 1
            else _("Every group was heard in all {rooms} with groups.").format(rooms=rooms)
        )
    if heard == 0:
        return (
            _("In the room with groups, at least one group was not heard yet.")
            if len(grouped) == 1
            else _(
                "In each of the {rooms} with groups, at least one group was not heard yet."
            ).format(rooms=rooms)
        )
    return _("Every group was heard in {heard} of the {rooms} with groups.").format(
        heard=heard, rooms=rooms
    )


def walk_story(walk: WalkFacts, paper: str) -> list[Flowable]:
    st = styles()
    width = frame_width(paper)
    clean = Anonymiser(walk.teacher_names)
    n = len(walk.rooms)
    minutes = sum(r.minutes_in_room or 0 for r in walk.rooms)
    evidence = sum(len(r.evidence) for r in walk.rooms)
    story: list[Flowable] = [
        Paragraph(markup(_("Learning walk debrief"), st.title.fontName), st.title),
        Paragraph(markup(" · ".join(p for p in (walk.title, walk.school) if p)), st.subtitle),
        facts_box(
            [
                (_("Date"), long_date(walk.started_local)),  # type: ignore[arg-type]
                (_("Classrooms visited"), i18n.format_number(n)),
                (_("Time in classrooms"), minutes_text(minutes) if minutes else ""),
                (_("Focus"), clean(walk.focus or "")),
                (_("Look-for set"), walk.lookfor_set or ""),
                (_("Evidence items"), i18n.format_number(evidence)),
            ],
            width,
        ),
        Spacer(1, 6),
        Paragraph(
            markup(
                _(
                    "Patterns across the classrooms we visited. No teacher is named: rooms are "
                    "lettered in the order we visited them and show a grade band at most."
                )
            ),
            st.muted,
        ),
    ]
    # -- look-fors
    story.append(Heading(_(SECTION_LOOKFORS), st.h2))
    rooms_seen, tagged = lookfor_tallies(walk.rooms)
    known = walk.set_lookfors or sorted(set(rooms_seen) | set(tagged), key=lambda t: t.code)
    if n and known:
        order = sorted(known, key=lambda t: (-rooms_seen[t], t.code))
        story.append(
            Paragraph(
                markup(
                    _("In how many of the {count} rooms each look-for was seen").format(count=n)
                    if n > 1
                    else _("Which look-fors were seen in the one room")
                ),
                st.h3,
            )
        )
        story.append(
            charts.single_bars(
                [t.title for t in order],
                [rooms_seen[t] for t in order],
                n,
                width,
                suffix=_(" of {total}").format(total=n),
            )
        )
        story.append(Spacer(1, 6))
        rows: list[list[object]] = [[_("Look-for"), _("Rooms"), _("Times noted")]]
        for t in order:
            rows.append([para(t.title, st.small), str(rooms_seen[t]), str(tagged[t])])
        story.append(_table(rows, [width * 0.64, width * 0.16, width * 0.2]))
        unseen = [t for t in order if not rooms_seen[t]]
        if unseen:
            story.append(Spacer(1, 4))
            story.append(
                para(
                    _("Not seen on this walk: {lookfors}.").format(
                        lookfors="; ".join(t.title for t in unseen)
                    ),
                    st.muted,
                )
            )
    else:
        story.append(Paragraph(markup(_("No look-fors were tagged on this walk.")), st.muted))
    # -- participation
    story.append(Heading(_(SECTION_PARTICIPATION), st.h2))
    tallied = [
        (i, r)
        for i, r in enumerate(walk.rooms)
        if r.participation is not None and r.participation.contributions
    ]
    if tallied:
        shares = [
            r.participation.distinct_voices / r.participation.occupied_seats  # type: ignore[union-attr]
            for _, r in tallied
        ]
        story.append(
            Paragraph(
                markup(
                    _("Participation was tallied in {tallied} of {rooms}.").format(
                        tallied=len(tallied), rooms=_rooms(n)
                    )
                    + " "
                    + _("Median share of students who spoke: {share}.").format(
                        share=i18n.format_percent(statistics.median(shares))
                    )
                    + " "
                    + groups_sentence(tallied)
                ),
                st.body,
            )
        )
        story.append(
            charts.single_bars(
                [" · ".join(p for p in (_room_name(i), _room_class(r)) if p) for i, r in tallied],
                [round(100 * s) for s in shares],
                100,
                width,
                suffix="%",
            )
        )
        story.append(Spacer(1, 6))
        rows = [[_("Room"), _("Grades"), _("Spoke"), _("Contributions"), _("Every group heard")]]
        for i, r in tallied:
            p = r.participation
            assert p is not None
            has_groups = any(g.group != NO_GROUP for g in p.groups)
            rows.append(
                [
                    _room_name(i),
                    para(_room_class(r), st.small),
                    _("{part} of {whole}").format(part=p.distinct_voices, whole=p.occupied_seats),
                    str(p.contributions),
                    (_("yes") if p.every_group_contributed else _("not yet"))
                    if has_groups
                    else "—",
                ]
            )
        story.append(
            _table(rows, [width * 0.12, width * 0.36, width * 0.15, width * 0.17, width * 0.2])
        )
    else:
        story.append(Paragraph(markup(_("No participation was tallied on this walk.")), st.muted))
    # -- strengths
    story.append(Heading(_(SECTION_STRENGTHS), st.h2))
    if walk.strengths:
        for text, count in walk.strengths[:10]:
            rooms = _rooms(count)
            story.append(
                para(
                    clean(text),
                    st.glow,
                    bullet="•",
                    suffix=f' <font size="8.5" color="#6B6B6B">({rooms})</font>',
                )
            )
    else:
        story.append(
            Paragraph(markup(_("No strengths have been written for these visits yet.")), st.muted)
        )
    # -- quotes
    quotes: list[tuple[int, EvidenceFact]] = []
    said: set[str] = set()
    for i, r in enumerate(walk.rooms):
        for e in r.evidence:
            key = " ".join(e.text.lower().split())
            if e.is_quote and key not in said:
                said.add(key)
                quotes.append((i, e))
    if quotes:
        story.append(Heading(_(SECTION_VOICES), st.h2))
        step = max(1, len(quotes) // MAX_QUOTES)
        for i, e in quotes[::step][:MAX_QUOTES]:
            story.append(para(shorten(clean(e.text), 300), st.quote, bullet=_room_name(i)))
    story.append(Spacer(1, 6))
    story.append(
        reflection_space(
            _(SECTION_NEXT),
            _("What patterns do we notice, and what is one next step we could try?"),
            6,
        )
    )
    return story


def walk_debrief_pdf(
    store: Store, walk_id: str, paper: str | None = None, *, language: str | None = None
) -> Pdf:
    """``language``: a BCP 47 tag ("es", "es-MX"; None: the app's language) the debrief's own
    words are printed in, also written into the PDF (/Lang) for screen readers."""
    with i18n.using_language(language) as effective:
        chosen = check_paper(paper)
        walk = read_walk(store, walk_id)
        day = long_date(walk.started_local)  # type: ignore[arg-type]
        clean = Anonymiser(walk.teacher_names)
        meta = ReportMeta(
            title=clean(
                _("Learning walk debrief: {title}, {day}").format(title=walk.title, day=day)
            ),
            author=coach_name(store) or "Observe",
            subject=_("Patterns across classrooms from a learning walk (no teacher names)"),
            footer=clean(
                _(
                    "Walk debrief · {title} · {day} · No teacher named: rooms by letter and "
                    "grade band"
                ).format(title=shorten(walk.title, 40), day=day)
            ),
            keywords=(_("learning walk"), _("debrief"), "Observe"),
            lang=language or effective,
        )
        return render(walk_story(walk, chosen), meta, chosen)
