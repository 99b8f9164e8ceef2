"""The impact view: figures load off the GUI thread, charts and tables fill, CSVs read back,
and a leader signs in to see school figures (against a real observe-server)."""

from __future__ import annotations

import os

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import csv
from datetime import date
from pathlib import Path

import pytest

from observe.coaching.impact_tables import cell_text
from observe.coaching.leader_source import HIDDEN
from observe.demo import load_demo
from observe.ui.coaching.impact_window import SCHOOL, ImpactWindow
from observe.ui.coaching.leader_signin import LeaderSignInDialog

TODAY = date(2026, 11, 23)


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


class Chooser:
    def __init__(self, target: Path) -> None:
        self.target = target
        self.suggested: list[Path] = []

    def __call__(self, _parent, suggested: Path) -> Path:
        self.suggested.append(suggested)
        return self.target


@pytest.fixture
def impact(qtbot, store, errors_seen, tmp_path):
    load_demo(store, "small")
    w = ImpactWindow(
        store,
        report_error=errors_seen,
        choose_csv=Chooser(tmp_path / "one.csv"),
        choose_export_folder=Chooser(tmp_path / "all"),
        today=TODAY,
    )
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.loaded, timeout=20_000):
        w.refresh()
    return w


def test_the_coachs_impact_view_fills_every_tab(impact: ImpactWindow, errors_seen):
    assert errors_seen == []
    assert impact.summary.text().startswith("50 visits · ")
    assert "1 cycle active, 1 completed" in impact.summary.text()
    assert impact.tabs.count() == 5
    assert not impact.panes["school_cycles"].isVisible()  # the leader's, not the coach's
    for key, pane in impact.panes.items():
        if key in ("school_cycles", "cycle_evidence"):  # the demo has no surveys or scores
            continue
        assert pane.table is not None and pane.model.rowCount() > 0, key
        assert pane.export_button.isEnabled()
    for key, chart in impact.charts.items():
        assert chart.series_count() >= 1, key
    cycles = impact.panes["cycles"].table.dicts()
    assert {c["status"] for c in cycles} == {"Active", "Completed"}
    shown = impact.panes["participation"].model
    assert shown.data(shown.index(0, 0)) == "17 Aug 2026"  # dates read as dates


def test_weeks_start_at_the_first_week_with_data_and_activities_read_as_words(
    impact: ImpactWindow,
):
    # The period starts on 1 August, the demo's first visit is in the week of 17 August:
    # no run of empty weeks before the coach's first record.
    for key in ("visits_per_week", "time_by_week"):
        rows = impact.panes[key].table.dicts()
        assert rows[0]["week_start"] == date(2026, 8, 17), key
        first = rows[0]["visits"] if key == "visits_per_week" else rows[0]["total_minutes"]
        assert first, key
    labels = impact.charts["visits_per_week"].chart().axes()[0].categories()
    assert labels[0].startswith("17 Aug")
    pane = impact.panes["time_by_activity"]
    view, model = pane.view, pane.view.model()
    shown = [
        str(model.data(model.index(r, c)))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if not view.isColumnHidden(c)
    ]
    assert "Coaching-cycle work" in shown
    assert not [t for t in shown if "_" in t]  # no "coaching_cycle" codes on screen
    assert pane.table.column("activity")[0] == "coaching_cycle"  # the CSV keeps the code


def test_each_table_exports_as_csv_that_reads_back(impact: ImpactWindow, tmp_path):
    pane = impact.panes["time_by_activity"]
    path = pane.export()
    assert path == tmp_path / "one.csv"
    rows = _read(path)
    assert rows[0] == list(pane.table.columns)
    assert rows[1:] == [[cell_text(v) for v in row] for row in pane.table.rows]
    assert "Saved" in impact.status.text()

    paths = impact.export_all()
    assert sorted(p.name for p in paths) == sorted(f"{k}.csv" for k in impact.report.tables)
    cycles = _read(tmp_path / "all" / "cycles.csv")
    assert cycles[0][:3] == ["teacher", "focus", "status"] and len(cycles) == 3


