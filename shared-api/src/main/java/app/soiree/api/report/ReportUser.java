package app.soiree.api.report;

import app.soiree.api.chat.ReportReason;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Opens a report of {@code userId} by {@code reportedBy}; the id comes from the caller. */
public record ReportUser(@TargetAggregateIdentifier ReportId reportId, UserId reportedBy, UserId userId, ReportReason reason, @Nullable String note) {
}
