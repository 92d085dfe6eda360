-- name search (?q=) over both languages; pg_trgm is a trusted extension, so the database owner may create it
create extension if not exists pg_trgm;
create index institution_name_trgm_idx on institution
    using gin ((lower(name_kk || ' ' || name_ru)) gin_trgm_ops);
