#!/bin/sh
# Extracts the translatable strings of the "observe" gettext domain (src/observe outside ui/ and
# server/web/) into src/observe/locale/observe.pot and merges them into every
# src/observe/locale/<lang>/observe.po (new strings arrive untranslated; translations are kept).
# Then translate the new entries (empty msgstr) and run the tests (tests/test_translations.py).
#   scripts/update-translations.sh           update the template and the catalogs
#   scripts/update-translations.sh --check   change nothing; fail on a missing translation
# The Qt catalogs (observe_ui.ts) are updated with pyside6-lupdate, the web's with its own tool.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}" exec "$PYTHON" -m observe.i18n_catalog "$@"
