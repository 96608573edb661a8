package app.soiree.command.media;

import app.soiree.api.chat.MessageDeleted;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.media.AttachmentKind;
import app.soiree.api.media.DeleteMedia;
import app.soiree.api.media.MediaAttached;
import app.soiree.api.media.MediaDeleted;
import app.soiree.api.media.MediaDeletion;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaObjects;
import app.soiree.api.media.MediaProcessed;
import app.soiree.api.media.MediaPurpose;
import app.soiree.api.media.MediaRejected;
import app.soiree.api.media.MediaUploaded;
import app.soiree.store.ObjectStore;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What follows from a medium's life elsewhere: its bytes leave the store when it is deleted (and the raw upload once
 * processing ends, since only the stripped variants are ever served); a deleted message takes its media with it; a new
 * avatar or cover replaces, and deletes, the one before; an erased uploader's media are deleted. Every step is safe to
 * repeat, and the steps follow the stream's order (one segment), so an erasure finds every upload made before it.
 */
@Component
@ProcessingGroup(MediaLifecycle.PROCESSING_GROUP)
class MediaLifecycle {

    static final String PROCESSING_GROUP = "media-lifecycle";

    private final ObjectStore store;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    MediaLifecycle(ObjectStore store, CommandGateway commands, JdbcTemplate jdbc) {
        this.store = store;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MediaProcessed event) throws IOException {
        store.delete(MediaObjects.upload(event.mediaId()));
    }

    @EventHandler
    void on(MediaRejected event) throws IOException {
        store.delete(MediaObjects.upload(event.mediaId()));
    }

    @EventHandler
    void on(MediaUploaded event) {
        jdbc.update("insert into media_uploads (media_id, uploader_id, purpose) values (?, ?, ?) on conflict (media_id) do nothing",
                event.mediaId().value(), event.uploaderId().value(), event.purpose().name());
    }

    @EventHandler
    void on(MediaDeleted event) throws IOException {
        for (String key : event.objectKeys()) {
            store.delete(key);
        }
        jdbc.update("delete from media_uploads where media_id = ?", event.mediaId().value());
    }

    @EventHandler
    void on(MessageDeleted event) {
        for (UUID mediaId : event.mediaIds()) {
            deleteAsThePlatform(mediaId, MediaDeletion.Reason.WITH_ATTACHMENT);
        }
    }

    /**
     * What an erased user uploaded is their personal data (GDPR Art. 17): their avatar, the images and voice notes they
     * sent in chats, and such uploads not attached yet. Each is deleted, bytes and read model alike, as support would
     * delete it; a message keeps its place without them. A gathering's cover stays: it belongs to the gathering's public
     * listing, which outlives its host's account like the gathering's title and description.
     */
    @EventHandler
    void on(PersonalDataErased event) {
        List<UUID> uploads = jdbc.queryForList("select media_id from media_uploads where uploader_id = ? and purpose <> ?",
                UUID.class, event.userId().value(), MediaPurpose.GATHERING_COVER.name());
        for (UUID mediaId : uploads) {
            deleteAsThePlatform(mediaId, MediaDeletion.Reason.UPLOADER_ERASED);
        }
    }

    /** An avatar or a cover: the medium shown before it, if any, is deleted. */
    @EventHandler
    void on(MediaAttached event) {
        AttachmentKind kind = event.attachment().kind();
        if (kind == AttachmentKind.MESSAGE) {
            return;
        }
        UUID target = event.attachment().targetId();
        List<UUID> previous = jdbc.queryForList("""
                select media_id from media_shown where attachment_kind = ? and target_id = ? and media_id <> ?""",
                UUID.class, kind.name(), target, event.mediaId().value());
        jdbc.update("""
                insert into media_shown (attachment_kind, target_id, media_id) values (?, ?, ?)
                on conflict (attachment_kind, target_id) do update set media_id = excluded.media_id""",
                kind.name(), target, event.mediaId().value());
        for (UUID replaced : previous) {
            deleteAsThePlatform(replaced, MediaDeletion.Reason.WITH_ATTACHMENT);
        }
    }

    private void deleteAsThePlatform(UUID mediaId, MediaDeletion.Reason reason) {
        commands.sendAndWait(new DeleteMedia(new MediaId(mediaId), null, false, reason));
    }
}
