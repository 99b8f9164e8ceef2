"""The leader's figures as pages and CSV: the same rows as the API's aggregates, laid out as
bars with a table beside them. The server's aggregates already leave out any figure drawn
from fewer than three teachers (``observe.server.aggregates``, small-group suppression); these
pages only say so where the reply flags it, so the rule has one home.

Only numbers, week starts, category codes and shared look-for labels reach here (see
``observe.server.aggregates``); no record text ever does.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine

from observe.i18n import current_language, format_date, format_number, format_percent
from observe.safetext import csv_cell
from observe.server.accounts import Principal
from observe.server.aggregates import MIN_TEACHERS, NAMES, PRIVATE_LOOKFOR, aggregates
from observe.server.web.i18n import N_, _, ngettext

PRIVATE = N_("a private look-for")
assert PRIVATE == PRIVATE_LOOKFOR  # the aggregates' words, in this catalog


SUPPRESSED = f"Hidden: fewer than {MIN_TEACHERS} teachers"
"""The English words (tests); pages show :func:`_suppressed`."""


def _suppressed() -> str:
    return _("Hidden: fewer than {count} teachers").format(count=MIN_TEACHERS)


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    width: int  # 0..100, a CSS class picks the width (no inline styles under the CSP)


@dataclass(frozen=True)
class Figure:
    name: str
    title: str
    summary: str
    columns: list[str]
    rows: list[list[str]]
    bars: list[Bar] = field(default_factory=list)
    bars_show: str = ""
    note: str | None = None
    csv_header: list[str] = field(default_factory=list)
    csv_rows: list[list[Any]] = field(default_factory=list)


TITLES = {
    "visits-per-week": N_("Visits per week"),
    "coaching-time": N_("Time coaching vs other duties"),
    "lookfor-frequencies": N_("Look-fors seen in the evidence"),
    "participation": N_("Equity of voice: who got to talk, by week"),
    "cycles": N_("Coaching cycles started and ended, by month"),
    "cycle-measures": N_("Coaching cycles: the students' measure before and after"),
    "student-evidence": N_("Evidence from students: before and after coaching cycles"),
}
"""In English (CSV names, tests); shown through _()."""


def _title(name: str) -> str:
    return _(TITLES[name])


VISIT_TYPES = {
    "learning_walk": N_("Learning walk"),
    "coaching_observation": N_("Coaching observation"),
    "modeling": N_("Modeling"),
    "co_teaching": N_("Co-teaching"),
    "student_listening": N_("Student listening session"),
}
ACTIVITIES = {
    "coaching_cycle": N_("Coaching-cycle work"),
    "learning_walk": N_("Learning walks"),
    "plc": N_("PLC facilitation"),
    "data_meeting": N_("Data meetings"),
    "other_duty": N_("Other duties (subbing, testing…)"),
    "admin": N_("Admin"),
}
"""The desktop's words for these codes (``observe.vocabulary``, ``observe.coaching.labels``),
which the server may not import; tests/web/test_labels.py keeps the copies equal."""
COACHING = frozenset({"coaching_cycle", "learning_walk", "plc", "data_meeting"})
"""Activities that count as coaching; the rest are other duties (the desktop's
``observe.coaching.log.COACHING_ACTIVITIES``; tests/web/test_labels.py keeps them equal)."""


def words(code: Any, known: dict[str, str] | None = None) -> str:
    """A category code as the app's words, or a readable form of an unknown one."""
    if known and code in known:
        return _(known[code])
    text = str(code or "unknown").replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def week(iso: str) -> str:
    return _week(current_language(), iso)


