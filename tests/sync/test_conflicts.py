"""Edit vs edit, edit vs delete and delete vs edit end in the conflicts list; resolving syncs."""

from __future__ import annotations

import pytest

from observe.errors import UsageError
from observe.sync.conflicts import describe, keep_mine, keep_theirs


@pytest.fixture
def pair(module_server, devices):
    """Two synced laptops of one coach sharing one evidence item: (a, b, evidence id)."""
    a, b = devices.signed_in_pair(module_server)
    visit = a.visit()
    item = a.evidence(visit, "Students explain their reasoning")
    a.sync()
    b.sync()
    return a, b, item


def test_edit_vs_edit_keeps_both_versions_and_keep_mine_wins(pair):
    a, b, item = pair
    a.edit(item, "Students explain their reasoning to a partner")
    b.edit(item, "Students explain their reasoning in writing")
    a.sync()
    result = b.sync()

    assert result.new_conflicts == 1 and result.open_conflicts == 1
    [c] = b.conflicts()
    assert c.kind == "evidence" and c.record_id == item
    assert c.text("mine") == "Students explain their reasoning in writing"
    assert c.text("theirs") == "Students explain their reasoning to a partner"
    assert c.differing_fields() == ["text"]
    # B's own text stays on screen until the coach decides, even after more pulls.
    b.sync()
    assert b.text(item) == "Students explain their reasoning in writing"

    keep_mine(b.store, c.id)
    b.sync()
    a.sync()
    assert a.text(item) == b.text(item) == "Students explain their reasoning in writing"
    assert b.conflicts() == [] and a.conflicts() == []
    assert a.live() == b.live()


def test_keep_theirs_takes_the_server_copy_and_pushes_nothing(pair):
    a, b, item = pair
    a.edit(item, "Version from the laptop")
    b.edit(item, "Version from the tablet")
    a.sync()
    b.sync()
    [c] = b.conflicts()
    keep_theirs(b.store, c.id)
    assert b.text(item) == "Version from the laptop"
    assert b.outbox() == 0
    assert b.sync().pushed == 0
    assert a.live() == b.live()


def test_merge_pushes_the_edited_text(pair):
    a, b, item = pair
    a.edit(item, "Students explain to a partner")
    b.edit(item, "Students explain in writing")
    a.sync()
    b.sync()
    [c] = b.conflicts()
    with pytest.raises(UsageError):
        keep_mine(b.store, c.id, text="   ")
    keep_mine(b.store, c.id, text="Students explain to a partner, then in writing")
    b.sync()
    a.sync()
    assert a.text(item) == "Students explain to a partner, then in writing"
    assert a.live() == b.live()


def test_edit_vs_delete_lets_the_coach_bring_the_record_back(pair):
    a, b, item = pair
    a.delete(item)
    b.edit(item, "Edited while the laptop deleted it")
    a.sync()
    b.sync()
    [c] = b.conflicts()
    assert c.theirs_deleted and not c.mine_deleted
    assert "deleted elsewhere" in c.explanation()
    assert describe(c.kind, c.theirs, c.theirs_deleted).startswith("(deleted)")

    keep_mine(b.store, c.id)
    b.sync()
    a.sync()
    assert a.text(item) == "Edited while the laptop deleted it"
    assert a.live() == b.live()


def test_delete_vs_edit_keep_theirs_restores_the_edited_record(pair):
    a, b, item = pair
    a.edit(item, "Edited on the laptop")
    b.delete(item)
    a.sync()
    b.sync()
    [c] = b.conflicts()
    assert c.mine_deleted and not c.theirs_deleted
    assert "You deleted this here" in c.explanation()
    keep_theirs(b.store, c.id)
    assert b.text(item) == "Edited on the laptop"
    b.sync()
    assert a.live() == b.live()


def test_delete_vs_edit_keep_mine_deletes_everywhere(pair):
    a, b, item = pair
    a.edit(item, "Edited on the laptop")
    b.delete(item)
    a.sync()
    b.sync()
    [c] = b.conflicts()
    keep_mine(b.store, c.id)
    b.sync()
    a.sync()
    assert a.text(item) is None and b.text(item) is None
    assert a.live() == b.live()
