package app.soiree.api.report;

import app.soiree.api.chat.ReportReason;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Opens a report of a gathering the reporter can see; {@code hostId} is its host as the reporter saw it. */
public record ReportGathering(@TargetAggregateIdentifier ReportId reportId, UserId reportedBy, GatheringId gatheringId, UserId hostId, ReportReason reason,
                              @Nullable String note) {
}
