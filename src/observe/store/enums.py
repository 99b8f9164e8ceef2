"""The closed vocabularies stored in the desktop tables' enum columns.

Kept apart from the tables so that code needing only the words (labels, parsing, reports)
need not pull in the ORM. Their values are what is on disk and on the wire: renaming a member
is free, changing a value is a migration (and a protocol change).
"""

from __future__ import annotations

from enum import StrEnum


class Visibility(StrEnum):
    PRIVATE = "private"
    TEACHER = "teacher"
    TEAM = "team"


class EvidenceKind(StrEnum):
    STUDENT_TALK = "student_talk"
    STUDENT_ACTION = "student_action"
    TEACHER_MOVE = "teacher_move"
    ARTIFACT = "artifact"
    NOTE = "note"


class VisitType(StrEnum):
    LEARNING_WALK = "learning_walk"
    COACHING_OBSERVATION = "coaching_observation"
    MODELING = "modeling"
    CO_TEACHING = "co_teaching"
    STUDENT_LISTENING = "student_listening"


class ParticipationKind(StrEnum):
    VOLUNTEERED = "volunteered"
    CALLED_ON = "called_on"
    ASKED_QUESTION = "asked_question"
    PEER_TALK = "peer_talk"


class CycleStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"


class MeasureKind(StrEnum):
    LOOKFOR_FREQUENCY = "lookfor_frequency"
    DISTINCT_VOICES = "distinct_voices"
    CONTRIBUTIONS = "contributions"


class StepKind(StrEnum):
    MODEL = "model"
    CO_PLAN = "co_plan"
    CO_TEACH = "co_teach"
    OBSERVE = "observe"
    DEBRIEF = "debrief"


class StepStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    SKIPPED = "skipped"


class LogActivity(StrEnum):
    COACHING_CYCLE = "coaching_cycle"
    LEARNING_WALK = "learning_walk"
    PLC = "plc"
    DATA_MEETING = "data_meeting"
    OTHER_DUTY = "other_duty"
    ADMIN = "admin"
