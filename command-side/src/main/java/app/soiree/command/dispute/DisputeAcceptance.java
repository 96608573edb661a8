package app.soiree.command.dispute;

import app.soiree.api.dispute.DisputeId;

public record DisputeAcceptance(DisputeId disputeId, String providerDisputeId, String idempotencyKey) implements DisputeCall {
}
