package app.soiree.command.dispute;

import app.soiree.api.dispute.DisputeId;

/** The payload of a claimed decision's deadline: which claim it releases if nothing was recorded for it. */
public record DecisionLapse(DisputeId disputeId, String idempotencyKey) {
}
