"""The teacher's side in a real Chromium against a real observe-server: a coach invites through
the API, the teacher sets a password from the link (or the typed code), reads the shared sheet
and its PDF, writes a reflection, and the coach's own profile receives it on its next sync.
Another teacher sees none of it; every page passes axe-core at 375 and 1280 px."""

from __future__ import annotations

import io
import re
import sqlite3
from datetime import timedelta

import httpx
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from sqlalchemy import delete, insert, select, update

from observe.server import teacher_view
from observe.server.accounts import principal_of
from observe.server.invitations import MAX_CODE_FAILURES, _sha
from observe.server.schema import invitation, login_failure, record, utcnow, web_session
from tests.server.helpers import pull_all
from tests.serverfixtures import ServerProcess
from tests.web import teacher_world as tw
from tests.web.browser import (
    after_navigation,
    check_page,
    click_and_wait,
    cookie_client,
    sign_in,
    sign_out,
    text_of,
)

PASSWORD = "reading-shared-feedback"
SAVED = "Saved. Your coach will see it after their next sync."
NO_SUCH_PAGE = "There is no such page on this server; check the address or go home."


def _set_password(browser: WebDriver, password: str, confirm: str | None = None) -> None:
    box = browser.find_element(By.ID, "password")
    box.clear()
    box.send_keys(password)
    again = browser.find_element(By.ID, "confirm")
    again.clear()
    again.send_keys(password if confirm is None else confirm)
    click_and_wait(browser, "main form button[type=submit]")


def _main_text(browser: WebDriver) -> str:
    return browser.find_element(By.TAG_NAME, "main").text


