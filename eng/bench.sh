#!/usr/bin/env bash
# Benchmarks, with numbers printed (none of this is a test):
#   1. threads.create through /chatkit with wrk on loopback: in-memory store, then PostgreSQL
#      (echo model: the server is measured, not a model);
#   2. first-page latency of threads.list / items.list on PostgreSQL, small vs large;
#   3. the model path with a fake OpenAI-compatible provider: first delta and cost per delta;
#   4. the offline element: its JS+CSS as a browser downloads it (Brotli, from a publish build)
#      and the time of its first render;
#   5. chat search on PostgreSQL: first page for a user with 100,000 messages vs one with 100.
# Usage: eng/bench.sh [seconds per wrk run, default 20] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-16}
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; fi

source eng/postgres.sh
app=""
applog=$(mktemp /tmp/chatkit-bench-app.XXXXXX.log)
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; pg_stop; rm -f "${script:-}" "$applog"; [ -n "${publish_dir:-}" ] && rm -rf "$publish_dir"; }
trap cleanup EXIT
pg_start

dotnet build ChatKitApp/ChatKitApp.csproj -c Release -v q -nologo >/dev/null
dotnet build ChatKitApp.Bench/ChatKitApp.Bench.csproj -c Release -v q -nologo >/dev/null

script=$(mktemp /tmp/chatkit-bench.XXXXXX.lua)
cat >"$script" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"Hello from the load generator, please echo this back"}],"attachments":[],"inference_options":{}}}}'
LUA

# $1: label, $2: connection string ('' = in-memory store)
load_test() {
  local port
  port=$(pg_free_port)
  # One user on one address generates all the load: its rate limit and stream caps are off here.
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ChatKit__Model__Provider=Echo \
    ChatKit__RateLimits__RequestsPerWindow=0 ChatKit__RateLimits__MaxConcurrentStreamsPerUser=0 \
    ChatKit__RateLimits__MaxConcurrentStreamsPerAddress=0 \
    ConnectionStrings__ChatKit="$2" \
    dotnet ChatKitApp/bin/Release/net10.0/ChatKitApp.dll --urls "http://127.0.0.1:$port" >"$applog" 2>&1 &
  app=$!
  for _ in $(seq 1 150); do
    curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break
    sleep 0.2
  done
  curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "The app did not start:" >&2; cat "$applog" >&2; exit 1; }
  # /chatkit needs a user: open a page once for a guest cookie (Secure in Production, so pass it
  # by hand; curl would not send it back over http).
  local cookie
  cookie=$(curl -s -o /dev/null -D - "http://127.0.0.1:$port/" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(\.ChatKitApp\.Auth=[^;]*\).*/\1/p' | head -1)
  sed -i '/^wrk.headers\["Cookie"\]/d' "$script"
  echo "wrk.headers[\"Cookie\"] = \"$cookie\"" >>"$script"
  wrk -t2 -c"$connections" -d5s -s "$script" "http://127.0.0.1:$port/chatkit" >/dev/null # warm-up
  echo "== threads.create, $1, echo model, $connections connections, ${duration}s"
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$script" "http://127.0.0.1:$port/chatkit" \
    | grep -E 'Requests/sec|Latency Distribution|^ +(50|90|99)%|requests in|Non-2xx'
  if [ -n "$2" ]; then count_round_trips "$port" "$cookie"; fi
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
}

# Database round trips per threads.create: every statement the store runs is its own transaction
# (autocommit), so the growth of pg_stat_database.xact_commit over N sequential turns, divided by
# N, is the number of statements per turn.
count_round_trips() {
  local n=200 before after
  commits() {
    sleep 11 # idle backends report their statistics within 10 seconds
    (cd /tmp && runuser -u postgres -- "$PGBIN/psql" -h "$PGROOT" -p "$PGPORT" -U postgres -d chatkit -Atc \
      "SELECT xact_commit FROM pg_stat_database WHERE datname = 'chatkit'")
  }
  before=$(commits)
  for _ in $(seq 1 $n); do
    curl -s -o /dev/null -H "Cookie: $2" -H 'Content-Type: application/json' \
      -d '{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"Count my round trips"}],"attachments":[],"inference_options":{}}}}' \
      "http://127.0.0.1:$1/chatkit"
  done
  after=$(commits)
  awk -v b="$before" -v a="$after" -v n="$n" 'BEGIN { printf "  database round trips per threads.create: %.2f (%d statements over %d turns)\n", (a - b) / n, a - b, n }'
}

load_test "in-memory store" ""
load_test "PostgreSQL store" "$CHATKIT_TEST_DB"

echo "== PostgreSQL list latency (first page, store level)"
dotnet ChatKitApp.Bench/bin/Release/net10.0/ChatKitApp.Bench.dll postgres-lists "$CHATKIT_TEST_DB"

echo "== model path (fake OpenAI-compatible provider answering at once, in-memory store)"
dotnet ChatKitApp.Bench/bin/Release/net10.0/ChatKitApp.Bench.dll agents

# --- Element budget (issue 5): size of the offline <openai-chatkit> and its first render ---------
# Size: the Brotli files that `dotnet publish` makes and MapStaticAssets serves, summed for the
# element and, separately, for the vendored marked + DOMPurify. First render: the node and
# playwright-core that the Microsoft.Playwright NuGet package puts in the E2E bin, and Debian's
# Chromium; no browser is downloaded. eng/element-bench.mjs says how.
echo "== element budget"
publish_dir=$(mktemp -d /tmp/chatkit-publish.XXXXXX)
dotnet publish ChatKitApp/ChatKitApp.csproj -c Release -o "$publish_dir" -v q -nologo >/dev/null
dotnet build ChatKitApp.E2E/ChatKitApp.E2E.csproj -v q -nologo >/dev/null
playwright=ChatKitApp.E2E/bin/Debug/net10.0/.playwright
node=$(ls "$playwright"/node/linux-*/node | head -1)
"$node" eng/element-bench.mjs "$publish_dir" "$PWD/$playwright/package" "${CHROMIUM_PATH:-/usr/bin/chromium}"

# --- Chat search (issue 21): first page of GET /api/chats/search's query on PostgreSQL ------------
# A user with 100,000 messages versus one with 100, beside 100 other users (ChatKitApp.Bench's
# PostgresSearchLatency says how the messages are made): a word in 1 % of the messages, one in 10 %,
# and two words together. Target: p95 under 50 ms for the large user's first page.
echo "== chat search latency (first page of 20 with snippets, store level)"
dotnet ChatKitApp.Bench/bin/Release/net10.0/ChatKitApp.Bench.dll postgres-search "$CHATKIT_TEST_DB"
