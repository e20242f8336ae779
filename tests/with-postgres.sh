#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL beside it: `tests/with-postgres.sh pytest ...`.
#
# The server is Debian's postgresql 15 (installed when missing, as root with apt-get), in a
# fresh cluster under a temporary folder, on a free port of 127.0.0.1, with fsync off (its
# data is thrown away). Its URL is passed to the command in DATELINE_TEST_POSTGRES, which
# the tests read (tests/postgres.py); the server is stopped and its folder removed when the
# command ends, whether it passed or failed, and the command's exit status is returned.
# Where no server can start, the command runs without the variable and the PostgreSQL
# tests skip, saying why. initdb and pg_ctl refuse to run as root: as root they run as
# the `postgres` user.
set -uo pipefail

BIN=/usr/lib/postgresql/15/bin
COMMAND=("$@")

no_server() {
    echo "with-postgres: $1; the PostgreSQL tests will skip" >&2
    exec "${COMMAND[@]}"
}

if [ ! -x "$BIN/initdb" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "with-postgres: installing Debian's postgresql for the PostgreSQL tests" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } \
        >/dev/null 2>&1 || true
fi
[ -x "$BIN/initdb" ] || no_server "no $BIN/initdb (Debian's postgresql 15)"

if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { no_server "running as root and there is no postgres user to run the server as"; }
    as_server() { runuser -u postgres -- "$@"; }
else
    as_server() { "$@"; }
fi

DIR=$(mktemp -d /tmp/dateline-pg.XXXXXX)
chmod 755 "$DIR"
mkdir "$DIR/data" "$DIR/run" "$DIR/log"
[ "$(id -u)" = 0 ] && chown postgres "$DIR/data" "$DIR/run" "$DIR/log"
# a free port: asked of the kernel, then handed to the server (a race with another
# process taking it in between makes pg_ctl fail, which is reported below)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
    as_server "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1
    rm -rf "$DIR"
}

if ! as_server "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/log/initdb.log" 2>&1; then
    cat "$DIR/log/initdb.log" >&2
    rm -rf "$DIR"
    no_server "initdb failed"
fi
if ! as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log/pg.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR/run -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
    cat "$DIR/log/pg.log" >&2
    stop
    no_server "the server did not start"
fi
trap stop EXIT
trap 'exit 130' INT TERM

export DATELINE_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: a throwaway PostgreSQL 15 at $DATELINE_TEST_POSTGRES" >&2
"${COMMAND[@]}"
