"""The leader's pages in a real Chromium: the school's figures as bars and tables, CSV per
figure, small groups hidden, and never a word any coach wrote."""

from __future__ import annotations

import csv
import io
import uuid

from selenium.webdriver.common.by import By

from observe.ids import new_id
from tests.server.helpers import op, push
from tests.server.test_aggregates import SECRET as CYCLE_SECRET
from tests.server.test_aggregates import cycle_school
from tests.web.browser import check_page, click_and_wait, cookie_client, sign_in, text_of

SECRET = "Maya whispered that the answer is twelve"
TEACHER_NAME = "Ms Quillfeather"
FORMULA_TITLE = "=HYPERLINK(1) students explain"


def section(browser, name: str):
    """The section of one figure, by its heading's id."""
    return browser.find_element(By.CSS_SELECTOR, f"#h-{name}").find_element(By.XPATH, "..")


def _school_with_figures(server, school: str):
    """Three teachers visited in the week of 2 March (enough to show), one in the week of
    9 March (a single classroom: hidden). Every text field carries SECRET."""
    coach = server.login(server.add_user(role="coach", school=school))
    shared_set, lookfor = new_id(), new_id()
    ops = [
        op(shared_set, kind="lookfor_set", data={"id": shared_set, "name": "Framework"},
           visibility="team"),
        op(lookfor, kind="lookfor", visibility="team",
           data={"id": lookfor, "set_id": shared_set, "code": "T1", "title": FORMULA_TITLE}),
    ]  # fmt: skip
    visits = [("2026-03-0" + str(d), i) for i, d in enumerate((2, 3, 4))] + [("2026-03-10", 0)]
    teachers, rooms = [], []
    for i in range(3):
        teacher, room = new_id(), new_id()
        teachers.append(teacher)
        rooms.append(room)
        ops += [
            op(teacher, kind="teacher", data={"id": teacher, "name": f"{TEACHER_NAME} {i}",
                                              "notes": SECRET}),
            op(room, kind="classroom", data={"id": room, "teacher_id": teacher,
                                             "subject": SECRET, "rows": 1, "cols": 2}),
        ]  # fmt: skip
    seats = {room: [new_id(), new_id()] for room in rooms}
    for room, pair in seats.items():
        ops += [op(s, kind="seat", data={"id": s, "classroom_id": room, "label": "A1"})
                for s in pair]  # fmt: skip
    for day, i in visits:
        visit = new_id()
        ops.append(
            op(visit, kind="visit", data={
                "id": visit, "classroom_id": rooms[i], "visit_type": "learning_walk",
                "started_at": f"{day}T09:00:00Z", "ended_at": f"{day}T09:30:00Z", "focus": SECRET,
            })
        )  # fmt: skip
        evidence = new_id()
        ops.append(
            op(evidence, data={
                "id": evidence, "visit_id": visit, "observed_at": f"{day}T09:05:00Z",
                "text": SECRET, "lookfor_ids": [lookfor], "lookfor_marks": {lookfor: "seen"},
            })
        )  # fmt: skip
        for seat, kind in zip(seats[rooms[i]], ("volunteered", "peer_talk"), strict=True):
            pid = new_id()
            ops.append(
                op(pid, kind="participation_event", data={
                    "id": pid, "visit_id": visit, "seat_id": seat,
                    "occurred_at": f"{day}T09:10:00Z", "participation_kind": kind,
                })
            )  # fmt: skip
    for minutes, activity in ((45, "plc"), (15, "other_duty")):
        log = new_id()
        ops.append(
            op(log, kind="coaching_log_entry", data={
                "id": log, "occurred_on": "2026-03-03", "minutes": minutes,
                "activity": activity, "note": SECRET,
            })
        )  # fmt: skip
    push(coach, *ops)
    return coach


