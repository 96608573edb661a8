package app.soiree.command.media;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each user's uploads per UTC day, in files and bytes, counted in one statement that also checks the limit, so that
 * parallel uploads cannot together slip past it. Shared by every command replica through the database.
 */
@Component
class UploadQuota {

    private final JdbcTemplate jdbc;
    private final MediaProperties properties;
    private final Clock clock;

    UploadQuota(JdbcTemplate jdbc, MediaProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts the upload against today's quota, or refuses it with 429 {@code MEDIA_QUOTA_EXCEEDED} and counts nothing. */
    void take(UserId uploader, long sizeBytes) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long maxBytes = properties.dailyQuotaSize().toBytes();
        int counted = jdbc.update("""
                insert into media_upload_quota as quota (user_id, day, files, bytes) select ?, ?, 1, ? where ? <= ?
                on conflict (user_id, day) do update set files = quota.files + 1, bytes = quota.bytes + excluded.bytes
                where quota.files + 1 <= ? and quota.bytes + excluded.bytes <= ?""",
                uploader.value(), Date.valueOf(today), sizeBytes, sizeBytes, maxBytes, properties.dailyQuotaFiles(), maxBytes);
        if (counted == 0) {
            throw new SoireeException(ErrorCode.MEDIA_QUOTA_EXCEEDED, "You have uploaded as much as one day allows ("
                    + properties.dailyQuotaFiles() + " files, " + properties.dailyQuotaSize().toMegabytes() + " MB); try again tomorrow");
        }
    }
}
