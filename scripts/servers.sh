#!/usr/bin/env bash
# PostgreSQL and RabbitMQ as local processes, from Debian's packages, with their data in a folder
# of ours. Used by ./mesh (up, test) and by the test fixture when no servers are named.
#   servers.sh ensure-packages
#   servers.sh start DIR PG_PORT AMQP_PORT [--throwaway]   -> prints export lines for the tests
#   servers.sh stop DIR
#   servers.sh status DIR
set -euo pipefail

log() { printf '[servers] %s\n' "$*" >&2; }
die() { printf '[servers] error: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] || return 1
  echo "$d"
}

ensure_packages() {
  local missing=()
  pg_bin >/dev/null || missing+=(postgresql)
  command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  # docker-compose validates docker-compose.yml in the deployment tests (no Docker engine needed).
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  # The outside callers' client in the tests: Debian's python3 with pika (tests use /usr/bin/python3).
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import pika' >/dev/null 2>&1 || missing+=(python3 python3-pika)
  [ ${#missing[@]} -eq 0 ] && return 0
  is_root || die "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install -y ${missing[*]})"
  log "installing ${missing[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  # The packages' own init scripts may try to start system-wide servers; we run our own.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  rm -f /usr/sbin/policy-rc.d
}

# Runs a command as USER when we are root (servers refuse to run as root), else as ourselves.
as_user() {
  local user=$1; shift
  if is_root; then runuser -u "$user" -- "$@"; else "$@"; fi
}

# A folder the server user can reach: the given one if its parents are traversable, else one
# under /var/tmp linked from it (a checkout under /root is not readable by postgres).
server_dir() {
  local dir=$1 user=$2
  mkdir -p "$dir"
  if is_root && ! runuser -u "$user" -- test -x "$dir" 2>/dev/null; then
    local alt="/var/tmp/mesh-$(echo "$dir" | md5sum | cut -c1-12)-$(basename "$dir")"
    mkdir -p "$alt"
    rmdir "$dir" 2>/dev/null || rm -rf "$dir"
    ln -sfn "$alt" "$dir"
    dir=$alt
  fi
  is_root && chown -R "$user:$user" "$dir"
  echo "$dir"
}

pg_start() {
  local dir=$1 port=$2 throwaway=$3 bin data
  bin=$(pg_bin) || die "PostgreSQL is not installed"
  data=$(server_dir "$dir/pg" postgres)
  if [ ! -f "$data/PG_VERSION" ]; then
    local pw; pw=$(mktemp); echo mesh > "$pw"; chmod 644 "$pw"
    as_user postgres "$bin/initdb" -D "$data" -U mesh --pwfile="$pw" --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || { rm -f "$pw"; die "initdb failed"; }
    rm -f "$pw"
  fi
  if as_user postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$port"
    return 0
  fi
  local opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c max_connections=300 -c shared_buffers=256MB"
  [ "$throwaway" = yes ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_user postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "$opts" -w -t 60 start >/dev/null \
    || { tail -n 20 "$data/server.log" >&2; die "PostgreSQL did not start"; }
  log "PostgreSQL on 127.0.0.1:$port (data $data)"
}

pg_stop() { # dir [mode]: fast by default; immediate is a crash (no checkpoint, recovery on start)
  local dir=$1 mode=${2:-fast} bin data
  bin=$(pg_bin) || return 0
  [ -f "$dir/pg/PG_VERSION" ] || return 0
  data=$(readlink -f "$dir/pg") # the server user may not traverse DIR itself (see server_dir)
  as_user postgres "$bin/pg_ctl" -D "$data" -m "$mode" -w stop >/dev/null 2>&1 || true
}

rabbit_env() {
  local data=$1 port=$2
  export RABBITMQ_NODENAME="mesh$port@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$port
  export RABBITMQ_DIST_PORT=$((port + 2))
  export RABBITMQ_MNESIA_BASE="$data/mnesia"
  export RABBITMQ_LOG_BASE="$data/log"
  export RABBITMQ_PID_FILE="$data/rabbit.pid"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$data/enabled_plugins"
  export RABBITMQ_FEATURE_FLAGS_FILE="$data/feature_flags"
  export RABBITMQ_SERVER_START_ARGS="-rabbitmq_management tcp_config [{port,$((port + 1))},{ip,\"127.0.0.1\"}]"
}

rabbit_start() {
  local dir=$1 port=$2 data
  data=$(server_dir "$dir/rabbitmq" rabbitmq)
  mkdir -p "$data/mnesia" "$data/log"
  echo '[rabbitmq_management].' > "$data/enabled_plugins"
  is_root && chown -R rabbitmq:rabbitmq "$data"
  rabbit_env "$data" "$port"
  if rabbitmqctl -q -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1; then
    log "RabbitMQ already running on 127.0.0.1:$port"
    return 0
  fi
  rm -f "$RABBITMQ_PID_FILE"
  nohup rabbitmq-server > "$data/log/console.log" 2>&1 &
  local server=$! deadline=$((SECONDS + 120))
  until rabbitmqctl -q -n "$RABBITMQ_NODENAME" wait "$RABBITMQ_PID_FILE" --timeout 5 >/dev/null 2>&1; do
    if ! kill -0 "$server" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      tail -n 30 "$data/log/console.log" >&2
      die "RabbitMQ did not start"
    fi
  done
  log "RabbitMQ on 127.0.0.1:$port (management 127.0.0.1:$((port + 1)), data $data)"
}

rabbit_stop() {
  local dir=$1 port
  [ -f "$dir/ports" ] || return 0
  port=$(sed -n 2p "$dir/ports")
  rabbit_env "$dir/rabbitmq" "$port"
  rabbitmqctl -q -n "$RABBITMQ_NODENAME" stop >/dev/null 2>&1 || true
}

case "${1:-}" in
  ensure-packages) ensure_packages ;;
  start)
    dir=$2 pg_port=$3 amqp_port=$4 throwaway=no
    [ "${5:-}" = --throwaway ] && throwaway=yes
    mkdir -p "$dir"
    printf '%s\n%s\n' "$pg_port" "$amqp_port" > "$dir/ports"
    pg_start "$dir" "$pg_port" "$throwaway"
    rabbit_start "$dir" "$amqp_port"
    echo "export MESH_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=mesh;Password=mesh;Database=postgres'"
    echo "export MESH_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$amqp_port/'"
    echo "export MESH_TEST_RABBITMQ_MANAGEMENT='http://guest:guest@127.0.0.1:$((amqp_port + 1))/'"
    ;;
  stop)
    rabbit_stop "$2"
    pg_stop "$2"
    ;;
  # Fault injection for the reliability tests; "start" brings a stopped server back on its ports.
  crash-postgres) pg_stop "$2" immediate ;;
  stop-rabbitmq) rabbit_stop "$2" ;;
  status)
    dir=$2
    [ -f "$dir/ports" ] || { echo "no servers in $dir"; exit 1; }
    pg_port=$(sed -n 1p "$dir/ports"); amqp_port=$(sed -n 2p "$dir/ports")
    if as_user postgres "$(pg_bin)/pg_ctl" -D "$(readlink -f "$dir/pg")" status >/dev/null 2>&1; then echo "postgresql  up    127.0.0.1:$pg_port"; else echo "postgresql  down"; fi
    rabbit_env "$dir/rabbitmq" "$amqp_port"
    if rabbitmqctl -q -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1; then echo "rabbitmq    up    127.0.0.1:$amqp_port"; else echo "rabbitmq    down"; fi
    ;;
  *) echo "usage: servers.sh ensure-packages | start DIR PG_PORT AMQP_PORT [--throwaway] | stop DIR | status DIR | crash-postgres DIR | stop-rabbitmq DIR" >&2; exit 2 ;;
esac
