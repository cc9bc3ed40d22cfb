#!/usr/bin/env bash
# Adversarial shapes (issue 16): wide fan-out, wide fan-in, one owner of
# everything, thousands of findings on one item. Times every reading command
# once per size (5k, 10k, 20k) and prints a Markdown table with the growth
# exponent of each step (1.0 linear, 2.0 quadratic).
#
#   scripts/bench-shapes.sh [DIR]      # default /tmp/baton-shapes
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/baton-shapes}"
mkdir -p "$dir"
cargo build --release --quiet --bin baton
baton="$(pwd)/target/release/baton"
now=2026-11-12T10:00:00+08:00
sizes=(5000 10000 20000)
commands=("check --format json --no-cache" "plan --format json" "audit --format json" "report weekly" "graph --format json" "ics")
echo "| shape | command | 5k | 10k | 20k | exponent 5k→10k | exponent 10k→20k |"
echo "|---|---|---:|---:|---:|---:|---:|"
for shape in fanout fanin oneowner manyfindings; do
  for n in "${sizes[@]}"; do
    [ -d "$dir/$shape-$n" ] || python3 scripts/gen_shapes.py "$shape" "$n" "$dir/$shape-$n"
  done
  for command in "${commands[@]}"; do
    times=()
    for n in "${sizes[@]}"; do
      # One untimed run first: the OS page cache, as for every other row.
      # shellcheck disable=SC2086
      $baton $command "$dir/$shape-$n" --now "$now" > /dev/null 2>&1 || true
      start=$(date +%s%N)
      # shellcheck disable=SC2086
      $baton $command "$dir/$shape-$n" --now "$now" > /dev/null 2>&1 || true
      end=$(date +%s%N)
      times+=("$(awk "BEGIN {printf \"%.3f\", ($end - $start) / 1e9}")")
    done
    python3 - "$shape" "$command" "${times[@]}" <<'PY'
import math, sys
shape, command, *t = sys.argv[1:]
t = [float(x) for x in t]
e = [f"{math.log2(t[i+1] / t[i]):.2f}" if t[i] > 0 else "" for i in range(2)]
print(f"| {shape} | `{command}` | {t[0]:.3f} s | {t[1]:.3f} s | {t[2]:.3f} s | {e[0]} | {e[1]} |")
PY
  done
done
