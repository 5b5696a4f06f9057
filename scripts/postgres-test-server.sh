#!/usr/bin/env bash
# A throwaway PostgreSQL (15+) cluster for the BFF's PostgreSQL tests: its own data directory under a temp
# folder, trust authentication, listening on 127.0.0.1 only, never the system cluster.
#
#   eval "$(bash scripts/postgres-test-server.sh)"       # start; exports BFF_TEST_DATABASE_URL, MK_PG_TEST_DIR
#   bash scripts/postgres-test-server.sh stop [DIR]      # stop it and delete its files (DIR: $MK_PG_TEST_DIR)
#
# Only the export lines go to stdout; everything else goes to stderr. Environment: MK_PG_TEST_PORT (first port
# to try, default 54329), PG_BIN (folder holding initdb and pg_ctl).
set -euo pipefail

log() { echo "postgres-test-server: $*" >&2; }
die() {
  log "$*"
  exit 1
}

# Newest /usr/lib/postgresql/N/bin (Debian, Ubuntu), then PATH (Fedora, Arch, Homebrew).
find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "PG_BIN=$PG_BIN holds no initdb and pg_ctl"
    echo "$PG_BIN"
    return
  fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

# initdb and postgres refuse to run as root, so as root every server command runs as the postgres user.
as_server_user() {
  if [[ $EUID -ne 0 ]]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local bin
  bin="$(find_bin)"
  if [[ -z "$bin" ]]; then
    if [[ $EUID -ne 0 ]]; then
      die "PostgreSQL binaries (initdb, pg_ctl) not found. Install PostgreSQL 15+ (Debian/Ubuntu: sudo apt-get install postgresql), or set PG_BIN to the folder holding initdb."
    fi
    log "PostgreSQL not found; installing it with apt-get"
    # The package's own cluster is left alone; this script only ever starts its own.
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql) >&2
    bin="$(find_bin)"
    [[ -n "$bin" ]] || die "apt-get installed postgresql but initdb is still not found"
  fi
  local major
  major="$("$bin/initdb" --version | grep -oE '[0-9]+' | head -n 1)"
  ((major >= 15)) || die "PostgreSQL $major found in $bin; the tests need 15 or newer (set PG_BIN)"
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    die "running as root needs a 'postgres' user to run the server as (initdb refuses root)"
  fi

  local dir
  # As root, /tmp rather than $TMPDIR: the postgres user must be able to reach the folder.
  if [[ $EUID -eq 0 ]]; then dir="$(mktemp -d /tmp/mk-pg-test.XXXXXX)"; else dir="$(mktemp -d "${TMPDIR:-/tmp}/mk-pg-test.XXXXXX")"; fi
  mkdir -p "$dir/socket"
  if [[ $EUID -eq 0 ]]; then chown -R postgres: "$dir"; fi

  log "initdb with $bin in $dir"
  if ! as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    die "initdb failed"
  fi

  local port="${MK_PG_TEST_PORT:-54329}" tries=0
  for (( ; ; port++, tries++)); do
    ((tries < 20)) || { rm -rf "$dir"; die "no free port found from ${MK_PG_TEST_PORT:-54329}"; }
    port_in_use "$port" && continue
    # fsync and friends off: a test cluster is thrown away, and tests run several times faster without them.
    if as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      >&2; then
      break
    fi
    # Another process may have taken the port between the check and the start; try the next one.
    tail -n 5 "$dir/server.log" >&2 || true
  done

  for ((i = 0; i < 60; i++)); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || {
    cat "$dir/server.log" >&2
    stop "$dir"
    die "the server did not become ready"
  }
  echo "$bin" >"$dir/bin"
  log "ready on 127.0.0.1:$port (stop: bash scripts/postgres-test-server.sh stop $dir)"
  echo "export BFF_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
  echo "export MK_PG_TEST_DIR=$dir"
}

stop() {
  local dir="${1:-${MK_PG_TEST_DIR:-}}"
  [[ -n "$dir" ]] || die "stop needs the server's folder: stop DIR, or MK_PG_TEST_DIR from the start's exports"
  # Refuse anything this script didn't create, so a wrong argument can't delete or stop something else.
  [[ "$(basename "$dir")" == mk-pg-test.* ]] || die "$dir is not a folder made by this script"
  [[ -d "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_server_user "$(cat "$dir/bin" 2>/dev/null || find_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-start}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) die "usage: $0 [start|stop [DIR]]" ;;
esac
