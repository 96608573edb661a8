-- The medium shown as a user's avatar and as a gathering's cover, null while there is none. A medium
-- deleted after its successor was attached clears nothing: the projections clear a column only where
-- it still names the deleted medium.
alter table user_profiles add column avatar_media_id uuid;
alter table gatherings add column cover_media_id uuid;
-- Every deleted medium (chat images and voice notes, unattached uploads) is looked up by these.
create index user_profiles_avatar on user_profiles (avatar_media_id) where avatar_media_id is not null;
create index gatherings_cover on gatherings (cover_media_id) where cover_media_id is not null;
