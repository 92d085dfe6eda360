#!/usr/bin/env bash
# The databases of the compose stack (first start of an empty data volume only, as the postgres image runs
# /docker-entrypoint-initdb.d): registry, ingest and report, each owned by its service's role (NOBD_*_DB_USER, with
# NOBD_*_DB_PASSWORD). Services that share one role (the tests' stack: nobd for all three) get it once.
set -euo pipefail

database() { # database <name> <role> <password>
  psql -v ON_ERROR_STOP=1 -qAt --username "$POSTGRES_USER" --dbname postgres \
    -v db="$1" -v role="$2" -v password="$3" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')
\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
\gexec
SQL
  echo "nobd: database $1 (owner $2)"
}

database registry "${NOBD_REGISTRY_DB_USER:-registry}" "${NOBD_REGISTRY_DB_PASSWORD:?}"
database ingest "${NOBD_INGEST_DB_USER:-ingest}" "${NOBD_INGEST_DB_PASSWORD:?}"
database report "${NOBD_REPORT_DB_USER:-report}" "${NOBD_REPORT_DB_PASSWORD:?}"
