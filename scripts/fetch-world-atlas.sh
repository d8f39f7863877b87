#!/bin/sh
# Fetch the country outlines of the web app's base map again (run by hand, never at run time):
# world-atlas's Natural Earth 1:110m countries, from the npm registry.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz)
cp "$work/package/countries-110m.json" "$here/src/dossier/data/world/countries-110m.json"
echo "updated src/dossier/data/world/countries-110m.json"
