"""The coach's preferences: typed, defaulted, validated, and read by the reports and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from observe import settings
from observe.cli import main
from observe.errors import UsageError
from observe.settings import Settings
from observe.store import open_profile
from observe.store.models import School, VisitType
from tests.reports.helpers import build_visit, pdf_text


def test_a_new_profile_reads_the_defaults(store):
    got = settings.load(store)
    assert got == Settings()
    assert (got.text_size, got.theme, got.language_hints) == (100, "system", True)
    assert got.default_visit_type is VisitType.COACHING_OBSERVATION
    assert not settings.server_configured(store)


def test_typed_get_and_put_and_a_garbled_value_reads_as_the_default(store):
    settings.put(store, settings.TEXT_SIZE_KEY, 150)
    settings.put(store, settings.VISIT_TYPE_KEY, VisitType.MODELING)
    assert settings.get(store, settings.TEXT_SIZE_KEY) == 150
    assert settings.get(store, settings.VISIT_TYPE_KEY) is VisitType.MODELING
    store.set_setting("ui.text_size", "huge")
    store.set_setting("capture.default_visit_type", "learning_walk")  # not a default type
    store.set_setting("ui.theme", "purple")
    assert settings.get(store, settings.TEXT_SIZE_KEY) == 100
    assert settings.get(store, settings.VISIT_TYPE_KEY) is VisitType.COACHING_OBSERVATION
    assert settings.get(store, settings.THEME_KEY) == "system"


def test_saving_tidies_renames_the_school_and_refuses_bad_input_whole(store):
    with store.write() as s:
        s.add(School(name="Lincoln Middle"))
    saved = settings.save(
        store,
        Settings(
            coach_name="  Ana Reyes ",
            school="Lincoln Middle School",
            paper="a4",
            language_hints=False,
            default_visit_type=VisitType.CO_TEACHING,
            server_url="observe.example.org/",
            text_size=130,
            theme="dark",
        ),
    )
    assert saved.coach_name == "Ana Reyes" and saved.school == "Lincoln Middle School"
    assert saved.server_url == "https://observe.example.org"
    assert settings.server_configured(store)
    assert settings.paper(store) == "a4" and settings.paper(store, "letter") == "letter"
    # A bad address: the sentence, and nothing else changes either.
    with pytest.raises(UsageError, match="not a server address"):
        settings.save(store, Settings(coach_name="Someone else", server_url="http://"))
    assert settings.load(store) == saved


def test_the_cli_report_uses_the_name_and_paper_from_settings(
    profile_dir: Path, tmp_path: Path, capsys
):
    store = open_profile(profile_dir)
    build_visit(store)
    settings.save(store, Settings(coach_name="Dr. Ana Reyes-Okafor", paper="a4"))
    store.close()
    out = tmp_path / "sheet.pdf"
    argv = ["report", "feedback", "--visit", "latest", "--out", str(out)]
    code = main([*argv, "--data-dir", str(profile_dir)])
    assert code == 0, capsys.readouterr().err
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert "Dr. Ana Reyes-Okafor" in pdf_text(out)
    # --paper and --coach still win over the settings.
    code = main(
        [
            "report",
            "feedback",
            "--visit",
            "latest",
            "--out",
            str(out),
            "--paper",
            "letter",
            "--coach",
            "A. Visitor",
            "--data-dir",
            str(profile_dir),
        ]
    )
    assert code == 0
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter
    assert "A. Visitor" in pdf_text(out) and "Reyes-Okafor" not in pdf_text(out)
