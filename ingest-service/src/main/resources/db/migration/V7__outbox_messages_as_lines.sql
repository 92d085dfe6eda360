-- An outbox row's keys and payloads as lines of one text each instead of text arrays: an array literal of 5,000 JSON
-- payloads was escaped quote by quote by the driver, parsed by the server, and escaped and parsed again on the way
-- to the relay (a tenth of the ingest JVM's time). Keys (ids, BINs, record coordinates) and payloads (compact JSON,
-- whose strings escape control characters) never hold a line break; OutboxWriter refuses one.
alter table outbox_message add column key_lines text, add column payload_lines text;
update outbox_message set key_lines = array_to_string(message_keys, E'\n'),
    payload_lines = array_to_string(payloads, E'\n');
alter table outbox_message drop column message_keys, drop column payloads;
alter table outbox_message alter column key_lines set not null, alter column payload_lines set not null;
alter table outbox_message alter column key_lines set compression lz4, alter column payload_lines set compression lz4;
