#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL 15 server from Debian's packages:
# initdb into a temp folder, start on a loopback port, export TRELLIS_TEST_PG_URL, stop and delete at the end.
# Usage: scripts/with-postgres.sh npm test     (PORT via PG_TEST_PORT, default 54329)
set -euo pipefail
port="${PG_TEST_PORT:-54329}"
initdb_path="$(dpkg -L postgresql-15 2>/dev/null | grep '/bin/initdb$' | head -n1 || true)"
if [ -z "$initdb_path" ]; then
  echo "PostgreSQL 15 server binaries not found: apt-get install postgresql" >&2
  exit 2
fi
bin="$(dirname "$initdb_path")"
tmp="$(mktemp -d /tmp/trellis-pg.XXXXXX)"
chown postgres "$tmp"
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
stop() {
  as_postgres "'$bin/pg_ctl' -D '$tmp/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop EXIT
as_postgres "'$bin/initdb' -D '$tmp/data' -A trust -U postgres" >/dev/null
as_postgres "'$bin/pg_ctl' -D '$tmp/data' -l '$tmp/server.log' -w -o \"-p $port -k '$tmp' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null
export TRELLIS_TEST_PG_URL="postgres://postgres@127.0.0.1:${port}/postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:${port}" >&2
"$@"
