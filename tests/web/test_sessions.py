"""Signing in and out of the web pages in a real Chromium: sentences for every refusal, the
login limits of the API, form tokens, cookies that cannot be forged, sessions that end."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from sqlalchemy import select, update

from observe.server.schema import utcnow, web_session
from tests.web.browser import (
    after_navigation,
    check_page,
    click_and_wait,
    sign_in,
    sign_out,
    text_of,
)


def _coach(server, **kw):
    return server.add_user(role="coach", school=kw.pop("school", "Web High"), **kw)


def test_sign_in_shows_the_coach_home_and_sign_out_ends_the_session(browser, web_server):
    coach = _coach(web_server, name="Sam Lee")
    browser.get(web_server.base_url + "/")
    assert browser.title == "Sign in · Observe"
    check_page(browser, "signin")
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    assert "Hello, Sam Lee" in text_of(browser)
    assert "Coaches record visits" in text_of(browser)
    cookie = browser.get_cookie("observe_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    check_page(browser, "coach-home")
    token = cookie["value"]
    sign_out(browser)
    assert "You are signed out." in text_of(browser)
    assert browser.find_element(By.ID, "email")
    # The old cookie is dead on the server, not only forgotten by the browser.
    with httpx.Client(base_url=web_server.base_url, cookies={"observe_session": token}) as c:
        reply = c.get("/", follow_redirects=False)
    assert "Sign in to Observe" in reply.text


def test_wrong_password_is_a_sentence_and_five_failures_limit_the_email(browser, web_server):
    coach = _coach(web_server)
    sign_in(browser, web_server.base_url, coach.email, "not the password")
    assert "The email or password is not right." in text_of(browser)
    assert "Traceback" not in browser.page_source
    check_page(browser, "signin-error")
    for _ in range(4):
        sign_in(browser, web_server.base_url, coach.email, "still not it")
    # Now even the right password waits: the same limit as the API's sign-in.
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    assert "Too many failed sign-in attempts; try again in" in text_of(browser)
    assert browser.get_cookie("observe_session") is None
    api = httpx.post(
        web_server.base_url + "/v1/auth/login",
        json={
            "email": coach.email,
            "password": coach.password,
            "device_id": str(uuid.uuid4()),
            "device_name": "laptop",
        },
    )
    assert api.status_code == 429


def test_a_disabled_user_is_signed_out_and_cannot_sign_in(browser, web_server):
    coach = _coach(web_server)
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    assert "Hello," in text_of(browser)
    assert web_server.cli("user", "disable", coach.email).returncode == 0
    browser.get(web_server.base_url + "/password")  # the open session ends at once
    assert browser.find_element(By.ID, "email")
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    assert "This account has been disabled; ask your administrator." in text_of(browser)


def _signed_in_client(server, user) -> httpx.Client:
    client = httpx.Client(base_url=server.base_url, timeout=30.0)
    page = client.get("/")
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    reply = client.post("/", data={"email": user.email, "password": user.password, "csrf": csrf})
    assert reply.status_code == 303, reply.text
    return client


def test_forms_without_the_right_token_are_refused(web_server):
    coach = _coach(web_server)
    # Sign-in form: the double-submitted token must match the pre-session cookie.
    with httpx.Client(base_url=web_server.base_url) as stranger:
        stranger.get("/")
        reply = stranger.post(
            "/", data={"email": coach.email, "password": coach.password, "csrf": "forged"}
        )
        assert reply.status_code == 403
        assert "This sign-in form has expired or did not come from this site" in reply.text
        assert "observe_session" not in stranger.cookies
    client = _signed_in_client(web_server, coach)
    try:
        for data in ({}, {"csrf": "wrong"}):
            reply = client.post("/signout", data=data)
            assert reply.status_code == 403
            assert "did not come from this site. Nothing was changed" in reply.text
        changed = client.post(
            "/password",
            data={
                "current_password": coach.password,
                "new_password": "x" * 12,
                "confirm": "x" * 12,
                "csrf": "wrong",
            },
        )
        assert changed.status_code == 403
        # Still signed in, password unchanged.
        assert "Hello," in client.get("/").text
    finally:
        client.close()


def test_a_tampered_cookie_is_simply_signed_out(browser, web_server):
    coach = _coach(web_server)
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    real = browser.get_cookie("observe_session")["value"]
    browser.delete_cookie("observe_session")
    browser.add_cookie({"name": "observe_session", "value": real[:-2] + "xx", "path": "/"})
    browser.get(web_server.base_url + "/")
    assert browser.find_element(By.ID, "email")
    assert "Hello," not in text_of(browser)
    assert browser.get_cookie("observe_session") is None


def _age_sessions(server, user_id: str, **ago: timedelta) -> None:
    with server.engine.begin() as conn:
        conn.execute(
            update(web_session)
            .where(web_session.c.account_id == user_id)
            .values(**{column: utcnow() - delta for column, delta in ago.items()})
        )


def test_idle_and_absolute_expiry_sign_the_browser_out(browser, web_server):
    coach = _coach(web_server)
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    _age_sessions(web_server, coach.id, last_seen_at=timedelta(minutes=29))
    browser.get(web_server.base_url + "/")
    assert "Hello," in text_of(browser)  # 29 minutes idle: still signed in (and touched)
    _age_sessions(web_server, coach.id, last_seen_at=timedelta(minutes=31))
    browser.get(web_server.base_url + "/")
    assert browser.find_element(By.ID, "email")

    sign_in(browser, web_server.base_url, coach.email, coach.password)
    _age_sessions(web_server, coach.id, created_at=timedelta(hours=12, minutes=1))
    browser.get(web_server.base_url + "/password")
    assert browser.find_element(By.ID, "email")
    # The next sign-in clears sessions past their absolute limit from the table.
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    with web_server.engine.connect() as conn:
        ages = conn.execute(
            select(web_session.c.created_at).where(web_session.c.account_id == coach.id)
        ).scalars()
        assert all(utcnow() - age < timedelta(hours=12) for age in ages)


def test_change_password(browser, web_server):
    coach = _coach(web_server)
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    second = _signed_in_client(web_server, coach)  # another browser of the same person
    browser.get(web_server.base_url + "/password")
    check_page(browser, "password")

    def change(current: str, new: str, confirm: str) -> None:
        browser.get(web_server.base_url + "/password")
        browser.find_element(By.ID, "current_password").send_keys(current)
        browser.find_element(By.ID, "new_password").send_keys(new)
        browser.find_element(By.ID, "confirm").send_keys(confirm)
        click_and_wait(browser, "main form button")

    change("wrong one", "a new long password", "a new long password")
    assert "Your current password is not right; nothing was changed." in text_of(browser)
    change(coach.password, "a new long password", "a different one!")
    assert "The two new passwords are not the same" in text_of(browser)
    change(coach.password, "a new long password", "a new long password")
    assert "Your password is changed." in text_of(browser)
    assert "Hello," in text_of(browser)
    try:  # the other browser is signed out
        assert "Sign in to Observe" in second.get("/").text
    finally:
        second.close()
    sign_out(browser)
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    assert "The email or password is not right." in text_of(browser)
    sign_in(browser, web_server.base_url, coach.email, "a new long password")
    assert "Hello," in text_of(browser)
    log = web_server.log_text()
    assert "a new long password" not in log and coach.password not in log


def test_web_pages_carry_the_security_headers_and_the_api_is_undisturbed(web_server):
    page = httpx.get(web_server.base_url + "/")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "same-origin"
    assert "<script" not in page.text and "style=" not in page.text
    health = httpx.get(web_server.base_url + "/v1/health")
    assert health.json()["status"] == "ok"
    assert "content-security-policy" not in health.headers


def test_web_errors_are_pages_with_a_sentence_and_the_api_keeps_json(browser, web_server):
    browser.get(web_server.base_url + "/no/such/page")
    assert "There is no such page on this server" in text_of(browser)
    check_page(browser, "not-found")
    too_long = httpx.post(web_server.base_url + "/", data={"email": "x" * 2000, "csrf": "x"})
    assert too_long.status_code == 422
    assert "too long or not valid; nothing was changed" in too_long.text
    assert "Traceback" not in too_long.text
    api = httpx.get(web_server.base_url + "/v1/nothing-here")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"


def test_keyboard_only_skip_link_sign_in_and_visible_focus(browser, web_server):
    coach = _coach(web_server, name="Kim Keys")
    browser.get(web_server.base_url + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.text == "Skip to the content"
    assert skip.value_of_css_property("outline-style") != "none"
    skip.send_keys(Keys.ENTER)
    assert browser.current_url.endswith("#main")
    # Into the form by keyboard alone: Tab to the email field, type, Tab, type, Enter.
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "email"
    browser.switch_to.active_element.send_keys(coach.email, Keys.TAB, coach.password)
    after_navigation(browser, lambda: browser.switch_to.active_element.send_keys(Keys.ENTER))
    assert "Hello, Kim Keys" in text_of(browser)
