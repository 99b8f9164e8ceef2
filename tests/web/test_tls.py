"""Under HTTPS the web pages' cookies are marked Secure (never sent over plain HTTP)."""

from __future__ import annotations

import shutil
import ssl
import subprocess

import httpx
import pytest

from tests.serverfixtures import ServerProcess


def test_cookies_are_secure_under_https(tmp_path):
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
        user = server.add_user(role="coach")
        trusted = ssl.create_default_context(cafile=str(cert))
        with httpx.Client(base_url=server.base_url, verify=trusted) as client:
            first = client.get("/")
            assert "; secure" in first.headers["set-cookie"].lower()
            csrf = first.text.split('name="csrf" value="')[1].split('"')[0]
            signed = client.post(
                "/", data={"email": user.email, "password": user.password, "csrf": csrf}
            )
            assert signed.status_code == 303
            session = next(
                c for c in signed.headers.get_list("set-cookie") if c.startswith("observe_session=")
            )
            assert "secure" in session.lower() and "httponly" in session.lower()
            assert "samesite=strict" in session.lower()
    finally:
        server.close()
