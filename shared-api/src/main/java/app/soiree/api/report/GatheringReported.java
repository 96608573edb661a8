package app.soiree.api.report;

import app.soiree.api.chat.ReportReason;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user reported a gathering (hosted by {@code hostId}) to support. */
public record GatheringReported(ReportId reportId, UserId reportedBy, GatheringId gatheringId, UserId hostId, ReportReason reason,
                                @PersonalData(subject = "reportedBy") @Nullable String note, Instant at) {
}
