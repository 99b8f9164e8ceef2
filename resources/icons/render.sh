#!/usr/bin/env bash
# Renders the PNG sizes of the application icon from its two SVG sources (run after editing
# either SVG; the PNGs are committed so that builds need no SVG renderer).
#   org.observeapp.Observe-small.svg  drawn on the 16-pixel grid: 16 and 24 px
#   org.observeapp.Observe.svg        the full drawing: 32 px and up, and the scalable icon
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
app=org.observeapp.Observe
for size in 16 24 32 48 64 128 256 512; do
  src="$app.svg"
  [ "$size" -le 24 ] && src="$app-small.svg"
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" "$src" -o "hicolor/${size}x${size}/apps/$app.png"
done
