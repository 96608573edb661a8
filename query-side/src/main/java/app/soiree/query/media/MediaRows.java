package app.soiree.query.media;

import app.soiree.api.media.AttachmentKind;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the {@code media} table, for the API and for the contexts that show media (chat messages). */
@Component
public class MediaRows {

    private static final TypeReference<List<MediaView.Variant>> VARIANTS = new TypeReference<>() {
    };

    /** A medium with what decides who sees it. */
    record Row(MediaView view, UUID uploaderId, @Nullable AttachmentKind attachmentKind, @Nullable UUID attachmentTarget,
               @Nullable UUID attachmentScope) {
    }

    /** What a message shows of a ready medium. */
    public record Shown(UUID mediaId, String kind, @Nullable Integer width, @Nullable Integer height, @Nullable Long durationMs) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    MediaRows(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Row> find(MediaId mediaId) {
        return jdbc.query("select * from media where media_id = :id", new MapSqlParameterSource("id", mediaId.value()), this::row)
                .stream().findFirst();
    }

    /** The ready media among {@code mediaIds}, by id; the rest (deleted, never processed) are left out. */
    public Map<UUID, Shown> shown(Collection<UUID> mediaIds) {
        Map<UUID, Shown> shown = new HashMap<>();
        if (mediaIds.isEmpty()) {
            return shown;
        }
        jdbc.query("select media_id, kind, width, height, duration_ms from media where media_id in (:ids) and status = 'READY'",
                new MapSqlParameterSource("ids", mediaIds), result -> {
                    UUID id = result.getObject("media_id", UUID.class);
                    shown.put(id, new Shown(id, result.getString("kind"), result.getObject("width", Integer.class),
                            result.getObject("height", Integer.class), result.getObject("duration_ms", Long.class)));
                });
        return shown;
    }

    String variantsJson(List<MediaView.Variant> variants) {
        return json.writeValueAsString(variants);
    }

    private Row row(ResultSet result, int number) throws SQLException {
        Array waveform = result.getArray("waveform");
        String attachmentKind = result.getString("attachment_kind");
        MediaView view = new MediaView(new MediaId(result.getObject("media_id", UUID.class)), MediaStatus.valueOf(result.getString("status")),
                result.getString("kind"), result.getString("content_type"), result.getLong("size_bytes"),
                result.getObject("width", Integer.class), result.getObject("height", Integer.class),
                result.getObject("duration_ms", Long.class),
                waveform == null ? null : Arrays.stream((Integer[]) waveform.getArray()).toList(),
                json.readValue(result.getString("variants"), VARIANTS), result.getString("rejection_reason"));
        return new Row(view, result.getObject("uploader_id", UUID.class),
                attachmentKind == null ? null : AttachmentKind.valueOf(attachmentKind), result.getObject("attachment_target", UUID.class),
                result.getObject("attachment_scope", UUID.class));
    }
}
