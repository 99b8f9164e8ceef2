"""The ``observe`` command: the desktop app by default, sub-commands for headless work.

Every sub-command reports failures as one sentence on stderr with a non-zero exit code; the
traceback, if any, goes to the log file. Sentences and reports are in the language given with
``--language`` (anywhere on the line), else the system's (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``). Qt is imported only when the GUI is started, so the
headless commands work on a machine without a display or Qt's system libraries.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from observe import __version__, i18n
from observe.cli import (
    attach_commands,
    impact_commands,
    import_commands,
    profile_commands,
    report_commands,
    sample_commands,
    sync_commands,
)
from observe.errors import ObserveError, explain_storage_error
from observe.i18n import _
from observe.logsetup import log_file, setup_logging
from observe.paths import ProfilePaths

log = logging.getLogger("observe.cli")


def _data_dir_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("profile folder (default: your user data folder for Observe)"),
    )
    parent.add_argument(
        "--language",
        metavar="CODE",
        default=argparse.SUPPRESS,
        help=_(
            "language of Observe's sentences and of the reports it prints: {codes} (default: "
            "your system's, from LANGUAGE, LC_ALL or LANG)"
        ).format(codes=", ".join(i18n.LANGUAGES)),
    )
    return parent


def _language_in(argv: Sequence[str]) -> str | None:
    """The ``--language`` value, looked for before parsing so that even the parser's own
    sentences (missing arguments, help) can follow it."""
    for i, arg in enumerate(argv):
        if arg == "--language" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--language="):
            return arg.split("=", 1)[1]
    return None


def choose_language(argv: Sequence[str]) -> str:
    """Sets the language for this run (``--language``, else the system's) and returns it;
    a language Observe has no catalog for is said once on stderr and English is used."""
    wanted = _language_in(argv)
    chosen = i18n.set_language(wanted)
    known = (*i18n.LANGUAGES, i18n.PSEUDO)
    if wanted and i18n.normalize(wanted) == i18n.SOURCE and not wanted.lower().startswith("en"):
        print(
            _('Observe has no "{code}" translation; it speaks {known} for now.').format(
                code=wanted, known=", ".join(known[:-1])
            ),
            file=sys.stderr,
        )
    return chosen


def build_parser() -> argparse.ArgumentParser:
    common = _data_dir_parent()
    parser = argparse.ArgumentParser(
        prog="observe",
        description=_(
            "Observe: classroom evidence and strengths-based feedback for coaches. "
            "With no command, opens the desktop app."
        ),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"Observe {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_(
            "check that this installation has what it needs (resources, migrations, "
            "Qt), without a display, then exit"
        ),
    )
    # The Qt half of --self-test, run by it in a child process (observe.selftest).
    parser.add_argument("--self-test-qt", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    profile_commands.register(sub, common)
    import_commands.register(sub, common)
    sync_commands.register(sub, common)
    report_commands.register(sub, common)
    impact_commands.register(sub, common)  # adds `report impact` to the group above
    attach_commands.register(sub, common)
    sample_commands.register(sub, common)
    return parser


def _self_test(qt_child: bool) -> int:
    if qt_child:
        from observe.ui.selftest_qt import main as qt_checks

        return qt_checks()
    from observe.selftest import run_self_test

    return run_self_test(sys.stdout, sys.stderr)


def _run_gui(data_dir: str | None) -> int:
    from observe import startup_gc

    startup_gc.pause()  # run_gui resumes it once the window is shown
    from observe.ui.app import run_gui

    return run_gui(data_dir)


def _database_of(data_dir: str | None) -> Path | None:
    try:
        return ProfilePaths.at(data_dir).database
    except Exception:  # a sentence must not fail because the folder can't be worked out
        return None


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    previous = i18n.current_language()
    choose_language(sys.argv[1:] if argv is None else argv)
    try:
        return _main(argv)
    finally:
        # In-process callers (tests, the self-test) keep their own language afterwards.
        i18n.set_language(previous)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = getattr(args, "data_dir", None)
    setup_logging()
    try:
        if args.self_test or args.self_test_qt:
            return _self_test(args.self_test_qt)
        if args.command is None:
            return _run_gui(data_dir)
        return int(args.handler(args, data_dir) or 0)
    except ObserveError as exc:
        log.warning("%s failed: %s (%s)", args.command, exc.sentence, exc.detail)
        print(exc.sentence, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_("Cancelled."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`observe export --out - | head`): not an error worth a word.
        _silence_stdout()
        return 0
    except Exception as exc:
        log.exception("%s failed", args.command)
        # A full disk, a read-only or damaged file: the same sentence as in the app.
        known = explain_storage_error(exc, _database_of(data_dir))
        if known is not None:
            print(known.sentence, file=sys.stderr)
            return known.exit_code
        if isinstance(exc, OSError):
            print(
                _("Observe could not read or write a file ({reason}).").format(
                    reason=exc.strerror or exc
                ),
                file=sys.stderr,
            )
            return 1
        where = log_file()
        print(
            _("Something went wrong ({error}).").format(error=type(exc).__name__)
            + " "
            + (
                _("Details were written to {path}.").format(path=where)
                if where
                else _("No log file could be written.")
            ),
            file=sys.stderr,
        )
        return 1