def _whole_flow(browser: WebDriver, server: ServerProcess, profile_dir, shots: str) -> None:
    world = tw.school(server)
    email = world.teacher_email("Ana")
    made = tw.invite(world.coach, email.upper(), "Ana Ortiz")
    # The coach's feedback comes from their real profile; sharing publishes what it says.
    sheet_id = tw.feedback_in_profile(profile_dir, "Ana Ortiz")
    said = tw.coach_profile_syncs(server, world.coach, profile_dir)
    assert said.startswith("Pushed 5 changes, pulled 5, no conflicts."), said
    assert tw.publish(world.coach, sheet_id, email, "Ana Ortiz") == 2
    private_id = tw.share(world.coach, None)

    # The link opens the set-password page, which names who is being invited.
    browser.get(made["link"])
    assert "Welcome, Ana Ortiz" in text_of(browser)
    assert email in text_of(browser)
    check_page(browser, f"{shots}invite-password")
    _set_password(browser, PASSWORD, "something else entirely")
    assert "The two passwords are not the same; type them again." in text_of(browser)
    _set_password(browser, "short")
    assert "Choose a password of at least 8 characters." in text_of(browser)
    _set_password(browser, PASSWORD)

    # Signed in, on the list of what was shared.
    assert browser.current_url.startswith(server.base_url + "/teacher")
    page = text_of(browser)
    assert "Your password is set and you are signed in." in page
    assert "1 Dec 2026: Coaching-cycle visit" in page
    assert "Grade 5 Math, period 2 · from Sam Lee" in page
    assert "No reflection yet." in page
    check_page(browser, f"{shots}teacher-list")

    # The sheet, as a page: the strengths with their evidence quoted, the wondering, the voices.
    click_and_wait(browser, f"a[href='/teacher/sheet/{sheet_id}']")
    main = _main_text(browser)
    for text in (tw.STRENGTH, tw.STRENGTH_2, tw.EVIDENCE, tw.EVIDENCE_2, tw.WONDERING, tw.PROMPT):
        assert text in main
    assert f"09:14 · Student talk\n{tw.EVIDENCE}\n09:16 · Teacher talk" in main
    assert "Feedback from Sam Lee, shared 1 Dec 2026." in main
    assert "14 of 22 students got to talk, in 41 turns of talk." in main
    bar = browser.find_element(By.CSS_SELECTOR, ".voices-track")
    assert bar.get_attribute("aria-label") == "14 of 22 students, 64 percent"
    assert "the coach's private draft wording" not in browser.page_source
    check_page(browser, f"{shots}teacher-sheet")

    # The PDF, one click away: the same words.
    with cookie_client(browser, server.base_url) as client:
        pdf = client.get(f"/teacher/sheet/{sheet_id}.pdf")
        assert pdf.status_code == 200
        assert pdf.headers["content-type"] == "application/pdf"
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
        flat = re.sub(r"\s+", " ", text)
        for words in (tw.STRENGTH, tw.EVIDENCE, tw.WONDERING, "Sam Lee", "14 of 22 students"):
            assert words in flat, words
        assert "DRAFT" not in flat
        assert "private draft wording" not in flat
        # A sheet not shared with anyone is no page, whoever asks.
        assert client.get(f"/teacher/sheet/{private_id}").status_code == 404
        assert client.get(f"/teacher/sheet/{private_id}.pdf").status_code == 404

    # The reflection: typed (right-to-left included), with emoji the keyboard driver can't
    # type, saved through the server's push path.
    box = browser.find_element(By.ID, "text")
    box.send_keys(tw.REFLECTION)
    browser.execute_script("arguments[0].value += arguments[1];", box, tw.EMOJI)
    click_and_wait(browser, "#reflection button[type=submit]")
    assert SAVED in text_of(browser)
    written = tw.REFLECTION + tw.EMOJI
    assert browser.find_element(By.ID, "text").get_attribute("value") == written
    check_page(browser, f"{shots}teacher-sheet-saved")
    # Editing keeps one reflection (a new version of the same record).
    box = browser.find_element(By.ID, "text")
    box.send_keys(" Tomorrow.")
    click_and_wait(browser, "#reflection button[type=submit]")
    written += " Tomorrow."
    assert browser.find_element(By.ID, "text").get_attribute("value") == written
    browser.get(server.base_url + "/teacher")
    assert "You reflected on this." in text_of(browser)

    # The coach's own profile syncs with the real CLI; the reflection reaches the coach.
    said = tw.coach_profile_syncs(server, world.coach, profile_dir)
    # The shared sheet's new version, the private sheet, and the reflection (which this
    # branch's desktop skips as a kind it doesn't know yet: see below).
    assert said.startswith("Pushed 0 changes, pulled 3, no conflicts."), said
    mine = [c for c in pull_all(world.coach) if c["kind"] == "reflection" and not c["deleted"]]
    assert [(c["data"]["text"], c["data"]["target_id"], c["version"]) for c in mine] == [
        (written, sheet_id, 2)
    ]
    with sqlite3.connect(profile_dir / "observe.sqlite3") as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        if "reflection" in tables:  # the desktop's reflection model (branch i16-desktop)
            texts = [t for (t,) in db.execute("SELECT text FROM reflection")]
            assert texts == [written]
        assert db.execute("SELECT version FROM feedback WHERE id = ?", (sheet_id,)).fetchone() == (
            2,
        )


def test_a_teacher_invited_by_link_reads_the_sheet_and_the_coach_gets_the_reflection(
    browser, web_server, tmp_path
):
    _whole_flow(browser, web_server, tmp_path / "coach-profile", "")


def test_the_teacher_flow_on_postgresql(chromium, pg_server, tmp_path):
    chromium.get(pg_server.base_url + "/v1/health")
    chromium.delete_all_cookies()
    _whole_flow(chromium, pg_server, tmp_path / "coach-profile", "pg-")


def _teacher_signed_in(browser: WebDriver, server: ServerProcess, world: tw.School, first: str):
    email = world.teacher_email(first)
    user = server.add_user(role="teacher", school=world.name, email=email, name=first.title())
    sign_in(browser, server.base_url, email, user.password)
    return user


