#!/usr/bin/env bash
# Runs every test: installs PostgreSQL, Chromium, Node.js, npm, redis-server and nginx when missing (Debian packages),
# installs the MCP test server and the ChatKit types from npm, type-checks the offline ChatKit element with tsc, starts a throwaway PostgreSQL, runs
# `dotnet test ChatKitApp.sln`, prints 'N passed, N failed' (the type check counts as one test).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
[ -x "$CHROMIUM_PATH" ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# The shared-limits tests start their own redis-server, and the scale-out test its own nginx in front of
# three app instances; both fail (never skip) without CHATKIT_REDIS_SERVER / CHATKIT_NGINX.
export CHATKIT_REDIS_SERVER=${CHATKIT_REDIS_SERVER:-/usr/bin/redis-server}
export CHATKIT_NGINX=${CHATKIT_NGINX:-/usr/sbin/nginx}
[ -x "$CHATKIT_REDIS_SERVER" ] || missing+=(redis-server)
[ -x "$CHATKIT_NGINX" ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

source eng/postgres.sh

# The element (ChatKitApp/wwwroot/chatkit) is plain JavaScript with JSDoc types; tsc checks it
# without emitting anything. TypeScript comes from npm at a pinned version, into a temp dir.
typescript_version=5.9.3
tsc_dir=$(mktemp -d /tmp/chatkit-tsc.XXXXXX)
cleanup() { pg_stop; rm -rf "$tsc_dir"; }
trap cleanup EXIT
npm install --prefix "$tsc_dir" --no-audit --no-fund --no-save --loglevel=error "typescript@$typescript_version" >/dev/null
# The MCP tests start a real MCP server over stdio: @modelcontextprotocol/server-everything from npm,
# at a pinned version, into a temp dir; the tests fail (never skip) without CHATKIT_MCP_EVERYTHING.
mcp_everything_version=2026.8.31
npm install --prefix "$tsc_dir/mcp" --no-audit --no-fund --no-save --loglevel=error "@modelcontextprotocol/server-everything@$mcp_everything_version" >/dev/null
export CHATKIT_MCP_EVERYTHING="$tsc_dir/mcp/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
# The options and widget tests compare the typed C# surface with the element's own types: the npm
# package @openai/chatkit at a pinned version, into a temp dir; they fail (never skip) without CHATKIT_NPM_TYPES.
# The options test reads them with the TypeScript compiler installed above (CHATKIT_TYPESCRIPT).
chatkit_types_version=1.9.0
npm install --prefix "$tsc_dir/chatkit" --no-audit --no-fund --no-save --loglevel=error "@openai/chatkit@$chatkit_types_version" >/dev/null
export CHATKIT_NPM_TYPES="$tsc_dir/chatkit/node_modules/@openai/chatkit"
export CHATKIT_TYPESCRIPT="$tsc_dir/node_modules/typescript"
echo "== tsc --noEmit -p eng/tsconfig.element.json (typescript $typescript_version)"
if node "$tsc_dir/node_modules/typescript/bin/tsc" -p eng/tsconfig.element.json; then
  tsc_failed=0; echo "element type check passed"
else
  tsc_failed=1; echo "element type check FAILED"
fi

pg_start

log=$(mktemp /tmp/chatkit-test.XXXXXX.log)
dotnet restore ChatKitApp.sln
dotnet build ChatKitApp.sln --no-restore -c Release
set +e
dotnet test ChatKitApp.sln --no-build -c Release 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# VSTest prints one 'Passed!/Failed!  - Failed: F, Passed: P, ...' line per test assembly.
# The element type check counts as one test.
awk -v tsc_failed="$tsc_failed" '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
     END { if (tsc_failed) f++; else p++; printf "%d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
[ "$tsc_failed" -eq 0 ] || exit 1
exit "$rc"
