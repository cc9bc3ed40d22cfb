#!/usr/bin/env bash
# Times whole baton commands on generated repositories, each against the
# floor (examples/floor: read every baton file and parse it into a generic
# toml::Table on all cores), and writes the measured section of BENCHMARKS.md.
#
#   scripts/bench.sh            # 10k and 100k items, 10k commits of history (about 1–2 hours)
#   scripts/bench.sh --quick    # 10k items only (a few minutes), to try the harness
#   scripts/bench.sh --with-1m  # also 1,000,000 items (working tree only; ~10 GB of disk)
#   scripts/bench.sh --no-growth  # skip the growth rows (10k → 20k → 40k, every command, every profile)
#
# Three shapes of repository (examples/synth --profile): `plain` (a few planted
# findings), `late` (most items have a finding: an import from spreadsheets, or
# two years of items nobody closed) and `chain` (one long chain of late tasks).
# plain and late get every row at 10k and 100k, history included; every
# profile gets the growth rows, whose exponent (log2 of the time ratio between
# N and 2N) says whether a command stays linear.
#
# Environment:
#   BENCH_DIR   where generated repositories and results go (default /tmp/baton-bench);
#               repositories are reused across runs (generation takes minutes)
#   BENCH_CAP   seconds after which one run of a command is stopped and reported
#               as "> cap" (default 1200)
#
# Needs hyperfine and GNU time (/usr/bin/time; Debian package `time`), python3.
# The page cache cannot be dropped here: every figure is with a warm OS cache
# (each command ran at least once before it was timed). "Cold" means without
# a baton cache, not a cold disk.
set -euo pipefail

cd "$(dirname "$0")/.."
repo_root=$(pwd)
quick=false
with_1m=false
growth=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --with-1m) with_1m=true ;;
    --no-growth) growth=false ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

BENCH_DIR=${BENCH_DIR:-/tmp/baton-bench}
BENCH_CAP=${BENCH_CAP:-1200}
NOW=2026-11-12T10:00:00+08:00   # the check time of examples/synth (EXPECTED.json)
results="$BENCH_DIR/results"
mkdir -p "$BENCH_DIR"
rm -rf "$results"
mkdir -p "$results"

for tool in hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is required (apt-get install time)" >&2; exit 2; }

echo "== building (release)"
cargo build --release --quiet --bin baton --example synth --example floor --example phases
bin="$repo_root/target/release"
baton="$bin/baton"

# ---- the machine -------------------------------------------------------------
{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores=$(nproc)"
  echo "ram_gb=$(awk '/MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo)"
  echo "kernel=$(uname -r)"
  echo "rustc=$(rustc --version)"
  echo "hyperfine=$(hyperfine --version)"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml || echo '+dirty')"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cap=$BENCH_CAP"
  echo "disk_free=$(df -h --output=avail "$BENCH_DIR" | tail -1 | tr -d ' ')"
} > "$results/machine.txt"

# ---- repositories --------------------------------------------------------------
# generate NAME ITEMS COMMITS [PROFILE]: examples/synth into $BENCH_DIR/NAME unless it is there.
generate() {
  local name=$1 items=$2 commits=$3 profile=${4:-plain} dir="$BENCH_DIR/$1"
  local want="--items $items --commits $commits --seed 1 --profile $profile"
  if [ -f "$dir/EXPECTED.json" ] && grep -q -- "$want OUT" "$dir/EXPECTED.json"; then
    echo "== $name: reusing $dir"
  else
    echo "== $name: generating $items items, $commits commits"
    rm -rf "$dir"
    local start end
    start=$(date +%s%N)
    "$bin/examples/synth" $want "$dir"
    end=$(date +%s%N)
    awk "BEGIN {printf \"%.1f\n\", ($end - $start) / 1e9}" > "$BENCH_DIR/$name.gen-seconds"
  fi
  cp "$BENCH_DIR/$name.gen-seconds" "$results/gen-$name.txt" 2>/dev/null || echo "?" > "$results/gen-$name.txt"
}

sizes=(10k)
$quick || sizes+=(100k)
declare -A items=([10k]=10000 [20k]=20000 [40k]=40000 [100k]=100000 [1m]=1000000)
for n in "${sizes[@]}"; do
  generate "plain-$n" "${items[$n]}" 0
  generate "git-$n" "${items[$n]}" 10000
  generate "late-$n" "${items[$n]}" 0 late
  generate "git-late-$n" "${items[$n]}" 10000 late
done
growth_sizes=(10k 20k 40k)
if $growth; then
  for n in "${growth_sizes[@]}"; do
    [ "$n" = 10k ] || generate "plain-$n" "${items[$n]}" 0
    [ "$n" = 10k ] || generate "late-$n" "${items[$n]}" 0 late
    generate "chain-$n" "${items[$n]}" 0 chain
  done
  $quick || generate chain-100k 100000 0 chain
