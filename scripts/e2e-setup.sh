#!/usr/bin/env bash
# Installs what the real-VS-Code e2e needs; idempotent and quick when everything is there.
#  - Debian packages: chromium (the browser), libkrb5-dev (code-server's kerberos addon), ripgrep,
#    fonts-noto-cjk (without a CJK font Chromium draws the zh-cn spec's Chinese as empty boxes).
#  - ripgrep's download cache for @vscode/ripgrep (its postinstall would fetch rg from GitHub).
#  - test/e2e/node_modules (code-server 4.100.3 + playwright-core) from its own lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
# Wanted, not needed: the zh-cn spec passes without a CJK font, only its screenshots would show boxes.
want=()
fc-list :lang=zh 2>/dev/null | grep -q . || want+=(fonts-noto-cjk)
if [ $((${#need[@]} + ${#want[@]})) -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "e2e-setup: installing ${need[*]} ${want[*]} with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" "${want[@]}" >/dev/null
  elif [ ${#need[@]} -gt 0 ]; then
    echo "e2e-setup: missing ${need[*]} ${want[*]}. Run: sudo apt-get update && sudo apt-get install -y ${need[*]} ${want[*]}" >&2
    exit 1
  else
    echo "e2e-setup: no CJK font; the zh-cn screenshots will show boxes. Run: sudo apt-get install -y ${want[*]}" >&2
  fi
fi

# @vscode/ripgrep@1.15.11 (pinned inside code-server 4.100.3; see its lib/postinstall.js: VERSION v13.0.0-10,
# musl builds on Linux) looks in $TMPDIR/vscode-ripgrep-cache-1.15.11/ before downloading.
case "$(uname -m)" in
  x86_64) target=x86_64-unknown-linux-musl ;;
  aarch64) target=aarch64-unknown-linux-musl ;;
  *) echo "e2e-setup: no ripgrep cache recipe for $(uname -m)" >&2; exit 1 ;;
esac
tmp="${TMPDIR:-/tmp}"
cache="$tmp/vscode-ripgrep-cache-1.15.11"
asset="$cache/ripgrep-v13.0.0-10-$target.tar.gz"
if [ ! -s "$asset" ]; then
  mkdir -p "$cache"
  stage=$(mktemp -d)
  cp "$(command -v rg)" "$stage/rg"
  tar -C "$stage" -czf "$asset" rg
  rm -rf "$stage"
fi

cd test/e2e
stamp=node_modules/.model-radar-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "e2e-setup: installing code-server and playwright-core (first run takes a minute or two)"
  npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false npm ci --no-progress
  cp package-lock.json "$stamp"
fi
