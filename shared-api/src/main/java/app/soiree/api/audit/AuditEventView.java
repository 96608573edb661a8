package app.soiree.api.audit;

import java.time.Instant;

/**
 * One event of an entity. {@code actor} is the acting user's id, or {@code system}; {@code actorRoles}
 * the roles they acted with (comma-separated, possibly empty). {@code payloadJson} is the event as
 * JSON, written the way the API writes every value.
 */
public record AuditEventView(long sequence, String type, Instant occurredAt, String actor, String actorRoles, String payloadJson) {
}
