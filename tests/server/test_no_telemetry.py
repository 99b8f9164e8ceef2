"""The server sends nothing anywhere but its database, whatever the environment says.

FastAPI can export traces, metrics and logs (requests, errors, their messages) to an
OpenTelemetry collector named in the environment. A district's machines may set those
variables for other services; Observe's server must not send its requests there, nor try to
(which, without the exporter installed, left a warning about it in the server's log)."""

from __future__ import annotations

import socket
import threading

from tests.server.helpers import op, pull_all
from tests.serverfixtures import ServerProcess


def test_an_opentelemetry_collector_in_the_environment_gets_nothing(tmp_path, monkeypatch):
    collector = socket.socket()
    collector.bind(("127.0.0.1", 0))
    collector.listen()
    collector.settimeout(0.2)
    contacted: list[str] = []
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            try:
                conn, _ = collector.accept()
            except TimeoutError:
                continue
            contacted.append(conn.recv(200).decode(errors="replace"))
            conn.close()

    watcher = threading.Thread(target=listen, daemon=True)
    watcher.start()
    endpoint = f"http://127.0.0.1:{collector.getsockname()[1]}"
    monkeypatch.setenv("FASTAPI_OTEL_AUTO_CONFIGURE", "true")
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "otlp")
    monkeypatch.setenv("OTEL_BSP_SCHEDULE_DELAY", "100")
    server = ServerProcess(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path / "server")
    try:
        server.start()
        coach = server.login(server.add_user())
        pushed = coach.client.post("/v1/sync/push", json={"ops": [op(), op()]})
        assert pushed.status_code == 200, pushed.text
        assert len(pull_all(coach)) == 2
        assert coach.client.get("/v1/sync/pull", params={"limit": 0}).status_code == 422
        # The SDK's batch exporter sends every 0.1 s (OTEL_BSP_SCHEDULE_DELAY) when it's on.
        threading.Event().wait(1.0)
    finally:
        server.close()
        stop.set()
        watcher.join()
        collector.close()
    assert contacted == []
    assert "telemetry configuration" not in server.log_text(), server.log_text()[-2000:]
