package app.soiree.api.chat;

import org.jspecify.annotations.Nullable;

/** The moderation queue for staff, newest first, in one status when given; answered with a {@link MessageReportPage}. */
public record FindMessageReports(@Nullable MessageReportStatus status, int limit, @Nullable String cursor) {
}
