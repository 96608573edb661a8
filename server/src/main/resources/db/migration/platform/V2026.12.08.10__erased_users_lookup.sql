-- Every process keeps the erased users in memory to refuse their access tokens (ErasedUsers) and reads the tombstones
-- destroyed since its last look every few seconds: this keeps that read to the few recent ones.
create index personal_keys_destroyed on personal_keys (destroyed_at) where destroyed_at is not null;
