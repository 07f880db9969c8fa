#!/usr/bin/env bash
# Refreshes the third-party files the web pages serve (no CDN: the app serves everything itself).
# cytoscape.js (MIT) from the npm registry: the minified ES module build and its licence.
# Usage: scripts/vendor-web.sh [version]   (default: the version recorded in wwwroot/app/vendor/VERSIONS)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dest=src/StdGraph.Server/wwwroot/app/vendor
version=${1:-$(sed -n 's/^cytoscape //p' "$dest/VERSIONS" 2>/dev/null || true)}
version=${version:-latest}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "cytoscape@$version" >/dev/null && tar -xzf cytoscape-*.tgz)
mkdir -p "$dest"
cp "$tmp/package/dist/cytoscape.esm.min.mjs" "$dest/cytoscape.esm.min.js"
cp "$tmp/package/LICENSE" "$dest/cytoscape.LICENSE.txt"
printf 'cytoscape %s\n' "$(node -p "require('$tmp/package/package.json').version")" > "$dest/VERSIONS"
echo "vendored cytoscape $(cat "$dest/VERSIONS") into $dest"
