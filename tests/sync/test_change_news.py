"""Sync's writes publish change news too; what a pull applied is flagged as from the server."""

from __future__ import annotations

from observe.store.changes import Changes


def test_pulled_records_are_news_flagged_remote_and_local_edits_are_not(sqlite_server, devices):
    laptop, tablet = devices.signed_in_pair(sqlite_server)
    heard: list[Changes] = []
    tablet.store.changes.subscribe(heard.append)

    item = laptop.evidence(laptop.visit(), "Students explain their graphs.")
    laptop.sync()
    tablet.sync()
    pulled = [news for news in heard if "evidence" in news.kinds]
    assert pulled and all(news.remote for news in pulled)
    assert any(item in news.ids.get("evidence", ()) for news in pulled)
    assert any("visit" in news.kinds for news in heard)

    tablet.edit(item, "Students explain their graphs to a partner.")
    assert heard[-1].kinds == {"evidence"} and not heard[-1].remote
    edited = len(heard)
    tablet.sync()  # whatever the sync wrote is not mistaken for a new local change to send
    assert [news for news in heard[edited:] if not news.remote] == []
