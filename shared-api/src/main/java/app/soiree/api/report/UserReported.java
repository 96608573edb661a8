package app.soiree.api.report;

import app.soiree.api.chat.ReportReason;
import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A user reported another user to support. */
public record UserReported(ReportId reportId, UserId reportedBy, UserId userId, ReportReason reason, @PersonalData(subject = "reportedBy") @Nullable String note, Instant at) {
}
