#!/usr/bin/env bash
# Builds the one-folder Observe app with PyInstaller, then checks it (packaging/check-build.sh).
#
#   bash packaging/build.sh               build venv in build/pyinstaller-venv (made once)
#   bash packaging/build.sh --dev-venv    use the development .venv instead (adds PyInstaller)
#   bash packaging/build.sh --archive     also pack dist/observe-VERSION-linux-ARCH.tar.gz
#
# The result is dist/observe/ (run dist/observe/observe). The build venv gets a regular,
# non-editable install of Observe, the same way a user's pip would install it, pinned to the
# versions in .venv when that exists so the build contains what the tests ran against.
# Takes about 3 minutes on a 2-core machine once the venv exists (see packaging/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

venv="${OBSERVE_BUILD_VENV:-build/pyinstaller-venv}"
archive=0
for arg in "$@"; do
  case "$arg" in
    --dev-venv) venv=.venv ;;
    --archive) archive=1 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
  esac
done
python="${PYTHON:-python3}"
started=$(date +%s)

if [ ! -x "$venv/bin/python" ]; then
  echo "Creating the build venv in $venv" >&2
  "$python" -m venv "$venv"
fi
"$venv/bin/python" - <<'PY'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"Observe needs Python 3.11 or newer to build; this venv has {sys.version.split()[0]}.")
PY
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true

pip_args=(-q --disable-pip-version-check)
# pip's progress is noise here; its errors still show, and a failure still stops the build.
pip_install() {
  "$venv/bin/python" -m pip install "${pip_args[@]}" "$@" 2>&1 \
    | { grep -v -e '^WARNING: Location' -e 'BuildBackendWarning' || true; }
}
if [ "$venv" != .venv ] && [ -x .venv/bin/python ]; then
  mkdir -p build
  .venv/bin/python -m pip freeze --exclude-editable --disable-pip-version-check 2>/dev/null \
    | grep -viE '^(observe|-e )' >build/constraints.txt || true
  pip_args+=(-c build/constraints.txt)
fi
extra=()
case "$(uname -s)" in Linux) ;; *) extra+=("pillow>=10") ;; esac  # icon conversion to .ico/.icns
if [ "$venv" = .venv ]; then
  pip_install "pyinstaller>=6.10,<7" "${extra[@]}"
else
  # --force-reinstall of observe alone: a rebuild must pick up the working tree's changes.
  pip_install "pyinstaller>=6.10,<7" "${extra[@]}" .
  pip_install --no-deps --force-reinstall .
  # The same self-test on the regular (wheel) install: resources from <venv>/share/observe.
  echo "== self-test of the wheel install in $venv" >&2
  (venv_bin="$(cd "$venv/bin" && pwd)" && cd / && QT_QPA_PLATFORM=offscreen "$venv_bin/observe" --self-test)
fi
installed=$(date +%s)

"$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/observe.spec
built=$(date +%s)
echo "Installed dependencies in $((installed - started)) s; PyInstaller took $((built - installed)) s." >&2

bash packaging/check-build.sh dist/observe

if [ "$archive" = 1 ]; then
  version=$(dist/observe/observe --version | awk '{print $2}')
  name="observe-$version-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
  tar -C dist -czf "dist/$name.tar.gz" --transform "s|^observe|$name|" observe
  echo "Archive: dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1))" >&2
fi
echo "Built $root/dist/observe ($(du -sh dist/observe | cut -f1)) in $(($(date +%s) - started)) s." >&2
