"""The web pages in Spanish (issue 19): a teacher whose browser asks for Spanish reads the
shared sheet and the reflection form in Spanish, with ``<html lang="es">``, Spanish dates and
axe-core still passing at a phone's and a laptop's width; the language links switch and are
remembered; a browser asking for English (or nothing Observe speaks) gets English."""

from __future__ import annotations

import httpx
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.serverfixtures import ServerProcess
from tests.web import teacher_world as tw
from tests.web.browser import after_navigation, check_page, click_and_wait, sign_in, text_of

PASSWORD = "leyendo-la-retroalimentacion"


def _asks_for(browser: WebDriver, accept_language: str) -> None:
    agent = browser.execute_script("return navigator.userAgent")
    browser.execute_cdp_cmd(
        "Network.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": accept_language}
    )


def _teacher_with_a_sheet(server: ServerProcess) -> tuple[str, str]:
    world = tw.school(server)
    email = world.teacher_email("Lucia")
    made = tw.invite(world.coach, email, "Lucía Gómez")
    sheet_id = tw.share(world.coach, email, "Lucía Gómez")
    with httpx.Client(timeout=30) as client:
        page = client.get(made["link"])
        assert page.status_code == 200
    from observe.server import invitations

    invitations.accept(server.engine, token_or_code=made["code"], password=PASSWORD)
    return email, sheet_id


def test_a_teacher_whose_browser_asks_for_spanish_reads_the_sheet_in_spanish(
    browser: WebDriver, web_server: ServerProcess
) -> None:
    email, sheet_id = _teacher_with_a_sheet(web_server)
    _asks_for(browser, "es-MX,es;q=0.9,en;q=0.5")
    try:
        browser.get(web_server.base_url + "/")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
        assert "Iniciar sesión en Observe" in text_of(browser)
        sign_in(browser, web_server.base_url, email, PASSWORD)
        page = text_of(browser)
        assert "Compartido con usted" in page and "Shared with you" not in page
        browser.get(f"{web_server.base_url}/teacher/sheet/{sheet_id}")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
        page = text_of(browser)
        for spanish in (
            "Lo que salió bien",
            "Quién pudo hablar",
            "14 de 22 estudiantes pudieron hablar, en 41 turnos de palabra.",
            "Visita del 1 dic 2026. Retroalimentación de Sam Lee, compartida el 1 dic 2026.",
            "Descargar esta retroalimentación en PDF",
            "Su reflexión",
            "¿Qué observó? ¿Qué va a probar?",
            "Solo usted y Sam Lee ven esto.",
            "Guardar reflexión",
            "Cerrar sesión",
        ):
            assert spanish in page, spanish
        for english in ("What went well", "Your reflection", "What did you notice", "Sign out"):
            assert english not in page, english
        # What the coach wrote stays in the coach's words.
        assert tw.STRENGTH in page
        check_page(browser, "es-teacher-sheet")

        # Saving a reflection answers in Spanish too.
        browser.find_element(By.ID, "text").send_keys("Noté que la mesa del fondo habló más.")
        click_and_wait(browser, "#reflection button[type=submit]")
        assert "Guardado. Su coach lo verá después de su próxima sincronización." in text_of(
            browser
        )
        check_page(browser, "es-teacher-sheet-saved")

        # The language links: English chosen explicitly wins over the browser, and is kept.
        link = browser.find_element(By.CSS_SELECTOR, "footer nav a[hreflang=en]")
        after_navigation(browser, link.click)
        assert browser.current_url.endswith(f"/teacher/sheet/{sheet_id}?done=saved")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert "What went well" in text_of(browser)
        browser.get(web_server.base_url + "/teacher")
        assert "Shared with you" in text_of(browser)
        link = browser.find_element(By.CSS_SELECTOR, "footer nav a[hreflang=es]")
        after_navigation(browser, link.click)
        assert "Compartido con usted" in text_of(browser)
    finally:
        _asks_for(browser, "en-US,en")


def test_english_unless_asked_and_the_switch_stays_on_this_site(web_server: ServerProcess):
    base = web_server.base_url
    with httpx.Client(base_url=base, timeout=30) as client:
        for asked, lang in (("", "en"), ("fr-FR,fr", "en"), ("en-GB,es;q=0.8", "en"),
                            ("fr,es;q=0.7", "es"), ("es-ES", "es")):  # fmt: skip
            page = client.get("/", headers={"accept-language": asked} if asked else {})
            assert f'<html lang="{lang}">' in page.text, asked
        moved = client.get("/language", params={"to": "es", "next": "https://evil.example/"})
        assert moved.status_code == 303 and moved.headers["location"] == "/"
        assert "observe_lang=es" in moved.headers["set-cookie"]
        assert "HttpOnly" in moved.headers["set-cookie"]
        moved = client.get("/language", params={"to": "es", "next": "//evil.example/x"})
        assert moved.headers["location"] == "/"
        page = client.get("/", headers={"accept-language": "en-US"})
        assert '<html lang="es">' in page.text  # the choice beats the browser
        refused = client.post("/", data={"email": "a@b.org", "password": "x", "csrf": "x"})
        assert "Este formulario de inicio de sesión caducó" in refused.text
