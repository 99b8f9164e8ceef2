"""The leader's impact source against a real observe-server process.

A coach's profile (demo data) syncs to the server; a leader of the same school signs in and
gets the school figures. They must match what the coach's own computer computes, and they
must hold no text, names or ids.
"""

from __future__ import annotations

import os

os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

import json
from datetime import UTC, date
from statistics import median

import pytest

from observe.coaching.impact import local_report
from observe.coaching.leader_source import HIDDEN, ServerImpactSource
from observe.demo import load_demo
from observe.errors import ObserveError, UsageError
from observe.sync.account import login
from observe.sync.engine import SyncEngine
from observe.sync.leader import LeaderSession

START, END = date(2026, 8, 1), date(2026, 11, 22)


@pytest.fixture
def synced(sqlite_server, store):
    """(server, leader account, coach's store, coach account): the coach's demo year synced."""
    coach = sqlite_server.add_user(role="coach", school="Lincoln Middle")
    leader = sqlite_server.add_user(role="leader", school="Lincoln Middle")
    load_demo(store, "small")
    login(store, sqlite_server.base_url, coach.email, coach.password, device_name="laptop")
    result = SyncEngine(store, lock_wait=5.0).sync()
    assert (result.new_conflicts, result.waiting) == (0, 0) and result.pushed > 1000
    return sqlite_server, leader, store, coach


def test_school_figures_match_the_coachs_own_and_hold_only_figures(synced):
    server, leader, store, _coach = synced
    session = LeaderSession.sign_in(server.base_url, leader.email, leader.password)
    try:
        school = ServerImpactSource(session).load(START, END)
        replies = [
            session.aggregate(name, START, END).model_dump_json()
            for name in ("visits-per-week", "coaching-time", "lookfor-frequencies", "participation")
        ]
    finally:
        session.close()
    mine = local_report(store, START, END, UTC)  # the server groups days in UTC

    assert school.leader and "Lincoln Middle" in school.scope
    assert set(school.missing) == {"time_by_week", "cycles", "lookfor_trends"}
    assert "cycles" not in school.tables

    visits, my_visits = school.tables["visits_per_week"], mine.tables["visits_per_week"]
    # Every week is the coach's own figure, or (fewer than 3 teachers visited) hidden in words.
    shown = hidden = 0
    for ours, theirs in zip(visits.rows, my_visits.rows, strict=True):
        assert ours[0] == theirs[0]
        if ours[1] == HIDDEN:
            assert set(ours[1:]) == {HIDDEN}
            hidden += 1
        else:
            assert ours == theirs
            shown += 1
    assert shown > 5 and hidden > 0

    time = {r["activity"]: r["minutes"] for r in school.tables["time_by_activity"].dicts()}
    my_time = {r["activity"]: r["minutes"] for r in mine.tables["time_by_activity"].dicts()}
    assert time == my_time and sum(time.values()) > 0

    def counts(table):
        return {r["code"]: (r["seen_evidence"], r["tagged_evidence"]) for r in table.dicts()}

    lookfors, my_lookfors = counts(school.tables["lookfors"]), counts(mine.tables["lookfors"])
    assert lookfors == my_lookfors
    # Demo items carry marks, and seen is counted apart from (and below) tagged.
    assert 0 < sum(seen for seen, _ in lookfors.values()) < sum(n for _, n in lookfors.values())

    part, my_part = school.tables["participation"].dicts(), mine.tables["participation"].dicts()
    open_weeks = [
        (o, t) for o, t in zip(part, my_part, strict=True) if o["visits_tallied"] != HIDDEN
    ]
    assert 0 < len(open_weeks) < len(part)
    for ours, theirs in open_weeks:
        assert ours["visits_tallied"] == theirs["visits_tallied"]
        assert ours["distinct_voices_mean"] == theirs["distinct_voices_mean"]
    for row in part:
        if row["visits_tallied"] == HIDDEN:
            assert row["contributions"] == row["distinct_voices_mean"] == HIDDEN

    # And nothing but figures left the server: no text, names or record ids.
    blob = "\n".join(replies)
    with store.read() as s:
        from sqlalchemy import select

        from observe.store.models import CoachingCycle, Evidence, Teacher

        names = s.scalars(select(Teacher.display_name)).all()
        some_text = s.scalars(select(Evidence.text).limit(20)).all()
        focus = s.scalars(select(CoachingCycle.focus)).all()
        ids = s.scalars(select(Evidence.id).limit(20)).all()
    for secret in [*names, *some_text, *focus, *ids]:
        assert secret not in blob
    assert json.loads(replies[0])["rows"]


