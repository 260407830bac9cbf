#!/usr/bin/env bash
# A bare clone runs: clone this repository's HEAD into an empty folder (nothing beside it, so no
# ../shared), install with `npm ci`, start the product on the embedded Graph (PLAYGROUND=off) and
# fail unless /healthz answers within two minutes, /tab/ serves the tab's page, and the demo
# manager's figures for the demo year (2025-26) count pupils and export to Excel. Used by .ci/run.
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
      # The demo year is there for the demo manager: figures with pupils supported, and an Excel export.
      manager='Authorization: Bearer embedded-dev:00000000-0000-4000-8000-000000000001'
      pupils="$(curl -fsS -H "$manager" "http://127.0.0.1:$port/tab/api/figures?year=2025-26" 2>/dev/null \
        | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const f=JSON.parse(s);const h=f.headlines.find(x=>x.id==="pupils");console.log(h?h.value:0)})' || echo 0)"
      if [ "${pupils:-0}" -gt 0 ] && curl -fsS -H "$manager" -o "$work/figures.xlsx" "http://127.0.0.1:$port/tab/api/figures/export?format=xlsx&table=all&year=2025-26" 2>/dev/null \
        && [ "$(head -c 2 "$work/figures.xlsx")" = "PK" ]; then
        echo "bare clone: the demo manager's 2025-26 figures count $pupils pupils supported, and export to Excel"
        exit 0
      fi
      echo "bare clone: FAILED, the demo year's figures (pupils supported: ${pupils:-none}) or their Excel export are missing" >&2
      tail -n 40 "$work/start.log" >&2
      exit 1
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
