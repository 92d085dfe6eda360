-- Half of every page of the cards stays free for new versions of the cards on it (docs/decisions.md): an update that
-- changes no indexed column (capacity, shifts, contacts: most of a yearly re-import of the country) stays on its page
-- (a HOT update) and adds nothing to the table's five indexes, the names' trigram index among them (about a hundred
-- entries a card). The table is small: 20,000 cards take 10 MB at this fill. Pages written before keep their fill
-- until the table is rewritten (VACUUM FULL, in a quiet hour).
alter table institution set (fillfactor = 50);
