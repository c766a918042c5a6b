#!/usr/bin/env bash
# Renders the app icon PNGs from the SVG sources in assets/. The PNGs are committed, so a build
# needs no tool; run this again only after editing an SVG. Needs rsvg-convert (apt: librsvg2-bin).
#   assets/icon.svg     the icon (also installed as the scalable icon); used for 48 px and up
#   assets/icon-32.svg  the same drawing redrawn on a 32 px grid (fewer, pixel-aligned sprocket holes)
#   assets/icon-16.svg  the same drawing redrawn on a 16 px grid
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "render-icons: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 1; }

for n in 16 32 48 64 128 256 512; do
    case $n in
        16) src=assets/icon-16.svg ;;
        32) src=assets/icon-32.svg ;;
        *)  src=assets/icon.svg ;;
    esac
    dir=packaging/icons/hicolor/${n}x${n}/apps
    mkdir -p "$dir"
    rsvg-convert -w "$n" -h "$n" "$src" -o "$dir/cinedex.png"
done
mkdir -p packaging/icons/hicolor/scalable/apps
cp assets/icon.svg packaging/icons/hicolor/scalable/apps/cinedex.svg
cp packaging/icons/hicolor/256x256/apps/cinedex.png assets/icon-256.png
echo "render-icons: wrote packaging/icons/hicolor/*/apps/cinedex.{png,svg} and assets/icon-256.png"
