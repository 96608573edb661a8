package app.soiree.command.media;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.media.MediaKind;
import app.soiree.api.media.MediaPurpose;
import java.util.Map;
import java.util.Set;

/**
 * The types each kind of upload may have, as the bytes say (Tika's names). Images are those the server can decode and
 * strip in pure Java; voice notes the containers phones and browsers record to. Anything else is refused before it is
 * stored, with 415 {@code MEDIA_TYPE_NOT_ALLOWED}.
 */
final class UploadTypes {

    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/webp");
    /**
     * M4A (AAC in MP4, which Tika names by its brand), Ogg (Opus, checked when processed) and WebM, which Tika's magic
     * bytes only know as Matroska, its parent format (the "webm" doc type is checked when processed).
     */
    private static final Map<String, String> VOICE_NOTES = Map.ofEntries(
            Map.entry("audio/mp4", "audio/mp4"), Map.entry("audio/x-m4a", "audio/mp4"), Map.entry("video/mp4", "audio/mp4"),
            Map.entry("video/quicktime", "audio/mp4"),
            Map.entry("audio/ogg", "audio/ogg"), Map.entry("audio/opus", "audio/ogg"), Map.entry("audio/vorbis", "audio/ogg"),
            Map.entry("application/ogg", "audio/ogg"),
            Map.entry("video/webm", "audio/webm"), Map.entry("audio/webm", "audio/webm"), Map.entry("application/x-matroska", "audio/webm"),
            Map.entry("video/x-matroska", "audio/webm"), Map.entry("audio/x-matroska", "audio/webm"));

    private UploadTypes() {
    }

    /** The type the medium is stored and served as, or a refusal naming what the bytes are. */
    static String accepted(MediaPurpose purpose, String sniffed) {
        if (purpose.kind() == MediaKind.IMAGE && IMAGES.contains(sniffed)) {
            return sniffed;
        }
        if (purpose.kind() == MediaKind.VOICE_NOTE && VOICE_NOTES.containsKey(sniffed)) {
            return VOICE_NOTES.get(sniffed);
        }
        String allowed = purpose.kind() == MediaKind.IMAGE ? "JPEG, PNG or WebP images"
                : "voice notes in M4A (AAC), Ogg Opus or WebM Opus";
        String hint = sniffed.equals("image/heic") || sniffed.equals("image/heif") ? " (HEIC photos cannot be processed here: send JPEG)" : "";
        throw new SoireeException(ErrorCode.MEDIA_TYPE_NOT_ALLOWED, "A " + purpose + " upload must be one of " + allowed
                + "; this file's content is " + sniffed + hint);
    }
}