def test_another_teacher_sees_nothing_of_the_first(browser, web_server):
    world = tw.school(web_server)
    sheet_id = tw.share(world.coach, world.teacher_email("ana"))
    ben = _teacher_signed_in(browser, web_server, world, "ben")
    assert browser.current_url == web_server.base_url + "/teacher"
    assert "Nothing has been shared with you yet." in text_of(browser)
    assert tw.STRENGTH not in browser.page_source
    check_page(browser, "teacher-empty")

    browser.get(f"{web_server.base_url}/teacher/sheet/{sheet_id}")
    theirs = _main_text(browser)
    browser.get(f"{web_server.base_url}/teacher/sheet/0193a1b2-0000-7000-8000-000000000000")
    nothing = _main_text(browser)
    assert NO_SUCH_PAGE in theirs and theirs == nothing  # no hint that the first one exists
    assert tw.STRENGTH not in browser.page_source
    check_page(browser, "teacher-not-found")

    csrf = browser.find_element(By.CSS_SELECTOR, "form[action='/signout'] input").get_attribute(
        "value"
    )
    with cookie_client(browser, web_server.base_url) as client:
        pdf = client.get(f"/teacher/sheet/{sheet_id}.pdf")
        assert pdf.status_code == 404 and tw.STRENGTH.encode() not in pdf.content
        posted = client.post(
            f"/teacher/sheet/{sheet_id}/reflection", data={"text": "mine now", "csrf": csrf}
        )
        assert posted.status_code == 404 and NO_SUCH_PAGE in posted.text
        assert "mine now" in posted.text  # their own words come back, nothing else does
        # Without the form's token nothing is written either, even on a sheet of one's own.
        own = tw.share(world.coach, ben.email, teacher_name="Ben")
        forged = client.post(f"/teacher/sheet/{own}/reflection", data={"text": "forged"})
        assert forged.status_code == 403
        assert "This form has expired or did not come from this site." in forged.text
        assert "forged" in forged.text
    with web_server.engine.connect() as conn:
        kinds = conn.execute(select(record.c.kind).where(record.c.owner_id == ben.id)).all()
    assert kinds == []

    # Other roles are sent away from the teacher's pages in words.
    sign_out(browser)
    leader = web_server.add_user(role="leader", school=world.name)
    sign_in(browser, web_server.base_url, leader.email, leader.password)
    browser.get(f"{web_server.base_url}/teacher/sheet/{sheet_id}")
    assert "This page is for teachers; your account cannot open it." in text_of(browser)
    assert tw.STRENGTH not in browser.page_source


def test_a_typed_code_sets_the_password(browser, web_server):
    world = tw.school(web_server)
    email = world.teacher_email("cam")
    made = tw.invite(world.coach, email, "Cam Diaz")
    browser.get(web_server.base_url + "/invite")
    check_page(browser, "invite-code")
    browser.find_element(By.ID, "code").send_keys("ABCD-EFGH")
    click_and_wait(browser, "main form button[type=submit]")
    assert "This invitation link or code is not right" in text_of(browser)
    browser.find_element(By.ID, "code").send_keys("wrong")
    click_and_wait(browser, "main form button[type=submit]")
    assert "Type the 8-character code from your invitation, like K7QX-3M9P" in text_of(browser)
    typed = made["code"].lower().replace("-", " ")  # as read over the phone
    browser.find_element(By.ID, "code").send_keys(typed)
    click_and_wait(browser, "main form button[type=submit]")
    assert "Welcome, Cam Diaz" in text_of(browser)
    _set_password(browser, PASSWORD)
    assert browser.current_url.startswith(web_server.base_url + "/teacher")
    assert "Signed in as Cam Diaz" in text_of(browser)
    # The code works once; the link of the same invitation is used up with it.
    sign_out(browser)
    browser.get(made["link"])
    assert "This invitation has already been used; sign in with the password you chose" in (
        text_of(browser)
    )
    sign_in(browser, web_server.base_url, email, PASSWORD)
    assert browser.current_url == web_server.base_url + "/teacher"


