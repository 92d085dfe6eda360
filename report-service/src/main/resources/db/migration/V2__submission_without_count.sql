-- facts.submissions.v1 is published once per school, kind and day (docs/ingest.md): it carries no count.
ALTER TABLE submission_latest DROP COLUMN accepted;
