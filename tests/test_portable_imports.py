"""Every coach's laptop (issue 19): nothing of Observe needs a POSIX-only module to import or to
run the headless commands, and profiles live happily under paths with spaces and accents.

Windows has no ``fcntl``, ``pwd``, ``grp`` or ``termios``. A fresh interpreter with those made
unimportable (``None`` in ``sys.modules``, so ``import fcntl`` raises ImportError as it would
there) imports every module of the package and runs ``observe --help``, ``observe demo``,
``observe report`` (a feedback sheet PDF and the impact CSVs), ``observe check``, ``info``,
``export`` and ``backup`` against a profile in "Zoë Núñez/Mis documentos", with the home and
data folders under the same non-ASCII user name.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

POSIX_ONLY = ("fcntl", "pwd", "grp", "termios")

PROBE = r"""
import contextlib, io, importlib, json, pkgutil, sys
for name in json.loads(sys.argv[1]):
    sys.modules[name] = None  # ``import name`` now raises ImportError, as on Windows

import observe
from observe.cli import main

failed = []
modules = 0
for info in pkgutil.walk_packages(observe.__path__, "observe."):
    if info.name == "observe.__main__":  # runs the command line; exercised below
        continue
    modules += 1
    try:
        importlib.import_module(info.name)
    except BaseException as exc:
        failed.append(f"{info.name}: {exc!r}")

results = []
for argv in json.loads(sys.argv[2]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's --help
            code = exc.code
    results.append({"argv": argv, "code": code, "out": out.getvalue(), "err": err.getvalue()})
print(json.dumps({"modules": modules, "failed": failed, "results": results}))
"""


@pytest.mark.slow
def test_windows_without_posix_modules_imports_everything_and_runs_the_commands(tmp_path: Path):
    home = tmp_path / "Zoë Núñez"
    profile = home / "Mis documentos" / "Perfil de Observe"
    out = home / "Mis documentos" / "Hojas de retroalimentación"
    out.mkdir(parents=True)
    commands = [
        ["--help"],
        ["demo", "--data-dir", str(profile)],
        ["info", "--data-dir", str(profile)],
        ["check", "--data-dir", str(profile)],
        ["report", "feedback", "--data-dir", str(profile), "--visit", "latest",
         "--out", str(out / "Última visita.pdf")],
        ["report", "impact", "--data-dir", str(profile), "--out", str(out / "Impacto")],
        ["export", "--data-dir", str(profile), "--out", str(out / "Exportación.json")],
        ["backup", "--data-dir", str(profile), str(out / "Copia de seguridad.sqlite3")],
    ]  # fmt: skip
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_DATA_HOME": str(home / "AppData" / "Local"),
        "XDG_STATE_HOME": str(home / "AppData" / "Local" / "State"),
        "XDG_CONFIG_HOME": str(home / "AppData" / "Roaming"),
        "PYTHONIOENCODING": "utf-8",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(POSIX_ONLY), json.dumps(commands)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["modules"] > 100
    assert report["failed"] == []
    for run in report["results"]:
        assert run["code"] == 0, run
        assert "Traceback" not in run["err"], run
    help_text = report["results"][0]["out"]
    assert "demo" in help_text and "report" in help_text
    assert str(profile) in report["results"][1]["out"]  # "Loaded small demo data into …"
    assert str(profile) in report["results"][2]["out"]  # info names the folder as it is

    sheet = PdfReader(out / "Última visita.pdf")
    assert len(sheet.pages) >= 1
    assert "Feedback" in sheet.pages[0].extract_text()
    with (out / "Impacto" / "visits_per_week.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh))) > 1
    exported = json.loads((out / "Exportación.json").read_text(encoding="utf-8"))
    assert exported["records"]["evidence"]
    assert (out / "Copia de seguridad.sqlite3").stat().st_size > 0
    assert profile.is_dir() and (profile / "observe.sqlite3").is_file()
