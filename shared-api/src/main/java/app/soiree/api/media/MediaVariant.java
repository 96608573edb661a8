package app.soiree.api.media;

import org.jspecify.annotations.Nullable;

/**
 * One servable rendition of a medium: {@code original} (an image re-encoded upright and without metadata; a voice note
 * as recorded, its metadata blanked), {@code display} and {@code thumbnail} (images only).
 */
public record MediaVariant(String name, String contentType, long sizeBytes, @Nullable Integer width, @Nullable Integer height) {

    public static final String ORIGINAL = "original";
    public static final String DISPLAY = "display";
    public static final String THUMBNAIL = "thumbnail";
}
