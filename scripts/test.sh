#!/usr/bin/env bash
# Sets up everything the tests need on Debian, then runs the whole suite (offscreen Qt).
# Arguments are passed to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh test
bash scripts/setup-venv.sh test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
