-- A student's whole enrolment state in its own row: the timeline and the spells as JSON arrays, and the school of
-- the open spell (at most one) for closures and merges. They were always read and written as a whole per student,
-- under the student row's lock, yet cost two more tables with five random-key index insertions per accepted event
-- (timeline_entry: entry id and student; spell: student and spell, open school). Now an accepted event of a new
-- student is one student row and one accepted_event row.
--
-- Both are json, not jsonb: they are only ever read whole by ingest, and json is stored as sent (checked, not
-- converted), which costs the server less on every write.
-- timeline: [{eventId, kind, schoolBin, grade?, language?, date, toSchoolBin?, sequence}] (absent = null)
-- spells:   [{spellId, schoolBin, grade, language, validFrom, validTo?, openedBy, closedBy?}]

-- the ids of accepted events with the hash of their content: dedupe and EVENT_ID_REUSED, across students
create table accepted_event (
    event_id     uuid  primary key,
    payload_hash bytea not null
);
insert into accepted_event (event_id, payload_hash)
    select entry_id, payload_hash from timeline_entry where payload_hash is not null;

-- the new student table is filled in one pass (no update leaving a dead copy of every row behind) and indexed after
-- The pseudonym and the school compare byte by byte (collation "C"): their order means nothing, and the default
-- collation made every comparison in a key descent a strcoll() call on copies of both strings.
create table student_state (
    student_id      varchar(43) collate "C" not null,
    sex             char(1)     not null,
    birth_year      smallint    not null,
    iin_last4       char(4),
    timeline        json        not null,
    spells          json        not null,
    open_school_bin varchar(12) collate "C"
) with (fillfactor = 90); -- a later event rewrites the row: room on its page keeps a promotion's update there

insert into student_state
select s.student_id, s.sex, s.birth_year, s.iin_last4, coalesce(t.entries, '[]'::json), coalesce(p.spells, '[]'::json),
       p.open_school_bin
from student s
left join (select student_id, json_agg(json_strip_nulls(json_build_object('eventId', entry_id, 'kind', kind,
                'schoolBin', school_bin, 'grade', grade, 'language', language, 'date', entry_date,
                'toSchoolBin', to_school_bin, 'sequence', sequence_no)) order by sequence_no) as entries
           from timeline_entry group by student_id) t on t.student_id = s.student_id
left join (select student_id, json_agg(json_strip_nulls(json_build_object('spellId', spell_id,
                'schoolBin', school_bin, 'grade', grade, 'language', language, 'validFrom', valid_from,
                'validTo', valid_to, 'openedBy', opened_by, 'closedBy', closed_by)) order by valid_from, spell_id) as spells,
                max(school_bin) filter (where valid_to is null) as open_school_bin
           from spell group by student_id) p on p.student_id = s.student_id;

drop table timeline_entry;
drop table spell;
drop table student;
alter table student_state rename to student;
alter table student add constraint student_pkey primary key (student_id);
create index student_open_school_idx on student (open_school_bin) where open_school_bin is not null;
alter table enrolment_conflict alter column student_id type varchar(43) collate "C";
