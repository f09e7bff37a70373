#!/usr/bin/env bash
# Load benchmark: threads.create against the running app (in-memory store, echo responder) on
# loopback with wrk. Prints requests/s and latency percentiles. Usage: eng/bench.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-16}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

dotnet build ChatKitApp/ChatKitApp.csproj -c Release -v q -nologo >/dev/null
port=$(( 20000 + RANDOM % 40000 ))
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet ChatKitApp/bin/Release/net10.0/ChatKitApp.dll --urls "http://127.0.0.1:$port" >/tmp/chatkit-bench-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null -X POST "http://127.0.0.1:$port/chatkit" -d '{"type":"threads.list","params":{}}' && break
  sleep 0.2
done

script=$(mktemp /tmp/chatkit-bench.XXXXXX.lua)
cat >"$script" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"Hello from the load generator, please echo this back"}],"attachments":[],"inference_options":{}}}}'
LUA

echo "warm-up (5 s)..."
wrk -t2 -c"$connections" -d5s -s "$script" "http://127.0.0.1:$port/chatkit" >/dev/null
echo "threads.create, echo responder, in-memory store, $connections connections, ${duration}s:"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$script" "http://127.0.0.1:$port/chatkit"
rm -f "$script"

# --- Element budget (issue 5): size of the offline <openai-chatkit> and its first render ---------
# Uses the node and playwright-core that the Microsoft.Playwright NuGet package puts in the E2E
# bin, and Debian's Chromium; nothing is downloaded. eng/element-bench.mjs says how it measures.
echo
dotnet build ChatKitApp.E2E/ChatKitApp.E2E.csproj -v q -nologo >/dev/null
playwright=ChatKitApp.E2E/bin/Debug/net10.0/.playwright
"$playwright/node/linux-x64/node" eng/element-bench.mjs "$PWD/$playwright/package" "${CHROMIUM_PATH:-/usr/bin/chromium}"