def test_school_cycle_measures_mean_what_the_coachs_cycles_say(synced):
    """The server counts the demo's cycles and their before → after as the coach's own
    cycles table does (one rule, observe.cyclemeasure), for the leader without naming any."""
    server, leader, store, coach_account = synced
    session = LeaderSession.sign_in(server.base_url, leader.email, leader.password)
    try:
        school = ServerImpactSource(session).load(None, None)  # all dates: the 3 cycles
    finally:
        session.close()
    mine = local_report(store, None, None, UTC).tables["cycles"].dicts()
    assert len(mine) == 3 and len({r["teacher"] for r in mine}) == 3
    table = school.tables["school_cycles"].dicts()
    [everything] = [r for r in table if r["what"] == "All cycles"]
    assert everything["cycles"] == len(mine)  # three cycles of three teachers: shown
    assert everything["measured"] == sum(1 for r in mine if r["change"] is not None)
    assert everything["improved"] == sum(1 for r in mine if (r["change"] or 0) > 0)
    assert everything["target_met"] == sum(1 for r in mine if r["target_met"] == "yes")
    assert everything["with_target"] == sum(1 for r in mine if r["target_met"] is not None)
    # One cycle per measure: one teacher each, so hidden from the leader, in words.
    measures = [r for r in table if r["what"].startswith(("Distinct", "Contributions", "Evid"))]
    assert measures and all(r["median_change"] == HIDDEN for r in measures)
    assert "none of them" in school.missing["cycles"]

    # The coach, reading their own figures, gets each measure's before → after unhidden,
    # equal to the cycle window's numbers.
    coach = server.login(coach_account)
    own = coach.client.get("/v1/aggregates/cycles")
    by_kind = {r["measure"]: r for r in own.json()["rows"] if r["section"] == "measure"}
    names = {"distinct_voices": "Distinct voices", "contributions": "Contributions",
             "lookfor_frequency": "Evidence marked seen"}  # fmt: skip
    for kind, row in by_kind.items():
        same = [
            r for r in mine if str(r["measure"]).startswith(names[kind]) and r["change"] is not None
        ]
        assert (row["median_before"], row["median_after"], row["median_change"]) == (
            median(r["before"] for r in same),
            median(r["after"] for r in same),
            median(r["change"] for r in same),
        )
        assert row["improved"] == sum(1 for r in same if r["change"] > 0)
    assert len(by_kind) == len({str(r["measure"]).split(":")[0] for r in mine})


def test_a_week_of_fewer_than_three_teachers_reads_hidden_in_the_leaders_tables(synced):
    server, leader, store, _coach = synced
    first_week = (date(2026, 8, 17), date(2026, 8, 23))
    session = LeaderSession.sign_in(server.base_url, leader.email, leader.password)
    try:
        school = ServerImpactSource(session).load(*first_week)
    finally:
        session.close()
    mine = local_report(store, *first_week, UTC)
    assert sum(mine.tables["visits_per_week"].column("visits")) > 0  # the coach has figures
    [week] = school.tables["visits_per_week"].rows
    assert week[0] == date(2026, 8, 17) and set(week[1:]) == {HIDDEN}
    lookfors = school.tables["lookfors"]
    assert lookfors.dicts() == [
        {"code": "", "title": HIDDEN, "set": "", "seen_evidence": None,
         "tagged_evidence": None, "share_of_evidence": None}
    ]  # fmt: skip
    assert lookfors.note and "fewer than 3 teachers" in lookfors.note
    assert school.tables["participation"].rows[0][1] == HIDDEN


def test_refusals_are_sentences_coach_tokens_are_revoked(sqlite_server):
    coach = sqlite_server.add_user(role="coach", school="Lincoln Middle")
    leader = sqlite_server.add_user(role="leader", school="Lincoln Middle")
    with pytest.raises(UsageError) as err:
        LeaderSession.sign_in(sqlite_server.base_url, coach.email, coach.password)
    assert "is a coach account" in err.value.sentence
    admin = sqlite_server.login(sqlite_server.add_user(role="admin", school="Lincoln Middle"))
    devices = admin.client.get("/v1/admin/devices").json()["devices"]
    [made] = [d for d in devices if d["user_email"] == coach.email]
    assert made["revoked"] is True

    with pytest.raises(ObserveError) as err:
        LeaderSession.sign_in(sqlite_server.base_url, leader.email, "not the password")
    assert err.value.sentence and "Traceback" not in err.value.sentence

    session = LeaderSession.sign_in(sqlite_server.base_url, leader.email, leader.password)
    sqlite_server.kill()
    with pytest.raises(ObserveError) as err:
        ServerImpactSource(session).load(START, END)
    assert "couldn't reach the server" in err.value.sentence
    session.close()  # best effort; must not raise with the server gone


def test_a_shared_look_for_set_reaches_the_team_and_stays_its_authors(
    sqlite_server, store, tmp_path
):
    """Sharing a framework makes team records: a colleague of the same school receives the set
    and its look-fors at their next sync, can use and duplicate it, but not change it."""
    from observe.coaching import frameworks
    from observe.store import open_profile

    school = "Lincoln Middle"
    ana = sqlite_server.add_user(role="coach", school=school)
    ben = sqlite_server.add_user(role="coach", school=school)
    login(store, sqlite_server.base_url, ana.email, ana.password, device_name="ana")
    shared = frameworks.import_framework(store, frameworks.starter_sets()[1].framework)
    private = frameworks.import_framework(store, frameworks.starter_sets()[0].framework)
    frameworks.share_set(store, shared, True)
    SyncEngine(store, lock_wait=5.0).sync()

    other = open_profile(tmp_path / "ben")
    try:
        login(other, sqlite_server.base_url, ben.email, ben.password, device_name="ben")
        SyncEngine(other, lock_wait=5.0).sync()
        [row] = frameworks.list_sets(other)
        assert (row.id, row.name, row.items, row.shared, row.mine) == (
            shared,
            "Equity of Voice",
            7,
            True,
            False,
        )
        assert private not in {r.id for r in frameworks.list_sets(other)}
        frameworks.use_set(other, shared)
        assert frameworks.set_in_use_id(other) == shared
        with pytest.raises(UsageError, match="shared by another coach"):
            frameworks.share_set(other, shared, False)
        copy = frameworks.duplicate_set(other, shared)
        assert frameworks.load_framework(other, copy).lookfors[0].code == "EV1"
    finally:
        other.close()
