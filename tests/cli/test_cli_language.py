"""The CLI speaks the system's language (LANG, LANGUAGE) or the one given with --language, in
its sentences and in the reports it prints; a language without a catalog falls back to English
with a sentence saying so. The first test runs the real command in a subprocess."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from observe import i18n
from observe.cli import main
from observe.feedback import Glow, draft_for, save_feedback
from observe.store import open_profile

from ..reports.helpers import build_visit, pdf_text


def _env(**lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update({"PYTHONPATH": os.pathsep.join(sys.path), **lang})
    return env


def observe(profile: Path, *args: str, **lang: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "observe", "--data-dir", str(profile), *args],
        capture_output=True,
        text=True,
        check=False,
        env=_env(**lang),
        timeout=120,
    )


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def profile(profile_dir: Path) -> Path:
    """A visit with no saved feedback (its sheet is a DRAFT) and one with saved feedback."""
    store = open_profile(profile_dir)
    build_visit(store)
    built = build_visit(store, teacher="Zoë Okafor")
    draft = draft_for(store, built.visit_id)
    draft.glows = [Glow("Students compared drawings before sharing.", built.evidence_ids[1])]
    save_feedback(store, draft)
    store.close()
    return profile_dir


def test_lang_es_prints_spanish_sentences_and_a_spanish_sheet(profile: Path, tmp_path: Path):
    out = tmp_path / "hoja.pdf"
    done = observe(
        profile, "report", "feedback", "--visit", "latest", "--out", str(out),
        LANG="es_ES.UTF-8",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Se guardó la hoja de retroalimentación (1 página) en ")
    text = pdf_text(out)
    assert "Fortalezas observadas" in text and "Strengths noticed" not in text
    assert "Students compared drawings before sharing." in text

    missing = observe(profile, "report", "feedback", "--visit", "nope", "--out", str(out),
                      LANG="es_MX.UTF-8")  # fmt: skip
    assert missing.returncode != 0
    assert missing.stderr.strip().startswith('Ninguna visita tiene el identificador "nope".')
    assert "Traceback" not in missing.stderr


def test_language_option_overrides_the_system_and_leaves_the_caller_alone(
    profile: Path, tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    previous = i18n.set_language("en")
    try:
        out = tmp_path / "walk-sheets"
        code, stdout, stderr = run(
            "report", "sheets", "--walk", "latest", "--out-dir", str(out),
            "--data-dir", str(profile), "--language", "es",
        )  # fmt: skip
        # No walk in this profile: the sentence is Spanish, and nothing is written.
        assert code != 0
        assert "no tiene recorridos pedagógicos" in stderr
        code, stdout, stderr = run(
            "--language", "es", "report", "feedback", "--visit", "latest",
            "--out", str(tmp_path / "s.pdf"), "--data-dir", str(profile),
        )  # fmt: skip
        assert code == 0 and stdout.startswith("Se guardó la hoja")
        assert "Fortalezas observadas" in pdf_text(tmp_path / "s.pdf")
        assert i18n.current_language() == "en"  # the run did not change its caller's language

        code, stdout, stderr = run(
            "report", "feedback", "--visit", "latest", "--out", str(tmp_path / "f.pdf"),
            "--data-dir", str(profile), "--language", "fr",
        )  # fmt: skip
        assert code == 0
        assert 'Observe has no "fr" translation' in stderr
        assert stdout.startswith("Saved the feedback sheet (1 page) to ")
    finally:
        i18n.set_language(previous)


def test_the_pseudo_locale_shows_every_cli_sentence_is_translatable(profile: Path, tmp_path: Path):
    """Under qps a sentence that skipped the catalog would print plain English."""
    code, _out, stderr = run("--language", "qps", "report", "--data-dir", str(profile))
    assert code == 2
    assert stderr.strip() == i18n.pseudo_text(
        "Say which report to make: observe report feedback, walk, cycle, survey, sheets or impact."
    )
    code, _out, stderr = run(
        "--language", "qps", "report", "walk", "--walk", "latest",
        "--out", str(tmp_path / "w.pdf"), "--data-dir", str(profile),
    )  # fmt: skip
    assert code == 2 and stderr.startswith("[") and "learning walks" not in stderr
