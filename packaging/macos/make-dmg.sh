#!/usr/bin/env bash
# Packs dist/Observe.app (from packaging/build.sh on a Mac) into a signed, notarized and
# stapled disk image: dist/Observe-VERSION.dmg, the file a coach downloads and opens.
#
#   bash packaging/build.sh                          # dist/Observe.app (signed when
#                                                    #   OBSERVE_CODESIGN_IDENTITY is set)
#   bash packaging/macos/make-dmg.sh                 # unsigned dmg (for trying it locally)
#   OBSERVE_CODESIGN_IDENTITY="Developer ID Application: … (TEAMID)" \
#   OBSERVE_NOTARY_PROFILE=observe-notary bash packaging/macos/make-dmg.sh
#
# The notary profile is made once with
#   xcrun notarytool store-credentials observe-notary --apple-id … --team-id TEAMID
# (an app-specific password, or an App Store Connect API key on a CI runner).
set -euo pipefail
cd "$(dirname "$0")/../.."
app=dist/Observe.app
[ -d "$app" ] || { echo "No $app: run packaging/build.sh on this Mac first." >&2; exit 1; }
version=$(dist/observe/observe-cli --version | awk '{print $2}')
dmg="dist/Observe-$version.dmg"
identity="${OBSERVE_CODESIGN_IDENTITY:-}"

if [ -n "$identity" ]; then
  # PyInstaller signed inside out with the hardened runtime; check it before shipping.
  codesign --verify --deep --strict --verbose=2 "$app"
fi

# A staging folder with the app and a link to /Applications: the usual drag-to-install window.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Observe $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"

if [ -n "$identity" ]; then
  codesign --sign "$identity" --timestamp "$dmg"
  if [ -n "${OBSERVE_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$OBSERVE_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
  else
    echo "Signed but not notarized (set OBSERVE_NOTARY_PROFILE): Gatekeeper will warn." >&2
  fi
fi
shasum -a 256 "$dmg"
echo "Built $dmg" >&2
