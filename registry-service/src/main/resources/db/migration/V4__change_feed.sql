-- The change feed (GET /api/v1/institutions/changes): every version gets a number from one sequence, drawn while
-- the writer holds the outbox advisory lock (InstitutionChangeRecorder), so numbers follow commit order and a
-- reader that saw number N can never later find a committed version below N.
create sequence institution_change_seq;
alter table institution_version add column change_seq bigint;
update institution_version v set change_seq = o.n
  from (select bin, version, row_number() over (order by changed_at, bin, version) as n from institution_version) o
 where o.bin = v.bin and o.version = v.version;
select setval('institution_change_seq', coalesce((select max(change_seq) from institution_version), 0) + 1, false);
alter table institution_version alter column change_seq set default nextval('institution_change_seq'),
                                alter column change_seq set not null;
alter sequence institution_change_seq owned by institution_version.change_seq;
create unique index institution_version_change_idx on institution_version (change_seq);
