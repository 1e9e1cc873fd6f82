#!/usr/bin/env bash
# Prepares a fresh Debian 12 machine (Node 20 already there) to build, run and test the extension:
# the Debian packages the browser tests and the real VS Code (code-server) need, then `npm ci`.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    chromium                # headless browser for the webview and VS Code UI tests, and the exports' fallback
    chromium-headless-shell # the CLI's and the PDF export's browser: the same drawing, started in half the time
    fonts-dejavu-core       # readable text in screenshots and PNG exports
    fonts-noto-color-emoji  # emoji in labels
    librsvg2-bin            # rsvg-convert: the tests check that exported SVG draws outside a browser
    poppler-utils           # pdftotext, pdfinfo: the tests read exported PDFs back
    imagemagick             # convert, compare: the tests measure exported pictures
    build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev  # code-server's native modules
    ripgrep                 # code-server's search, installed offline from Debian instead of GitHub
    git
)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    echo "Installing Debian packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# `npm ci`: exactly the locked versions, and the lock file stays as committed, so a newcomer starts
# with a clean tree. The lock file names every platform's optional packages (rollup's, esbuild's).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
fi
