package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import java.time.Instant;

public record DisputeAccepted(DisputeId disputeId, UserId acceptedBy, Instant acceptedAt) {
}
