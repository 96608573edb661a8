package app.soiree.api.report;

import org.jspecify.annotations.Nullable;

/**
 * The one moderation queue, reports of every kind newest first, in one status and of one target type when given;
 * answered with a {@link ReportPage}.
 */
public record FindReports(@Nullable ReportStatus status, @Nullable ReportTargetType targetType, int limit, @Nullable String cursor) {
}
