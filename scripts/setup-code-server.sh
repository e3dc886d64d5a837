#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, offline-safe (../shared/recipes/real-vscode.md): Debian's chromium and the
# build deps of code-server's native modules, then code-server 4.100.3 into .vscode-test/code-server.
# Does nothing when everything is already there.
set -euo pipefail
DEST=${1:-.vscode-test/code-server}
[ -x "$DEST/node_modules/.bin/code-server" ] && [ -x /usr/bin/chromium ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
need=(); for p in chromium libkrb5-dev ripgrep pkg-config; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache has the tarball: seed it with Debian's rg.
RGC="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
TGZ="$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$TGZ" ]; then mkdir -p "$RGC/x" && cp "$(command -v rg)" "$RGC/x/rg" && tar -C "$RGC/x" -czf "$TGZ" rg && rm -rf "$RGC/x"; fi
mkdir -p "$DEST" && cd "$DEST" && { [ -f package.json ] || echo '{"private":true}' > package.json; }
# unsafe_perm: code-server's postinstall refuses to run as root without it; yes: node-pty's postinstall runs npx node-gyp.
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-save --no-audit --no-fund --loglevel=error code-server@4.100.3
