package app.soiree.api.report;

import app.soiree.api.identity.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Support closes an open user or gathering report as needing nothing done, saying why. */
public record DismissReport(@TargetAggregateIdentifier ReportId reportId, UserId dismissedBy, String note) {
}
