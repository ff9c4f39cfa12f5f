#!/usr/bin/env bash
# The client checks: installs what they need (Node packages from package-lock.json, Debian's chromium when
# /usr/bin/chromium is missing), then runs run.mjs, which starts the sample jar given as $1, checks it and stops it.
# Re-runnable; `mvn -B verify` calls it from this module's integration-test phase.
set -euo pipefail
cd "$(dirname "$0")"

fail() {
  echo >&2
  echo "CLIENT CHECKS FAILED: $*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

apt_install() {
  echo "Installing Debian packages: $*"
  as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
    || fail "could not install $* with apt-get (as root or with sudo); install them, or skip these checks with -Dfraiseql.clients.skip=true"
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
# playwright-core needs Node.js 20; Debian 12's own nodejs package is 18.
[ "$node_major" -ge 20 ] || fail "Node.js 20 or newer is needed, found $(node --version) at $(command -v node)"

npm ci --no-audit --no-fund --loglevel=error || fail "npm ci could not install clients/package-lock.json"

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  [ -z "${CHROMIUM:-}" ] || fail "CHROMIUM=$CHROMIUM is not an executable"
  apt_install chromium
  [ -x "$chromium" ] || fail "apt-get installed chromium, but $chromium is still missing"
fi
export CHROMIUM="$chromium"

exec node run.mjs "$@"
