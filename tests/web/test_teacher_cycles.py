"""A coaching cycle shared with its teacher, end to end: the coach shares it from a real desktop
profile (``coaching.cycle_share``) and syncs with the real CLI; the teacher reads its goal,
steps and measure before → after in a real Chromium, reflects on it; the coach's next sync
brings the reflection into the cycle window and the cycle summary PDF. Un-sharing takes the
page away. Every page passes axe-core at 375 and 1280 px."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from observe.coaching import cycle_share, cycles
from observe.coaching.cycles import CycleDraft, StepDraft
from observe.feedback.reflections import cycle_reflections
from observe.reports.cycle_summary import cycle_summary_pdf
from observe.settings import COACH_NAME_KEY, put
from observe.store import open_profile
from observe.store.models import MeasureKind, StepKind, StepStatus, Teacher
from observe.ui.coaching.cycles_window import CyclesWindow
from tests.coaching.helpers import T0, make_room, visit_with_voices
from tests.serverfixtures import ServerProcess
from tests.web import teacher_world as tw
from tests.web.browser import check_page, click_and_wait, cookie_client, sign_in, text_of

SAVED = "Saved. Your coach will see it after their next sync."
NO_SUCH_PAGE = "There is no such page on this server; check the address or go home."
FOCUS = "Widen participation in whole-class discussion"
GOAL = "At least 18 of 24 students contribute aloud in each discussion."
STEP_NOTE = "Private: she seemed tired, ask about the new schedule."
TODAY = date(2026, 10, 20)
REFLECTION = "Partner talk first helped: the back table spoke both times. Next: cold-call cards."


def _coach_shares_a_cycle(data_dir: Path, email: str) -> str:
    """The coach's own profile: a cycle with steps and two measured visits, shared with the
    teacher through the app's own code; returns the cycle's id."""
    store = open_profile(data_dir)
    try:
        put(store, COACH_NAME_KEY, "Sam Lee")
        teacher, room, seats = make_room(store, "Ana Reyes", seats=24)
        with store.write() as s:
            s.get(Teacher, teacher).email = email
        cycle_id = cycles.save_cycle(
            store,
            CycleDraft(
                teacher_id=teacher,
                focus=FOCUS,
                student_goal=GOAL,
                measure_kind=MeasureKind.DISTINCT_VOICES,
                baseline=9.0,
                target=18.0,
                started_on=date(2026, 9, 14),
                steps=(
                    StepDraft(StepKind.OBSERVE, "Baseline observation", date(2026, 9, 15),
                              StepStatus.DONE, date(2026, 9, 15), notes=STEP_NOTE),
                    StepDraft(StepKind.MODEL, "Model think-pair-share", date(2026, 9, 22)),
                ),
            ),
        )  # fmt: skip
        for week, voices in ((0, 10), (2, 17)):
            start = T0 + timedelta(weeks=week)
            visit_with_voices(store, room, seats, voices, start=start, cycle_id=cycle_id)
        cycle_share.share_cycle(store, cycle_id, True)
        return cycle_id
    finally:
        store.close()


def test_a_shared_cycle_read_and_reflected_on_reaches_the_coachs_window_and_pdf(
    browser: WebDriver, web_server: ServerProcess, tmp_path: Path, qtbot
):
    errors_seen: list[BaseException] = []
    world = tw.school(web_server)
    email = world.teacher_email("ana")
    profile = tmp_path / "coach-profile"
    cycle_id = _coach_shares_a_cycle(profile, email)
    said = tw.coach_profile_syncs(web_server, world.coach, profile)
    assert ", no conflicts." in said, said
    other_sheet = tw.share(world.coach, email)  # a feedback sheet beside it in the list

    ana = web_server.add_user(role="teacher", school=world.name, email=email, name="Ana Reyes")
    sign_in(browser, web_server.base_url, email, ana.password)
    items = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".shared li")]
    assert items[1] == f"Coaching cycle: {FOCUS}\nActive · since 14 Sep 2026 · with Sam Lee\n" + (
        "No reflection yet."
    )
    assert items[0].startswith("1 Dec 2026: Coaching-cycle visit")
    check_page(browser, "teacher-list-cycle")

    click_and_wait(browser, f"a[href='/teacher/cycle/{cycle_id}']")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Coaching cycle with Sam Lee · Active · since 14 Sep 2026. Shared " in main
    for words in (
        FOCUS,
        GOAL,
        "Distinct voices: baseline 9 → 17/24 (+8); target 18, not yet met.",
        "Baseline observation\nObserve · Done, 15 Sep 2026",
        "Model think-pair-share\nModel · Planned",
    ):
        assert words in main, words
    bars = [
        e.get_attribute("aria-label")
        for e in browser.find_elements(By.CSS_SELECTOR, ".measure-bars [role=img]")
    ]
    assert bars == [
        "Baseline: 9 of 24 students who spoke",
        "Latest: 17 of 24 students who spoke",
        "Target: 18 students who spoke",
    ]
    assert STEP_NOTE not in browser.page_source
    check_page(browser, "teacher-cycle")

    # Not a sheet, and the sheet is not a cycle: the same "no such page" as any wrong address.
    with cookie_client(browser, web_server.base_url) as client:
        for wrong in (f"/teacher/sheet/{cycle_id}", f"/teacher/sheet/{cycle_id}.pdf",
                      f"/teacher/cycle/{other_sheet}"):  # fmt: skip
            reply = client.get(wrong)
            assert reply.status_code == 404 and FOCUS not in reply.text, wrong
        # A form whose token no longer matches: refused, and the words come back.
        stale = client.post(
            f"/teacher/cycle/{cycle_id}/reflection", data={"text": "kept words", "csrf": "x"}
        )
        assert stale.status_code == 403 and "kept words" in stale.text

    browser.find_element(By.ID, "text").send_keys(REFLECTION)
    click_and_wait(browser, "#reflection button[type=submit]")
    assert SAVED in text_of(browser)
    assert browser.find_element(By.ID, "text").get_attribute("value") == REFLECTION
    check_page(browser, "teacher-cycle-saved")
    browser.get(web_server.base_url + "/teacher")
    assert "You reflected on this." in browser.find_elements(By.CSS_SELECTOR, ".shared li")[1].text

    # The coach's next sync brings it into the profile, the cycle window and the summary PDF.
    said = tw.coach_profile_syncs(web_server, world.coach, profile)
    assert ", no conflicts." in said, said
    store = open_profile(profile)
    try:
        assert [r.text for r in cycle_reflections(store, cycle_id)] == [REFLECTION]
        window = CyclesWindow(
            store, report_error=lambda _parent, error: errors_seen.append(error), today=TODAY
        )
        qtbot.addWidget(window)
        window.show()
        window.select(cycle_id)
        panel = window.view.teacher_reflections
        assert panel.isVisible() and REFLECTION in panel.text.toPlainText()
        assert window.share_box.isChecked()
        pdf = cycle_summary_pdf(store, cycle_id, "letter")
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
        assert "Partner talk first helped" in re.sub(r"\s+", " ", text)
        assert errors_seen == []

        # Un-shared from the window: after the sync the teacher's page is gone.
        window.share_box.click()
        assert not cycle_share.is_shared(store, cycle_id)
    finally:
        store.close()
    tw.coach_profile_syncs(web_server, world.coach, profile)
    browser.get(f"{web_server.base_url}/teacher/cycle/{cycle_id}")
    assert NO_SUCH_PAGE in text_of(browser) and FOCUS not in browser.page_source
