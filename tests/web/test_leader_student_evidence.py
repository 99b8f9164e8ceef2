"""The leader page's "Evidence from students" figure in a real Chromium: the school's work
samples, surveys and assessments before → after, small groups hidden, no text, and its CSV."""

from __future__ import annotations

import csv
import io

from selenium.webdriver.common.by import By

from tests.server.test_student_evidence import CAPTION, NOTE, QUESTION, TITLE, _school
from tests.web.browser import check_page, cookie_client, sign_in
from tests.web.test_leader import section


def test_leader_sees_student_evidence_with_small_groups_hidden(browser, web_server):
    school, _coach, cycles = _school(web_server)
    leader = web_server.add_user(role="leader", school=school)
    sign_in(browser, web_server.base_url, leader.email, leader.password)

    figure = section(browser, "student-evidence")
    assert figure.find_element(By.TAG_NAME, "h2").text == (
        "Evidence from students: before and after coaching cycles"
    )
    assert [r.text for r in figure.find_elements(By.CSS_SELECTOR, "tbody tr")] == [
        "Work samples meeting the success criteria Hidden: fewer than 3 teachers",
        "Student survey answers agreeing Hidden: fewer than 3 teachers",
        "Students meeting the assessment's goal 3 3 40% of 10 students 70% of 10 students 2 of 3",
    ]
    assert "Rows marked hidden come from cycles of fewer than 3 teachers" in figure.text
    for leak in (QUESTION, CAPTION, NOTE, TITLE, *cycles):
        assert leak not in browser.page_source
    check_page(browser, "leader-student-evidence")
    with cookie_client(browser, web_server.base_url) as client:
        reply = client.get("/leader/student-evidence.csv")
        assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/csv")
        table = list(csv.reader(io.StringIO(reply.text)))
    assert table[1:] == [
        ["work_samples", "", "", "", "", "", "", "", "True"],
        ["survey", "", "", "", "", "", "", "", "True"],
        ["assessment", "3", "3", "0.4", "0.7", "10", "10", "2", "False"],
    ]
    assert all(leak not in reply.text for leak in (QUESTION, CAPTION, NOTE, TITLE))
