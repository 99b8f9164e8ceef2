"""A leader's sign-in on the server, for the impact view's school figures (HTTP only).

Leaders don't sync (the sync sign-in is for coach accounts), so signing in here makes a
session that lives as long as the view: the token is kept in memory only and revoked by
:meth:`LeaderSession.close`. ``observe.coaching.leader_source`` turns the figures into tables.
"""

from __future__ import annotations

import contextlib
import json
import time
from datetime import date

import httpx
from pydantic import ValidationError

from observe import __version__
from observe.errors import ObserveError, UsageError
from observe.i18n import _
from observe.ids import new_id
from observe.protocol import API_PREFIX, AggregateReply, ErrorReply
from observe.safetext import printable
from observe.sync.client import (
    REQUEST_DEADLINE_ENV,
    REQUEST_DEADLINE_S,
    SyncClient,
    duration,
    exchange,
    normalize_server_url,
    seconds_from_env,
)

TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class LeaderSession:
    """A signed-in leader account on one server (figures only)."""

    def __init__(
        self,
        server_url: str,
        token: str,
        school: str,
        name: str,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.server_url = normalize_server_url(server_url)
        self.school = school
        self.name = name
        self.deadline = seconds_from_env(REQUEST_DEADLINE_ENV, REQUEST_DEADLINE_S)
        self._token = token
        self._http = httpx.Client(
            base_url=self.server_url + API_PREFIX,
            headers={
                "User-Agent": f"Observe/{__version__}",
                "Accept": "application/json",
                "Authorization": f"Bearer {token}",
            },
            timeout=TIMEOUT,
            transport=transport,
            follow_redirects=False,
        )

    @classmethod
    def sign_in(
        cls,
        server_url: str,
        email: str,
        password: str,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> LeaderSession:
        """Signs in; refuses (and revokes the token of) an account that isn't a leader's."""
        url = normalize_server_url(server_url)
        if "@" not in email:
            raise UsageError(_("Sign in with your email address."))
        if not password:
            raise UsageError(_("Enter your password to sign in."))
        with SyncClient(url, transport=transport) as client:
            reply = client.login(email.strip(), password, new_id(), "Observe impact view")
        school, name = printable(reply.user.school, 200), printable(reply.user.name, 200)
        session = cls(url, reply.token, school, name, transport=transport)
        if reply.user.role != "leader":
            session.close()
            raise UsageError(
                _(
                    "{email} is a {role} account; the school figures are for leader "
                    "accounts. Coaches see their own figures under “My records”."
                ).format(email=reply.user.email, role=reply.user.role)
            )
        return session

    def close(self) -> None:
        """Revokes the token (best effort: an unreachable server will expire it on its own)."""
        try:
            exchange(
                self._http,
                "POST",
                "/auth/logout",
                at=time.monotonic() + min(self.deadline, 10.0),
                expired=TimeoutError(),
            )
        except (httpx.HTTPError, TimeoutError):
            pass
        finally:
            self._http.close()

    def aggregate(self, name: str, start: date | None, end: date | None) -> AggregateReply:
        params = {}
        if start is not None:
            params["from"] = start.isoformat()
        if end is not None:
            params["to"] = end.isoformat()
        where = self.server_url
        expired = ObserveError(
            _(
                "The server at {where} took longer than {duration} to send the school "
                "figures, so Observe stopped waiting. Try again later."
            ).format(where=where, duration=duration(self.deadline))
        )
        try:
            response, body = exchange(
                self._http,
                "GET",
                f"/aggregates/{name}",
                at=time.monotonic() + self.deadline,
                expired=expired,
                params=params,
            )
        except httpx.HTTPError as exc:
            raise ObserveError(
                _(
                    "Observe couldn't reach the server at {where} for the school figures (no "
                    "network, or the server is not running). Try again later."
                ).format(where=where),
                detail=repr(exc),
            ) from exc
        if response.status_code != 200:
            message = ""
            with contextlib.suppress(ValueError, ValidationError, RecursionError):
                message = printable(ErrorReply.model_validate(json.loads(body)).error.message)
            said = f" The server said: {message.rstrip('.')}." if message else ""
            if response.status_code == 401:
                raise UsageError(
                    _("The server at {where} ended this sign-in.{said} Sign in again.").format(
                        where=where, said=said
                    )
                )
            raise ObserveError(
                _(
                    "The server at {where} didn't give the school figures (HTTP "
                    "{status_code}).{said}"
                ).format(where=where, status_code=response.status_code, said=said),
                detail=repr(body[:300]),
            )
        try:
            return AggregateReply.model_validate(json.loads(body))
        except (ValueError, ValidationError, RecursionError) as exc:
            raise ObserveError(
                _(
                    "The server at {where} sent figures Observe doesn't understand (a "
                    "different version of the server, perhaps)."
                ).format(where=where),
                detail=f"{exc}: {body[:200]!r}",
            ) from exc
