"""Talking to observe-server over HTTP, with every way it can go wrong turned into a sentence.

A coach on school Wi-Fi meets captive portals (an HTML page where JSON should be), proxies that
answer 502, servers being restarted, replies cut in half. None of these may surface as a
traceback or be mistaken for success, so each request is validated against the
``observe.protocol`` models before anything local changes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any, NamedTuple, NoReturn, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from observe import __version__
from observe.errors import UsageError
from observe.i18n import _
from observe.protocol import (
    API_PREFIX,
    BlobStatus,
    ErrorReply,
    LoginReply,
    LoginRequest,
    MeReply,
    PullReply,
    PushReply,
    push_body,
)
from observe.safetext import clean_text, printable
from observe.sync.errors import (
    KEPT,
    AuthFailed,
    BadReply,
    RateLimited,
    ServerUnreachable,
    SyncError,
    TimedOut,
)

log = logging.getLogger(__name__)

Reply = TypeVar("Reply", bound=BaseModel)

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 120.0
REQUEST_DEADLINE_S = 90.0
"""The longest one request may take in all, however the server drips its reply."""
REQUEST_DEADLINE_ENV = "OBSERVE_REQUEST_DEADLINE"
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def seconds_from_env(name: str, default: float) -> float:
    """A positive number of seconds from the environment (for tests and slow links), else
    ``default``; a value that isn't one is ignored rather than breaking every sync."""
    text = os.environ.get(name, "").strip()
    try:
        value = float(text) if text else default
    except ValueError:
        log.warning("%s=%r is not a number of seconds; using %s", name, text, default)
        return default
    return value if value > 0 and value == value and value != float("inf") else default


def duration(seconds: float) -> str:
    """``90`` → "90 seconds", ``900`` → "15 minutes", for sentences."""
    if seconds >= 120 and seconds % 60 == 0:
        return f"{int(seconds // 60)} minutes"
    if seconds == int(seconds):
        n = int(seconds)
        return f"{n} second" if n == 1 else f"{n} seconds"
    return f"{seconds:g} seconds"


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header, or None. Only ASCII digits count: ``str.isdigit``
    also accepts "²", which ``float`` then refuses; an HTTP date is not worth honouring."""
    if not value:
        return None
    text = value.strip()
    if not text.isascii():
        return None
    try:
        seconds = float(text)
    except ValueError:
        return None
    if not 0 <= seconds <= 86_400:  # also refuses nan and inf
        return None
    return seconds


class _Watchdog:
    """Cuts a new connection at the request's deadline: a server can drip even its status
    line and headers a byte at a time, which no per-read timeout notices. (A reused
    keep-alive connection is bounded by the per-read timeout and the body check.)"""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._streams: list[Any] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            with self._lock:
                self._streams.append(info.get("return_value"))

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for stream in self._streams:
                with contextlib.suppress(Exception):
                    stream.get_extra_info("socket").shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


class _Deadline(httpx.SyncByteStream):
    """A response body that stops at the request's deadline: a server that sends one byte
    every second would otherwise never meet the per-read timeout."""

    def __init__(self, inner: httpx.SyncByteStream, at: float, expired: Exception) -> None:
        self._inner = inner
        self._at = at
        self._expired = expired

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            if time.monotonic() > self._at:
                raise self._expired
            yield chunk

    def close(self) -> None:
        self._inner.close()


def normalize_server_url(text: str) -> str:
    """``school.example.org`` → ``https://school.example.org``; refuses what can't be a server."""
    url = text.strip().rstrip("/")
    if not url:
        raise UsageError(_("Enter the sync server's address, such as https://observe.school.org."))
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            _(
                "{value} is not a server address Observe can use; it should look like "
                "https://observe.school.org."
            ).format(value=text.strip())
        )
    if parts.query or parts.fragment:
        raise UsageError(
            _("{value} should be just the server's address, without ? or #.").format(
                value=text.strip()
            )
        )
    return url


def _after(login: bool) -> str:
    return _("Check the address and your network, then try again.") if login else _(KEPT)


def _looks_like_html(body: bytes) -> bool:
    head = body.lstrip()[:200].lower()
    return head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<"))


