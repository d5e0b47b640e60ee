#!/usr/bin/env bash
# Starts the machine's PostgreSQL on loopback for the relay's tests (creating its cluster, a
# `fieldscreen` role and a test database if missing) and prints two lines: the database URL and
# the cluster's data directory (the tests search its files for plaintext).
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: run ./scripts/setup-system.sh" >&2
  exit 1
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
port=$(pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" {print $3}')
pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true # already running is fine
for _ in $(seq 100); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.2
done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not start" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -c "psql -p $port -qtAc \"$1\""; else sudo -u postgres psql -p "$port" -qtAc "$1"; fi
}
as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'fieldscreen'" | grep -q 1 ||
  as_postgres "CREATE ROLE fieldscreen LOGIN PASSWORD 'fieldscreen'" >/dev/null
# The relay's test asks for a checkpoint, so that what the relay stored is in the table files it
# then searches for plaintext, not only in the write-ahead log.
as_postgres "GRANT pg_checkpoint TO fieldscreen" >/dev/null 2>&1
as_postgres "SELECT 1 FROM pg_database WHERE datname = 'fieldscreen_relay_test'" | grep -q 1 ||
  as_postgres "CREATE DATABASE fieldscreen_relay_test OWNER fieldscreen" >/dev/null
echo "postgres://fieldscreen:fieldscreen@127.0.0.1:$port/fieldscreen_relay_test"
pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" {print $6}'