fi
if $with_1m; then
  avail_gb=$(df -BG --output=avail "$BENCH_DIR" | tail -1 | tr -dc '0-9')
  # A 1M repository already generated is reused whatever the free space.
  if [ -f "$BENCH_DIR/plain-1m/EXPECTED.json" ] || [ "$avail_gb" -gt 30 ]; then
    generate plain-1m 1000000 0
    sizes+=(1m)
  else
    echo "== skipping 1M items: only ${avail_gb} GB free" | tee "$results/skip-1m.txt"
  fi
fi

# ---- measuring -----------------------------------------------------------------
# measure ID N LABEL [--prepare CMD] -- COMMAND...: one probe run under
# /usr/bin/time (peak RSS; stopped after BENCH_CAP seconds), then hyperfine
# with warmups and several runs when the probe took less than a minute.
measure() {
  local id=$1 n=$2 label=$3
  shift 3
  local prepare=()
  if [ "$1" = --prepare ]; then prepare=(--prepare "$2"); shift 2; fi
  [ "$1" = -- ] && shift
  local cmd
  cmd=$(printf '%q ' "$@")
  echo "== $id: $label"
  printf '%s\t%s\t%s\n' "$n" "$label" "$cmd" > "$results/$id.meta"
  [ ${#prepare[@]} -gt 0 ] && bash -c "${prepare[1]}"
  cut -d' ' -f1 /proc/loadavg > "$results/$id.load"
  local status=0
  /usr/bin/time -f '%e %M %U %S' -o "$results/$id.probe" timeout "$BENCH_CAP" "$@" > /dev/null 2> "$results/$id.stderr" || status=$?
  if [ "$status" = 124 ]; then
    echo "timeout" > "$results/$id.probe"
    echo "   stopped after $BENCH_CAP s"
    return
  fi
  if [ "$status" -gt 1 ]; then
    echo "failed" > "$results/$id.probe"
    echo "   failed (exit $status): $(head -c 300 "$results/$id.stderr")"
    return
  fi
  local wall
  wall=$(tail -1 "$results/$id.probe" | cut -d' ' -f1)
  if awk "BEGIN {exit !($wall < 60)}"; then
    # The probe warmed the page cache; slow commands need no more warmup.
    local runs=3 warmup=0
    awk "BEGIN {exit !($wall < 15)}" && { runs=5; warmup=1; }
    awk "BEGIN {exit !($wall < 2)}" && { runs=10; warmup=2; }
    hyperfine --style basic --ignore-failure --warmup "$warmup" --runs "$runs" \
      "${prepare[@]}" --command-name "$id" --export-json "$results/$id.json" "$cmd" | grep -E 'Time|Range' || true
  else
    echo "   one run: $wall s"
  fi
}

has_plan=false
"$baton" plan --help > /dev/null 2>&1 && has_plan=true

# rows PROFILE N: every row for one repository shape and size. Row ids of
# the late profile start with `late.`.
rows() {
  local profile=$1 n=$2 pfx="" plain git
  plain="$BENCH_DIR/plain-$n"
  git="$BENCH_DIR/git-$n"
  if [ "$profile" != plain ]; then
    pfx="$profile."
    plain="$BENCH_DIR/$profile-$n"
    git="$BENCH_DIR/git-$profile-$n"
  fi
  # A run too slow to repeat is timed once: warm the OS cache before it.
  [ "$n" = 1m ] && "$bin/examples/floor" "$plain" > /dev/null
  measure "${pfx}floor-$n" "$n" "floor: read + parse every file (working tree)" -- "$bin/examples/floor" "$plain"
  # Cold: no parse cache at all. The other rows run with the parse cache on,
  # as users do: the probe run fills it, hyperfine's runs find it warm.
  measure "${pfx}check-cold-$n" "$n" "check, cold (working tree, no git, --no-cache)" -- "$baton" check "$plain" --now "$NOW" --format json --no-cache
  # Each size keeps its caches in a folder of its own, so the first-run row
  # can start from none.
  export BATON_CACHE_DIR="$BENCH_DIR/cache-$profile-$n"
  measure "${pfx}check-fill-$n" "$n" "check, first run (parses everything, fills the parse cache)" \
    --prepare "rm -rf '$BENCH_DIR/cache-$profile-$n'" \
    -- "$baton" check "$plain" --now "$NOW" --format json
  # One untimed run fills the cache, so even a probe is warm.
  "$baton" check "$plain" --now "$NOW" --format json > /dev/null 2>&1 || true
  measure "${pfx}check-$n" "$n" "check, warm (working tree, no git, parse cache)" -- "$baton" check "$plain" --now "$NOW" --format json
  if [ "$n" = 1m ]; then return; fi
  # 20 files changed before every run (a comment appended): what a cache must re-read.
  find "$plain/tasks" -name '*.toml' | sort | awk 'NR <= 20' > "$BENCH_DIR/changed-$profile-$n.txt"
  measure "${pfx}check-changed-$n" "$n" "check, warm, after 20 changed files (working tree)" \
    --prepare "while read -r f; do echo \"# bench \$RANDOM\" >> \"\$f\"; done < $BENCH_DIR/changed-$profile-$n.txt" \
    -- "$baton" check "$plain" --now "$NOW" --format json
  measure "${pfx}floor-rev-$n" "$n" "floor: read + parse every blob of HEAD (git)" -- "$bin/examples/floor" "$git" --rev HEAD
  # History's cost without the evidence cache (which stores its result).
  measure "${pfx}check-git-nohist-cold-$n" "$n" "check --no-history --no-cache (git working tree)" -- "$baton" check "$git" --now "$NOW" --format json --no-history --no-cache
  measure "${pfx}check-git-cold-$n" "$n" "check --no-cache (git working tree, history walked and derived)" -- "$baton" check "$git" --now "$NOW" --format json --no-cache
  measure "${pfx}check-git-nohist-$n" "$n" "check --no-history (git working tree)" -- "$baton" check "$git" --now "$NOW" --format json --no-history
  measure "${pfx}check-git-$n" "$n" "check (git working tree, history as evidence)" -- "$baton" check "$git" --now "$NOW" --format json
  measure "${pfx}rev-nohist-cold-$n" "$n" "check --rev HEAD --no-history, cold (--no-cache)" -- "$baton" check "$git" --rev HEAD --now "$NOW" --format json --no-history --no-cache
  measure "${pfx}rev-nohist-$n" "$n" "check --rev HEAD --no-history" -- "$baton" check "$git" --rev HEAD --now "$NOW" --format json --no-history
  measure "${pfx}rev-$n" "$n" "check --rev HEAD" -- "$baton" check "$git" --rev HEAD --now "$NOW" --format json
  base=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['git']['pr_base'])" "$git/EXPECTED.json")
  measure "${pfx}pr-nohist-$n" "$n" "check --base B --head HEAD --no-history (20 changed files)" -- "$baton" check "$git" --base "$base" --head HEAD --now "$NOW" --format json --no-history
  measure "${pfx}pr-$n" "$n" "check --base B --head HEAD (20 changed files)" -- "$baton" check "$git" --base "$base" --head HEAD --now "$NOW" --format json
  if $has_plan; then
    measure "${pfx}plan-$n" "$n" "plan" -- env BATON_NOW="$NOW" "$baton" plan "$plain"
  fi
}

for n in "${sizes[@]}"; do
  rows plain "$n"
  [ "$n" = 1m ] || rows late "$n"
done

# growth PROFILE N: each command once per size, for the exponent.
growth_rows() {
  local profile=$1 n=$2 dir="$BENCH_DIR/$1-$2" g="growth.$1."
  measure "${g}floor-$n" "$n" "floor" -- "$bin/examples/floor" "$dir"
  measure "${g}check-cold-$n" "$n" "check --no-cache" -- "$baton" check "$dir" --now "$NOW" --format json --no-cache
  measure "${g}check-$n" "$n" "check (warm)" -- "$baton" check "$dir" --now "$NOW" --format json
  measure "${g}plan-$n" "$n" "plan" -- "$baton" plan "$dir" --now "$NOW"
  measure "${g}audit-$n" "$n" "audit" -- "$baton" audit "$dir" --now "$NOW"
  measure "${g}weekly-$n" "$n" "report weekly" -- "$baton" report weekly "$dir" --now "$NOW"
  measure "${g}graph-$n" "$n" "graph" -- "$baton" graph "$dir"
  measure "${g}ics-$n" "$n" "ics" -- "$baton" ics "$dir" --now "$NOW"
}
if $growth; then
  unset BATON_CACHE_DIR
  for profile in plain late chain; do
    for n in "${growth_sizes[@]}"; do
      growth_rows "$profile" "$n"
    done
  done
  # The chain at 100,000: the case that was quadratic.
  $quick || growth_rows chain 100k
fi
$has_plan || echo "baton has no plan command on this branch" > "$results/no-plan.txt"

echo "== phases"
largest=10k
$quick || largest=100k
"$bin/examples/phases" "$BENCH_DIR/plain-$largest" --now "$NOW" > "$results/phases-check-$largest.md" || true
"$bin/examples/phases" "$BENCH_DIR/plain-$largest" --now "$NOW" --warm > "$results/phases-warm-$largest.md" || true
"$bin/examples/phases" "$BENCH_DIR/git-10k" --now "$NOW" --history > "$results/phases-history.md" || true
echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$results/machine.txt"

echo "== writing BENCHMARKS.md"
python3 scripts/bench_report.py "$results" BENCHMARKS.md
