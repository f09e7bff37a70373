#!/usr/bin/env bash
# Runs every test: installs PostgreSQL and Chromium when missing (Debian packages), starts a
# throwaway PostgreSQL, runs `dotnet test ChatKitApp.sln`, prints 'N passed, N failed'.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
[ -x "$CHROMIUM_PATH" ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

source eng/postgres.sh
trap pg_stop EXIT
pg_start

log=$(mktemp /tmp/chatkit-test.XXXXXX.log)
dotnet restore ChatKitApp.sln
dotnet build ChatKitApp.sln --no-restore -c Release
set +e
dotnet test ChatKitApp.sln --no-build -c Release 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# VSTest prints one 'Passed!/Failed!  - Failed: F, Passed: P, ...' line per test assembly.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$rc"
