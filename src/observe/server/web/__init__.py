"""The server's web pages: sign in, change password, the leader's figures, the admin's users
and devices. Server-rendered HTML (Jinja2), one CSS file, no JavaScript.

Mounted at ``/`` beside the API (``/v1``), in the same app and process, so a page and an API
call see the same database and the same rules.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from observe.server.web import admin, leader, pages
from observe.server.web.render import STATIC, SecurityHeaders


def install(app: FastAPI) -> None:
    app.include_router(pages.router)
    app.include_router(leader.router)
    app.include_router(admin.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityHeaders)
