-- The event store is written by Axon's JDBC engine (EventStoreConfiguration), which leaves each event's position
-- (global_index) to the table. Hibernate's pooled generator took the sequence fifty at a time per process and left a
-- gap of up to fifty behind at every restart; from here the sequence hands out one position per event.
-- Not for a rolling upgrade: a node still on the JPA engine would take fifty positions from a sequence that now hands
-- out one, and collide with the new ones. Stop every node that writes events, migrate, start the new version.

alter sequence domain_event_entry_seq increment by 1;

-- Past every position handed out so far: the last block the pooled generator took may reach 49 beyond its value.
select setval('domain_event_entry_seq',
              greatest((select coalesce(max(global_index), 0) from domain_event_entry),
                       (select last_value + 49 from domain_event_entry_seq)));

alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
