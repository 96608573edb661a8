-- Evidence files now live in the object store (soiree.storage) under evidence/<file_id>; this table keeps what was
-- recorded of them (name, type, size, sha256, who and when). content held the bytes of files uploaded before: the
-- command side moves each such row into the object store at start-up (LegacyEvidenceFiles) and sets it to null.
-- New rows never have content.
alter table dispute_evidence_files alter column content drop not null;
comment on column dispute_evidence_files.content is
    'Bytes of a file uploaded before the object store, until moved there at start-up; null once moved, and for every new file';
