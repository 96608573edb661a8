package app.soiree.api.report;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Support closes an open user or gathering report as dealt with, saying what was done. */
public record ResolveReport(@TargetAggregateIdentifier ReportId reportId, UserId resolvedBy, String note) {
}
