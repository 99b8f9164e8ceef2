"""One real observe-server (SQLite) per test module and one headless Chromium for the session,
reused for speed; each test starts with the browser signed out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.serverfixtures import ServerProcess
from tests.web.browser import start_chromium


@pytest.fixture(scope="module")
def web_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    base = tmp_path_factory.mktemp("web")
    server = ServerProcess(database_url=f"sqlite:///{base / 'server.sqlite3'}", workdir=base)
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def chromium() -> Iterator[WebDriver]:
    driver = start_chromium()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(chromium: WebDriver, web_server: ServerProcess) -> WebDriver:
    chromium.get(web_server.base_url + "/v1/health")
    chromium.delete_all_cookies()
    return chromium
