-- Spells are read, updated and deleted by student (a spell id is random and never looked up alone): one index
-- on (student_id, spell_id) serves all of it, instead of a primary key on spell_id plus an index on student_id.
-- Every new spell now costs one random index insertion fewer.
alter table spell drop constraint spell_pkey;
drop index spell_student_idx;
alter table spell add primary key (student_id, spell_id);
