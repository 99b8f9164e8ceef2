"""A sync's only push brings the pull's first page back with it (``then_pull``).

Real profiles, a real server; the transport below is httpx's own, noting which sync requests
went out (and, to stand for a server from before ``then_pull``, leaving the parameter out).
"""

from __future__ import annotations

from typing import Any

import httpx

from observe.sync.engine import SyncEngine
from tests.serverfixtures import ServerProcess
from tests.sync.devices import Device


class Noting(httpx.BaseTransport):
    """A real HTTP transport that notes each sync request as (method, path, asked for a page);
    ``older_server`` drops ``then_pull`` on the way, as a server before it ignores it."""

    def __init__(self, older_server: bool = False) -> None:
        self.inner = httpx.HTTPTransport()
        self.older_server = older_server
        self.sent: list[tuple[str, str, bool]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        asked = "then_pull" in request.url.params
        if asked and self.older_server:
            request.url = request.url.copy_remove_param("then_pull")
        if request.url.path.startswith("/v1/sync/"):
            self.sent.append((request.method, request.url.path, asked))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def _sync(device: Device, transport: Noting, **engine: Any) -> None:
    SyncEngine(device.store, lock_wait=5.0, transport=transport, **engine).sync()


def test_a_sync_with_a_few_changes_pushes_and_pulls_in_one_request(
    module_server: ServerProcess, devices: Any
) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    visit = laptop.visit()
    laptop.evidence(visit, "Student A: because 3 groups of 4 make 12.")
    laptop.sync()
    tablet.sync()
    tablet.evidence(visit, "Two students compare their drawings 🙂")
    tablet.sync()
    laptop.evidence(visit, "مرحبا: a student explains in Arabic")

    noted = Noting()
    _sync(laptop, noted)

    # One push, which asked for the page; no pull of its own.
    assert noted.sent == [("POST", "/v1/sync/push", True)]
    assert laptop.outbox() == 0
    # The page it brought had the tablet's item: both devices end in the same state.
    tablet.sync()
    assert laptop.live() == tablet.live()
    assert len([k for k in laptop.live() if k[0] == "evidence"]) == 3


def test_with_nothing_to_send_a_sync_pulls_alone(
    module_server: ServerProcess, devices: Any
) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    tablet.evidence(tablet.visit(), "Students at table 3 write a question for their partner.")
    tablet.sync()

    noted = Noting()
    _sync(laptop, noted)

    assert noted.sent == [("GET", "/v1/sync/pull", False)]
    assert laptop.live() == tablet.live()


def test_a_push_of_several_batches_pulls_after_all_of_them(
    module_server: ServerProcess, devices: Any
) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    visit = laptop.visit()
    for i in range(1200):  # three batches of at most 500
        laptop.evidence(visit, f"Item {i}: a student points at the number line.")
    tablet.evidence(tablet.visit(), "The tablet's own item.")
    tablet.sync()

    noted = Noting()
    _sync(laptop, noted)

    pushes = [n for n in noted.sent if n[1] == "/v1/sync/push"]
    assert len(pushes) == 3 and not any(asked for _m, _p, asked in pushes)
    assert noted.sent[-1][:2] == ("GET", "/v1/sync/pull")
    tablet.sync()
    assert laptop.live() == tablet.live()


def test_a_server_that_ignores_then_pull_is_pulled_from_as_before(
    module_server: ServerProcess, devices: Any
) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    visit = tablet.visit()
    tablet.evidence(visit, "Student B explains with the array.")
    tablet.sync()
    laptop.evidence(laptop.visit(), "A question from the back row.")

    noted = Noting(older_server=True)
    _sync(laptop, noted)

    assert noted.sent == [("POST", "/v1/sync/push", True), ("GET", "/v1/sync/pull", False)]
    assert laptop.outbox() == 0
    tablet.sync()
    assert laptop.live() == tablet.live()


def test_a_first_page_with_more_behind_it_is_followed_by_pulls(
    module_server: ServerProcess, devices: Any
) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    visit = tablet.visit()
    for i in range(30):
        tablet.evidence(visit, f"Tablet item {i}")
    tablet.sync()
    laptop.evidence(laptop.visit(), "One change to send.")

    noted = Noting()
    _sync(laptop, noted, pull_limit=10)

    assert noted.sent[0] == ("POST", "/v1/sync/push", True)
    assert noted.sent[1:] == [("GET", "/v1/sync/pull", False)] * 3  # 39 records, pages of 10
    tablet.sync()
    assert laptop.live() == tablet.live()
