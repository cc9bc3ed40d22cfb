#!/usr/bin/env bash
# Renders baton's SVG Gantt chart of a repository to a PNG with headless
# Chromium — to look at the chart, or to refresh docs/gantt.png:
#
#   scripts/render-gantt.sh example-project docs/gantt.png 2026-09-24T10:00:00+08:00
#
# Arguments: repository (default example-project), PNG path (default
# gantt.png), check time (default: $BATON_NOW, else the example's documented
# time). Needs a built baton (cargo build --release; BATON=path overrides),
# chromium, and a CJK font for Chinese text (Debian: fonts-wqy-microhei or
# fonts-noto-cjk). The SVG is written next to the PNG.
set -euo pipefail
cd "$(dirname "$0")/.."

repo="${1:-example-project}"
png="${2:-gantt.png}"
now="${3:-${BATON_NOW:-2026-09-24T10:00:00+08:00}}"
baton="${BATON:-target/release/baton}"
[ -x "$baton" ] || baton=target/debug/baton
[ -x "$baton" ] || { echo "build baton first: cargo build --release" >&2; exit 2; }
command -v chromium >/dev/null || { echo "chromium is not installed" >&2; exit 2; }

svg="${png%.png}.svg"
"$baton" plan "$repo" --now "$now" --format svg --output "$svg"

# The window is the SVG's own size, so the screenshot is the whole chart.
size=$(head -c 400 "$svg" | sed -n 's/.*width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p')
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$profile" --screenshot="$png" --window-size="${size:-1400,900}" \
  "file://$(realpath "$svg")" 2>/dev/null
echo "wrote $svg and $png"
