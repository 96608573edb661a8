package app.soiree.query.media;

import app.soiree.api.media.MediaAttached;
import app.soiree.api.media.MediaDeleted;
import app.soiree.api.media.MediaDetached;
import app.soiree.api.media.MediaFacts;
import app.soiree.api.media.MediaProcessed;
import app.soiree.api.media.MediaRejected;
import app.soiree.api.media.MediaUploaded;
import app.soiree.query.realtime.PushEnvelope;
import app.soiree.query.realtime.UserPush;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code media} in step with each medium's events, and tells its uploader's socket when processing ends
 * ({@code media.ready} with the medium as {@code GET /api/media/{id}} shows it, or {@code media.rejected} with the
 * reason), after the row commits. Every statement is safe to apply twice.
 */
@Component
@ProcessingGroup(MediaProjection.PROCESSING_GROUP)
class MediaProjection {

    static final String PROCESSING_GROUP = "media";

    private final NamedParameterJdbcTemplate jdbc;
    private final MediaRows rows;
    private final UserPush push;

    MediaProjection(NamedParameterJdbcTemplate jdbc, MediaRows rows, UserPush push) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.push = push;
    }

    @EventHandler
    void on(MediaUploaded event) {
        jdbc.update("""
                        insert into media (media_id, uploader_id, purpose, kind, status, content_type, size_bytes, uploaded_at, updated_at)
                        values (:id, :uploader, :purpose, :kind, 'PROCESSING', :type, :size, :at, :at)
                        on conflict (media_id) do nothing""",
                parameters(event.mediaId().value(), event.at()).addValue("uploader", event.uploaderId().value())
                        .addValue("purpose", event.purpose().name()).addValue("kind", event.kind().name())
                        .addValue("type", event.contentType()).addValue("size", event.sizeBytes()));
    }

    @EventHandler
    void on(MediaProcessed event, ReplayStatus replay) {
        MediaFacts facts = event.facts();
        jdbc.update("""
                        update media set status = 'READY', width = :width, height = :height, duration_ms = :duration,
                                         waveform = :waveform, variants = cast(:variants as jsonb), updated_at = :at
                        where media_id = :id and status = 'PROCESSING'""",
                parameters(event.mediaId().value(), event.at()).addValue("width", facts.width()).addValue("height", facts.height())
                        .addValue("duration", facts.durationMs())
                        .addValue("waveform", facts.waveform().isEmpty() ? null : facts.waveform().toArray(Integer[]::new))
                        .addValue("variants", rows.variantsJson(facts.variants().stream()
                                .map(v -> new MediaView.Variant(v.name(), v.contentType(), v.sizeBytes(), v.width(), v.height())).toList())));
        if (!replay.isReplay()) {
            rows.find(event.mediaId()).ifPresent(row ->
                    push.push(event.uploaderId(), new PushEnvelope("media.ready", null, null, event.at(), row.view())));
        }
    }

    @EventHandler
    void on(MediaRejected event, ReplayStatus replay) {
        jdbc.update("update media set status = 'REJECTED', rejection_reason = :reason, updated_at = :at where media_id = :id",
                parameters(event.mediaId().value(), event.at()).addValue("reason", event.reason()));
        if (!replay.isReplay()) {
            push.push(event.uploaderId(), new PushEnvelope("media.rejected", null, null, event.at(),
                    Map.of("mediaId", event.mediaId(), "reason", event.reason())));
        }
    }

    @EventHandler
    void on(MediaAttached event) {
        jdbc.update("""
                        update media set attachment_kind = :kind, attachment_target = :target, attachment_scope = :scope, updated_at = :at
                        where media_id = :id""",
                parameters(event.mediaId().value(), event.at()).addValue("kind", event.attachment().kind().name())
                        .addValue("target", event.attachment().targetId()).addValue("scope", event.attachment().scopeId()));
    }

    @EventHandler
    void on(MediaDetached event) {
        jdbc.update("""
                        update media set attachment_kind = null, attachment_target = null, attachment_scope = null, updated_at = :at
                        where media_id = :id""", parameters(event.mediaId().value(), event.at()));
    }

    @EventHandler
    void on(MediaDeleted event) {
        jdbc.update("""
                        update media set status = 'DELETED', variants = '[]', waveform = null, updated_at = :at
                        where media_id = :id""", parameters(event.mediaId().value(), event.at()));
    }

    private static MapSqlParameterSource parameters(java.util.UUID mediaId, Instant at) {
        return new MapSqlParameterSource("id", mediaId).addValue("at", Timestamp.from(at));
    }
}
