#!/usr/bin/env bash
# Installs the Debian packages Observe needs, only those that are missing.
#   scripts/system-deps.sh gui    Qt's xcb platform plugin, for the desktop app on a real screen
#   scripts/system-deps.sh test   what the test suite needs (offscreen Qt, PDF and database tools)
# Runs apt-get as root, through sudo otherwise; prints the command when neither is possible.
set -euo pipefail

common=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 fonts-dejavu-core)
gui=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
     libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-xfixes0 libx11-xcb1)
# The durability test runs the real app on a virtual X screen and types into it with xdotool;
# tests/test_packaging.py runs the .desktop and AppStream validators.
# observe-server's tests start a throwaway PostgreSQL cluster from /usr/lib/postgresql/*/bin;
# tests/web drive its web pages in a headless Chromium through chromedriver;
# tests/server/test_pgbouncer.py puts a real PgBouncer (transaction pooling) in front of it.
test=(poppler-utils qpdf xvfb xdotool xauth desktop-file-utils appstream postgresql
      chromium chromium-driver pgbouncer)

case "${1:-gui}" in
  gui) wanted=("${common[@]}" "${gui[@]}") ;;
  test) wanted=("${common[@]}" "${gui[@]}" "${test[@]}") ;;
  *) echo "usage: $0 gui|test" >&2; exit 2 ;;
esac

# python3 -m venv needs Debian's python3-venv when Python comes from Debian.
if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  ver=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  wanted+=("python${ver}-venv")
fi

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1; then
  apt_get=(sudo apt-get)
else
  echo "Please install these packages as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
