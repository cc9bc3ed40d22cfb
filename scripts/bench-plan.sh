#!/usr/bin/env bash
# Planning vs TaskJuggler: times `baton plan` and `tj3` on the same plans
# (BENCHMARKS.md, section "Planning vs TaskJuggler").
#
#   scripts/bench-plan.sh [DIR] [SIZES]      # defaults: /tmp/baton-bench 1000,5000,20000
#
# 1. tests/taskjuggler.rs generates one baton repository per size (about
#    two dependencies per task, holidays and make-up days of 2026, done,
#    in-progress, cancelled tasks and milestones), exports it with
#    `baton plan --format tjp`, and checks tj3 computes the same dates.
# 2. hyperfine times, from the files on disk to a report of every task's
#    start and finish: `baton plan --format json` (read, parse, plan,
#    render) and `tj3` (parse, schedule, write a CSV report).
# Needs tj3, hyperfine and a release build's toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-/tmp/baton-bench}"
sizes="${2:-1000,5000,20000}"
mkdir -p "$dir"
BATON_TJ_KEEP="$dir" BATON_TJ_SIZES="$sizes" \
  cargo test --release --test taskjuggler -- --nocapture
cargo build --release
now=2026-06-10T10:00:00+08:00
report='taskreport out "out" { formats csv timeformat "%Y-%m-%d %H:%M" columns id, start, end }'
for n in ${sizes//,/ }; do
  printf '%s\n%s\n' "$(cat "$dir/tj-$n/plan.tjp")" "$report" > "$dir/tj-$n/bench.tjp"
  runs=3; [ "$n" -ge 5000 ] && runs=2; [ "$n" -ge 20000 ] && runs=1
  hyperfine --warmup 2 --runs 20 --export-markdown "$dir/baton-$n.md" \
    "target/release/baton plan $dir/plan-$n --now $now --format json --output $dir/plan-$n.json"
  hyperfine --runs "$runs" --export-markdown "$dir/tj3-$n.md" \
    "tj3 --silent --no-color --output-dir $dir/tj-$n $dir/tj-$n/bench.tjp"
done