def exchange(
    http: httpx.Client, method: str, path: str, *, at: float, expired: Exception, **kwargs: Any
) -> tuple[httpx.Response, bytes]:
    """One HTTP request and its whole body, over by ``at`` (a ``time.monotonic()`` instant)
    or ``expired`` is raised: no read waits past it, a new connection is cut at it, and the
    body stops being read. Other ``httpx.HTTPError`` pass through for the caller to word."""
    start = time.monotonic()
    left = at - start
    if left <= 0:
        raise expired
    t = http.timeout
    timeout = httpx.Timeout(
        connect=min(t.connect or left, left),
        read=min(t.read or left, left),
        write=min(t.write or left, left),
        pool=min(t.pool or left, left),
    )
    watchdog = _Watchdog(left)
    request = http.build_request(
        method, path, timeout=timeout, extensions={"trace": watchdog.trace}, **kwargs
    )
    try:
        with watchdog:
            response = http.send(request, stream=True)
            try:
                response.stream = _Deadline(response.stream, at, expired)  # type: ignore[arg-type]
                body = response.read()
            finally:
                response.close()
    except httpx.HTTPError as exc:
        if watchdog.fired or time.monotonic() - start >= left - 0.05:
            raise expired from exc
        raise
    return response, body


class PullFrom(NamedTuple):
    """Where a pull starts. ``cursor`` is the server's opaque position (it takes over from
    ``since`` on servers that made one)."""

    since: int
    limit: int
    cursor: str | None = None

    def params(self) -> dict[str, str | int]:
        params: dict[str, str | int] = {"since": self.since, "limit": self.limit}
        if self.cursor is not None:
            params["cursor"] = self.cursor
        return params


