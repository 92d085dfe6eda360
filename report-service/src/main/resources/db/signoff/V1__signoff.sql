-- Sign-off (docs/signoff.md): reporting periods, schools' returns, their signatures and every change of status.
-- One schema `signoff` for all report-service replicas (their own state lives in replica_<id>): a workflow has one
-- truth. Migrated by SignoffSchema with its own Flyway history (signoff.flyway_schema_history); Flyway's lock makes a
-- second replica starting at the same time wait. Nothing is overwritten: a change is a row of return_change, a
-- signature a row of return_signature; school_return holds the latest status only to find it fast.
CREATE TABLE period (
    id                  uuid         PRIMARY KEY,
    kind                varchar(16)  NOT NULL CHECK (kind IN ('ENROLMENT', 'EQUIPMENT')),
    name                text         NOT NULL,
    census_date         date         NOT NULL,
    submission_deadline date         NOT NULL,
    acceptance_deadline date         NOT NULL,
    status              varchar(8)   NOT NULL CHECK (status IN ('OPEN', 'LOCKED')),
    opened_by           text         NOT NULL,
    opened_at           timestamptz  NOT NULL,
    UNIQUE (kind, name),
    CHECK (census_date <= submission_deadline AND submission_deadline <= acceptance_deadline)
);

-- the period's own history: OPEN when opened, LOCKED, OPEN again when reopened (with the reason)
CREATE TABLE period_change (
    period_id  uuid        NOT NULL REFERENCES period (id),
    seq        integer     NOT NULL,
    status     varchar(8)  NOT NULL,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    reason     text,
    PRIMARY KEY (period_id, seq)
);

CREATE TABLE return_signature (
    id           bigserial    PRIMARY KEY,
    period_id    uuid         NOT NULL REFERENCES period (id),
    school_bin   char(12)     NOT NULL,
    content      text         NOT NULL,
    digest       char(64)     NOT NULL,
    cms          bytea        NOT NULL,
    subject      text         NOT NULL,
    issuer       text         NOT NULL,
    serial       text         NOT NULL,
    algorithm    text         NOT NULL,
    signing_time timestamptz,
    received_at  timestamptz  NOT NULL,
    signed_by    text         NOT NULL
);
CREATE INDEX return_signature_school ON return_signature (period_id, school_bin);

-- a school's return exists here from its first change; a school without a row is DRAFT
CREATE TABLE school_return (
    period_id    uuid        NOT NULL REFERENCES period (id),
    school_bin   char(12)    NOT NULL,
    oblast_kato  char(9),
    status       varchar(8)  NOT NULL CHECK (status IN ('DRAFT', 'SIGNED', 'ACCEPTED', 'RETURNED', 'LOCKED')),
    seq          integer     NOT NULL,
    signature_id bigint      REFERENCES return_signature (id),
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (period_id, school_bin)
);
CREATE INDEX school_return_status ON school_return (period_id, status);

CREATE TABLE return_change (
    period_id    uuid        NOT NULL,
    school_bin   char(12)    NOT NULL,
    seq          integer     NOT NULL,
    from_status  varchar(8),
    to_status    varchar(8)  NOT NULL,
    at           timestamptz NOT NULL,
    actor        text        NOT NULL,
    actor_role   varchar(20) NOT NULL,
    reason       text,
    signature_id bigint      REFERENCES return_signature (id),
    PRIMARY KEY (period_id, school_bin, seq),
    FOREIGN KEY (period_id, school_bin) REFERENCES school_return (period_id, school_bin)
);

-- status changes waiting to be published to signoff.returns.v1, in commit order (SignoffOutboxRelay)
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    message_key text        NOT NULL,
    payload     text        NOT NULL
);
