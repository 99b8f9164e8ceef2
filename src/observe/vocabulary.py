"""The words Observe uses for its records, defined once for the GUI, sheets, CSVs and CLI.

A vocabulary copied into each screen drifts: one copy said "Student listening session" while
three said "Student listening". Every caller imports these instead
(``tests/test_code_quality.py`` keeps it so).
"""

from __future__ import annotations

from observe.i18n import N_, Words, _
from observe.store.models import VisitType

#: What each visit type is called wherever a coach or a teacher reads it.
VISIT_TYPE_LABELS: Words[VisitType] = Words(
    {
        VisitType.LEARNING_WALK: N_("Learning walk"),
        VisitType.COACHING_OBSERVATION: N_("Coaching observation"),
        VisitType.MODELING: N_("Modeling"),
        VisitType.CO_TEACHING: N_("Co-teaching"),
        VisitType.STUDENT_LISTENING: N_("Student listening session"),
    }
)


#: Short forms for the narrow Type column; the full label is in the row's tooltip.
VISIT_TYPE_SHORT: Words[VisitType] = Words(
    {
        VisitType.LEARNING_WALK: N_("Walk"),
        VisitType.COACHING_OBSERVATION: N_("Observation"),
        VisitType.MODELING: N_("Modeling"),
        VisitType.CO_TEACHING: N_("Co-teaching"),
        VisitType.STUDENT_LISTENING: N_("Listening"),
    }
)


def visit_type_label(visit_type: VisitType | str) -> str:
    """The visit type's words in the current language; an unknown value (a newer app's type)
    is shown as stored."""
    try:
        return VISIT_TYPE_LABELS[VisitType(visit_type)]
    except ValueError:
        return str(visit_type)


def visit_type_short(visit_type: VisitType | str) -> str:
    """The short form for narrow columns, in the current language."""
    try:
        return VISIT_TYPE_SHORT[VisitType(visit_type)]
    except ValueError:
        return str(visit_type)


def room_label(room: str) -> str:
    """ "room B12", but "Science Lab 1" and "Room 179" as they are (no "room Room 179")."""
    bare = room[:1].isdigit() or (len(room) <= 5 and " " not in room)
    if bare and "room" not in room.casefold():
        return _("room {room}").format(room=room)
    return room


def class_label(
    subject: str | None,
    *,
    grade: str | None = None,
    period: str | None = None,
    room: str | None = None,
    sep: str = " · ",
) -> str:
    """How a class is named everywhere: "Science · grade 6 · period 2 · room B12".

        Lists use the " · " separator; sentences and sheets pass ``sep=", "``. Only the parts
        given are named, so a caller that leaves out the grade gets "Science, period 2" (and one
    that leaves out the subject, "grade 6, period 2").
    """
    bits = [subject] if subject else []
    if grade:
        bits.append(_("grade {grade}").format(grade=grade))
    if period:
        bits.append(_("period {period}").format(period=period))
    if room:
        bits.append(room_label(room))
    return sep.join(bits)
