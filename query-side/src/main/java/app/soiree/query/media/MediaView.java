package app.soiree.query.media;

import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/media/{id}}. {@code reason} says why a rejected upload was refused (its uploader only sees it). */
public record MediaView(MediaId mediaId, MediaStatus status, String kind, String contentType, long sizeBytes, @Nullable Integer width,
                        @Nullable Integer height, @Nullable Long durationMs, @Nullable List<Integer> waveform, List<Variant> variants,
                        @Nullable String reason) {

    public record Variant(String name, String contentType, long sizeBytes, @Nullable Integer width, @Nullable Integer height) {
    }
}
