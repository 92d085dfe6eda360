-- Replicas (docs/decisions.md, "Report replicas"): every report-service replica migrates its own schema
-- (replica_<id>, quarkus.flyway.schemas) and keeps its state there: the tables of V1 and V2, and the next offset of
-- every partition it reads, written in the transaction of the batch whose state it covers.
CREATE TABLE topic_offset (
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- The audit trail is one table for all replicas, in schema public, so /audit lists every replica's entries (it
-- is where report-service kept it before replicas, and nothing here touches a table that already exists there).
-- Two replicas migrating at the same time: the advisory lock, held until this migration commits, makes the second
-- wait until the first has created the table, then find it.
SELECT pg_advisory_xact_lock(hashtext('nobd.report.shared-audit'));
CREATE TABLE IF NOT EXISTS public.audit_entry (
    id           bigserial   PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    username     text        NOT NULL,
    role         varchar(20) NOT NULL,
    jurisdiction text        NOT NULL,
    endpoint     text        NOT NULL,
    query        text        NOT NULL,
    format       varchar(10) NOT NULL,
    rows         integer     NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_entry_at ON public.audit_entry (at);
-- V1 made an audit table in this schema too; it never held an entry, but its rows would be kept
INSERT INTO public.audit_entry (at, username, role, jurisdiction, endpoint, query, format, rows)
    SELECT at, username, role, jurisdiction, endpoint, query, format, rows FROM "${flyway:defaultSchema}".audit_entry
    ORDER BY id;
DROP TABLE "${flyway:defaultSchema}".audit_entry;
