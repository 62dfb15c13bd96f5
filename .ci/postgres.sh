# Sourced by .ci/run: a throw-away PostgreSQL for the PostgreSQL legs of the store contracts and the host test.
# start_postgres installs Debian's postgresql when no initdb is found, creates a cluster in a temporary folder, starts it
# on a free loopback port only and exports MAMORI_TEST_POSTGRES; stop_postgres stops it and deletes the folder.

postgres_bin() {
  # Debian keeps the server's programs out of PATH, under the major version.
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

free_port() {
  local port
  for port in $(seq 54320 54420); do
    # A refused connection means nobody listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}

start_postgres() {
  local bin
  bin=$(postgres_bin)
  if [ -z "$bin" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin=$(postgres_bin)
  fi
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mamori-pg.XXXXXX")
  PG_PORT=$(free_port)
  # The server refuses to run as root; Debian's package creates the postgres user.
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_DIR"
    PG_AS=(runuser -u postgres --)
  fi
  # trust is safe here: the cluster lives for one CI run and listens on 127.0.0.1 only, its socket in its own folder.
  "${PG_AS[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log"
  "${PG_AS[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
  PG_BIN=$bin
  export MAMORI_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
