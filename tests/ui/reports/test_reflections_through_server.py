"""The whole loop in the app, against a real observe-server: the coach shares feedback from the
composer, the app syncs, the teacher writes a reflection (through the server's own
``teacher_view.write_reflection``, the code behind the teacher's web page), the coach presses
Sync now, and the open composer's "Teacher's reflection" panel shows it."""

from __future__ import annotations

from observe.server import teacher_view
from observe.server.accounts import principal_of
from observe.sync.account import login
from observe.ui.main_window import MainWindow

from ...reports.helpers import build_visit

REFLECTION = "I saw table 2 wait for me; next time they start without me. 🙂"


def test_a_teacher_reflects_on_feedback_shared_from_the_app(
    window: MainWindow, store, sqlite_server, qtbot, idle, errors_seen, monkeypatch
):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    server = sqlite_server
    coach = server.add_user(school="Lincoln Middle", name="Sam Lee")
    teacher = server.add_user(role="teacher", school="Lincoln Middle", email="anh@school.org")
    login(store, server.base_url, coach.email, coach.password, device_name="laptop")
    controller = window.sync_ui.controller
    controller.refresh()
    qtbot.waitUntil(window.sync_ui.sync_now_action.isEnabled, timeout=10_000)

    def sync_from_the_menu() -> None:
        with qtbot.waitSignal(controller.synced, timeout=20_000):
            window.sync_ui.sync_now_action.trigger()
        idle()

    built = build_visit(store, email="anh@school.org")
    window.context.open_visit(built.visit_id)
    idle()
    window.reports.compose_action.trigger()
    composer = window.reports.last_composer
    assert composer is not None
    qtbot.waitUntil(composer.isEnabled, timeout=10_000)
    assert "hasn't written a reflection" in composer.reflections.text.toPlainText()
    composer.share_box.setChecked(True)
    composer.save_action.trigger()
    qtbot.waitUntil(lambda: not composer.dirty, timeout=10_000)
    sync_from_the_menu()

    # On the server, the teacher reads what the sheet says and reflects on it.
    with server.engine.connect() as conn:
        principal = principal_of(conn, teacher.id)
        [shared] = teacher_view.shared_with(conn, principal)
    assert shared.published["teacher_name"] == "Nguyễn Thị Ánh"
    teacher_view.write_reflection(
        server.engine, principal, "feedback", shared.record_id, REFLECTION
    )

    sync_from_the_menu()
    qtbot.waitUntil(lambda: REFLECTION in composer.reflections.text.toPlainText(), timeout=10_000)
    assert "Nguyễn Thị Ánh, " in composer.reflections.text.toPlainText()
    assert composer.reflections.isVisible() and composer.reflections.text.isReadOnly()
    assert not composer.dirty  # the coach's sheet is untouched by what arrived
    assert not errors_seen
    composer.close()
