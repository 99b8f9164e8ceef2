"""Real misbehaving network peers on 127.0.0.1 for sync tests.

- :class:`BadServer` answers every request with one chosen kind of nonsense (garbage bytes,
  truncated JSON, an HTML page, a closed connection, a 5xx).
- :class:`Proxy` forwards requests to a real observe-server and can, for chosen requests,
  forward and then drop the reply (the server committed, the client never hears), or kill the
  server while the request is in flight.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx

BAD_REPLIES: dict[str, tuple[int, str, bytes]] = {
    "garbage": (200, "application/json", b"\x00\xff\xfe garbage \x13\x37"),
    "truncated": (
        200,
        "application/json",
        b'{"server_id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "ep',
    ),
    "html": (
        200,
        "text/html",
        b"<!DOCTYPE html><html><head><title>Sign in to Wi-Fi</title></head><body>Accept the "
        b"terms</body></html>",
    ),
    "empty": (200, "application/json", b""),
    "wrong-shape": (200, "application/json", b'{"hello": "world"}'),
    "502-html": (502, "text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
    "500-json": (
        500,
        "application/json",
        b'{"error": {"code": "internal", "message": "The database is being upgraded."}}',
    ),
    "404-html": (404, "text/html", b"<html><body>Not Found</body></html>"),
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class _Loopback:
    """A handler class served on 127.0.0.1 in a thread: what every fake server here shares."""

    def _serve(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class BadServer(_Loopback):
    """Answers everything with ``mode`` (a key of BAD_REPLIES, or "close")."""

    def __init__(self, mode: str = "garbage") -> None:
        self.mode = mode
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                outer.requests += 1
                if outer.mode == "close":
                    self.close_connection = True
                    return
                status, ctype, body = BAD_REPLIES[outer.mode]
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                if outer.mode == "truncated":
                    # Promise more than is sent, then hang up: a reply cut in transit.
                    self.send_header("Content-Length", str(len(body) + 500))
                    self.end_headers()
                    self.wfile.write(body)
                    self.wfile.flush()
                    self.close_connection = True
                    with contextlib.suppress(OSError):
                        self.connection.shutdown(2)
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = _answer
            do_POST = _answer

        self._serve(Handler)


#: What the proxy does with one request: "forward", "drop" (forward, then hang up without a
#: reply), or "kill" (forward, call ``on_kill`` while it is in flight, hang up).
Plan = Callable[[str, str, int], str]


class Proxy(_Loopback):
    """A loopback HTTP proxy in front of a real server; ``plan`` picks each request's fate."""

    HOP_HEADERS: ClassVar[set[str]] = {"host", "content-length", "connection", "accept-encoding"}

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.plan: Plan = lambda method, path, n: "forward"
        self.on_kill: Callable[[], None] = lambda: None
        self.kill_delay = 0.01
        self.counts: dict[str, int] = {}
        self.outcomes: list[tuple[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _relay(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?")[0]
                n = outer.counts[path] = outer.counts.get(path, 0) + 1
                action = outer.plan(self.command, path, n)
                outer.outcomes.append((path, action))
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() not in outer.HOP_HEADERS
                }

                def forward() -> httpx.Response | None:
                    try:
                        return httpx.request(
                            self.command,
                            outer.upstream + self.path,
                            content=body,
                            headers=headers,
                            timeout=60,
                        )
                    except httpx.HTTPError:
                        return None

                if action == "kill":
                    box: list[httpx.Response | None] = []
                    t = threading.Thread(target=lambda: box.append(forward()))
                    t.start()
                    time.sleep(outer.kill_delay)
                    outer.on_kill()
                    t.join(30)
                    self.close_connection = True
                    return
                response = forward()
                if action == "drop" or response is None:
                    self.close_connection = True
                    return
                self.send_response(response.status_code)
                for k, v in response.headers.items():
                    if k.lower() not in (
                        "content-length",
                        "transfer-encoding",
                        "connection",
                        "content-encoding",
                    ):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(response.content)))
                self.end_headers()
                self.wfile.write(response.content)

            do_GET = _relay
            do_POST = _relay

        self._serve(Handler)


#: A scripted answer: (status, headers, body), or a :class:`Trickle` to drip a body slowly.
Answer = tuple[int, dict[str, str], bytes]


class Trickle:
    """Headers at once, then ``body`` one byte every ``every`` seconds (a broken middlebox);
    with ``whole``, the status line and headers drip too."""

    def __init__(self, body: bytes, every: float = 2.0, *, whole: bool = False) -> None:
        self.body = body
        self.every = every
        self.whole = whole


SERVER_ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
EPOCH = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"
USER_ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d"
DEVICE_ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5e"


def me_reply(head_seq: int = 5) -> Answer:
    """A well-formed ``GET /v1/me`` answer, so a sync gets as far as the part under test."""
    body = {
        "server_id": SERVER_ID,
        "epoch": EPOCH,
        "head_seq": head_seq,
        "device_id": DEVICE_ID,
        "user": {
            "id": USER_ID,
            "email": "coach@example.org",
            "name": "Coach",
            "role": "coach",
            "school": "School",
        },
    }
    return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()


class Scripted(_Loopback):
    """A real HTTP server on 127.0.0.1 whose ``answer(method, path, query)`` decides each
    reply, for servers that misbehave in one precise way."""

    def __init__(self, answer: Callable[[str, str, str], Answer | Trickle]) -> None:
        self.answer = answer
        self.seen: list[tuple[str, str]] = []
        #: Each request's headers and body, for servers that check what the client sent.
        self.received: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path, _, query = self.path.partition("?")
                outer.seen.append((self.command, self.path))
                outer.received.append((dict(self.headers.items()), body))
                reply = outer.answer(self.command, path, query)
                try:
                    if isinstance(reply, Trickle) and reply.whole:
                        raw = (
                            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            b"Content-Length: %d\r\n\r\n" % len(reply.body)
                        ) + reply.body
                        for i in range(len(raw)):
                            self.wfile.write(raw[i : i + 1])
                            self.wfile.flush()
                            time.sleep(reply.every)
                        return
                    if isinstance(reply, Trickle):
                        self.send_response(200)
                        self.send_header("Content-Type", "application/json")
                        self.send_header("Content-Length", str(len(reply.body)))
                        self.end_headers()
                        self.wfile.flush()
                        for i in range(len(reply.body)):
                            time.sleep(reply.every)
                            self.wfile.write(reply.body[i : i + 1])
                            self.wfile.flush()
                        return
                    status, headers, body = reply
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    self.close_connection = True  # the client gave up, as it should

            do_GET = _answer
            do_POST = _answer

        self._serve(Handler)
