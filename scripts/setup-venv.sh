#!/usr/bin/env bash
# Creates .venv (once) and installs Observe into it with the given extras, e.g. "test".
# Re-running is cheap: pip only installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
spec="."
[ -n "$extras" ] && spec=".[${extras}]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec" 2>&1 \
  | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import observe" # fail loudly if the install did not work
# Compiles the widgets' Qt catalogs (.ts -> .qm) into the user cache now rather than at the
# first start; harmless without PySide6 (the app compiles them lazily then).
.venv/bin/python -c "from observe.ui.i18n import compile_all; compile_all()" >/dev/null 2>&1 || true
