package app.soiree.api.report;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record ReportResolved(ReportId reportId, UserId resolvedBy, String note, Instant at) {
}