def test_a_narrower_period_changes_the_figures(qtbot, impact: ImpactWindow):
    total = sum(impact.panes["visits_per_week"].table.column("visits"))
    impact.start.setDate(date(2026, 10, 1))
    with qtbot.waitSignal(impact.loaded, timeout=20_000):
        impact.refresh()
    fewer = sum(impact.panes["visits_per_week"].table.column("visits"))
    assert 0 < fewer < total


def _one_classroom_visit(server, coach) -> None:
    """One visit (talk and a tagged item) in one teacher's classroom, on the server."""
    from observe.ids import new_id
    from tests.server.helpers import op, push

    session = server.login(coach)
    room, visit, event, item = new_id(), new_id(), new_id(), new_id()
    day = "2026-11-17"
    push(
        session,
        op(room, kind="classroom", data={"id": room, "teacher_id": new_id()}),
        op(visit, kind="visit", data={"id": visit, "classroom_id": room,
           "visit_type": "learning_walk", "started_at": f"{day}T09:00:00Z"}),
        op(event, kind="participation_event", data={"id": event, "visit_id": visit,
           "seat_id": new_id(), "occurred_at": f"{day}T09:05:00Z",
           "participation_kind": "volunteered"}),
        op(item, data={"id": item, "visit_id": visit, "observed_at": f"{day}T09:06:00Z",
           "text": "x", "lookfor_ids": [new_id()]}),
    )  # fmt: skip


def test_a_leader_signs_in_and_sees_school_figures_only(
    qtbot, store, errors_seen, sqlite_server, idle
):
    leader = sqlite_server.add_user(role="leader", school="Lincoln Middle")
    coach = sqlite_server.add_user(role="coach", school="Lincoln Middle")
    _one_classroom_visit(sqlite_server, coach)
    w = ImpactWindow(store, report_error=errors_seen, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    idle()
    w.source_box.setCurrentIndex(1)
    w.source_box.activated.emit(1)
    dialog = w.signin_dialog
    assert isinstance(dialog, LeaderSignInDialog) and dialog.isVisible()
    assert w.source_box.currentIndex() == 0  # still the coach's own figures until signed in

    dialog.server.setText(sqlite_server.base_url)
    dialog.email.setText(coach.email)
    dialog.password.setText(coach.password)
    dialog.sign_in()
    idle()
    assert "is a coach account" in dialog.message.text() and dialog.isVisible()

    dialog.email.setText(leader.email)
    dialog.password.setText(leader.password)
    with qtbot.waitSignal(w.loaded, timeout=20_000):
        dialog.sign_in()
    assert not dialog.isVisible()
    assert w.report is not None and w.report.leader
    assert "Lincoln Middle" in w.status.text()
    cycles = w.panes["cycles"]
    assert cycles.table is None and not cycles.export_button.isEnabled()
    assert "none of them" in cycles.note.text()
    school_cycles = w.panes["school_cycles"]
    assert school_cycles.table is not None and school_cycles.model.rowCount() == 1  # All cycles
    assert w.panes["visits_per_week"].table is not None
    # One teacher visited: the server hides the week and the look-fors, and the tables say so
    # in words (never a zero), with no chart choking on the words.
    visits = w.panes["visits_per_week"].model
    shown = {
        visits.data(visits.index(r, 0)): visits.data(visits.index(r, 1))
        for r in range(visits.rowCount())
    }
    assert shown.pop("16 Nov 2026") == HIDDEN and set(shown.values()) == {"0"}
    assert w.summary.text().startswith("0 visits in the weeks shown (1 hidden)")
    lookfors = w.panes["lookfors"].model
    assert lookfors.data(lookfors.index(0, 1)) == HIDDEN
    assert "fewer than 3 teachers" in w.panes["lookfors"].note.text()
    assert w.source_box.currentIndex() == 1 and w.source_box.currentText() != SCHOOL
    w.close()
    idle()
    assert errors_seen == []
    # Closing the view signed the leader out: the device token is revoked on the server.
    admin = sqlite_server.login(sqlite_server.add_user(role="admin", school="Lincoln Middle"))
    devices = admin.client.get("/v1/admin/devices").json()["devices"]
    assert [d["revoked"] for d in devices if d["user_email"] == leader.email] == [True]
