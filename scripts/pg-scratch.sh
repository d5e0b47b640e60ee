#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for a test that must stop and restart its database
# without disturbing the shared one (scripts/start-postgres.sh):
#   pg-scratch.sh init DIR PORT   make the cluster in DIR (trust auth, loopback) and start it
#   pg-scratch.sh stop DIR        stop it (fast)
#   pg-scratch.sh start DIR       start it again
# Prints nothing on success. Runs the server as `postgres` when called as root.
set -euo pipefail
cmd=$1 dir=$2
bin=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
case $cmd in
  init)
    port=$3
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb -D '$dir/data' --auth=trust -U postgres >/dev/null"
    echo "port = $port" >>"$dir/data/postgresql.conf"
    echo "listen_addresses = '127.0.0.1'" >>"$dir/data/postgresql.conf"
    echo "unix_socket_directories = '$dir'" >>"$dir/data/postgresql.conf"
    as_owner "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w start >/dev/null"
    ;;
  stop) as_owner "$bin/pg_ctl -D '$dir/data' -m fast -w stop >/dev/null" ;;
  start) as_owner "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w start >/dev/null" ;;
  *) echo "usage: $0 init DIR PORT | stop DIR | start DIR" >&2; exit 2 ;;
esac
