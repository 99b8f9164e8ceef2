"""A headless Chromium (Debian's chromium + chromium-driver) driven by Selenium, with axe-core.

axe-core is vendored under tests/web/axe/ (axe.min.js from the npm package ``axe-core``, with
its MPL-2.0 licence) so the check needs no network and no JavaScript build.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

AXE = Path(__file__).parent / "axe" / "axe.min.js"
SHOTS = Path("/tmp/observe-web-shots")
WIDTHS = (375, 1280)
NARROWEST = 320  # the page must not scroll sideways even here (tables scroll on their own)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def chromium_binaries() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def start_chromium() -> WebDriver:
    found = chromium_binaries()
    if found is None:
        pytest.skip("chromium and chromium-driver are missing: run scripts/system-deps.sh test")
    browser, driver = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in (
        "--headless=new",
        "--no-sandbox",  # the tests may run as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=1280,900",
        "--lang=en-US",
    ):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


def set_width(driver: WebDriver, width: int, height: int = 900) -> None:
    """The page's viewport width in CSS pixels, exactly (a phone at 375, a laptop at 1280)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def set_dark(driver: WebDriver, dark: bool) -> None:
    features = [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})


def axe_violations(driver: WebDriver) -> list[dict[str, Any]]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations),"
        "      e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        AXE_TAGS,
    )
    return list(result)


def assert_no_axe_violations(driver: WebDriver) -> None:
    violations = axe_violations(driver)
    assert not violations, "\n".join(
        f"{v['id']}: {v['help']} at {[n.get('target') for n in v.get('nodes', [])][:5]}"
        for v in violations
    )


def save_full_page(driver: WebDriver, path: Path) -> None:
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def check_page(driver: WebDriver, name: str) -> None:
    """axe-core finds nothing on this page at a phone's and a laptop's width, in light and in
    dark, and no width down to 320 px scrolls sideways; a screenshot of each width is kept
    under /tmp to be looked at."""
    SHOTS.mkdir(exist_ok=True)
    try:
        set_width(driver, NARROWEST)
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= NARROWEST, f"{name} scrolls sideways at {NARROWEST} px ({scroll} px)"
        for width in WIDTHS:
            set_width(driver, width)
            assert_no_axe_violations(driver)
            scroll = driver.execute_script("return document.documentElement.scrollWidth")
            assert scroll <= width, f"{name} scrolls sideways at {width} px ({scroll} px wide)"
            save_full_page(driver, SHOTS / f"{name}-{width}.png")
        set_dark(driver, True)
        assert_no_axe_violations(driver)
        save_full_page(driver, SHOTS / f"{name}-dark.png")
    finally:
        set_dark(driver, False)
        set_width(driver, 1280)


def text_of(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def after_navigation(driver: WebDriver, act: Callable[[], object]) -> None:
    """Does ``act`` (a click, an Enter) and waits for the page it leads to.

    The old page is marked with a window property that a new document cannot carry; polling
    that (rather than an element going stale) is immune to chromedriver's passing "node does
    not belong to the document" error while the old document is being torn down."""
    driver.execute_script("window.__observeOldPage = true;")
    act()
    WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return !window.__observeOldPage && document.readyState === 'complete'"
        )
    )


def click_and_wait(driver: WebDriver, css: str) -> None:
    """Clicks a submit button and waits for the page it leads to."""
    after_navigation(driver, driver.find_element(By.CSS_SELECTOR, css).click)


def sign_in(driver: WebDriver, base_url: str, email: str, password: str) -> None:
    driver.get(base_url + "/")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    click_and_wait(driver, "main form button[type=submit]")


def sign_out(driver: WebDriver) -> None:
    click_and_wait(driver, "form[action='/signout'] button")


def cookie_client(driver: WebDriver, base_url: str) -> httpx.Client:
    """An HTTP client holding the browser's cookies (to read a download or forge a request)."""
    cookies = {c["name"]: c["value"] for c in driver.get_cookies()}
    return httpx.Client(base_url=base_url, cookies=cookies, timeout=30.0)
