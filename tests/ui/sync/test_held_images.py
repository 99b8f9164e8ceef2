"""A change waiting for an image that can't be sent: the sync status says why."""

from __future__ import annotations

from observe.ui.sync.status import SyncStatus, status_text, status_tip


def test_the_status_tip_says_why_changes_wait_for_their_image():
    why = (
        "The image 0123456789ab… is 16.0 MB; the sync server keeps images up to 15.0 MB, so "
        "the change naming it waits on this computer."
    )
    held = SyncStatus(signed_in=True, server_url="https://s", email="a@b", waiting=1, problem=why)
    assert status_text(held) == "Not synced yet · 1 waiting"
    assert status_tip(held).startswith(why)
    assert why not in status_tip(held.with_(waiting=0, problem=None))
