-- the last day (Asia/Almaty) on which a school had a submission of a kind accepted: facts.submissions.v1 is
-- published once per school, kind and day (the first acceptance of the day), not once per polled batch
create table school_submission (
    school_bin   varchar(12) not null,
    kind         varchar(10) not null check (kind in ('ENROLMENT', 'EQUIPMENT')),
    last_day     date        not null,
    primary key (school_bin, kind)
);

-- the outbox is a queue: rows live for about a second. Vacuum and analyse it after every 10,000 changes rather
-- than after a fifth of the table, so dead rows and stale statistics never pile up under bulk ingest.
alter table outbox_message set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 10000);
