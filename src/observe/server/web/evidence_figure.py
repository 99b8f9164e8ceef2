"""The leader page's "Evidence from students" figure: the school's coaching cycles' work
samples, student surveys and assessments as shares before → after, from the server's
``student-evidence`` aggregate (which already hides rows of fewer than three teachers and
carries no text, only counts and shares)."""

from __future__ import annotations

from typing import Any

from observe.server.aggregates import MIN_TEACHERS
from observe.server.web.i18n import N_, _, ngettext

NAME = "student-evidence"
TITLE = N_("Evidence from students: before and after coaching cycles")
MEASURES = {
    "work_samples": N_("Work samples meeting the success criteria"),
    "survey": N_("Student survey answers agreeing"),
    "assessment": N_("Students meeting the assessment's goal"),
}


def _share_of(share: float | None, count: int, measure: str) -> str:
    """ "40% of 25 samples": the unit says what was counted (samples are not students)."""
    from observe.server.web.figures import _n, _percent

    if measure == "work_samples":
        text = ngettext("{share} of {count} sample", "{share} of {count} samples", count)
    elif measure == "survey":
        text = ngettext("{share} of {count} answer", "{share} of {count} answers", count)
    else:
        text = ngettext("{share} of {count} student", "{share} of {count} students", count)
    return text.format(share=_percent(share), count=_n(count))


def evidence_figure(rows: list[dict[str, Any]]) -> Any:
    from observe.server.web.figures import Bar, Figure, _n, _percent, _suppressed, words

    summary = _(
        "Work samples scored against a cycle's success criteria, student surveys and common "
        "assessments that coaches recorded before and after their cycles, pooled over the "
        "cycles that have both. No question, caption or score is shown, only shares."
    )
    columns = [
        _("Measure"),
        _("Cycles"),
        _("Before and after"),
        _("Before"),
        _("After"),
        _("Share rose in"),
    ]
    table: list[list[str]] = []
    bars: list[Bar] = []
    hidden = 0
    for r in rows:
        label = words(r["measure"], MEASURES)
        if r.get("suppressed"):
            table.append([label, _suppressed()])
            hidden += 1
            continue
        measure = r["measure"]
        compared = r["compared"]
        table.append(
            [
                label,
                _n(r["cycles"]),
                _n(compared),
                _share_of(r["before_share"], r["before_count"], measure) if compared else "—",
                _share_of(r["after_share"], r["after_count"], measure) if compared else "—",
                _("{part} of {whole}").format(part=_n(r["improved"]), whole=_n(compared))
                if compared
                else "—",
            ]
        )
        for phase in ("before", "after"):
            share = r[f"{phase}_share"]
            if compared and share is not None:
                when = _("before") if phase == "before" else _("after")
                bars.append(
                    Bar(
                        _("{measure}, {phase}").format(measure=label, phase=when),
                        _percent(share),
                        max(0, min(100, round(100 * share))),
                    )
                )
    note = None
    if hidden:
        note = _(
            "Rows marked hidden come from cycles of fewer than {count} teachers, so "
            "their figures would describe single teachers."
        ).format(count=MIN_TEACHERS)
    return Figure(
        NAME,
        _(TITLE),
        summary,
        columns,
        table,
        bars,
        _("The bars show each measure's share before and after."),
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
