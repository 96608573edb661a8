-- Every medium not yet deleted, by its uploader, so that an uploader's erasure deletes what they uploaded (MediaLifecycle).
-- Media uploaded before this table existed are taken from the media read model, which holds every medium's uploader; one it
-- has not projected yet is missed (and deleted, if never attached, when its unattached deadline passes).
create table media_uploads (
    media_id    uuid primary key,
    uploader_id uuid not null,
    purpose     text not null
);
create index media_uploads_uploader on media_uploads (uploader_id);
insert into media_uploads (media_id, uploader_id, purpose) select media_id, uploader_id, purpose from media where status <> 'DELETED';
