"""A delete racing a child's creation: evidence added offline to a visit deleted on the other
device (and the same for any parent) is a conflict the coach sees on both devices, whichever
synced first; restoring, discarding or moving leaves both devices in the same state."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from observe.capture.participation import tally
from observe.capture.visit_removal import delete_visit
from observe.capture.visits import start_visit
from observe.cli import main
from observe.errors import UsageError
from observe.roster.removal import delete_classroom
from observe.store import open_profile
from observe.store.models import (
    Classroom,
    CoachingLogEntry,
    Evidence,
    LogActivity,
    ParticipationEvent,
    ParticipationKind,
    Seat,
    Visibility,
    Visit,
    VisitType,
)
from observe.sync.conflicts import keep_mine, keep_theirs
from observe.sync.orphans import discard_children, move_children, move_targets, restore_parent
from tests.coaching.counts import assert_counts_exact

ORDERS = ["tablet-pushes-first", "laptop-deletes-first"]


def _deleted(device, model, record_id) -> bool | None:
    with device.store.read() as s:
        obj = s.get(model, record_id)
        return None if obj is None else obj.deleted


def _both_sync(laptop, tablet) -> None:
    """The laptop sends what it made, and the tablet receives it."""
    laptop.sync()
    tablet.sync()


def _exchange(first, second) -> None:
    """``first`` sends, ``second`` receives and sends, ``first`` receives the answer."""
    first.sync()
    second.sync()
    first.sync()


def _race(server, devices, order: str):
    """The laptop deletes a synced visit while the tablet, offline, adds evidence to it."""
    laptop, tablet = devices.signed_in_pair(server)
    visit = laptop.visit()
    old = laptop.evidence(visit, "Students explain their reasoning")
    _both_sync(laptop, tablet)
    new = tablet.evidence(visit, "Added on the tablet while offline")
    delete_visit(laptop.store, visit)
    if order == "tablet-pushes-first":
        _exchange(tablet, laptop)
    else:
        _exchange(laptop, tablet)
    return laptop, tablet, visit, old, new


def _converge(*devices) -> None:
    for _ in range(2):
        for d in devices:
            d.sync()


def _new_class(device, subject: str, seat: str | None = None) -> tuple[str, str | None]:
    """A second class of the device's teacher, with no visits (so roster removal may delete
    it) and one seat if ``seat`` names it: (class id, seat id or None)."""
    with device.store.read() as s:
        teacher_id = s.scalars(select(Classroom.teacher_id)).one()
    with device.store.write() as s:
        room = Classroom(teacher_id=teacher_id, subject=subject)
        s.add(room)
        made = Seat(classroom=room, label=seat, row=1, col=1) if seat else None
        if made is not None:
            s.add(made)
    return room.id, made.id if made is not None else None


def _orphaned_on_both(laptop, tablet, title: str) -> list[tuple[Any, Any]]:
    """Each device shows one entry: a parent deleted with a child still in it, so titled.
    Returns (device, entry) for each, for what a test checks beyond that."""
    found = []
    for device in (laptop, tablet):
        [c] = device.conflicts()
        assert (c.status, c.title()) == ("orphaned", title)
        found.append((device, c))
    return found


def _settled(laptop, tablet, *deleted: tuple[type, str, bool]) -> None:
    """No conflict left on either device, each (model, id, deleted?) as given on both, and
    both devices hold the same live records."""
    for device in (laptop, tablet):
        assert device.conflicts() == []
        for model, record_id, gone in deleted:
            assert _deleted(device, model, record_id) is gone, (device, model, record_id)
        assert_counts_exact(device.store)  # the impact view's counts after the pulls
    assert laptop.live() == tablet.live()


@pytest.mark.parametrize("order", ORDERS)
def test_evidence_added_to_a_visit_deleted_elsewhere_is_a_conflict_on_both_devices(
    shared_server, devices, order
):
    laptop, tablet, visit, _old, new = _race(shared_server, devices, order)

    for device, c in _orphaned_on_both(
        laptop, tablet, "Visit deleted, 1 evidence item still in it"
    ):
        assert c.kind == "visit" and c.record_id == visit
        sentence = c.explanation()
        assert sentence.startswith("The visit “Zoë's Science, ")
        assert sentence.endswith(
            "” was deleted on one of your devices while 1 evidence item was added to it or "
            "changed on another, so it now belongs to no visit. Restore the visit to keep it, "
            "or discard it. You can also move it to another visit."
        )
        o = c.orphans
        assert [(ch.kind, ch.id, ch.text) for ch in o.children] == [
            ("evidence", new, "Added on the tablet while offline")
        ]
        assert (o.restore_label(), o.discard_label(), o.move_label()) == (
            "Restore the visit",
            "Discard the new evidence",
            "Move to another visit",
        )
        assert not c.can_keep_mine and not c.can_keep_theirs and not c.can_merge
        # The new evidence is still there, not silently gone: it waits for the coach.
        assert device.text(new) == "Added on the tablet while offline"
    assert laptop.live() == tablet.live()
    # More syncs change nothing: the entry stays until the coach decides.
    _converge(laptop, tablet)
    assert len(laptop.conflicts()) == len(tablet.conflicts()) == 1


@pytest.mark.parametrize(
    ("order", "where"), [("tablet-pushes-first", "laptop"), ("laptop-deletes-first", "tablet")]
)
def test_restore_the_visit_keeps_the_new_evidence_on_both_devices(
    module_server, devices, order, where
):
    laptop, tablet, visit, old, new = _race(module_server, devices, order)
    chooser = laptop if where == "laptop" else tablet
    [c] = chooser.conflicts()
    restore_parent(chooser.store, c.id)
    assert chooser.conflicts() == []
    assert _deleted(chooser, Visit, visit) is False
    _converge(chooser, tablet if chooser is laptop else laptop)

    _settled(laptop, tablet, (Visit, visit, False))
    for device in (laptop, tablet):
        assert device.text(new) == "Added on the tablet while offline"
        assert device.text(old) is None  # deleted with the visit, and only the visit came back
        assert device.outbox() == 0


@pytest.mark.parametrize("order", ORDERS)
def test_discard_the_new_evidence_leaves_the_visit_deleted_everywhere(
    module_server, devices, order
):
    laptop, tablet, visit, _old, new = _race(module_server, devices, order)
    [c] = tablet.conflicts()
    assert discard_children(tablet.store, c.id) == 1
    _converge(tablet, laptop)

    _settled(laptop, tablet, (Visit, visit, True), (Evidence, new, True))


def test_move_the_new_evidence_to_another_visit(module_server, devices):
    laptop, tablet = devices.signed_in_pair(module_server)
    visit = laptop.visit()
    other = laptop.visit(teacher="Amara")
    _both_sync(laptop, tablet)
    new = tablet.evidence(visit, "Captured in the wrong visit")
    delete_visit(laptop.store, visit)
    _both_sync(laptop, tablet)
    [c] = tablet.conflicts()
    targets = move_targets(tablet.store, c.id)
    assert [t.id for t in targets] == [other]
    assert targets[0].label.startswith("Amara's Science, ")
    with pytest.raises(UsageError, match="not in this profile"):
        move_children(tablet.store, c.id, visit)  # not to the deleted visit itself
    assert move_children(tablet.store, c.id, other) == 1
    _converge(tablet, laptop)

    _settled(laptop, tablet, (Evidence, new, False))
    for device in (laptop, tablet):
        with device.store.read() as s:
            assert s.get_one(Evidence, new).visit_id == other


def test_keep_mine_and_theirs_point_to_the_choices_that_apply(module_server, devices):
    _laptop, tablet, _visit, _old, _new = _race(module_server, devices, "laptop-deletes-first")
    [c] = tablet.conflicts()
    for choose in (keep_mine, keep_theirs):
        with pytest.raises(UsageError, match="restore it, discard them, or move them"):
            choose(tablet.store, c.id)
    assert len(tablet.conflicts()) == 1


def test_the_mechanism_is_general_a_seat_added_to_a_class_deleted_elsewhere(module_server, devices):
    """Not only evidence and visits: any record whose parent is deleted elsewhere."""
    laptop, tablet = devices.signed_in_pair(module_server)
    laptop.visit()
    room_id, _ = _new_class(laptop, "Math")
    _both_sync(laptop, tablet)
    with tablet.store.write() as s:
        seat = Seat(classroom_id=room_id, label="A1", row=0, col=0)
        s.add(seat)
    seat_id = seat.id
    delete_classroom(laptop.store, room_id)
    _exchange(laptop, tablet)

    for _device, c in _orphaned_on_both(laptop, tablet, "Class deleted, 1 seat still in it"):
        assert c.explanation().startswith(
            "The class “Math” was deleted on one of your devices while 1 seat was added"
        )
        assert c.orphans.discard_label() == "Discard the new seats"
        assert not c.orphans.can_move
    [c] = laptop.conflicts()
    restore_parent(laptop.store, c.id)
    _converge(laptop, tablet)
    _settled(laptop, tablet, (Classroom, room_id, False), (Seat, seat_id, False))


@pytest.fixture
def run(capsys, monkeypatch):
    """``observe ARGS`` in this process (the same ``main`` the console script calls)."""

    def go(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return go


def test_observe_conflicts_shows_the_sentence_and_the_choices(module_server, devices, run):
    laptop, tablet, visit, _old, new = _race(module_server, devices, "tablet-pushes-first")
    other = laptop.visit(teacher="Amara")
    _both_sync(laptop, tablet)
    folder = str(tablet.data_dir)
    tablet.store.close()

    code, out, _ = run("conflicts", "--data-dir", folder)
    assert code == 0
    number, title, sentence = out.splitlines()[0].split("\t")
    assert title == "Visit deleted, 1 evidence item still in it"
    assert "while 1 evidence item was added to it or changed on another" in sentence
    assert out.splitlines()[1] == (
        f"\tRestore the visit: --restore {number}; discard the new evidence: --discard "
        f"{number}; move to another visit: --move {number}."
    )
    code, out, err = run("conflicts", "--data-dir", folder, "--keep-mine", number)
    assert code == 2 and "restore it, discard them, or move them" in err
    code, out, _ = run("conflicts", "--data-dir", folder, "--move", number)
    assert code == 2 and out.splitlines()[0].startswith("Move to which visit?")
    assert out.splitlines()[1].startswith(f"{other}\tAmara's Science, ")
    code, out, err = run(
        "conflicts", "--data-dir", folder, "--restore", number, "--discard", number
    )
    assert code == 2 and "Choose one" in err
    code, out, _ = run("conflicts", "--data-dir", folder, "--restore", number)
    assert code == 0
    assert out.strip() == (
        f"Conflict {number}: the visit is back here with 1 evidence item; it will be "
        "restored everywhere at the next sync."
    )
    assert run("conflicts", "--data-dir", folder)[1].strip() == "No conflicts."
    code, _, err = run("conflicts", "--data-dir", folder, "--discard", number)
    assert code == 2 and f"There is no conflict number {number}" in err

    tablet.store = open_profile(folder)
    _converge(tablet, laptop)
    _settled(laptop, tablet, (Visit, visit, False))
    assert laptop.text(new) == "Added on the tablet while offline"


def test_evidence_edited_while_its_visit_was_deleted_and_kept_is_then_an_orphan(
    module_server, devices
):
    """An edit racing the delete is first the evidence's own conflict; keeping the edit leaves
    it in a deleted visit, which the next sync shows on both devices."""
    laptop, tablet = devices.signed_in_pair(module_server)
    visit = laptop.visit()
    item = laptop.evidence(visit, "Students explain")
    _both_sync(laptop, tablet)
    delete_visit(laptop.store, visit)
    tablet.edit(item, "Students explain to a partner")
    _both_sync(laptop, tablet)
    [c] = tablet.conflicts()
    assert (c.kind, c.status) == ("evidence", "conflict")  # only its own conflict, for now
    keep_mine(tablet.store, c.id)
    tablet.sync()
    laptop.sync()

    for _device, c in _orphaned_on_both(
        laptop, tablet, "Visit deleted, 1 evidence item still in it"
    ):
        assert (c.kind, c.record_id) == ("visit", visit)
        assert c.orphans.children[0].text == "Students explain to a partner"
    [c] = laptop.conflicts()
    discard_children(laptop.store, c.id)
    _converge(laptop, tablet)
    _settled(laptop, tablet, (Evidence, item, True))


def test_a_log_entry_linked_to_a_visit_deleted_elsewhere_can_keep_living_without_the_link(
    module_server, devices
):
    laptop, tablet = devices.signed_in_pair(module_server)
    visit = laptop.visit()
    _both_sync(laptop, tablet)
    with tablet.store.write() as s:
        entry = CoachingLogEntry(
            occurred_on=date(2026, 12, 7),
            minutes=25,
            activity=LogActivity.COACHING_CYCLE,
            note="Debrief notes",
            visit_id=visit,
        )
        s.add(entry)
    entry_id = entry.id
    delete_visit(laptop.store, visit)
    _exchange(laptop, tablet)

    for _device, c in _orphaned_on_both(
        laptop, tablet, "Visit deleted, 1 coaching log entry still in it"
    ):
        assert c.explanation().endswith(
            "” was deleted on one of your devices while 1 coaching log entry linked to it was "
            "added or changed on another. Restore the visit, or keep it without the link."
        )
        assert c.orphans.discard_label() == "Keep it without the link"
    [c] = tablet.conflicts()
    assert discard_children(tablet.store, c.id) == 1
    _converge(tablet, laptop)
    _settled(laptop, tablet, (CoachingLogEntry, entry_id, False))
    for device in (laptop, tablet):
        with device.store.read() as s:
            kept = s.get_one(CoachingLogEntry, entry_id)
            assert (kept.visit_id, kept.minutes) == (None, 25)


def test_another_coachs_visit_no_longer_shared_is_not_called_deleted(module_server, devices):
    """Un-sharing reaches the team as a tombstone (protocol Changes, 14): that is not a visit
    deleted on one of this coach's devices, and they could not restore it anyway."""
    ana = module_server.add_user(school="Orphan High")
    ben = module_server.add_user(school="Orphan High")
    a, b = devices.new("ana"), devices.new("ben")
    a.login(module_server, ana)
    b.login(module_server, ben)
    visit = a.visit(Visibility.TEAM)
    _both_sync(a, b)
    note = b.evidence(visit, "Ben's own note in Ana's shared visit")
    b.sync()
    with a.store.write() as s:
        s.get_one(Visit, visit).visibility = Visibility.PRIVATE
    _both_sync(a, b)
    assert _deleted(b, Visit, visit) is True
    assert b.text(note) == "Ben's own note in Ana's shared visit"
    assert b.conflicts() == [] and a.conflicts() == []


