#!/usr/bin/env bash
# Installs a prebuilt baton from a GitHub release, after checking its SHA-256.
#
#   scripts/install-baton.sh [--target TRIPLE] VERSION [INSTALL_DIR]
#
#   VERSION      the release, `0.1.0` or `v0.1.0`
#   INSTALL_DIR  where `baton` goes (default: ~/.local/bin); created if missing
#   --target     the target triple to download instead of this machine's own
#                (x86_64-unknown-linux-musl, aarch64-unknown-linux-musl,
#                x86_64-apple-darwin, aarch64-apple-darwin, x86_64-pc-windows-msvc)
#
# Environment:
#   BATON_RELEASE_URL  where releases are downloaded from, for mirrors and
#                      tests (default https://github.com/baton-dev/baton/releases/download);
#                      files are fetched from $BATON_RELEASE_URL/v$VERSION/.
#                      Must be https://, except on 127.0.0.1 or localhost.
#
# Exit codes:
#   0  baton installed
#   1  any other error (no curl or wget, no sha256sum or shasum, a bad archive)
#   2  wrong usage
#   3  no prebuilt binary: unknown platform or target, or the release has no
#      archive or no checksum for it (HTTP 404); building from source is the way
#   4  the archive does not match its published SHA-256 (or the checksum file
#      is unreadable): nothing was installed
#   5  a download failed (network error, or an HTTP status other than 404)
#
# Nothing downloaded is unpacked, let alone run, before its checksum matches.
# The checksum comes from the same release as the archive: it catches a
# corrupted download or an archive altered on a mirror, not a compromised
# release.
set -euo pipefail

die() {
  local code=$1
  shift
  echo "install-baton: $*" >&2
  exit "$code"
}

usage() { die 2 "usage: install-baton.sh [--target TRIPLE] VERSION [INSTALL_DIR]"; }

target=""
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --target) [ $# -ge 2 ] || usage; target=$2; shift 2 ;;
    --target=*) target=${1#--target=}; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) usage ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ ${#args[@]} -lt 1 ] || [ ${#args[@]} -gt 2 ]; then usage; fi
version=${args[0]#v}
install_dir=${args[1]:-$HOME/.local/bin}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]] ||
  die 2 "not a version: ${args[0]} (expected e.g. 0.1.0 or v0.1.0)"

base=${BATON_RELEASE_URL:-https://github.com/baton-dev/baton/releases/download}
base=${base%/}
case $base in
  https://* | http://127.0.0.1[:/]* | http://127.0.0.1 | http://localhost[:/]* | http://localhost) ;;
  *) die 2 "BATON_RELEASE_URL must start with https:// (plain http only on 127.0.0.1 or localhost): $base" ;;
esac

# The platform, as the target triple of the release archives.
if [ -z "$target" ]; then
  os=$(uname -s)
  arch=$(uname -m)
  case $arch in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
  esac
  case $os in
    Linux) target=$arch-unknown-linux-musl ;;
    Darwin) target=$arch-apple-darwin ;;
    MINGW* | MSYS* | CYGWIN*) target=$arch-pc-windows-msvc ;;
    *) target="$arch-$os" ;;
  esac
fi
case $target in
  x86_64-unknown-linux-musl | aarch64-unknown-linux-musl | x86_64-apple-darwin | aarch64-apple-darwin)
    archive=baton-$target.tar.gz binary=baton ;;
  x86_64-pc-windows-msvc)
    archive=baton-$target.zip binary=baton.exe ;;
  *) die 3 "no prebuilt binary for $target; build baton from source (cargo install --locked --path .)" ;;
esac

if command -v curl > /dev/null; then
  fetcher=curl
elif command -v wget > /dev/null; then
  fetcher=wget
else
  die 1 "needs curl or wget"
fi
if command -v sha256sum > /dev/null; then
  sha256=(sha256sum)
elif command -v shasum > /dev/null; then
  sha256=(shasum -a 256)
else
  die 1 "needs sha256sum or shasum to verify the download"
fi

# download URL FILE: 0 on success, 3 on HTTP 404, 5 on any other failure.
download() {
  local status
  if [ "$fetcher" = curl ]; then
    status=$(curl --silent --show-error --location --proto-redir '=https' \
      --connect-timeout 20 --max-time 300 --retry 3 \
      --output "$2" --write-out '%{http_code}' "$1") || return 5
  else
    wget --quiet --server-response --timeout=60 --tries=3 -O "$2" "$1" 2> "$2.headers" || true
    status=$(awk '$1 ~ /^HTTP\// { code = $2 } END { print code }' "$2.headers")
  fi
  case $status in
    200) return 0 ;;
    404) return 3 ;;
    *) echo "install-baton: $1: HTTP status ${status:-none}" >&2; return 5 ;;
  esac
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
url=$base/v$version/$archive

code=0
download "$url.sha256" "$tmp/$archive.sha256" || code=$?
if [ "$code" -eq 0 ]; then download "$url" "$tmp/$archive" || code=$?; fi
case $code in
  0) ;;
  3) die 3 "no prebuilt binary for $target in release v$version ($url or its .sha256: HTTP 404)" ;;
  *) die 5 "could not download $url" ;;
esac

expected=$(awk 'NR == 1 { print tolower($1) }' "$tmp/$archive.sha256")
[[ $expected =~ ^[0-9a-f]{64}$ ]] ||
  die 4 "$url.sha256 holds no SHA-256; refusing to install an unverified binary"
actual=$("${sha256[@]}" "$tmp/$archive" | awk '{ print tolower($1) }')
if [ "$actual" != "$expected" ]; then
  die 4 "checksum mismatch for $archive: expected $expected, got $actual; refusing to install (nothing was installed)"
fi

mkdir "$tmp/unpacked"
case $archive in
  *.zip) unzip -q "$tmp/$archive" "$binary" -d "$tmp/unpacked" ;;
  *) tar -xzf "$tmp/$archive" -C "$tmp/unpacked" "$binary" ;;
esac || die 1 "could not unpack $binary from $archive"
if [ ! -f "$tmp/unpacked/$binary" ] || [ -L "$tmp/unpacked/$binary" ]; then
  die 1 "$archive: $binary is not a regular file"
fi

mkdir -p "$install_dir"
# Copy next to the destination, then rename: a running baton is never half-overwritten.
cp "$tmp/unpacked/$binary" "$install_dir/.$binary.partial"
chmod 755 "$install_dir/.$binary.partial"
mv -f "$install_dir/.$binary.partial" "$install_dir/$binary"
echo "install-baton: installed baton $version ($target) to $install_dir/$binary"
