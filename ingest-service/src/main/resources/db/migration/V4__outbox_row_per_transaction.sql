-- One outbox row per transaction and topic, holding every message that transaction made for that topic in
-- order, instead of one row per message: a polled batch of 5,000 events wrote, read and deleted 5,000 heap
-- tuples and index entries for its facts; now it writes one row (its arrays are compressed out of line).
alter table outbox_message add column message_keys text[], add column payloads text[];
update outbox_message set message_keys = array[message_key], payloads = array[payload];
alter table outbox_message drop column message_key, drop column payload;
alter table outbox_message alter column message_keys set not null, alter column payloads set not null;
alter table outbox_message alter column payloads set compression lz4;
