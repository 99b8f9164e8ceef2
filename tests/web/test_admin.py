"""The administrator's pages in a real Chromium: users (add, disable, enable) and devices
(list, revoke), with the same effects as the CLI, and no record content anywhere."""

from __future__ import annotations

import uuid

import httpx
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from observe.ids import new_id
from observe.server.accounts import list_users
from tests.server.helpers import evidence_data, op, push
from tests.web.browser import check_page, click_and_wait, cookie_client, sign_in, sign_out, text_of

SECRET = "The admin must never read this evidence"


def _disabled(server, email: str) -> bool:
    return next(u["disabled"] for u in list_users(server.engine) if u["email"] == email)


def _row(browser, text: str):
    rows = [r for r in browser.find_elements(By.CSS_SELECTOR, "tbody tr") if text in r.text]
    assert len(rows) == 1, [r.text for r in rows]
    return rows[0]


def test_admin_adds_disables_and_enables_a_user(browser, web_server):
    school = f"Admin {uuid.uuid4().hex[:6]}"
    admin = web_server.add_user(role="admin", school=school)
    sign_in(browser, web_server.base_url, admin.email, admin.password)
    assert browser.current_url.endswith("/admin")
    check_page(browser, "admin")

    email = f"new-{uuid.uuid4().hex[:6]}@example.org"
    browser.find_element(By.ID, "add-email").send_keys(email)
    browser.find_element(By.ID, "add-name").send_keys("Robin Park")
    Select(browser.find_element(By.ID, "add-role")).select_by_value("leader")
    browser.find_element(By.ID, "add-password").send_keys("short")
    browser.execute_script("document.getElementById('add-password').removeAttribute('minlength')")
    click_and_wait(browser, "form[action='/admin/users'] button")
    assert "The password must have at least 8 characters." in text_of(browser)
    # What was typed is still there, except the password.
    assert browser.find_element(By.ID, "add-email").get_attribute("value") == email
    check_page(browser, "admin-error")
    browser.find_element(By.ID, "add-password").send_keys("a long first password")
    click_and_wait(browser, "form[action='/admin/users'] button")
    assert "The user is added." in text_of(browser)
    assert f"Robin Park {email} leader {school} Active" in _row(browser, email).text

    click_and_wait(browser, f"form[action$='/disable'] button[data-email='{email}']")
    assert "The user is disabled" in text_of(browser)
    assert "Disabled" in _row(browser, email).text
    assert _disabled(web_server, email) is True
    sign_out(browser)
    sign_in(browser, web_server.base_url, email, "a long first password")
    assert "This account has been disabled; ask your administrator." in text_of(browser)

    sign_in(browser, web_server.base_url, admin.email, admin.password)
    click_and_wait(browser, f"form[action$='/enable'] button[data-email='{email}']")
    assert "The user is enabled again." in text_of(browser)
    sign_out(browser)
    sign_in(browser, web_server.base_url, email, "a long first password")
    assert browser.current_url.endswith("/leader")


def test_admin_cannot_disable_themselves_and_a_duplicate_email_is_a_sentence(browser, web_server):
    admin = web_server.add_user(role="admin", school="Admin school")
    sign_in(browser, web_server.base_url, admin.email, admin.password)
    assert "You" in _row(browser, admin.email).text
    with cookie_client(browser, web_server.base_url) as client:
        csrf = browser.find_element(By.NAME, "csrf").get_attribute("value")
        reply = client.post(f"/admin/users/{admin.id}/disable", data={"csrf": csrf})
        assert reply.status_code == 409
        assert "You cannot disable your own account." in reply.text
        again = client.post(
            "/admin/users",
            data={"email": admin.email, "name": "Twin", "role": "coach", "school": "",
                  "password": "long enough pw", "csrf": csrf},
        )  # fmt: skip
        assert again.status_code == 422
        assert f"There is already a user with the email {admin.email}." in again.text
        forged = client.post(f"/admin/users/{admin.id}/enable", data={"csrf": "forged"})
        assert forged.status_code == 403


def test_admin_revokes_a_device_and_sees_no_record_content(browser, web_server):
    coach_user = web_server.add_user(role="coach", school="Device school")
    coach = web_server.login(coach_user, device_name="Sam's laptop")
    evidence = new_id()
    push(coach, op(evidence, data=evidence_data(evidence, SECRET)))
    admin = web_server.add_user(role="admin", school="Device school")
    sign_in(browser, web_server.base_url, admin.email, admin.password)
    assert SECRET not in browser.page_source
    row = _row(browser, "Sam's laptop")
    assert coach_user.email in row.text and "Active" in row.text
    check_page(browser, "admin-devices")
    click_and_wait(browser, f"form[action='/admin/devices/{coach.device_id}/revoke'] button")
    assert "The device is revoked" in text_of(browser)
    assert "Revoked" in _row(browser, "Sam's laptop").text
    assert SECRET not in browser.page_source
    reply = httpx.get(
        web_server.base_url + "/v1/me", headers={"Authorization": f"Bearer {coach.token}"}
    )
    assert reply.status_code == 401


def test_other_roles_cannot_open_the_admin_pages(browser, web_server):
    leader = web_server.add_user(role="leader", school="Web High")
    sign_in(browser, web_server.base_url, leader.email, leader.password)
    browser.get(web_server.base_url + "/admin")
    assert "This page is for administrators; your account cannot open it." in text_of(browser)
    with cookie_client(browser, web_server.base_url) as client:
        csrf = browser.find_element(By.NAME, "csrf").get_attribute("value")
        reply = client.post(f"/admin/users/{leader.id}/disable", data={"csrf": csrf})
        assert reply.status_code == 403
    assert _disabled(web_server, leader.email) is False


def test_admin_invites_a_teacher_who_then_sets_a_password(browser, web_server):
    """As ``observe-server user invite``, from the page: the link and code show once, the
    link opens the teacher's set-password page, and an email of another role is refused."""
    school = f"Invite {uuid.uuid4().hex[:6]}"
    admin = web_server.add_user(role="admin", school=school)
    leader = web_server.add_user(role="leader", school=school)
    sign_in(browser, web_server.base_url, admin.email, admin.password)

    browser.find_element(By.ID, "invite-email").send_keys(leader.email)
    browser.find_element(By.ID, "invite-name").send_keys("Not A Teacher")
    click_and_wait(browser, "form[action='/admin/invitations'] button")
    assert f"{leader.email} belongs to a leader's account" in text_of(browser)
    assert browser.find_element(By.ID, "invite-email").get_attribute("value") == leader.email

    email = f"teacher-{uuid.uuid4().hex[:6]}@example.org"
    box = browser.find_element(By.ID, "invite-email")
    box.clear()
    box.send_keys(email)
    name = browser.find_element(By.ID, "invite-name")
    name.clear()
    name.send_keys("Ana Ortiz")
    click_and_wait(browser, "form[action='/admin/invitations'] button")
    assert f"Invitation for {email}" in text_of(browser)
    link = browser.find_element(By.ID, "invite-link").get_attribute("value")
    code = browser.find_element(By.ID, "invite-code").get_attribute("value")
    assert link.startswith(web_server.base_url + "/invite/") and len(code) == 9
    check_page(browser, "admin-invited")
    users = list_users(web_server.engine)
    assert any(u["email"] == email and u["role"] == "teacher" for u in users)

    sign_out(browser)
    browser.get(link)
    assert "Welcome, Ana Ortiz" in text_of(browser) and email in text_of(browser)
