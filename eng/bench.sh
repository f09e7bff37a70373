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
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; fi

source eng/postgres.sh
app=""
applog=$(mktemp /tmp/chatkit-bench-app.XXXXXX.log)
peers=() # other servers a block starts (the Node.js peer, the replay endpoint); stopped on exit
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; for p in "${peers[@]}"; do kill "$p" 2>/dev/null; done; pg_stop; rm -f "${script:-}" "$applog" "${results:-}"; rm -rf "${peer_dir:-}" "${tools_dir:-}"; [ -n "${publish_dir:-}" ] && rm -rf "$publish_dir"; }
trap cleanup EXIT
pg_start

dotnet build ChatKitApp/ChatKitApp.csproj -c Release -v q -nologo >/dev/null
dotnet build ChatKitApp.Bench/ChatKitApp.Bench.csproj -c Release -v q -nologo >/dev/null
dotnet build ChatKitApp.Bench/Replay/ChatKitApp.Bench.Replay.csproj -c Release -v q -nologo >/dev/null

script=$(mktemp /tmp/chatkit-bench.XXXXXX.lua)
cat >"$script" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":"threads.create","params":{"input":{"content":[{"type":"input_text","text":"Hello from the load generator, please echo this back"}],"attachments":[],"inference_options":{}}}}'
LUA

# Starts the app (echo model) on a free port and opens a page once for a guest cookie; sets $app,
# $port and $cookie. $1: connection string ('' = in-memory store); the rest: extra settings as
# NAME=value environment assignments.
start_app() {
  local db=$1
  shift
  port=$(pg_free_port)
  # One user on one address generates all the load: its rate limit and stream caps are off here.
  env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ChatKit__Model__Provider=Echo \
    ChatKit__RateLimits__RequestsPerWindow=0 ChatKit__RateLimits__MaxConcurrentStreamsPerUser=0 \
    ChatKit__RateLimits__MaxConcurrentStreamsPerAddress=0 \
    ConnectionStrings__ChatKit="$db" "$@" \
    dotnet ChatKitApp/bin/Release/net10.0/ChatKitApp.dll --urls "http://127.0.0.1:$port" >"$applog" 2>&1 &
  app=$!
  wait_healthy "$port" || { echo "The app did not start:" >&2; cat "$applog" >&2; exit 1; }
  # /chatkit needs a user: open a page once for a guest cookie (Secure in Production, so pass it
  # by hand; curl would not send it back over http).
  cookie=$(curl -s -o /dev/null -D - "http://127.0.0.1:$port/" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(\.ChatKitApp\.Auth=[^;]*\).*/\1/p' | head -1)
}

# Waits up to 30 s for GET /healthz on port $1.
wait_healthy() {
  for _ in $(seq 1 150); do
    curl -s -o /dev/null "http://127.0.0.1:$1/healthz" && return 0
    sleep 0.2
  done
  curl -sf -o /dev/null "http://127.0.0.1:$1/healthz"
}

stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; app=""; }

