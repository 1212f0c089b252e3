#!/usr/bin/env bash
# Obtains the pinned third-party sources listed in deps.lock from Debian's
# archive and unpacks them into a cache outside the repository.
#
#   third_party/fetch.sh [NAME ...]     fetch all (or the named) dependencies
#
# Prints one "NAME=DIR" line per dependency on stdout (the unpacked source
# tree); everything else goes to stderr. The cache (CAREPLAN_DEPS_CACHE,
# default ~/.cache/careplan-deps) is shared by all clones and presets; once it
# is filled, no network is needed.
#
# Source packages come through `apt-get source --download-only` with a private
# apt configuration built from the system's own apt sources (deb-src lines for
# the suites that carry our versions), so apt checks them against Debian's
# signed indexes. /etc/apt is never touched and no host name is written here.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
lock="$here/deps.lock"
cache=${CAREPLAN_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/careplan-deps}
suites="trixie trixie-backports sid"

say() { printf 'third_party: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

mkdir -p "$cache/src" "$cache/downloads"
exec 9>"$cache/.lock"
flock 9

apt_dir="$cache/apt"
apt_opts=()
apt_ready=0

# Builds the private apt configuration from the system's Debian source entry
# and refreshes its source index, once per run and only when a download is due.
prepare_apt() {
  [ "$apt_ready" = 1 ] && return
  local sys=/etc/apt/sources.list.d/debian.sources uri key
  [ -r "$sys" ] || die "cannot read $sys to find Debian's archive"
  uri=$(awk '/^URIs:/ {print $2; exit}' "$sys")
  key=$(awk '/^Signed-By:/ {print $2; exit}' "$sys")
  [ -n "$uri" ] || die "no URIs: line in $sys"
  mkdir -p "$apt_dir/sources" "$apt_dir/state/lists/partial" "$apt_dir/cache/archives/partial"
  {
    echo "Types: deb-src"
    echo "URIs: $uri"
    echo "Suites: $suites"
    echo "Components: main"
    [ -n "$key" ] && echo "Signed-By: $key"
  } >"$apt_dir/sources/deps.sources"
  apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/sources"
            -o "Dir::State=$apt_dir/state" -o "Dir::Cache=$apt_dir/cache"
            -o Dir::State::status=/var/lib/dpkg/status -o Debug::NoLocking=1)
  [ "$(id -u)" = 0 ] && apt_opts+=(-o APT::Sandbox::User=root)
  say "refreshing the source index ($suites)"
  apt-get "${apt_opts[@]}" -q update >"$apt_dir/update.log" 2>&1 || die "apt-get update failed (is the archive reachable?)"
  apt_ready=1
}

# Debian versions of a source package, newest first.
debian_versions() {
  apt-cache "${apt_opts[@]}" showsrc "$1" 2>/dev/null | awk '/^Version:/ {print $2}' |
    sort -u | sort -r -V
}

upstream_of() { local v=${1#*:}; echo "${v%-*}"; }

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

# Downloads the source package at the given upstream version (any Debian
# revision that the archive still serves) into $cache/downloads; prints the
# upstream tarball's path.
download_source() {
  local pkg=$1 upstream=$2 v dir
  for v in $(debian_versions "$pkg"); do
    [ "$(upstream_of "$v")" = "$upstream" ] || continue
    dir="$cache/downloads/$pkg-$v"
    say "downloading $pkg $v"
    mkdir -p "$dir"
    if (cd "$dir" && apt-get "${apt_opts[@]}" -q source --download-only "$pkg=$v" >"$dir/apt.log" 2>&1); then :; fi
    local tarball
    tarball=$(ls "$dir"/"${pkg}_${upstream#*:}".orig.tar.* 2>/dev/null | head -n1 || true)
    if [ -n "$tarball" ]; then echo "$tarball"; return 0; fi
  done
  return 1
}

download_deb() {
  local pkg=$1 upstream=$2 dir="$cache/downloads/$1-$2"
  mkdir -p "$dir"
  (cd "$dir" && ls ./*.deb >/dev/null 2>&1 || apt-get -q download "$pkg" >apt.log 2>&1) || return 1
  ls "$dir"/*.deb | head -n1
}

unpack_tarball() {
  local tarball=$1 dest=$2
  rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
  tar -xf "$tarball" -C "$dest.tmp" --strip-components=1
  rm -rf "$dest" && mv "$dest.tmp" "$dest"
}

# Resolves one lock line to an unpacked directory (left in $result),
# fetching when needed.
fetch_one() {
  local name=$1 pkg=$2 upstream=$3 series=$4 sha=$5
  local dest="$cache/src/$name-${upstream//[~:]/_}" resolved="$cache/src/$name.resolved"
  result=$dest
  [ -f "$dest/.careplan-ok" ] && return
  if [ -f "$resolved" ] && [ -f "$(cat "$resolved")/.careplan-ok" ]; then
    result=$(cat "$resolved")
    say "WARNING: $name: using $(basename "$result") in place of the pinned $upstream"
    return
  fi
  prepare_apt
  if [[ $pkg == deb:* ]]; then
    local deb font
    deb=$(download_deb "${pkg#deb:}" "$upstream") || die "$name: cannot download ${pkg#deb:}"
    rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
    dpkg-deb -x "$deb" "$dest.tmp"
    font=$(find "$dest.tmp" -name '*.ttf' | head -n1)
    [ "$(sha_of "$font")" = "$sha" ] || die "$name: sha256 of $(basename "$font") does not match the lock"
    rm -rf "$dest" && mv "$dest.tmp" "$dest"
  else
    local tarball taken=$upstream
    if ! tarball=$(download_source "$pkg" "$upstream"); then
      # The pinned version has left the archive: take the newest of its series
      # that apt offers (already checked against the signed indexes).
      local v
      for v in $(debian_versions "$pkg"); do
        [[ $(upstream_of "$v") == "$series"* ]] || continue
        taken=$(upstream_of "$v"); break
      done
      [ "$taken" != "$upstream" ] || die "$name: neither $upstream nor any $series* version is in the archive"
      say "WARNING: $name: pinned $upstream is gone from the archive; TAKING $taken. Update deps.lock."
      tarball=$(download_source "$pkg" "$taken") || die "$name: cannot download $taken"
      dest="$cache/src/$name-${taken//[~:]/_}"
    elif [ "$(sha_of "$tarball")" != "$sha" ]; then
      die "$name: sha256 of $(basename "$tarball") does not match the lock"
    fi
    unpack_tarball "$tarball" "$dest"
    [ "$taken" = "$upstream" ] || echo "$dest" >"$resolved"
  fi
  echo "$pkg $upstream" >"$dest/.careplan-ok"
  result=$dest
}

want=" $* "
while read -r name pkg upstream series sha; do
  [[ -z $name || $name == \#* ]] && continue
  [ $# -eq 0 ] || [[ $want == *" $name "* ]] || continue
  fetch_one "$name" "$pkg" "$upstream" "$series" "$sha"
  echo "$name=$result"
done <"$lock"
