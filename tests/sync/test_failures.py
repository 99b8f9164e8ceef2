"""Network and server failures: a sentence, the outbox kept, and a retry that loses nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from observe.store.models import Evidence
from observe.sync import state
from observe.sync.account import login
from observe.sync.credentials import Credentials
from observe.sync.errors import BadReply, ServerUnreachable, SyncError
from tests.sync.netfaults import BAD_REPLIES, BadServer, Proxy


def _signed_in_to(device, url: str) -> None:
    """A profile that believes it is signed in to ``url`` (as after `observe login` there)."""
    state.save(device.store, server_url=url, email="coach@example.org", user_id=None)
    Credentials(device.data_dir).save(url, "coach@example.org", "not-a-real-token")


@pytest.mark.parametrize("mode", [*BAD_REPLIES, "close"])
def test_bad_replies_give_a_sentence_and_keep_everything(devices, mode):
    bad = BadServer(mode)
    try:
        d = devices.new("laptop")
        visit = d.visit()
        d.evidence(visit, "Students explain")
        _signed_in_to(d, bad.url)
        before_outbox, before = d.outbox(), d.live()
        with pytest.raises(SyncError) as caught:
            d.sync()
    finally:
        bad.close()
    sentence = caught.value.sentence
    assert bad.url in sentence
    assert "\n" not in sentence and "Traceback" not in sentence
    if mode != "404-html":
        assert "your changes stay on this computer" in sentence
    assert d.outbox() == before_outbox and d.live() == before
    assert state.load(d.store).last_error == sentence
    if mode == "html":
        assert "web page" in sentence
    if mode == "truncated":
        assert isinstance(caught.value, ServerUnreachable | BadReply)


def test_unreachable_server_keeps_the_outbox(devices):
    d = devices.new("laptop")
    d.evidence(d.visit(), "Offline")
    bad = BadServer()
    url = bad.url
    bad.close()  # nothing listens there any more
    _signed_in_to(d, url)
    with pytest.raises(ServerUnreachable) as caught:
        d.sync()
    assert "couldn't reach the sync server" in caught.value.sentence
    assert caught.value.transient
    assert d.outbox() == 5


def _versions(device) -> list[int]:
    with device.store.read() as s:
        return list(s.scalars(select(Evidence.version)))


def test_reply_lost_after_the_server_committed_makes_no_duplicate(sqlite_server, devices):
    coach = sqlite_server.add_user()
    proxy = Proxy(sqlite_server.base_url)
    try:
        a = devices.new("laptop")
        login(a.store, proxy.url, coach.email, coach.password)
        visit = a.visit()
        items = [a.evidence(visit, f"Item {i}") for i in range(20)]
        proxy.plan = lambda method, path, n: "drop" if path == "/v1/sync/push" else "forward"
        with pytest.raises(ServerUnreachable) as caught:
            a.sync()
        assert "cut before it answered" in caught.value.sentence
        assert a.outbox() == 24  # the server has them, but no op was acknowledged

        proxy.plan = lambda method, path, n: "forward"
        result = a.sync()
    finally:
        proxy.close()
    assert result.pushed == 24 and a.outbox() == 0
    assert _versions(a) == [1] * 20  # each applied once, acknowledged as duplicate
    b = devices.new("tablet")
    b.login(sqlite_server, coach)
    b.sync()
    assert sorted(b.live()) == sorted(a.live())
    assert [b.text(i) for i in items] == [f"Item {i}" for i in range(20)]


def test_server_killed_mid_push_then_restarted_loses_and_duplicates_nothing(sqlite_server, devices):
    coach = sqlite_server.add_user()
    proxy = Proxy(sqlite_server.base_url)
    try:
        a = devices.new("laptop")
        login(a.store, proxy.url, coach.email, coach.password)
        visit = a.visit()
        for i in range(1100):  # three push batches
            a.evidence(visit, f"Item {i}")
        # Two pushes are in flight at once: when the third arrives, the first is recorded
        # and the second is on the server, whose reply the kill loses.
        proxy.plan = lambda method, path, n: (
            "kill" if path == "/v1/sync/push" and n == 3 else "forward"
        )
        proxy.on_kill = sqlite_server.kill
        with pytest.raises(SyncError):
            a.sync()
        waiting = a.outbox()
        assert 0 < waiting < 1104  # the first batch was acknowledged, the rest kept

        sqlite_server.start()  # same database, new port
        proxy.upstream = sqlite_server.base_url
        proxy.plan = lambda method, path, n: "forward"
        result = a.sync()
    finally:
        proxy.close()
    assert result.pushed == waiting and a.outbox() == 0
    assert set(_versions(a)) == {1}
    b = devices.new("tablet")
    b.login(sqlite_server, coach)
    b.sync()
    assert len(b.live()) == len(a.live()) == 1104
    assert b.live() == a.live()


@pytest.mark.parametrize(
    "damage",
    ['{"text": "cut off', "[1, 2]", '"just text"', '{"prompt_index": NaN}'],
    ids=["truncated", "list", "string", "nan"],
)
def test_a_damaged_outbox_row_is_set_aside_and_the_rest_still_sync(module_server, devices, damage):
    coach = module_server.add_user()
    laptop, tablet = devices.signed_in_pair(module_server, coach)
    visit = laptop.visit()
    damaged = laptop.evidence(visit, "Students compare strategies")
    fine = laptop.evidence(visit, "A student asks: why 12? 🙂 למה")
    with laptop.store.write_core() as conn:  # as a disk fault or an old bug might leave it
        conn.exec_driver_sql(
            "UPDATE outbox SET snapshot = ? WHERE record_id = ?", (damage, damaged)
        )

    result = laptop.sync()

    assert result.new_conflicts == 1 and laptop.outbox() == 0
    [entry] = laptop.conflicts()
    assert entry.record_id == damaged and entry.status == "rejected"
    assert "not in a valid form" in entry.reason
    assert laptop.text(damaged) == "Students compare strategies"  # the coach's copy is kept
    tablet.sync()
    assert tablet.text(fine) == "A student asks: why 12? 🙂 למה"
    assert tablet.text(damaged) is None
