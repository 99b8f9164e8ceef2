"""The leader page's two coaching-cycle figures: cycles started and ended by month, and the
cycles' success measures before → after. Kept apart from the week-by-week figures because a
cycle's numbers need their own words (months, medians, "3 of 5 (60%)", signed changes) that no
other figure uses; the server's ``cycles`` aggregate has already hidden any row of fewer than
three teachers."""

from __future__ import annotations

from datetime import date
from typing import Any

from observe.i18n import format_date, format_number
from observe.server.aggregates import MIN_TEACHERS
from observe.server.web.figures import Bar, Figure, _bars, _n, _percent, _suppressed, _title, words
from observe.server.web.i18n import N_, _, ngettext

MEASURES = {
    "distinct_voices": N_("Distinct voices (students heard)"),
    "contributions": N_("Contributions (times students spoke)"),
    "lookfor_frequency": N_("Evidence marked seen for the cycle's look-for"),
}
"""A cycle's success measure in words for a principal (the desktop says "Distinct voices",
"Contributions", "Evidence marked seen: <look-for>")."""


def month(iso: str) -> str:
    try:
        day = date.fromisoformat(f"{iso}-01")
    except ValueError:
        return iso
    return format_date(day, "LLLL y")


def _of(part: int, whole: int) -> str:
    if not whole:
        return _("{part} of {whole}").format(part=_n(part), whole=_n(whole))
    return _("{part} of {whole} ({percent})").format(
        part=_n(part), whole=_n(whole), percent=_percent(part / whole)
    )


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    text = format_number(abs(value))
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else "0")


def _plain(value: float | None) -> str:
    return "—" if value is None else format_number(value)


def cycle_months(rows: list[dict[str, Any]]) -> Figure:
    months = [r for r in rows if r.get("section") == "month"]
    shown = [r for r in months if not r.get("suppressed")]
    hidden = len(months) - len(shown)
    note = None
    if hidden:
        note = ngettext(
            "{count} month hidden: its cycles involved fewer than {min} teachers, so the "
            "figures would describe single teachers.",
            "{count} months hidden: their cycles involved fewer than {min} teachers, so the "
            "figures would describe single teachers.",
            hidden,
        ).format(count=hidden, min=MIN_TEACHERS)
    return Figure(
        "cycles",
        _title("cycles"),
        _(
            "Coaching cycles (a coach and a teacher working on one goal for several weeks) "
            "that began or finished in each month."
        ),
        [_("Month"), _("Cycles started"), _("Cycles ended")],
        [
            [month(r["month"]), _suppressed()]
            if r.get("suppressed")
            else [month(r["month"]), _n(r["started"]), _n(r["ended"])]
            for r in months
        ],
        _bars(
            [
                (
                    month(r["month"]),
                    r["started"],
                    _("{count} started").format(count=_n(r["started"])),
                )
                for r in shown
            ]
        ),
        _("The bars show cycles started per month."),
        note=note,
        csv_header=["month", "started", "ended"],
        csv_rows=[[r["month"], r["started"], r["ended"]] for r in shown],
    )


def cycle_measures(rows: list[dict[str, Any]]) -> Figure:
    """Before → after per kind of measure (medians: units differ between kinds), and every
    measured cycle together as shares, which mean the same whatever the measure."""
    title = _title("cycle-measures")
    summary = _(
        "Each cycle sets a measure of what students do. Before is the baseline the coach set "
        "(or the first visit that measured it), after the latest measured visit. “Typical” is "
        "the middle value (median) of the cycles."
    )
    columns = [
        _("Measure"),
        _("Cycles"),
        _("Measured before and after"),
        _("Typical before"),
        _("Typical after"),
        _("Typical change"),
        _("Improved"),
        _("Reached the target"),
    ]
    measures = [r for r in rows if r.get("section") == "measure"]
    total = next((r for r in rows if r.get("section") == "all"), None)
    if total is None or (not total.get("suppressed") and not total["cycles"]):
        return Figure("cycle-measures", title, summary, columns, [])
    table: list[list[str]] = []
    for r in measures:
        label = words(r["measure"], MEASURES)
        if r.get("suppressed"):
            table.append([label, _suppressed()])
            continue
        table.append(
            [
                label,
                _n(r["cycles"]),
                _n(r["measured"]),
                _plain(r["median_before"]),
                _plain(r["median_after"]),
                _signed(r["median_change"]),
                _of(r["improved"], r["measured"]),
                _of(r["target_met"], r["with_target"]) if r["with_target"] else _("No targets"),
            ]
        )
    bars: list[Bar] = []
    hidden = sum(1 for r in measures if r.get("suppressed"))
    if total.get("suppressed"):
        table.append([_("All cycles"), _suppressed()])
        hidden += 1
    else:
        table.append(
            [
                _("All cycles"),
                _n(total["cycles"]),
                _n(total["measured"]),
                "—",
                "—",
                "—",
                _of(total["improved"], total["measured"]),
                _of(total["target_met"], total["with_target"])
                if total["with_target"]
                else _("No targets"),
            ]
        )
        # Shares, not counts: a full bar is every measured cycle improving.
        bars = _share_bars(measures, total)
    note = None
    if hidden:
        note = _(
            "Rows marked hidden count cycles of fewer than {count} teachers, so their "
            "figures would describe single teachers."
        ).format(count=MIN_TEACHERS)
    shown = [r for r in measures if not r.get("suppressed")]
    return Figure(
        "cycle-measures",
        title,
        summary,
        columns,
        table,
        bars,
        _("The bars show the share of measured cycles whose measure went up."),
        note=note,
        csv_header=[
            "measure",
            "cycles",
            "measured",
            "median_before",
            "median_after",
            "median_change",
            "improved",
            "with_target",
            "target_met",
        ],
        csv_rows=[
            [
                r["measure"],
                r["cycles"],
                r["measured"],
                r["median_before"],
                r["median_after"],
                r["median_change"],
                r["improved"],
                r["with_target"],
                r["target_met"],
            ]
            for r in shown
        ]
        + (
            []
            if total.get("suppressed")
            else [
                [
                    "all",
                    total["cycles"],
                    total["measured"],
                    None,
                    None,
                    None,
                    total["improved"],
                    total["with_target"],
                    total["target_met"],
                ]
            ]
        ),
    )


def _share_bars(measures: list[dict[str, Any]], total: dict[str, Any]) -> list[Bar]:
    pairs = [
        (words(r["measure"], MEASURES), r["improved"], r["measured"])
        for r in measures
        if not r.get("suppressed") and r["measured"]
    ]
    if total["measured"]:
        pairs.append((_("All cycles"), total["improved"], total["measured"]))
    return [
        Bar(
            label,
            _("{share} improved").format(share=_of(part, whole)),
            round(100 * part / whole),
        )
        for label, part, whole in pairs
    ]