def test_restoring_a_class_brings_back_the_seats_the_new_visit_tallied(module_server, devices):
    """The laptop deletes a class (and its seats) while the tablet, offline, observes in it:
    two entries (the class with a visit in it, a seat with a tally on it); restoring the class
    brings back the seat the tally needs, and settles both."""
    laptop, tablet = devices.signed_in_pair(module_server)
    laptop.visit()
    room_id, seat_id = _new_class(laptop, "Art", seat="B2")
    assert seat_id is not None
    _both_sync(laptop, tablet)
    visit = start_visit(tablet.store, room_id, VisitType.COACHING_OBSERVATION).id
    mark = tally(tablet.store, visit, seat_id, ParticipationKind.VOLUNTEERED).id
    delete_classroom(laptop.store, room_id)
    _exchange(laptop, tablet)

    for device in (laptop, tablet):
        titles = sorted(c.title() for c in device.conflicts())
        assert titles == [
            "Class deleted, 1 visit still in it",
            "Seat deleted, 1 participation mark still in it",
        ]
    [c] = [c for c in tablet.conflicts() if c.kind == "classroom"]
    restore_parent(tablet.store, c.id)
    assert tablet.conflicts() == []  # the seat's entry is settled too, at once
    _converge(tablet, laptop)
    _settled(
        laptop,
        tablet,
        (Classroom, room_id, False),
        (Seat, seat_id, False),
        (ParticipationEvent, mark, False),
    )
