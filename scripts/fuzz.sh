#!/usr/bin/env bash
# Fuzz every target of fuzz/ for SECONDS (default 1800) each, seeded from
# example-project/ and tests/hostile/, then minimise each corpus into
# tests/fuzz-regressions/<target>/ (replayed by `cargo test`).
#
#   cargo install cargo-fuzz
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#   FUZZ_TIMEOUT=30 scripts/fuzz.sh ...   # seconds before an input counts as hung
#                                         # (default 10; raise it on a busy machine)
#
# cargo-fuzz needs nightly compiler flags; on a stable toolchain
# RUSTC_BOOTSTRAP=1 enables them. Crashes land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1
seconds="${1:-1800}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(task request meeting baton_toml org_toml change report)

seed() {
  local target="$1" pattern="$2"
  mkdir -p "corpus/$target"
  find ../example-project ../tests/hostile ../tests/fixtures/schema -path "$pattern" -type f -size -64k 2>/dev/null |
    while read -r f; do cp "$f" "corpus/$target/seed-$(echo "$f" | md5sum | cut -c1-12)"; done
}

for target in "${targets[@]}"; do
  case "$target" in
    task) seed task '*task*/*.toml' ;;
    request) seed request '*request*/*.toml' ;;
    meeting) seed meeting '*meeting*/*.toml' ;;
    baton_toml) seed baton_toml '*baton*.toml' ;;
    org_toml) seed org_toml '*org*.toml' ;;
    report) mkdir -p corpus/report && cp ../tests/fuzz-regressions/report/seed-* corpus/report/ ;;
  esac
  echo "== fuzzing $target for ${seconds}s"
  cargo fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
  echo "== minimising $target"
  mkdir -p "../tests/fuzz-regressions/$target"
  cargo fuzz cmin "$target" "corpus/$target"
  # Keep the regression set small: the 40 smallest inputs that survive cmin.
  # (Not `ls | head`: with pipefail, ls dies of SIGPIPE on a big corpus.)
  mapfile -t smallest < <(ls -S -r "corpus/$target")
  for f in "${smallest[@]:0:40}"; do cp "corpus/$target/$f" "../tests/fuzz-regressions/$target/$f"; done
done
