#!/usr/bin/env bash
# Renders the static dashboard (`baton audit --format html`) with headless
# Chromium at laptop and phone width, to look at it or to refresh the
# pictures in docs/screenshots/ that the README shows:
#
#   scripts/screenshots.sh                     # example-project at its documented time
#   scripts/screenshots.sh REPO OUTDIR NOW     # any repository
#
# Arguments: repository (default example-project), folder for the PNGs
# (default docs/screenshots), check time (default: $BATON_NOW, else the
# example's documented time 2026-09-24T10:00:00+08:00). Needs a built baton
# (cargo build --release; BATON=path overrides; falls back to
# target/debug/baton), chromium, and a CJK font for Chinese text (Debian:
# fonts-wqy-microhei or fonts-noto-cjk). The site itself is written to a
# temporary folder and removed afterwards.
#
# Pictures (each one screen, as a person first sees it):
#   dashboard-laptop.png  index.html at 1366×900
#   dashboard-phone.png   index.html at 390×844
#   plan-laptop.png       plan.html (the Gantt chart) at 1366×900
#   request-phone.png     the first request's page at 390×844
set -euo pipefail
cd "$(dirname "$0")/.."

repo="${1:-example-project}"
out="${2:-docs/screenshots}"
now="${3:-${BATON_NOW:-2026-09-24T10:00:00+08:00}}"
baton="${BATON:-target/release/baton}"
[ -x "$baton" ] || baton=target/debug/baton
[ -x "$baton" ] || { echo "build baton first: cargo build --release" >&2; exit 2; }
command -v chromium >/dev/null || { echo "chromium is not installed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
"$baton" audit "$repo" --now "$now" --format html --output "$site"
mkdir -p "$out"

# shot PAGE SIZE PNG: one screen of a page of the site.
shot() {
  local page="$1" size="$2" png="$3"
  # A fresh profile each time: nothing cached, nothing fetched.
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --force-device-scale-factor=1 --user-data-dir="$profile" \
    --screenshot="$png" --window-size="$size" \
    "file://$site/$page" 2>/dev/null
  echo "wrote $png"
}

first_request=$(cd "$site" && ls request-*.html 2>/dev/null | head -n 1)
shot index.html 1366,900 "$out/dashboard-laptop.png"
shot index.html 390,844 "$out/dashboard-phone.png"
shot plan.html 1366,900 "$out/plan-laptop.png"
if [ -n "$first_request" ]; then
  shot "$first_request" 390,844 "$out/request-phone.png"
fi
