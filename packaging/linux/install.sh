#!/usr/bin/env bash
# Installs this Observe build for the current user (no root needed) and adds it to the menu:
#   ./install.sh            copies this folder to ~/.local/opt/observe, links ~/.local/bin/observe,
#                           installs the menu entry, icons and AppStream description
#   ./install.sh --uninstall
# PREFIX (default ~/.local) moves everything, e.g. PREFIX=/usr/local as root.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
app=org.observeapp.Observe
dest="$prefix/opt/observe"
share="$prefix/share"

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$dest"
  rm -f "$prefix/bin/observe" "$share/applications/$app.desktop" "$share/metainfo/$app.metainfo.xml"
  rm -f "$share/icons/hicolor/scalable/apps/$app.svg" "$share"/icons/hicolor/*/apps/"$app.png"
  echo "Observe was removed from $prefix. Your data folder was left as it is."
  exit 0
fi

[ -x "$here/observe" ] || { echo "Run install.sh from the unpacked Observe folder." >&2; exit 1; }
res="$here/_internal/resources"
mkdir -p "$prefix/opt" "$prefix/bin" "$share/applications" "$share/metainfo" \
  "$share/icons/hicolor/scalable/apps"
if [ "$here" != "$dest" ]; then
  rm -rf "$dest.new"
  cp -a "$here" "$dest.new"
  rm -rf "$dest"
  mv "$dest.new" "$dest"
fi
ln -sfn "$dest/observe" "$prefix/bin/observe"
# The menu entry runs the program by its full path, so it works even if ~/.local/bin is not
# on PATH in the desktop session.
sed -e "s|^Exec=observe|Exec=$dest/observe|" -e "s|^TryExec=observe|TryExec=$dest/observe|" \
  "$res/$app.desktop" >"$share/applications/$app.desktop"
cp "$res/$app.metainfo.xml" "$share/metainfo/"
cp "$res/icons/$app.svg" "$share/icons/hicolor/scalable/apps/"
for png in "$res"/icons/hicolor/*/apps/"$app.png"; do
  size="$(basename "$(dirname "$(dirname "$png")")")"
  mkdir -p "$share/icons/hicolor/$size/apps"
  cp "$png" "$share/icons/hicolor/$size/apps/"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "Observe is installed in $dest and in your applications menu."
echo "From a terminal: $prefix/bin/observe (run \`observe --self-test\` to check it)."
