"""Under HTTPS the web pages' cookies are marked Secure (never sent over plain HTTP)."""

from __future__ import annotations

import ssl

import httpx


def test_cookies_are_secure_under_https(https_server):
    server = https_server.server
    user = server.add_user(role="coach")
    trusted = ssl.create_default_context(cafile=str(https_server.cert))
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
