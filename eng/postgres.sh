#!/usr/bin/env bash
# Throwaway PostgreSQL for tests and benchmarks: own data and socket directory, loopback only,
# a random free port, run as the 'postgres' user (initdb refuses root). Source this file, then
#   pg_start      -> exports CHATKIT_TEST_DB (an Npgsql connection string)
#   pg_stop       -> stops the server and deletes its files
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

pg_start() {
  PGBIN=$(pg_bin)
  [ -n "$PGBIN" ] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  PGROOT=$(mktemp -d /tmp/chatkit-pg.XXXXXX)
  PGPORT=$(pg_free_port)
  chown postgres:postgres "$PGROOT"; chmod 700 "$PGROOT"
  (cd /tmp && runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null)
  (cd /tmp && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PGPORT -c unix_socket_directories=$PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null)
  (cd /tmp && runuser -u postgres -- "$PGBIN/psql" -h "$PGROOT" -p "$PGPORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE chatkit LOGIN PASSWORD 'chatkit'" -c "CREATE DATABASE chatkit OWNER chatkit")
  export CHATKIT_TEST_DB="Host=127.0.0.1;Port=$PGPORT;Database=chatkit;Username=chatkit;Password=chatkit"
  export PGROOT PGBIN PGPORT
}

pg_stop() {
  [ -n "${PGROOT:-}" ] || return 0
  (cd /tmp && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null 2>&1) \
    || kill "$(head -1 "$PGROOT/data/postmaster.pid" 2>/dev/null)" 2>/dev/null || true
  rm -rf "$PGROOT"
  unset PGROOT
}
