#!/usr/bin/env bash
# Debian packages the tests use beyond npm: neovim (a second, independent LSP client for the protocol tests).
# The real-VS-Code packages are installed by setup-code-server.sh. Does nothing when everything is present.
set -euo pipefail
need=()
for p in neovim; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ -n "$SUDO" ] && ! command -v sudo >/dev/null; then
  echo "setup-test-deps: please install: ${need[*]} (apt-get install ${need[*]})" >&2; exit 1
fi
$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
