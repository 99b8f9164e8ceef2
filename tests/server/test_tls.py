"""``serve --ssl-certfile/--ssl-keyfile`` serves HTTPS directly (no proxy)."""

from __future__ import annotations

import shutil
import ssl
import subprocess

import httpx
import pytest

from tests.serverfixtures import ServerProcess


def test_serves_https_with_the_given_certificate(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    server = ServerProcess(
        f"sqlite:///{tmp_path / 'tls.sqlite3'}",
        tmp_path / "server",
        extra_args=["--ssl-certfile", str(cert), "--ssl-keyfile", str(key)],
        scheme="https",
    )
    server.start()
    try:
        assert server.base_url.startswith("https://")
        trusted = ssl.create_default_context(cafile=str(cert))
        reply = httpx.get(f"{server.base_url}/v1/health", verify=trusted)
        assert reply.status_code == 200 and reply.json()["status"] == "ok"
        with pytest.raises(httpx.HTTPError):
            httpx.get(f"http://127.0.0.1:{server.port}/v1/health", timeout=5)
    finally:
        server.close()
