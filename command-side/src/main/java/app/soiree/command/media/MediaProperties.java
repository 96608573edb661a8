package app.soiree.command.media;

import app.soiree.api.media.MediaPurpose;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code soiree.media.*}: what an upload may be, per purpose, and how long the platform waits for what follows it.
 *
 * @param maxImageSize         a chat image or gathering cover (15 MB)
 * @param maxAvatarSize        an avatar (5 MB)
 * @param maxVoiceNoteSize     a voice note (10 MB)
 * @param maxImagePixels       width × height an image may declare (40 megapixels), checked before it is decoded
 * @param maxVoiceNoteDuration a voice note's length (5 minutes)
 * @param dailyQuotaFiles      uploads per user and UTC day
 * @param dailyQuotaSize       bytes per user and UTC day
 * @param unattachedTtl        an upload never attached within this is deleted (a day)
 * @param processingTimeout    an upload still processing after this is rejected (10 minutes)
 * @param displaySize          the longest side of an image's {@code display} variant, in pixels
 * @param thumbnailSize        the longest side of its {@code thumbnail} variant
 */
@ConfigurationProperties("soiree.media")
public record MediaProperties(@Nullable DataSize maxImageSize, @Nullable DataSize maxAvatarSize, @Nullable DataSize maxVoiceNoteSize,
                              @Nullable Long maxImagePixels, @Nullable Duration maxVoiceNoteDuration, @Nullable Integer dailyQuotaFiles,
                              @Nullable DataSize dailyQuotaSize, @Nullable Duration unattachedTtl, @Nullable Duration processingTimeout,
                              @Nullable Integer displaySize, @Nullable Integer thumbnailSize) {

    public MediaProperties {
        maxImageSize = maxImageSize == null ? DataSize.ofMegabytes(15) : maxImageSize;
        maxAvatarSize = maxAvatarSize == null ? DataSize.ofMegabytes(5) : maxAvatarSize;
        maxVoiceNoteSize = maxVoiceNoteSize == null ? DataSize.ofMegabytes(10) : maxVoiceNoteSize;
        maxImagePixels = maxImagePixels == null ? 40_000_000L : maxImagePixels;
        maxVoiceNoteDuration = maxVoiceNoteDuration == null ? Duration.ofMinutes(5) : maxVoiceNoteDuration;
        dailyQuotaFiles = dailyQuotaFiles == null ? 200 : dailyQuotaFiles;
        dailyQuotaSize = dailyQuotaSize == null ? DataSize.ofMegabytes(500) : dailyQuotaSize;
        unattachedTtl = unattachedTtl == null ? Duration.ofDays(1) : unattachedTtl;
        processingTimeout = processingTimeout == null ? Duration.ofMinutes(10) : processingTimeout;
        displaySize = displaySize == null ? 1600 : displaySize;
        thumbnailSize = thumbnailSize == null ? 320 : thumbnailSize;
    }

    /** The largest file accepted for the purpose. */
    public long maxSizeBytes(MediaPurpose purpose) {
        return switch (purpose) {
            case CHAT_IMAGE, GATHERING_COVER -> maxImageSize.toBytes();
            case AVATAR -> maxAvatarSize.toBytes();
            case VOICE_NOTE -> maxVoiceNoteSize.toBytes();
        };
    }

    /** The largest file of any purpose: what the multipart parser must let through for the check above to answer. */
    public long largestUpload() {
        return Math.max(maxImageSize.toBytes(), Math.max(maxAvatarSize.toBytes(), maxVoiceNoteSize.toBytes()));
    }
}
