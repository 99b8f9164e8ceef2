"""The leader page's "Evidence from students" figure: the school's coaching cycles' work
samples, student surveys and assessments as shares before → after, from the server's
``student-evidence`` aggregate (which already hides rows of fewer than three teachers and
carries no text, only counts and shares)."""

from __future__ import annotations

from typing import Any

from observe.server.aggregates import MIN_TEACHERS

NAME = "student-evidence"
TITLE = "Evidence from students: before and after coaching cycles"
MEASURES = {
    "work_samples": "Work samples meeting the success criteria",
    "survey": "Student survey answers agreeing",
    "assessment": "Students meeting the assessment's goal",
}
UNITS = {"work_samples": "samples", "survey": "answers", "assessment": "students"}


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{round(100 * share)}%"


def evidence_figure(rows: list[dict[str, Any]]) -> Any:
    from observe.server.web.figures import SUPPRESSED, Bar, Figure, words

    summary = (
        "Work samples scored against a cycle's success criteria, student surveys and common "
        "assessments that coaches recorded before and after their cycles, pooled over the "
        "cycles that have both. No question, caption or score is shown, only shares."
    )
    columns = ["Measure", "Cycles", "Before and after", "Before", "After", "Share rose in"]
    table: list[list[str]] = []
    bars: list[Bar] = []
    hidden = 0
    for r in rows:
        label = words(r["measure"], MEASURES)
        if r.get("suppressed"):
            table.append([label, SUPPRESSED])
            hidden += 1
            continue
        unit = UNITS.get(r["measure"], "")
        compared = r["compared"]
        table.append(
            [
                label,
                str(r["cycles"]),
                str(compared),
                f"{_percent(r['before_share'])} of {r['before_count']} {unit}" if compared else "—",
                f"{_percent(r['after_share'])} of {r['after_count']} {unit}" if compared else "—",
                f"{r['improved']} of {compared}" if compared else "—",
            ]
        )
        for phase in ("before", "after"):
            share = r[f"{phase}_share"]
            if compared and share is not None:
                bars.append(
                    Bar(f"{label}, {phase}", _percent(share), max(0, min(100, round(100 * share))))
                )
    note = None
    if hidden:
        note = (
            f"Rows marked hidden come from cycles of fewer than {MIN_TEACHERS} teachers, so "
            "their figures would describe single teachers."
        )
    return Figure(
        NAME,
        TITLE,
        summary,
        columns,
        table,
        bars,
        "The bars show each measure's share before and after.",
        note=note,
        csv_header=[
            "measure",
            "cycles",
            "compared",
            "before_share",
            "after_share",
            "before_count",
            "after_count",
            "improved",
            "suppressed",
        ],
        csv_rows=[
            [
                r["measure"],
                r.get("cycles"),
                r.get("compared"),
                r.get("before_share"),
                r.get("after_share"),
                r.get("before_count"),
                r.get("after_count"),
                r.get("improved"),
                bool(r.get("suppressed")),
            ]
            for r in rows
        ],
    )
