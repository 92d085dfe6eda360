-- ingest-service schema. No raw IIN anywhere: students are keyed by the keyed-HMAC pseudonym; only the last
-- four digits are kept to show a masked IIN (********1234) in conflicts and rejections.

-- the registry view: every card version read from registry.institutions.v1
create table registry_card (
    bin           varchar(12) not null,
    version       bigint      not null,
    type          varchar(20) not null,
    status        varchar(6)  not null,
    oblast_kato   varchar(9)  not null,
    district_kato varchar(9),
    valid_from    date        not null,
    opened_on     date        not null,
    closed_on     date,
    successor_bin varchar(12),
    primary key (bin, version)
);

-- a REST submission: what was sent by whom; outcomes arrive asynchronously in event_outcome
create table submission_batch (
    batch_id       uuid        primary key,
    kind           varchar(10) not null check (kind in ('ENROLMENT', 'EQUIPMENT')),
    submitted_by   text        not null,
    submitter_role text        not null,
    school_bin     varchar(12),
    received       integer     not null,
    created_at     timestamptz not null
);

-- one row per decided Kafka record that belongs to a REST batch or was rejected, keyed by the record's
-- coordinates: a replay of the topic decides nothing twice
create table event_outcome (
    topic        text        not null,
    partition_no integer     not null,
    record_offset bigint     not null,
    event_id     uuid,
    kind         varchar(10) not null,
    batch_id     uuid,
    batch_index  integer,
    school_bin   varchar(12),
    outcome      varchar(10) not null check (outcome in ('ACCEPTED', 'DUPLICATE', 'REJECTED')),
    reason       varchar(30),
    detail       text,
    event        jsonb,
    decided_at   timestamptz not null,
    primary key (topic, partition_no, record_offset)
);
create index event_outcome_batch_idx on event_outcome (batch_id) where batch_id is not null;
create index event_outcome_rejected_idx on event_outcome (school_bin, decided_at) where outcome = 'REJECTED';

-- events for a BIN the registry view has not seen yet, retried until nobd.ingest.park-for has passed
create table parked_record (
    topic         text        not null,
    partition_no  integer     not null,
    record_offset bigint      not null,
    record_key    text,
    payload       bytea       not null,
    school_bin    varchar(12) not null,
    parked_at     timestamptz not null,
    primary key (topic, partition_no, record_offset)
);

-- students by pseudonym; the row is the lock that serialises one student's updates
create table student (
    student_id varchar(43) primary key,
    sex        char(1)     not null,
    birth_year smallint    not null,
    iin_last4  char(4)
);

-- every accepted enrolment event (and registry-driven closure/merge) in the student's timeline
create table timeline_entry (
    entry_id      uuid        primary key,
    student_id    varchar(43) not null references student (student_id),
    kind          varchar(16) not null,
    school_bin    varchar(12) not null,
    grade         smallint,
    language      varchar(2),
    entry_date    date        not null,
    to_school_bin varchar(12),
    payload_hash  bytea,
    sequence_no   bigserial   not null
);
create index timeline_entry_student_idx on timeline_entry (student_id);

-- enrolment spells: [valid_from, valid_to), valid_to null while open
create table spell (
    spell_id   uuid        primary key,
    student_id varchar(43) not null references student (student_id),
    school_bin varchar(12) not null,
    grade      smallint    not null,
    language   varchar(2)  not null,
    valid_from date        not null,
    valid_to   date,
    opened_by  uuid        not null,
    closed_by  uuid
);
create index spell_student_idx on spell (student_id);
create index spell_open_by_school_idx on spell (school_bin) where valid_to is null;

-- a student claimed by two schools: shown to school_bin (A) until A's matching TRANSFERRED settles it
create table enrolment_conflict (
    conflict_id       uuid        primary key,
    student_id        varchar(43) not null references student (student_id),
    school_bin        varchar(12) not null,
    original_event_id uuid        not null,
    grade             smallint    not null,
    other_school_bin  varchar(12) not null,
    conflict_date     date        not null,
    raised_by         uuid        not null,
    settled_by        uuid,
    unique (student_id, raised_by)
);
create index enrolment_conflict_school_idx on enrolment_conflict (school_bin) where settled_by is null;

-- equipment reports; the current one per school is the latest asOf (same asOf: the later received)
create table equipment_report (
    report_id    uuid        primary key,
    school_bin   varchar(12) not null,
    as_of        date        not null,
    report       jsonb       not null,
    payload_hash bytea       not null,
    received_at  timestamptz not null
);
create index equipment_report_school_idx on equipment_report (school_bin, as_of desc, received_at desc);

-- transactional outbox of facts and rejections
create table outbox_message (
    id          bigserial   primary key,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null
);
