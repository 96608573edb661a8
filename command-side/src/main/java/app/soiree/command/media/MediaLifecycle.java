package app.soiree.command.media;

import app.soiree.api.chat.MessageDeleted;
import app.soiree.api.media.AttachmentKind;
import app.soiree.api.media.DeleteMedia;
import app.soiree.api.media.MediaAttached;
import app.soiree.api.media.MediaDeleted;
import app.soiree.api.media.MediaDeletion;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaObjects;
import app.soiree.api.media.MediaProcessed;
import app.soiree.api.media.MediaRejected;
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
 * avatar or cover replaces, and deletes, the one before. Every step is safe to repeat.
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
    void on(MediaDeleted event) throws IOException {
        for (String key : event.objectKeys()) {
            store.delete(key);
        }
    }

    @EventHandler
    void on(MessageDeleted event) {
        for (UUID mediaId : event.mediaIds()) {
            commands.sendAndWait(new DeleteMedia(new MediaId(mediaId), null, false, MediaDeletion.Reason.WITH_ATTACHMENT));
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
            commands.sendAndWait(new DeleteMedia(new MediaId(replaced), null, false, MediaDeletion.Reason.WITH_ATTACHMENT));
        }
    }
}
