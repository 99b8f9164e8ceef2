#!/usr/bin/env bash
# Sets up everything the tests need on Debian, then runs the whole suite (offscreen Qt).
# Arguments are passed to pytest (after -n, so '-n 0' runs without workers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh test
bash scripts/setup-venv.sh test
export QT_QPA_PLATFORM=offscreen
# One worker per core; idle workers take tests from busy ones, so one long file (the sync
# torture runs) does not hold up the end of the suite.
# OBSERVE_TEST_WORKERS=0 runs everything in this process (easier to debug).
# The 25 slowest tests are listed at the end, so a creeping suite time shows where it went.
exec .venv/bin/python -m pytest -n "${OBSERVE_TEST_WORKERS:-auto}" --dist worksteal --durations=25 "$@"
