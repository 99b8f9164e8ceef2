#!/usr/bin/env bash
# Sets up everything Observe needs on Debian and opens the desktop app.
# Arguments are passed to `observe`, e.g. --data-dir ~/observe-demo
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh gui
bash scripts/setup-venv.sh
exec .venv/bin/observe "$@"
