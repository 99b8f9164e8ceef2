"""Words for the coaching records' enums, shared by the CLI's CSV files and the GUI.

The tables keep the source (English) words, marked for translation; the ``*_label`` functions
give them in the current language, and every screen and sheet shows them through those."""

from __future__ import annotations

from observe.i18n import N_, Words
from observe.store.models import (
    CycleStatus,
    LogActivity,
    MeasureKind,
    StepKind,
    StepStatus,
)

ACTIVITY_LABELS: Words[LogActivity] = Words(
    {
        LogActivity.COACHING_CYCLE: N_("Coaching-cycle work"),
        LogActivity.LEARNING_WALK: N_("Learning walks"),
        LogActivity.PLC: N_("PLC facilitation"),
        LogActivity.DATA_MEETING: N_("Data meetings"),
        LogActivity.OTHER_DUTY: N_("Other duties (subbing, testing…)"),
        LogActivity.ADMIN: N_("Admin"),
    }
)

STEP_KIND_LABELS: Words[StepKind] = Words(
    {
        StepKind.MODEL: N_("Model"),
        StepKind.CO_PLAN: N_("Co-plan"),
        StepKind.CO_TEACH: N_("Co-teach"),
        StepKind.OBSERVE: N_("Observe"),
        StepKind.DEBRIEF: N_("Debrief"),
    }
)

STEP_STATUS_LABELS: Words[StepStatus] = Words(
    {
        StepStatus.PLANNED: N_("Planned"),
        StepStatus.DONE: N_("Done"),
        StepStatus.SKIPPED: N_("Skipped"),
    }
)

CYCLE_STATUS_LABELS: Words[CycleStatus] = Words(
    {
        CycleStatus.PLANNED: N_("Planned"),
        CycleStatus.ACTIVE: N_("Active"),
        CycleStatus.COMPLETED: N_("Completed"),
    }
)

MEASURE_LABELS: Words[MeasureKind] = Words(
    {
        MeasureKind.DISTINCT_VOICES: N_("Distinct voices (students who spoke)"),
        MeasureKind.CONTRIBUTIONS: N_("Contributions (times students spoke)"),
        MeasureKind.LOOKFOR_FREQUENCY: N_("Look-for frequency (evidence items tagged)"),
    }
)


def activity_label(activity: LogActivity) -> str:
    return ACTIVITY_LABELS[activity]


def step_kind_label(kind: StepKind) -> str:
    return STEP_KIND_LABELS[kind]


def step_status_label(status: StepStatus) -> str:
    return STEP_STATUS_LABELS[status]


def cycle_status_label(status: CycleStatus) -> str:
    return CYCLE_STATUS_LABELS[status]


def measure_label(kind: MeasureKind) -> str:
    return MEASURE_LABELS[kind]
