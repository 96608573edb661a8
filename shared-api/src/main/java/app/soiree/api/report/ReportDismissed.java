package app.soiree.api.report;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record ReportDismissed(ReportId reportId, UserId dismissedBy, String note, Instant at) {
}
