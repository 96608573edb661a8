-- Sagas are stored through Axon's JDBC saga store (SagaStoreConfiguration), which inserts association values without an
-- id: the table hands them out. Hibernate took blocks of fifty from the same sequence, so every id it used is at most the
-- sequence's last value and the next one is new.
alter table association_value_entry alter column id set default nextval('association_value_entry_seq');
alter sequence association_value_entry_seq owned by association_value_entry.id;
