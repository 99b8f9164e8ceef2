"""Sync failures as sentences, with what the GUI needs to decide whether to retry.

``transient`` says whether waiting and trying again can help (network down, server busy or
restarting); anything else needs the person (sign in again, a refused account) and the GUI
stops retrying until they act.
"""

from __future__ import annotations

from observe.errors import ObserveError
from observe.i18n import N_, _

#: Said after every sync failure (source language; read it through ``_(KEPT)``).
KEPT = N_("Nothing was lost: your changes stay on this computer and will be sent at the next sync.")


class SyncError(ObserveError):
    """A sync (or sign-in) that could not finish. Local data is never changed by the failure."""

    exit_code = 5
    transient = False
    #: The HTTP status of a refusal (None when there was no HTTP answer), for callers that
    #: say more about a particular refusal (an invitation that exists already, say).
    status: int | None = None


class ServerUnreachable(SyncError):
    """No answer: connection refused, no network, DNS, timeout, connection cut."""

    transient = True


class BadReply(SyncError):
    """An answer that isn't the sync protocol: garbage, truncated JSON, an HTML page, a 5xx."""

    transient = True


class RateLimited(SyncError):
    transient = True

    def __init__(self, sentence: str, *, retry_after: float | None = None) -> None:
        super().__init__(sentence)
        self.retry_after = retry_after


class AuthFailed(SyncError):
    """Wrong password, expired or revoked token, disabled account: the person must sign in."""


class NotSignedIn(SyncError):
    """This profile has no account or no stored device token."""


class ServerChanged(SyncError):
    """Raised inside a sync when a reply shows a restored or replaced server (handled there)."""

    transient = True


class MassDeleteStopped(SyncError):
    """The pull would delete a large share of local records; nothing was deleted."""

    exit_code = 4

    def __init__(self, deletes: int, total: int) -> None:
        super().__init__(
            _(
                "This sync would delete {deletes:,} of your {total:,} records on this "
                "computer, so it stopped before deleting anything. If those records "
                "really were deleted elsewhere, sync again and allow it (observe sync "
                "--allow-mass-delete, or answer Yes in the app); otherwise ask your "
                "server's administrator what happened."
            ).format(deletes=deletes, total=total)
        )
        self.deletes = deletes
        self.total = total


class SyncBusy(SyncError):
    transient = True


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__(_("The sync was cancelled. ") + _(KEPT))


class TimedOut(ServerUnreachable):
    """A request or a whole sync that ran past its deadline (a server or middlebox that
    answers too slowly to finish, or never stops sending)."""
