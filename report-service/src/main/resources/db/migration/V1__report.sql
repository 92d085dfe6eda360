-- report-service holds no student identifier of any kind: enrolment arrives as anonymous spells (a random
-- spell id, school, grade, sex, language, validity), and only what the counts need is kept of them.

-- Every version of every institution card from registry.institutions.v1; a version is valid from valid_from
-- until the next version's valid_from (the hierarchy of any date is read from here).
CREATE TABLE school_version (
    bin           char(12)    NOT NULL,
    version       bigint      NOT NULL,
    valid_from    date        NOT NULL,
    status        varchar(10) NOT NULL,
    type          varchar(20) NOT NULL,
    ownership     varchar(10) NOT NULL,
    locality      varchar(10) NOT NULL,
    kato          char(9)     NOT NULL,
    oblast_kato   char(9)     NOT NULL,
    district_kato char(9)     NOT NULL,
    name_kk       text        NOT NULL,
    name_ru       text        NOT NULL,
    PRIMARY KEY (bin, version)
);

-- The current state of each spell (the last fact of its id): what the spell contributed to the deltas before
-- is taken back when a later fact replaces it.
CREATE TABLE spell (
    spell_id   uuid        PRIMARY KEY,
    school_bin char(12)    NOT NULL,
    grade      smallint    NOT NULL,
    sex        char(1)     NOT NULL,
    language   varchar(2)  NOT NULL,
    valid_from date        NOT NULL,
    valid_to   date
);

-- Per school, grade, sex and language: how the number of students changes on a day (+1 at a spell's
-- valid_from, -1 at its valid_to). Students on day d = sum of delta over day <= d.
CREATE TABLE enrolment_delta (
    school_bin char(12)   NOT NULL,
    grade      smallint   NOT NULL,
    sex        char(1)    NOT NULL,
    language   varchar(2) NOT NULL,
    day        date       NOT NULL,
    delta      integer    NOT NULL,
    PRIMARY KEY (school_bin, grade, sex, language, day)
);
CREATE INDEX enrolment_delta_day ON enrolment_delta (day);

-- Every accepted equipment report (history); the current one of a date is chosen when read.
CREATE TABLE equipment_report (
    report_id   uuid        PRIMARY KEY,
    school_bin  char(12)    NOT NULL,
    as_of       date        NOT NULL,
    received_at timestamptz NOT NULL,
    report      jsonb       NOT NULL
);
CREATE INDEX equipment_report_school ON equipment_report (school_bin);

-- Per school and kind, the last time ingest accepted a submission (facts.submissions.v1), for completeness.
CREATE TABLE submission_latest (
    school_bin  char(12)    NOT NULL,
    kind        varchar(10) NOT NULL,
    received_at timestamptz NOT NULL,
    accepted    bigint      NOT NULL,
    PRIMARY KEY (school_bin, kind)
);

-- Every read of school-level rows and every export: who, role, jurisdiction, query, when.
CREATE TABLE audit_entry (
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
CREATE INDEX audit_entry_at ON audit_entry (at);