@functools.lru_cache(maxsize=4096)
def _week(language: str, iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return _("Week of {day}").format(day=format_date(day, "d MMM y"))


def _bars(pairs: list[tuple[str, float, str]]) -> list[Bar]:
    top = max((v for _, v, _ in pairs), default=0)
    return [
        Bar(label, text, round(100 * value / top) if top > 0 else 0) for label, value, text in pairs
    ]


def _percent(share: float | None) -> str:
    return "—" if share is None else _percent_of(current_language(), round(100 * share))


@functools.lru_cache(maxsize=1024)
def _percent_of(language: str, percent: int) -> str:
    return format_percent(percent / 100)


def _n(number: int) -> str:
    return _formatted(current_language(), number)


@functools.lru_cache(maxsize=4096)
def _formatted(language: str, number: float) -> str:
    """Babel formats a number in ~50 µs; a page shows the same few hundred numbers."""
    return format_number(number)


def _hidden_weeks(rows: list[dict[str, Any]], what: str) -> str | None:
    hidden = sum(1 for r in rows if r.get("suppressed"))
    if not hidden:
        return None
    return ngettext(
        "{count} week hidden: fewer than {min} teachers were visited, so {what} would "
        "describe single classrooms.",
        "{count} weeks hidden: fewer than {min} teachers were visited, so {what} would "
        "describe single classrooms.",
        hidden,
    ).format(count=hidden, min=MIN_TEACHERS, what=what)


def visits(rows: list[dict[str, Any]]) -> Figure:
    shown = [r for r in rows if not r.get("suppressed")]
    per_week: dict[str, int] = {}
    for r in shown:
        per_week[r["week_start"]] = per_week.get(r["week_start"], 0) + r["visits"]
    return Figure(
        "visits-per-week",
        _title("visits-per-week"),
        _("Classroom visits the school's coaches recorded, per week and by type of visit."),
        [_("Week"), _("Type of visit"), _("Visits"), _("Minutes")],
        [
            [week(r["week_start"]), _suppressed()]
            if r.get("suppressed")
            else [
                week(r["week_start"]),
                words(r["visit_type"], VISIT_TYPES),
                _n(r["visits"]),
                _n(r["minutes"]),
            ]
            for r in rows
        ],
        _bars(
            [
                (week(w), n, ngettext("{count} visit", "{count} visits", n).format(count=_n(n)))
                for w, n in per_week.items()
            ]
        ),
        _("The bars show all visits of each week."),
        note=_hidden_weeks(rows, _("the week's visits")),
        csv_header=["week_start", "visit_type", "visits", "minutes"],
        csv_rows=[[r["week_start"], r["visit_type"], r["visits"], r["minutes"]] for r in shown],
    )


def _minutes(n: int) -> str:
    hours, minutes = divmod(n, 60)
    if not hours:
        return _("{minutes} min").format(minutes=minutes)
    if minutes:
        return _("{hours} h {minutes} min").format(hours=_n(hours), minutes=f"{minutes:02d}")
    return _("{hours} h").format(hours=_n(hours))


def coaching(rows: list[dict[str, Any]]) -> Figure:
    """Logged time split the way the desktop splits it: coaching, or other duties."""
    total = sum(r["minutes"] for r in rows)
    coached = sum(r["minutes"] for r in rows if r["activity"] in COACHING)
    counts = [words(a, ACTIVITIES) for a in ACTIVITIES if a in COACHING]
    # Mid-sentence the labels read in lower case, acronyms (PLC) kept.
    counts = counts[:1] + [c if c[1:2].isupper() else c[:1].lower() + c[1:] for c in counts[1:]]
    summary = _(
        "Time the school's coaches logged. {some} and {last} count as coaching; everything "
        "else (other duties such as subbing and testing, and admin) does not."
    ).format(some=", ".join(counts[:-1]), last=counts[-1])
    if total:
        summary += " " + _(
            "Of {total} logged, {coaching} went to coaching and {other} to other duties."
        ).format(
            total=_minutes(total),
            coaching=_percent(coached / total),
            other=_percent((total - coached) / total),
        )

    def kind(activity: str) -> str:
        return _("Coaching") if activity in COACHING else _("Other duties")

    return Figure(
        "coaching-time",
        _title("coaching-time"),
        summary,
        [_("Activity"), _("Counts as"), _("Entries"), _("Minutes"), _("Share of logged time")],
        [
            [
                words(r["activity"], ACTIVITIES),
                kind(r["activity"]),
                _n(r["entries"]),
                _n(r["minutes"]),
                _percent(r["minutes"] / total if total else None),
            ]
            for r in rows
        ],
        _bars(
            [
                (_("Coaching"), coached, _minutes(coached)),
                (_("Other duties"), total - coached, _minutes(total - coached)),
            ]
            if total
            else []
        ),
        _("The bars show minutes spent coaching and on other duties."),
        csv_header=["activity", "counts_as", "entries", "minutes"],
        csv_rows=[
            [
                r["activity"],
                "coaching" if r["activity"] in COACHING else "other duties",
                r["entries"],
                r["minutes"],
            ]
            for r in rows
        ],
    )


def lookfors(rows: list[dict[str, Any]], suppressed: dict[str, Any] | None) -> Figure:
    title = _title("lookfor-frequencies")
    summary = _("Evidence items tagged with each look-for.")
    columns = [_("Look-for"), _("Evidence items"), _("Seen"), _("Share of all evidence")]
    if suppressed:
        note = _(
            "Hidden: the evidence comes from fewer than {count} teachers' classrooms, so "
            "these figures would describe single teachers. Choose a longer date range or wait "
            "for more visits."
        ).format(count=MIN_TEACHERS)
        return Figure("lookfor-frequencies", title, summary, columns, [], note=note)
    total = next((r for r in rows if r["title"] is None), None)
    if total is None or not total["evidence"]:
        return Figure("lookfor-frequencies", title, summary, columns, [])
    tagged = [r for r in rows if r["title"] is not None]

    def label(r: dict[str, Any]) -> str:
        title = _(PRIVATE) if r["title"] == PRIVATE_LOOKFOR else str(r["title"])
        return f"{r['code']} {title}".strip() if r.get("code") else title

    table = [[label(r), _n(r["evidence"]), _n(r["seen"]), _percent(r["share"])] for r in tagged]
    table.append([_("All evidence"), _n(total["evidence"]), _n(total["seen"]), _percent(1.0)])
    return Figure(
        "lookfor-frequencies",
        title,
        summary,
        columns,
        table,
        _bars(
            [
                (
                    label(r),
                    r["evidence"],
                    ngettext("{count} item", "{count} items", r["evidence"]).format(
                        count=_n(r["evidence"])
                    ),
                )
                for r in tagged
            ]
        ),
        _("The bars show evidence items per look-for."),
        csv_header=["code", "title", "evidence", "seen", "share"],
        csv_rows=[
            [r["code"] or "", r["title"] or "All evidence", r["evidence"], r["seen"], r["share"]]
            for r in rows
        ],
    )


VOICE_KINDS = ("volunteered", "called_on", "asked_question", "peer_talk")


def participation(rows: list[dict[str, Any]]) -> Figure:
    shown = [r for r in rows if not r.get("suppressed")]
    table = []
    for r in rows:
        if r.get("suppressed"):
            table.append([week(r["week_start"]), _suppressed()])
            continue
        voices = r["distinct_voices_mean"]
        table.append(
            [
                week(r["week_start"]),
                _n(r["visits"]),
                *(_n(r[k]) for k in VOICE_KINDS),
                "—" if voices is None else format_number(voices),
                _percent(r["seat_share_mean"]),
            ]
        )
    note = _hidden_weeks(rows, _("the figures"))
    return Figure(
        "participation",
        _title("participation"),
        _(
            "Whether talk in class reaches many students or stays with a few. Per week: how "
            "students took part, how many different students were heard in a visit, and what "
            "share of the class that was (averages over the week's visits with a tally)."
        ),
        [
            _("Week"),
            _("Visits"),
            _("Volunteered"),
            _("Called on"),
            _("Asked a question"),
            _("Peer talk"),
            _("Different students heard per visit"),
            _("Share of the class heard"),
        ],
        table,
        _bars(
            [
                (week(r["week_start"]), r["seat_share_mean"] or 0, _percent(r["seat_share_mean"]))
                for r in shown
            ]
        ),
        _("The bars show the share of the class heard in a visit, on average."),
        note=note,
        csv_header=[
            "week_start",
            "visits",
            "events",
            *VOICE_KINDS,
            "distinct_voices_mean",
            "seat_share_mean",
        ],
        csv_rows=[
            [
                r["week_start"],
                r["visits"],
                r["events"],
                *(r[k] for k in VOICE_KINDS),
                r["distinct_voices_mean"],
                r["seat_share_mean"],
            ]
            for r in shown
        ],
    )


def evidence_figure(rows: list[dict[str, Any]]) -> Figure:
    from observe.server.web.evidence_figure import evidence_figure as make

    return make(rows)


def school_figures(
    engine: Engine, principal: Principal, start: date | None, end: date | None
) -> list[Figure]:
    # Imported here: cycle_figures builds on this module's Figure and helpers.
    from observe.server.web.cycle_figures import cycle_measures, cycle_months

    replies = aggregates(engine, principal, NAMES, start, end)

    def rows(name: str) -> list[dict[str, Any]]:
        return replies[name]["rows"]

    found = replies["lookfor-frequencies"]
    cycles = rows("cycles")
    return [
        visits(rows("visits-per-week")),
        coaching(rows("coaching-time")),
        lookfors(found["rows"], found["suppressed"]),
        participation(rows("participation")),
        cycle_months(cycles),
        cycle_measures(cycles),
        evidence_figure(rows("student-evidence")),
    ]


def as_csv(figure: Figure) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(figure.csv_header)
    for row in figure.csv_rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()
