-- CSV imports run as jobs (POST /institutions/import answers 202 at once): any replica answers
-- GET /institutions/import-jobs/{id} from this table. The replica that runs a job refreshes heartbeat_at; a job
-- whose heartbeat stopped (the replica died) is reported FAILED as interrupted.
create table import_job (
    id             uuid        primary key,
    status         varchar(7)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    dry_run        boolean     not null,
    submitted_by   text        not null,
    submitter_role text        not null,
    received       integer     not null,
    processed      integer     not null default 0,
    created        integer     not null default 0,
    updated        integer     not null default 0,
    unchanged      integer     not null default 0,
    rejected       integer     not null default 0,
    rows           jsonb,
    failure        text,
    submitted_at   timestamptz not null,
    heartbeat_at   timestamptz not null,
    finished_at    timestamptz
);
create index import_job_submitted_idx on import_job (submitted_at);
