#!/usr/bin/env bash
# Sets up everything the tests need on Debian, then runs the whole suite (offscreen Qt).
# Arguments are passed to pytest (after -n, so '-n 0' runs without workers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh test
bash scripts/setup-venv.sh test
export QT_QPA_PLATFORM=offscreen
# One worker per core; a file's tests stay on one worker so module-scoped servers are shared.
# OBSERVE_TEST_WORKERS=0 runs everything in this process (easier to debug).
exec .venv/bin/python -m pytest -n "${OBSERVE_TEST_WORKERS:-auto}" --dist loadfile "$@"
