"""Two laptops of one coach converge; coaches on a team see shared records and nothing else."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from observe.store.models import Classroom, School, Teacher, Visibility, Visit
from observe.sync.errors import AuthFailed


def test_two_devices_of_one_coach_converge(observe_server, devices):
    a, b = devices.signed_in_pair(observe_server)
    va = a.visit()
    ea = [a.evidence(va, f"A says {i}") for i in range(3)]
    vb = b.visit(teacher="Ólafur")
    eb = b.evidence(vb, "B says hello")

    a.sync()
    b.sync()
    a.sync()

    assert a.live() == b.live()
    assert b.text(ea[2]) == "A says 2"
    assert a.text(eb) == "B says hello"
    # Edits and deletes travel too, and nothing is left waiting.
    a.edit(ea[0], "A says 0, revised")
    b.delete(eb)
    a.sync()
    b.sync()
    a.sync()
    assert a.live() == b.live()
    assert b.text(ea[0]) == "A says 0, revised"
    assert a.text(eb) is None
    assert a.outbox() == b.outbox() == 0
    assert a.conflicts() == b.conflicts() == []


def test_team_records_are_shared_and_private_ones_are_not(sqlite_server, devices):
    ana = sqlite_server.add_user(school="Lincoln High")
    ben = sqlite_server.add_user(school="Lincoln High")
    cho = sqlite_server.add_user(school="Roosevelt Elementary")
    a, b, c = devices.new("ana"), devices.new("ben"), devices.new("cho")
    a.login(sqlite_server, ana)
    b.login(sqlite_server, ben)
    c.login(sqlite_server, cho)

    shared_visit = a.visit(Visibility.TEAM, teacher="Team teacher")
    shared = a.evidence(shared_visit, "Students compare strategies", Visibility.TEAM)
    private_in_shared = a.evidence(shared_visit, "My own note")
    private_visit = a.visit(Visibility.PRIVATE, teacher="Private teacher")
    private = a.evidence(private_visit, "Private evidence")
    # Shared evidence inside a private visit: Ben may read it but has no visit to hang it on.
    orphan = a.evidence(private_visit, "Shared, but its visit is private", Visibility.TEAM)
    a.sync()
    b.sync()
    c.sync()

    assert b.text(shared) == "Students compare strategies"
    assert b.text(private_in_shared) is None
    assert b.text(private) is None
    assert b.text(orphan) is None  # parked, not shown and not broken
    with b.store.read() as s:
        assert s.get(Visit, shared_visit) is not None
        assert s.get(Visit, private_visit) is None
    assert c.live() == {}

    # Ana shares the private visit (and the chain above it): the parked evidence appears.
    with a.store.write() as s:
        v = s.get_one(Visit, private_visit)
        room = s.get_one(Classroom, v.classroom_id)
        teacher = s.get_one(Teacher, room.teacher_id)
        for record in (v, room, teacher, s.get_one(School, teacher.school_id)):
            record.visibility = Visibility.TEAM
    a.sync()
    b.sync()
    assert b.text(orphan) == "Shared, but its visit is private"
    assert b.text(private) is None
    with b.store.read() as s:
        assert s.scalar(select(Visit.author_id).where(Visit.id == private_visit)) == ana.id
    assert c.live() == {}


def test_a_revoked_device_is_refused_with_a_sentence(sqlite_server, devices):
    coach = sqlite_server.add_user()
    a = devices.new("laptop")
    a.login(sqlite_server, coach)
    visit = a.visit()
    a.sync()
    a.evidence(visit, "Written after the laptop was reported stolen")

    done = sqlite_server.cli("device", "revoke", a.store.identity.device_id)
    assert done.returncode == 0, done.stderr
    with pytest.raises(AuthFailed) as caught:
        a.sync()
    assert "no longer accepts this device" in caught.value.sentence
    assert "Sign in again" in caught.value.sentence
    assert a.outbox() == 1  # kept for when the coach signs in again
