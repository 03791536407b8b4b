#!/usr/bin/env bash
# Install front-end packages from the npm registry and copy what the site serves into
# static/vendor/ (Leaflet, marker clustering, Noto fonts, category icons): nothing is loaded from a CDN.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  else
    echo "npm is needed to build the front-end assets" >&2; exit 1
  fi
fi

(cd assets && npm ci --no-audit --no-fund --loglevel=error)

vendor=static/vendor
rm -rf "$vendor.tmp" && mkdir -p "$vendor.tmp/leaflet" "$vendor.tmp/markercluster" "$vendor.tmp/fonts" "$vendor.tmp/icons"
cp -r assets/node_modules/leaflet/dist/leaflet.js assets/node_modules/leaflet/dist/leaflet.css \
      assets/node_modules/leaflet/dist/images "$vendor.tmp/leaflet/"
cp assets/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   assets/node_modules/leaflet.markercluster/dist/MarkerCluster.css \
   assets/node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css "$vendor.tmp/markercluster/"

# Only the Lucide icons that the category table (directory/web/public/category_icons.json) names.
node -e 'const t = require(process.argv[1]); console.log([t.default, ...Object.values(t.categories)].join("\n"))' \
  "$PWD/directory/web/public/category_icons.json" | sort -u | while read -r icon; do
  cp "assets/node_modules/lucide-static/icons/$icon.svg" "$vendor.tmp/icons/"
done
cp assets/node_modules/lucide-static/LICENSE "$vendor.tmp/icons/LICENSE"

# The Noto fonts, regular and bold, woff2 only, cut per script (see scripts/build_fonts.py: a
# page downloads the glyphs of the languages it shows). Needs fontTools and Babel: the virtualenv's
# Python from make, the build environment's from setup.py (both pass $PYTHON).
"${PYTHON:-python3}" scripts/build_fonts.py assets/node_modules/@fontsource "$vendor.tmp/fonts"

touch "$vendor.tmp/.built"  # make's stamp (Makefile: assets), also when setup.py runs this script
rm -rf "$vendor" && mv "$vendor.tmp" "$vendor"
echo "Front-end assets copied to $vendor ($(du -sh "$vendor" | cut -f1))"
