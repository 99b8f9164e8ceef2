#!/usr/bin/env bash
# Checks a built Observe folder (default dist/observe) the way a coach's computer would use it:
# the frozen self-test, headless commands on a throwaway profile, every resource present, and
# (on Linux) the per-user install with its menu entry. Exits non-zero on the first failure.
#   bash packaging/check-build.sh [dist/observe]
set -euo pipefail
cd "$(dirname "$0")/.."
app="$(cd "${1:-dist/observe}" && pwd)"
exe="$app/observe"
[ -x "$exe" ] || exe="$app/observe-cli"
[ -x "$exe" ] || { echo "No observe program in $app; build it with packaging/build.sh." >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A clean environment: nothing from a development checkout may leak into the frozen app.
run() { env -i HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }
step() { echo "== $*" >&2; }

step "version"
run "$exe" --version

step "self-test (frozen)"
run "$exe" --self-test

if [ "$(uname -s)" = Linux ] && command -v Xvfb >/dev/null; then
  step "self-test on a real X screen (Qt's xcb plugin and the system libraries it needs)"
  Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
  xvfb=$!
  for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
  display=$(head -n1 "$tmp/display")
  env -i HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY=":$display" "$exe" --self-test
  kill "$xvfb"
fi

step "every file in resources/ is in the build"
internal="$app/_internal"
[ -d "$internal" ] || internal="$app"
missing=$(comm -23 <(cd resources && find . -type f | sort) <(cd "$internal/resources" && find . -type f | sort))
if [ -n "$missing" ]; then
  echo "The build lacks these resources:" >&2; echo "$missing" >&2; exit 1
fi

step "every translation catalog is in the build, with Qt's compiled beside it"
for ts in src/observe/locale/*/observe_ui.ts; do
  lang=$(basename "$(dirname "$ts")")
  for f in observe.po web.po observe_ui.ts observe_ui.qm; do
    [ -s "$internal/observe/locale/$lang/$f" ] || { echo "The build lacks observe/locale/$lang/$f." >&2; exit 1; }
  done
done

step "license texts beside the program"
for f in LICENSE licenses/LGPL-3.0.txt licenses/GPL-3.0.txt; do
  [ -s "$app/$f" ] || { echo "The build lacks $f." >&2; exit 1; }
done

step "headless commands on a new profile"
run "$exe" --data-dir "$tmp/profile" info >"$tmp/info.txt"
grep -q "Schema version" "$tmp/info.txt"
run "$exe" --data-dir "$tmp/profile" demo >/dev/null
run "$exe" --data-dir "$tmp/profile" check >/dev/null
run "$exe" --data-dir "$tmp/profile" export --format json --out "$tmp/export.json"
grep -q '"evidence"' "$tmp/export.json"

step "a bad profile gets a sentence, not a traceback"
echo "not a database" >"$tmp/bad.sqlite3"
mkdir -p "$tmp/badprofile" && mv "$tmp/bad.sqlite3" "$tmp/badprofile/observe.sqlite3"
if run "$exe" --data-dir "$tmp/badprofile" info 2>"$tmp/err.txt"; then
  echo "info on a non-SQLite file should have failed" >&2; exit 1
fi
grep -q "is not an Observe database" "$tmp/err.txt" && ! grep -q Traceback "$tmp/err.txt"

if [ "$(uname -s)" = Linux ] && [ -x "$app/install.sh" ]; then
  step "per-user install and menu entry"
  run env PREFIX="$tmp/prefix" bash "$app/install.sh" >/dev/null
  "$tmp/prefix/bin/observe" --version >/dev/null
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$tmp/prefix/share/applications/org.observeapp.Observe.desktop"
  fi
  run env PREFIX="$tmp/prefix" bash "$tmp/prefix/opt/observe/install.sh" --uninstall >/dev/null
  [ ! -e "$tmp/prefix/bin/observe" ]
fi
echo "Build check passed: $app ($(du -sh "$app" | cut -f1))." >&2
