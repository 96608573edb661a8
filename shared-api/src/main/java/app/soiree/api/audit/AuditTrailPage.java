package app.soiree.api.audit;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code nextSequence}: where the next page starts, or null when these are the entity's last events. */
public record AuditTrailPage(String aggregateType, UUID aggregateId, List<AuditEventView> events, @Nullable Long nextSequence) {
}