def test_an_expired_invitation_says_so(browser, web_server):
    world = tw.school(web_server)
    made = tw.invite(world.coach, world.teacher_email("dee"), "Dee Park")
    token = made["link"].rsplit("/", 1)[1]
    back = utcnow() - timedelta(days=1)
    with web_server.engine.begin() as conn:
        conn.execute(
            update(invitation).where(invitation.c.token_hash == _sha(token)).values(expires_at=back)
        )
    browser.get(made["link"])
    assert f"This invitation expired on {back:%Y-%m-%d}; ask your coach for a new one." in (
        text_of(browser)
    )
    assert not browser.find_elements(By.ID, "password")
    check_page(browser, "invite-expired")
    # Posting the password anyway changes nothing.
    with httpx.Client(base_url=web_server.base_url) as client:
        form = client.get("/invite")
        csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
        reply = client.post(
            "/invite/password",
            data={"invitation": token, "password": PASSWORD, "confirm": PASSWORD, "csrf": csrf},
        )
    assert reply.status_code == 410 and "This invitation expired on" in reply.text


def test_the_invitation_forms_need_their_token(web_server):
    world = tw.school(web_server)
    made = tw.invite(world.coach, world.teacher_email("eve"), "Eve Ng")
    token = made["link"].rsplit("/", 1)[1]
    with httpx.Client(base_url=web_server.base_url) as client:
        reply = client.post(
            "/invite/password",
            data={"invitation": token, "password": PASSWORD, "confirm": PASSWORD, "csrf": "x" * 40},
        )
        assert reply.status_code == 403
        assert "This form has expired or did not come from this site." in reply.text
        coded = client.post("/invite", data={"code": made["code"]})
        assert coded.status_code == 403
    # Still usable: nothing was spent.
    with httpx.Client(base_url=web_server.base_url) as client:
        assert "Welcome, Eve Ng" in client.get(made["link"]).text


def test_keyboard_only_writes_and_saves_a_reflection(browser, web_server):
    world = tw.school(web_server)
    email = world.teacher_email("fay")
    sheet_id = tw.share(world.coach, email, teacher_name="Fay")
    _teacher_signed_in(browser, web_server, world, "fay")
    browser.get(f"{web_server.base_url}/teacher/sheet/{sheet_id}")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(40):  # Tab through the page until the reflection box has focus
        if browser.switch_to.active_element.get_attribute("id") == "text":
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "text"
    browser.switch_to.active_element.send_keys("Written with the keyboard only.")
    browser.switch_to.active_element.send_keys(Keys.TAB)
    button = browser.switch_to.active_element
    assert button.tag_name == "button" and "Save reflection" in button.text
    after_navigation(browser, lambda: button.send_keys(Keys.ENTER))
    assert SAVED in text_of(browser)
    assert browser.find_element(By.ID, "text").get_attribute("value") == (
        "Written with the keyboard only."
    )


def test_a_reflection_sent_after_the_session_ended_is_given_back_not_lost(browser, web_server):
    """A teacher who writes for longer than the idle limit is signed out by the time they
    press Save: the page says so and shows their words to copy, and nothing is written."""
    world = tw.school(web_server)
    email = world.teacher_email("gil")
    sheet_id = tw.share(world.coach, email, teacher_name="Gil")
    gil = _teacher_signed_in(browser, web_server, world, "gil")
    browser.get(f"{web_server.base_url}/teacher/sheet/{sheet_id}")
    words = "The quiet table got no turn; next week I start with them. \u05e9\u05dc\u05d5\u05dd"
    browser.find_element(By.ID, "text").send_keys(words)
    with web_server.engine.begin() as conn:
        conn.execute(
            update(web_session)
            .where(web_session.c.account_id == gil.id)
            .values(last_seen_at=utcnow() - timedelta(minutes=31))
        )
    click_and_wait(browser, "#reflection button[type=submit]")
    assert "so your reflection was not saved" in text_of(browser)
    assert browser.find_element(By.ID, "kept").get_attribute("value") == words
    check_page(browser, "teacher-words-kept")
    with web_server.engine.connect() as conn:
        kinds = conn.execute(select(record.c.kind).where(record.c.owner_id == gil.id)).all()
    assert kinds == []


