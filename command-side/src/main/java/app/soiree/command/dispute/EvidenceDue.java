package app.soiree.command.dispute;

import app.soiree.api.dispute.DisputeId;
import java.time.Instant;

/** The payload of a dispute's evidence deadline: which due date it was set for. */
public record EvidenceDue(DisputeId disputeId, Instant dueBy) {
}
