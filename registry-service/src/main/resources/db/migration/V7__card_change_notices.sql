-- Every committed change of cards is announced on the channel institution_changed: the changed BINs, comma-separated,
-- at most 500 in one notice (a payload holds 8,000 bytes). Each registry replica keeps the cards it has read in memory
-- (CardCache) and forgets those named. Statement-level triggers: an import chunk of 1,000 cards sends two notices,
-- whichever path wrote them (JPA, the import's COPY and UPDATE, or SQL by hand); PostgreSQL delivers them at commit
-- and drops them on rollback.
create function announce_changed_cards() returns trigger language plpgsql as $$
declare
    bins text;
begin
    for bins in select string_agg(bin, ',') from (select bin, (row_number() over ()) / 500 as part from changed) c
                group by part
    loop
        perform pg_notify('institution_changed', bins);
    end loop;
    return null;
end
$$;

create trigger institution_inserted after insert on institution referencing new table as changed
    for each statement execute function announce_changed_cards();
create trigger institution_updated after update on institution referencing new table as changed
    for each statement execute function announce_changed_cards();
create trigger institution_deleted after delete on institution referencing old table as changed
    for each statement execute function announce_changed_cards();
