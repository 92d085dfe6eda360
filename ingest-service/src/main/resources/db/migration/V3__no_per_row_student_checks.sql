-- Every write to a student's timeline, spells and conflicts happens in the transaction that created or locked
-- that student's row first (StudentTimelines.lock), so the row is known to exist. The foreign keys checked it
-- again for every inserted row, with a lookup and a KEY SHARE lock each: about 20 microseconds per row and table,
-- 40 per accepted event, the largest single cost of bulk ingest. They are dropped; the student row lock stays.
alter table timeline_entry drop constraint timeline_entry_student_id_fkey;
alter table spell drop constraint spell_student_id_fkey;
alter table enrolment_conflict drop constraint enrolment_conflict_student_id_fkey;
