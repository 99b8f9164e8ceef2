"""Words for the coaching records' enums, shared by the CLI's CSV files and the GUI."""

from __future__ import annotations

from observe.store.models import (
    CycleStatus,
    LogActivity,
    MeasureKind,
    StepKind,
    StepStatus,
)

ACTIVITY_LABELS: dict[LogActivity, str] = {
    LogActivity.COACHING_CYCLE: "Coaching-cycle work",
    LogActivity.LEARNING_WALK: "Learning walks",
    LogActivity.PLC: "PLC facilitation",
    LogActivity.DATA_MEETING: "Data meetings",
    LogActivity.OTHER_DUTY: "Other duties (subbing, testing…)",
    LogActivity.ADMIN: "Admin",
}

STEP_KIND_LABELS: dict[StepKind, str] = {
    StepKind.MODEL: "Model",
    StepKind.CO_PLAN: "Co-plan",
    StepKind.CO_TEACH: "Co-teach",
    StepKind.OBSERVE: "Observe",
    StepKind.DEBRIEF: "Debrief",
}

STEP_STATUS_LABELS: dict[StepStatus, str] = {
    StepStatus.PLANNED: "Planned",
    StepStatus.DONE: "Done",
    StepStatus.SKIPPED: "Skipped",
}

CYCLE_STATUS_LABELS: dict[CycleStatus, str] = {
    CycleStatus.PLANNED: "Planned",
    CycleStatus.ACTIVE: "Active",
    CycleStatus.COMPLETED: "Completed",
}

MEASURE_LABELS: dict[MeasureKind, str] = {
    MeasureKind.DISTINCT_VOICES: "Distinct voices (students who spoke)",
    MeasureKind.CONTRIBUTIONS: "Contributions (times students spoke)",
    MeasureKind.LOOKFOR_FREQUENCY: "Look-for frequency (evidence items tagged)",
}
