package app.soiree.command.social;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code soiree.social.*}: how many announcements a gathering may make, and how long one may be. */
@ConfigurationProperties("soiree.social")
public record SocialProperties(@Nullable Integer announcementsPerGathering, @Nullable Integer announcementMaxLength) {

    public SocialProperties {
        announcementsPerGathering = announcementsPerGathering == null ? 3 : announcementsPerGathering;
        announcementMaxLength = announcementMaxLength == null ? 1000 : announcementMaxLength;
        if (announcementsPerGathering < 0 || announcementMaxLength < 1 || announcementMaxLength > 10_000) {
            throw new IllegalArgumentException(
                    "soiree.social.announcements-per-gathering must not be negative, announcement-max-length between 1 and 10000");
        }
    }
}