def test_a_sheet_with_missing_or_odd_fields_still_reads_in_words(browser, web_server):
    """``published`` comes over the network: what is missing or of the wrong shape is left
    out, never printed as "None" and never an error page."""
    world = tw.school(web_server)
    email = world.teacher_email("gus")
    sheet_id = tw.share(
        world.coach,
        email,
        teacher_name="Gus",
        coach_name=None,
        class_label=None,
        visit_date="sometime in May",
        strengths=[{"text": 5}, "junk", {"text": "Clear directions.", "evidence": "bad"}],
        wondering=None,
        reflection_prompt=["not", "text"],
        voices={"heard": "many", "of": 22},
    )
    _teacher_signed_in(browser, web_server, world, "gus")
    browser.get(f"{web_server.base_url}/teacher/sheet/{sheet_id}")
    main = _main_text(browser)
    assert "Clear directions." in main
    assert "Visit on sometime in May. Feedback from Sam Lee, shared 1 Dec 2026." in main
    for absent in ("None", "junk", "Who got to talk", "A wondering", "To reflect on"):
        assert absent not in main
    with cookie_client(browser, web_server.base_url) as client:
        pdf = client.get(f"/teacher/sheet/{sheet_id}.pdf")
    assert pdf.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Clear directions." in text and "None" not in text


def test_the_list_is_newest_first_and_marks_what_was_reflected_on(browser, web_server):
    world = tw.school(web_server)
    email = world.teacher_email("hal")
    older = tw.share(world.coach, email, teacher_name="Hal", visit_date="2026-11-03")
    newer = tw.share(world.coach, email, teacher_name="Hal", visit_date="2026-11-20",
                     class_label=None, coach_name="Dr. Mo")  # fmt: skip
    user = _teacher_signed_in(browser, web_server, world, "hal")
    with web_server.engine.connect() as conn:
        principal = principal_of(conn, user.id)
    teacher_view.write_reflection(web_server.engine, principal, "feedback", older, "Noted.")
    browser.get(web_server.base_url + "/teacher")
    items = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".shared li")]
    assert items == [
        "20 Nov 2026: Coaching-cycle visit\nfrom Dr. Mo\nNo reflection yet.",
        "3 Nov 2026: Coaching-cycle visit\nGrade 5 Math, period 2 · from Sam Lee\n"
        "You reflected on this.",
    ]
    links = [e.get_attribute("href") for e in browser.find_elements(By.CSS_SELECTOR, ".shared a")]
    assert links == [f"{web_server.base_url}/teacher/sheet/{i}" for i in (newer, older)]


def test_too_many_wrong_codes_pause_code_entry_in_words(browser, web_server):
    """The invitation module's server-wide limit on wrong codes, seen on the code form. (Last
    in this module: the limit is server-wide, so it is lifted again at the end.)"""
    world = tw.school(web_server)
    made = tw.invite(world.coach, world.teacher_email("ida"), "Ida")
    with web_server.engine.begin() as conn:
        conn.execute(
            insert(login_failure),
            [{"key": "invite-code", "at": utcnow()} for _ in range(MAX_CODE_FAILURES)],
        )
    try:
        browser.get(web_server.base_url + "/invite")
        browser.find_element(By.ID, "code").send_keys(made["code"])  # even the right one waits
        click_and_wait(browser, "main form button[type=submit]")
        assert "Too many wrong invitation codes were tried; try again in" in text_of(browser)
        assert "or open the invitation link instead." in text_of(browser)
        assert not browser.find_elements(By.ID, "password")
        browser.get(made["link"])  # the link still works
        assert "Welcome, Ida" in text_of(browser)
    finally:
        with web_server.engine.begin() as conn:
            conn.execute(delete(login_failure).where(login_failure.c.key == "invite-code"))
