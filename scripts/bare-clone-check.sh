#!/usr/bin/env bash
# A bare clone runs: clone this repository's HEAD into an empty folder (nothing beside it, so no
# ../shared), install with `npm ci`, start the product on the embedded Graph (PLAYGROUND=off) and
# fail unless /healthz answers within two minutes and /tab/ serves the tab's page. Used by .ci/run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/outreach-bare-clone.XXXXXX)"
port="${BARE_CLONE_PORT:-39781}"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -- "-$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "bare clone: cloning $repo into $work/outreach-cases"
git clone --quiet --no-local "$repo" "$work/outreach-cases"
cd "$work/outreach-cases"
echo "bare clone: npm ci"
npm ci --no-audit --no-fund --loglevel=error
echo "bare clone: npm start (PLAYGROUND=off, PORT=$port)"
PLAYGROUND=off PORT="$port" DATA_DIR="$work/data" setsid npm start > "$work/start.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if body="$(curl -fsS "http://127.0.0.1:$port/healthz" 2>/dev/null)"; then
    echo "bare clone: /healthz answered: $body"
    # The tab's page is served too (npm start built it): its HTML names the built script.
    if curl -fsS "http://127.0.0.1:$port/tab/" 2>/dev/null | grep -q '<script'; then
      echo "bare clone: /tab/ served the tab's page"
      exit 0
    fi
    echo "bare clone: FAILED, /tab/ did not serve the tab's page" >&2
    tail -n 40 "$work/start.log" >&2
    exit 1
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 1
done
echo "bare clone: FAILED, /healthz did not answer. The app's output:" >&2
tail -n 40 "$work/start.log" >&2
exit 1
