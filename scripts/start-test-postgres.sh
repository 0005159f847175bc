#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suites (no system service needed) and prints
# the TEST_DATABASE_URL to use. Installs PostgreSQL with apt when it is missing (as root).
# Usage: eval "$(bash scripts/start-test-postgres.sh)"   # exports TEST_DATABASE_URL
set -euo pipefail
PORT="${PGPORT_TEST:-5433}"
DIR="${PGDATA_TEST:-/tmp/abitare-pg-$PORT}"

find_bin() {
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$b" ] && [ -x "$b/initdb" ] && echo "$b"
}

BIN=$(find_bin || true)
if [ -z "$BIN" ]; then
  echo "installing postgresql with apt…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN=$(find_bin)
fi

as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

if ! as_postgres "$BIN/pg_isready -q -h 127.0.0.1 -p $PORT" 2>/dev/null; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$DIR"
    as_postgres "$BIN/initdb -D $DIR --auth=trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  as_postgres "$BIN/pg_ctl -D $DIR -l $DIR/server.log -o \"-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" -w start" >&2
fi
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
