#!/usr/bin/env bash
# A local PostgreSQL for the store tests: installs Debian's postgresql if missing, starts the cluster, creates a
# role and a database, and prints the DSN (only that, on stdout):
#     export MARSAD_TEST_PG="$(bash .ci/postgres.sh)"
# Idempotent: a second run finds everything in place and prints the same DSN. Needs root (apt-get, pg_ctlcluster).
set -euo pipefail

ROLE=marsad
PASSWORD=marsad
DATABASE=marsad_test
PORT=${MARSAD_PG_PORT:-5432}

log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing postgresql"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$VERSION main"; then
    log "creating cluster $VERSION/main on port $PORT"
    pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    log "starting cluster $VERSION/main"
    pg_ctlcluster "$VERSION" main start >&2
fi

psql_admin() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qtAX $*"; }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != 1 ]; then
    psql_admin "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\"" >&2
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$DATABASE'\"")" != 1 ]; then
    psql_admin "-c \"CREATE DATABASE $DATABASE OWNER $ROLE\"" >&2
fi
log "ready: PostgreSQL $VERSION on 127.0.0.1:$PORT, database $DATABASE"
echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
