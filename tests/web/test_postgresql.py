"""The web pages on a server whose database is PostgreSQL: sessions, figures, admin."""

from __future__ import annotations

import uuid

from selenium.webdriver.common.by import By

from tests.web.browser import check_page, click_and_wait, sign_in, sign_out, text_of
from tests.web.test_leader import SECRET, _school_with_figures


def test_sign_in_figures_and_admin_on_postgresql(chromium, pg_server):
    browser = chromium
    browser.get(pg_server.base_url + "/v1/health")
    browser.delete_all_cookies()
    school = f"PG {uuid.uuid4().hex[:6]}"
    _school_with_figures(pg_server, school)
    leader = pg_server.add_user(role="leader", school=school)

    sign_in(browser, pg_server.base_url, leader.email, "wrong password")
    assert "The email or password is not right." in text_of(browser)
    sign_in(browser, pg_server.base_url, leader.email, leader.password)
    assert "Week of 2 Mar 2026\n3 visits" in text_of(browser)
    assert "Hidden: fewer than 3 teachers" in text_of(browser)
    assert SECRET not in browser.page_source
    check_page(browser, "pg-leader")
    sign_out(browser)

    admin = pg_server.add_user(role="admin", school=school)
    sign_in(browser, pg_server.base_url, admin.email, admin.password)
    click_and_wait(browser, f"button[data-email='{leader.email}']")
    assert "The user is disabled" in text_of(browser)
    sign_out(browser)
    sign_in(browser, pg_server.base_url, leader.email, leader.password)
    assert "This account has been disabled; ask your administrator." in text_of(browser)
    assert browser.find_element(By.ID, "email")
