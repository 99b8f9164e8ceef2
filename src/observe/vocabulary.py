"""The words Observe uses for its records, defined once for the GUI, sheets, CSVs and CLI.

A vocabulary copied into each screen drifts: one copy said "Student listening session" while
three said "Student listening". Every caller imports these instead
(``tests/test_code_quality.py`` keeps it so).
"""

from __future__ import annotations

from observe.store.models import VisitType

#: What each visit type is called wherever a coach or a teacher reads it.
VISIT_TYPE_LABELS: dict[VisitType, str] = {
    VisitType.LEARNING_WALK: "Learning walk",
    VisitType.COACHING_OBSERVATION: "Coaching observation",
    VisitType.MODELING: "Modeling",
    VisitType.CO_TEACHING: "Co-teaching",
    VisitType.STUDENT_LISTENING: "Student listening session",
}


#: Short forms for the narrow Type column; the full label is in the row's tooltip.
VISIT_TYPE_SHORT: dict[VisitType, str] = {
    VisitType.LEARNING_WALK: "Walk",
    VisitType.COACHING_OBSERVATION: "Observation",
    VisitType.MODELING: "Modeling",
    VisitType.CO_TEACHING: "Co-teaching",
    VisitType.STUDENT_LISTENING: "Listening",
}


def visit_type_label(visit_type: VisitType | str) -> str:
    """The visit type's words; an unknown value (a newer app's type) is shown as stored."""
    try:
        return VISIT_TYPE_LABELS[VisitType(visit_type)]
    except ValueError:
        return str(visit_type)