class SyncClient:
    """One server, one device token. Not thread-safe; make one per sync."""

    def __init__(
        self,
        server_url: str,
        token: str | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
        deadline: float | None = None,
        finish_by: float | None = None,
        overrun: TimedOut | None = None,
    ) -> None:
        """``deadline``: seconds one request may take in all (default from
        ``OBSERVE_REQUEST_DEADLINE``, else 90). ``finish_by``: a ``time.monotonic()`` instant
        no request may outlast (the whole sync's deadline), with ``overrun`` its error."""
        self.server_url = normalize_server_url(server_url)
        self.deadline = deadline or seconds_from_env(REQUEST_DEADLINE_ENV, REQUEST_DEADLINE_S)
        self.finish_by = finish_by
        self.overrun = overrun
        self._timeout = timeout or httpx.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S)
        headers = {"User-Agent": f"Observe/{__version__}", "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(
            base_url=self.server_url + API_PREFIX,
            headers=headers,
            timeout=self._timeout,
            transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- endpoints --------------------------------------------------------------------------

    def login(self, email: str, password: str, device_id: str, device_name: str = "") -> LoginReply:
        body = LoginRequest(
            email=email, password=password, device_id=device_id, device_name=device_name[:200]
        )
        return self._call("POST", "/auth/login", LoginReply, json=body.model_dump(), login=True)

    def logout(self) -> None:
        self._call("POST", "/auth/logout", None)

    def me(self) -> MeReply:
        return self._call("GET", "/me", MeReply)

    def post(self, path: str, body: dict[str, Any], model: type[Reply]) -> Reply:
        """A JSON request to an endpoint outside the sync protocol proper (invitations,
        teacher status), with the same sentences for every failure."""
        return self._call("POST", path, model, json=body)

    def push(self, ops: list[bytes], then_pull: PullFrom | None = None) -> PushReply:
        """Pushes ops made by ``observe.protocol.encode_op``."""
        return self.read_push(self.send_push(push_body(ops), then_pull))

    def send_push(self, body: bytes, then_pull: PullFrom | None = None) -> httpx.Response:
        """Only the HTTP exchange, for a sender thread: it spends its time waiting, with the
        GIL released. Encoding and decoding stay on the sync's own thread; in the sender
        they kept the other thread waiting for the GIL on every SQLite call.

        ``then_pull``: the reply brings the pull's first page from there as well (its
        ``pull``), saving the sync a request; a server that predates it sends none."""
        params = None if then_pull is None else {"then_pull": "true", **then_pull.params()}
        return self._send(
            "POST",
            "/sync/push",
            content=body,
            params=params,
            headers={"Content-Type": "application/json"},
        )

    def read_push(self, response: httpx.Response) -> PushReply:
        return self._parse(PushReply, response.content, response, _(KEPT))

    def pull(self, since: int, limit: int, cursor: str | None = None) -> PullReply:
        return self.read_pull(self.send_pull(since, limit, cursor))

    def send_pull(self, since: int, limit: int, cursor: str | None = None) -> httpx.Response:
        """Only the HTTP exchange, for a fetcher thread (see ``send_push``)."""
        return self._send("GET", "/sync/pull", params=PullFrom(since, limit, cursor).params())

    def read_pull(self, response: httpx.Response) -> PullReply:
        return self._parse(PullReply, response.content, response, _(KEPT))

    # -- blobs (images of student work) -----------------------------------------------------

    def blob_status(self, sha: str) -> BlobStatus:
        """How much of the blob the server holds (whole, or this account's partial upload)."""
        return self._call("GET", f"/blobs/{sha}/status", BlobStatus)

    def put_blob_chunk(self, sha: str, offset: int, size: int, chunk: bytes) -> BlobStatus:
        response = self._send(
            "PUT",
            f"/blobs/{sha}",
            params={"offset": offset, "size": size},
            content=chunk,
            headers={"Content-Type": "application/octet-stream"},
        )
        return self._parse(BlobStatus, response.content, response, KEPT)

    def get_blob(self, sha: str) -> bytes:
        """The blob's bytes (not compressed on the way: a JPEG does not shrink)."""
        return self._send("GET", f"/blobs/{sha}", headers={"Accept-Encoding": "identity"}).content

    # -- plumbing ---------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        model: type[Reply] | None,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        login: bool = False,
    ) -> Any:
        response = self._send(method, path, json=json, params=params, login=login)
        if model is None:
            return None
        return self._parse(model, response.content, response, _after(login))

    def _send(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        login: bool = False,
    ) -> httpx.Response:
        """One request; anything but a 2xx reply becomes a ``SyncError`` with a sentence.

        Every request ends by its deadline: no single read may wait longer than the time
        left, and the body stops being read when the time is up."""
        where = self.server_url
        after = _after(login)
        at = time.monotonic() + self.deadline
        expired = TimedOut(
            _(
                "The sync server at {where} took longer than {duration} to answer, so "
                "Observe stopped waiting. {after}"
            ).format(where=where, duration=duration(self.deadline), after=after),
            detail=f"{method} {path}: request deadline {self.deadline}s",
        )
        if self.finish_by is not None and self.finish_by < at and self.overrun is not None:
            at, expired = self.finish_by, self.overrun
        try:
            response, body = exchange(
                self._http,
                method,
                path,
                at=at,
                expired=expired,
                json=json,
                params=params,
                content=content,
                headers=headers,
            )
        except httpx.HTTPError as exc:
            self._unreachable(exc, after)
        status = response.status_code
        if status >= 400 or 300 <= status < 400:
            error = self._error(response, body, after, login)
            error.status = status
            raise error
        return response

    def _unreachable(self, exc: httpx.HTTPError, after: str) -> NoReturn:
        """The sentence for a request that got no (whole) answer."""
        where = self.server_url
        if isinstance(exc, httpx.ConnectTimeout):
            sentence = _("The sync server at {where} did not answer in time. {after}").format(
                where=where, after=after
            )
        elif isinstance(exc, httpx.TimeoutException):
            sentence = _("The sync server at {where} stopped answering part-way. {after}").format(
                where=where, after=after
            )
        elif isinstance(exc, httpx.ConnectError):
            sentence = _(
                "Observe couldn't reach the sync server at {where} (no network, or the "
                "server is not running). {after}"
            ).format(where=where, after=after)
        elif isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
            sentence = _(
                "The connection to the sync server at {where} was cut before it answered. {after}"
            ).format(where=where, after=after)
        else:
            sentence = _(
                "Observe couldn't talk to the sync server at {where} ({name}). {after}"
            ).format(where=where, name=type(exc).__name__, after=after)
        raise ServerUnreachable(sentence, detail=repr(exc)) from exc

    def _parse(
        self, model: type[Reply], body: bytes, response: httpx.Response, after: str
    ) -> Reply:
        where = self.server_url
        if not body.strip():
            raise BadReply(
                _("The sync server at {where} sent an empty reply. {after}").format(
                    where=where, after=after
                ),
                detail=f"{response.request.method} {response.request.url} -> empty body",
            )
        try:  # the usual case, parsed and checked in one pass by pydantic-core
            return model.model_validate_json(body)
        except ValidationError:
            pass  # find out what is wrong, to say it (or accept JSON pydantic-core refuses)
        try:
            data = json.loads(body)
        except RecursionError as exc:
            raise BadReply(
                _(
                    "The sync server at {where} sent a reply nested too deeply to read (a "
                    "broken or hostile server, perhaps). {after}"
                ).format(where=where, after=after),
                detail=f"{exc!r}: {body[:200]!r}",
            ) from exc
        except (ValueError, UnicodeDecodeError) as exc:
            if _looks_like_html(body):
                sentence = _(
                    "The address {where} answered with a web page instead of Observe's sync "
                    "service (a Wi-Fi sign-in page or a wrong address, perhaps). "
                ).format(where=where)
            else:
                sentence = _(
                    "The sync server at {where} sent a reply that was cut off or garbled. "
                ).format(where=where)
            raise BadReply(sentence + after, detail=f"{exc!r}: {body[:200]!r}") from exc
        if _ESCAPED_SURROGATE.search(body):
            # pydantic-core refuses an escaped lone surrogate, json takes it; it could not be
            # stored here, so it becomes U+FFFD, as in text a coach types.
            data = json.loads(clean_text(json.dumps(data, ensure_ascii=False)))
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise BadReply(
                _(
                    "The sync server at {where} sent a reply Observe doesn't understand (a "
                    "different version of the server, perhaps). {after}"
                ).format(where=where, after=after),
                detail=f"{exc}: {body[:200]!r}",
            ) from exc

    def _error(self, response: httpx.Response, body: bytes, after: str, login: bool) -> SyncError:
        where = self.server_url
        status = response.status_code
        code, message = "", ""
        try:
            err = ErrorReply.model_validate(json.loads(body)).error
            code, message = printable(err.code, 100), printable(err.message)
        except (ValueError, UnicodeDecodeError, ValidationError, RecursionError):
            pass
        said = f" The server said: {message}" if message else ""
        if message and not said.endswith((".", "!", "?")):
            said += "."
        detail = f"HTTP {status} {code}: {body[:300]!r}"
        if status == 401:
            if login:
                return AuthFailed(
                    message
                    or _("The email or password was not accepted. Check them and try again."),
                    detail=detail,
                )
            # "revoked" per the protocol; a revoked token may also just be unknown now.
            return AuthFailed(
                _(
                    "The sync server at {where} no longer accepts this device's sign-in (it "
                    "may have been revoked, or the account disabled).{said} Sign in again, "
                    "or ask your server's administrator. Your records stay on this computer."
                ).format(where=where, said=said),
                detail=detail,
            )
        if status == 429:
            seconds = parse_retry_after(response.headers.get("Retry-After"))
            wait = (
                _(" Try again in {int} seconds.").format(int=int(seconds))
                if seconds
                else " Try again later."
            )
            return RateLimited(
                _("The sync server at {where} asked Observe to slow down.{said}{wait}").format(
                    where=where, said=said, wait=wait
                ),
                retry_after=seconds,
            )
        if status >= 500:
            return BadReply(
                _("The sync server at {where} had a problem (HTTP {status}).{said} {after}").format(
                    where=where, status=status, said=said, after=after
                ),
                detail=detail,
            )
        if 300 <= status < 400:
            target = printable(response.headers.get("Location", "another address"), 200)
            return BadReply(
                _(
                    "The address {where} sends Observe on to {target}; enter the server's "
                    "own address instead. {after}"
                ).format(where=where, target=target, after=after),
                detail=detail,
            )
        if message:
            return SyncError(
                _("The sync server at {where} refused the request: {message}").format(
                    where=where, message=message
                ),
                detail=detail,
            )
        if not body.strip().startswith(b"{"):
            return BadReply(
                _(
                    "The address {where} answered HTTP {status} and not like an Observe sync "
                    "server; check the address. {after}"
                ).format(where=where, status=status, after=after),
                detail=detail,
            )
        return SyncError(
            _("The sync server at {where} refused the request (HTTP {status}). {after}").format(
                where=where, status=status, after=after
            ),
            detail=detail,
        )
