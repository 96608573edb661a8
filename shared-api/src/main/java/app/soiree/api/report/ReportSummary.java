package app.soiree.api.report;

import app.soiree.api.chat.MessageReportSummary;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report as support sees it in the one queue, as it stands now.
 *
 * @param targetId    the reported user's, gathering's or message's id
 * @param targetLabel the reported user's display name, the gathering's title, or the message's text; null when the read
 *                    side does not know it (yet) or the message was deleted
 * @param subjectId   whom the report is about: the reported user, the gathering's host, the message's sender (null for a
 *                    message the platform posted)
 * @param handledBy   the staff member who dismissed or resolved it; null for a message report, which deletions and bans settle
 * @param message     a message report's details (its conversation, the message as it is now); null for other kinds
 */
public record ReportSummary(ReportId reportId, ReportTargetType targetType, UUID targetId, @Nullable String targetLabel,
                            @Nullable UserId subjectId, @Nullable String subjectName, UserId reportedBy, @Nullable String reporterName,
                            ReportReason reason, @Nullable String note, Instant reportedAt, ReportStatus status,
                            @Nullable ReportOutcome outcome, @Nullable Instant handledAt, @Nullable UserId handledBy,
                            @Nullable String handledByName, @Nullable String handlingNote, @Nullable MessageReportSummary message) {
}
