"""``serve --ssl-certfile/--ssl-keyfile`` serves HTTPS directly (no proxy)."""

from __future__ import annotations

import ssl

import httpx
import pytest


def test_serves_https_with_the_given_certificate(https_server):
    server = https_server.server
    assert server.base_url.startswith("https://")
    trusted = ssl.create_default_context(cafile=str(https_server.cert))
    reply = httpx.get(f"{server.base_url}/v1/health", verify=trusted)
    assert reply.status_code == 200 and reply.json()["status"] == "ok"
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{server.port}/v1/health", timeout=5)
