package app.soiree.api.audit;

import java.util.UUID;

/**
 * One page of an entity's events, in the order they happened, from sequence number
 * {@code fromSequence} on. {@code aggregateType} is the aggregate's class name ({@code Payment},
 * {@code Gathering}, {@code User}; any case). Answered with an {@link AuditTrailPage}, or null when no
 * entity of that type has this id.
 */
public record FindAuditTrail(String aggregateType, UUID aggregateId, long fromSequence, int limit) {
}