# $1: label, $2: connection string ('' = in-memory store)
load_test() {
  start_app "$2"
  sed -i '/^wrk.headers\["Cookie"\]/d' "$script"
  echo "wrk.headers[\"Cookie\"] = \"$cookie\"" >>"$script"
  wrk -t2 -c"$connections" -d5s -s "$script" "http://127.0.0.1:$port/chatkit" >/dev/null # warm-up
  echo "== threads.create, $1, echo model, $connections connections, ${duration}s"
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$script" "http://127.0.0.1:$port/chatkit" \
    | grep -E 'Requests/sec|Latency Distribution|^ +(50|90|99)%|requests in|Non-2xx'
  if [ -n "$2" ]; then count_round_trips "$port" "$cookie"; fi
  stop_app
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

# --- Per-turn cost (issue 22): the app vs its Node.js peer vs a bare Kestrel endpoint -------------
# threads.create with wrk against three servers started side by side: the app (in-memory store, echo
# model, limits off), chatkit-node-backend-sdk 1.1.2 from npm with an echo responder
# (ChatKitApp.Bench/node-peer/server.mjs) and the bare endpoint (ChatKitApp.Bench/Replay: reads the
# request, writes the app's recorded answer). Absolute figures depend on the machine and what else
# runs on it; the ratios, taken in one run with the servers measured in turn, do not. Each server is
# measured in several short rounds, interleaved, and the median round is kept.
echo "== per-turn cost: app vs Node.js peer vs bare Kestrel endpoint (threads.create, $connections connections)"
rounds=${BENCH_ROUNDS:-3}
round_seconds=${BENCH_ROUND_SECONDS:-8}
peer_dir=$(mktemp -d /tmp/chatkit-node-peer.XXXXXX)
cp ChatKitApp.Bench/node-peer/server.mjs "$peer_dir/"
(cd "$peer_dir" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund chatkit-node-backend-sdk@1.1.2 >/dev/null)
node_port=$(pg_free_port)
node "$peer_dir/server.mjs" "$node_port" >/dev/null 2>&1 &
peers+=($!)
replay_port=$(pg_free_port)
dotnet ChatKitApp.Bench/Replay/bin/Release/net10.0/ChatKitApp.Bench.Replay.dll --urls "http://127.0.0.1:$replay_port" >/dev/null 2>&1 &
peers+=($!)
start_app ""
wait_healthy "$node_port" && wait_healthy "$replay_port" || { echo "The Node.js peer or the replay endpoint did not start" >&2; exit 1; }
sed -i '/^wrk.headers\["Cookie"\]/d' "$script"
echo "wrk.headers[\"Cookie\"] = \"$cookie\"" >>"$script"
# One parseable line per wrk run: requests/s, p99 in ms, errors (connect, read, write, timeout and
# non-2xx answers).
cat >>"$script" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.2f %d\n", summary.requests / summary.duration * 1e6,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout + e.status))
end
LUA
declare -A urls=([app]="http://127.0.0.1:$port/chatkit" [node]="http://127.0.0.1:$node_port/chatkit" [bare]="http://127.0.0.1:$replay_port/chatkit")
declare -A pids=([app]="$app" [node]="${peers[0]}" [bare]="${peers[1]}")
# CPU time (user + system, in clock ticks) a server used: per request it is the cost of a turn,
# which other work on the machine disturbs far less than requests/s.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
results=$(mktemp /tmp/chatkit-threeway.XXXXXX)
# Warm-up: the app's tiered JIT keeps compiling hot methods for about 20 s of load, and a round
# measured meanwhile counts the compiler's CPU as the app's (the peers have far less code to warm).
for server in app node bare; do wrk -t2 -c"$connections" -d"${BENCH_WARMUP_SECONDS:-20}s" -s "$script" "${urls[$server]}" >/dev/null; done
for round in $(seq 1 "$rounds"); do
  for server in app node bare; do
    before=$(cpu_ticks "${pids[$server]}")
    line=$(wrk -t2 -c"$connections" -d"${round_seconds}s" -s "$script" "${urls[$server]}" | sed -n 's/^RESULT //p')
    echo "$server $line $(( $(cpu_ticks "${pids[$server]}") - before )) $round_seconds" >>"$results"
  done
  echo "  round $round done, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
stop_app
for p in "${peers[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done
peers=()
rm -rf "$peer_dir"
# Median round per server by requests/s; errors summed over all rounds.
awk -v cores="$(nproc)" '
  # server, req/s, p99 ms, errors, CPU ticks (1/100 s), seconds
  { rps[$1, ++n[$1]] = $2; p99[$1, n[$1]] = $3; errors[$1] += $4; ticks[$1] += $5; requests[$1] += $2 * $6 }
  function median(server,   i, j, t, k, idx) {
    for (i = 1; i <= n[server]; i++) idx[i] = i
    for (i = 1; i <= n[server]; i++) for (j = i + 1; j <= n[server]; j++)
      if (rps[server, idx[j]] < rps[server, idx[i]]) { t = idx[i]; idx[i] = idx[j]; idx[j] = t }
    k = idx[int((n[server] + 1) / 2)]
    mrps[server] = rps[server, k]; mp99[server] = p99[server, k]
  }
  END {
    median("app"); median("node"); median("bare")
    for (s in ticks) cpu[s] = ticks[s] * 10000 / requests[s]
    printf "  %-34s %10s %9s %7s %14s\n", "server (" cores " cores)", "req/s", "p99 ms", "errors", "CPU us/req"
    printf "  %-34s %10d %9.2f %7d %14.0f\n", "app (in-memory, echo)", mrps["app"], mp99["app"], errors["app"], cpu["app"]
    printf "  %-34s %10d %9.2f %7d %14.0f\n", "Node.js peer (SDK 1.1.2)", mrps["node"], mp99["node"], errors["node"], cpu["node"]
    printf "  %-34s %10d %9.2f %7d %14.0f\n", "bare Kestrel replay", mrps["bare"], mp99["bare"], errors["bare"], cpu["bare"]
    printf "  app / Node.js peer: %.2fx req/s (target >= 2), %.2fx CPU per request\n", mrps["app"] / mrps["node"], cpu["app"] / cpu["node"]
    printf "  app / bare:         %.2fx req/s (target >= 0.35), %.2fx CPU per request\n", mrps["app"] / mrps["bare"], cpu["app"] / cpu["bare"]
  }' "$results"
rm -f "$results"

# --- Many open streams (issue 22): one instance holding thousands of conversations at once -------
# ChatKitApp.Bench open-streams opens N threads.create streams (over two seconds) against one app
# whose echo model sends a delta every 50 ms for 20 s (ChatKit:Model:EchoDelayMs), and reads every
# delta's emit time from its text. Per N, a fresh app (in-memory store, per-user and per-address
# limits off): RSS and managed heap while all streams are open, RSS growth per stream, the app's CPU
# over the run (cores), the delay from the model's token to the client (p50/p99), errors. The client
# runs on the same cores as the app. Targets at 5,000: no errors, p99 under 50 ms, under 150 KB per
# stream. Each stream is a socket on both sides: the descriptor limit is raised as far as allowed.
echo "== open streams: N conversations at once, a delta every 50 ms for 20 s (echo model, in-memory store)"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
stream_counts=${BENCH_STREAMS:-1000 2000 5000}
tools_dir=$(mktemp -d /tmp/chatkit-dotnet-tools.XXXXXX)
counters=-
dotnet tool install --tool-path "$tools_dir" dotnet-counters --version 10.0.750501 >/dev/null 2>&1 && counters="$tools_dir/dotnet-counters" \
  || echo "  (dotnet-counters could not be installed: no managed heap figure)"
printf "  %7s %9s %9s %11s %9s %8s %8s %9s %7s\n" streams "RSS MB" "heap MB" "KB/stream" "CPU" "p50 ms" "p99 ms" deltas errors
for n in $stream_counts; do
  if [ "$(ulimit -n)" -lt $((n * 2 + 1000)) ]; then echo "  $n streams: skipped, ulimit -n is $(ulimit -n)"; continue; fi
  start_app "" ChatKit__Model__EchoDelayMs=50
  # Warm-up (not reported): a short run with a tenth of the streams, so the JIT's work on the
  # streaming path is done before the measured run rather than counted in its delays.
  dotnet ChatKitApp.Bench/bin/Release/net10.0/ChatKitApp.Bench.dll open-streams "http://127.0.0.1:$port/chatkit" "$cookie" "$app" $((n / 10)) 10 50 - >/dev/null
  dotnet ChatKitApp.Bench/bin/Release/net10.0/ChatKitApp.Bench.dll open-streams "http://127.0.0.1:$port/chatkit" "$cookie" "$app" "$n" 20 50 "$counters"
  echo "          load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
  stop_app
done
rm -rf "$tools_dir"

# --- PostgreSQL turns (issue 22): threads.create throughput and round trips are in the first block
# ("threads.create, PostgreSQL store"); here add_user_message on threads that already hold 1,000
# items, 8 threads at once (one request at a time per thread: a thread's turns run one after another).
echo "== PostgreSQL: add_user_message on long threads (echo model)"
start_app "$CHATKIT_TEST_DB"
dotnet ChatKitApp.Bench/bin/Release/net10.0/ChatKitApp.Bench.dll add-message "http://127.0.0.1:$port/chatkit" "$cookie" 8 1000 ${BENCH_ADD_MESSAGES:-200}
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
stop_app