def test_leader_sees_the_schools_figures_and_csv_but_no_record_text(browser, web_server):
    school = f"Figures {uuid.uuid4().hex[:6]}"
    _school_with_figures(web_server, school)
    leader = web_server.add_user(role="leader", school=school)
    sign_in(browser, web_server.base_url, leader.email, leader.password)
    assert browser.current_url.endswith("/leader")
    page = text_of(browser)
    assert f"Coaching at {school}" in page
    # Visits: 3 in the week of 2 March, in bars and in the table; the lone visit of the week
    # of 9 March (one teacher) is hidden by the server, in words and without a bar.
    visits = browser.find_element(By.CSS_SELECTOR, "#h-visits-per-week").find_element(
        By.XPATH, ".."
    )
    assert "Week of 2 Mar 2026\n3 visits" in visits.text
    assert "1 visit" not in visits.text
    rows = [r.text for r in visits.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert rows == [
        "Week of 2 Mar 2026 Learning walk 3 90",
        "Week of 9 Mar 2026 Hidden: fewer than 3 teachers",
    ]
    assert "1 week hidden: fewer than 3 teachers were visited" in visits.text
    # Time: coaching vs other duties, in the app's words, with the split in a sentence.
    time = section(browser, "coaching-time")
    assert time.find_element(By.TAG_NAME, "h2").text == "Time coaching vs other duties"
    assert [r.text for r in time.find_elements(By.CSS_SELECTOR, "tbody tr")] == [
        "Other duties (subbing, testing…) Other duties 1 15 25%",
        "PLC facilitation Coaching 1 45 75%",
    ]
    assert (
        "Coaching-cycle work, learning walks, PLC facilitation and data meetings count as "
        "coaching" in time.text
    )
    assert "Of 1 h logged, 75% went to coaching and 25% to other duties." in time.text
    assert "Coaching\n45 min" in time.text and "Other duties\n15 min" in time.text
    assert "T1 =HYPERLINK(1) students explain 4 4 100%" in page
    # Who got to talk: three teachers in the first week are shown; the lone one is hidden.
    talk = section(browser, "participation")
    assert talk.find_element(By.TAG_NAME, "h2").text == "Equity of voice: who got to talk, by week"
    assert [h.text for h in talk.find_elements(By.CSS_SELECTOR, "thead th")][-2:] == [
        "Different students heard per visit",
        "Share of the class heard",
    ]
    assert "Whether talk in class reaches many students or stays with a few." in talk.text
    talk_rows = [r.text for r in talk.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert talk_rows[0] == "Week of 2 Mar 2026 3 3 0 0 3 2 100%"
    assert talk_rows[1].startswith("Week of 9 Mar 2026 Hidden: fewer than 3 teachers")
    assert "1 week hidden: fewer than 3 teachers were visited" in talk.text
    for leak in (SECRET, TEACHER_NAME):
        assert leak not in browser.page_source
        assert leak not in web_server.log_text()
    check_page(browser, "leader")

    with cookie_client(browser, web_server.base_url) as client:
        html = client.get("/leader").text
        assert "<script" not in html and " style=" not in html  # the CSP allows neither
        for name in ("visits-per-week", "coaching-time", "lookfor-frequencies", "participation"):
            reply = client.get(f"/leader/{name}.csv")
            assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/csv")
            assert SECRET not in reply.text and TEACHER_NAME not in reply.text
        table = list(csv.reader(io.StringIO(client.get("/leader/lookfor-frequencies.csv").text)))
        assert table[1][:3] == ["T1", "'" + FORMULA_TITLE, "4"]  # a formula stays text
        talk_csv = list(csv.reader(io.StringIO(client.get("/leader/participation.csv").text)))
        assert [r[0] for r in talk_csv[1:]] == ["2026-03-02"]  # the hidden week stays hidden
        visits_csv = list(csv.reader(io.StringIO(client.get("/leader/visits-per-week.csv").text)))
        assert [r[0] for r in visits_csv[1:]] == ["2026-03-02"]  # hidden in the CSV too
        ranged = client.get("/leader/visits-per-week.csv", params={"to": "2026-03-08"})
        assert [r[0] for r in csv.reader(io.StringIO(ranged.text))][1:] == ["2026-03-02"]
        lone = client.get("/leader/lookfor-frequencies.csv", params={"from": "2026-03-09"})
        assert list(csv.reader(io.StringIO(lone.text)))[1:] == []  # one classroom's evidence

    # On paper: the figures and tables, without the form and the download links.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, "form.range").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, ".download a").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "table").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # The date range form narrows every figure.
    browser.find_element(By.ID, "from").send_keys("03092026")
    click_and_wait(browser, "form.range button")
    assert "from=2026-03-09" in browser.current_url
    assert "Week of 2 Mar 2026" not in text_of(browser)
    assert "Showing 2026-03-09 to today." in text_of(browser)


def test_a_bad_date_is_a_sentence(browser, web_server):
    leader = web_server.add_user(role="leader", school=f"Dates {uuid.uuid4().hex[:6]}")
    sign_in(browser, web_server.base_url, leader.email, leader.password)
    browser.get(web_server.base_url + "/leader?from=2026-02-30")
    assert "“From” should be a date like 2026-09-01; showing all dates." in text_of(browser)
    browser.get(web_server.base_url + "/leader?from=2026-03-09&to=2026-03-01")
    assert "The “From” date is after the “To” date" in text_of(browser)


def test_leader_of_another_school_sees_nothing_of_it(browser, web_server):
    _school_with_figures(web_server, f"Figures {uuid.uuid4().hex[:6]}")
    stranger = web_server.add_user(role="leader", school=f"Else {uuid.uuid4().hex[:6]}")
    sign_in(browser, web_server.base_url, stranger.email, stranger.password)
    page = text_of(browser)
    assert page.count("Nothing recorded for these dates.") == 7  # every figure
    assert "Week of" not in page and "HYPERLINK" not in page and "students explain" not in page
    assert "Download" not in page
    check_page(browser, "leader-empty")


def test_other_roles_cannot_open_the_leader_pages(browser, web_server):
    coach = web_server.add_user(role="coach", school="Web High")
    browser.get(web_server.base_url + "/leader")
    assert browser.find_element(By.ID, "email")  # signed out: the sign-in page
    sign_in(browser, web_server.base_url, coach.email, coach.password)
    browser.get(web_server.base_url + "/leader")
    assert "This page is for school leaders; your account cannot open it." in text_of(browser)
    check_page(browser, "refused")
    with cookie_client(browser, web_server.base_url) as client:
        reply = client.get("/leader/visits-per-week.csv")
        assert reply.status_code == 403 and "text/csv" not in reply.headers["content-type"]


def test_leader_sees_cycle_measures_before_and_after_with_small_groups_hidden(browser, web_server):
    school, _coach, _t1, _c1 = cycle_school(web_server)
    leader = web_server.add_user(role="leader", school=school)
    sign_in(browser, web_server.base_url, leader.email, leader.password)

    months = section(browser, "cycles")
    assert [r.text for r in months.find_elements(By.CSS_SELECTOR, "tbody tr")] == [
        "September 2026 Hidden: fewer than 3 teachers",
        "October 2026 2 1",
    ]
    assert "1 month hidden" in months.text
    measures = section(browser, "cycle-measures")
    assert [r.text for r in measures.find_elements(By.CSS_SELECTOR, "tbody tr")] == [
        "Distinct voices (students heard) 3 3 2 4 +2 2 of 3 (67%) 1 of 2 (50%)",
        "Evidence marked seen for the cycle's look-for Hidden: fewer than 3 teachers",
        "All cycles 4 4 — — — 3 of 4 (75%) 1 of 2 (50%)",
    ]
    assert "Distinct voices (students heard)\n2 of 3 (67%) improved" in measures.text
    assert "All cycles\n3 of 4 (75%) improved" in measures.text
    assert CYCLE_SECRET not in browser.page_source
    check_page(browser, "leader-cycles")
    with cookie_client(browser, web_server.base_url) as client:
        table = list(csv.reader(io.StringIO(client.get("/leader/cycle-measures.csv").text)))
        assert table[1:] == [
            ["distinct_voices", "3", "3", "2.0", "4.0", "2.0", "2", "2", "1"],
            ["all", "4", "4", "", "", "", "3", "2", "1"],
        ]
        months_csv = list(csv.reader(io.StringIO(client.get("/leader/cycles.csv").text)))
        assert months_csv[1:] == [["2026-10", "2", "1"]]
