package app.soiree.command.dispute;

import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.EvidenceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What the {@link DisputeResponses} process is to ask of the provider for a claimed decision, as the {@link Dispute}
 * answers a {@code StartDisputeDecision}: the submission of its evidence, or its concession.
 */
public sealed interface DisputeCall permits DisputeSubmission, DisputeAcceptance {

    /** The same for every attempt at the same decision, so the provider carries it out once. */
    String idempotencyKey();

    /** Stripe keeps idempotency keys for a day and refuses one reused with other parameters: the key names the evidence. */
    static String idempotencyKey(DisputeId disputeId, String action, List<EvidenceId> evidenceIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((disputeId + ":" + action).getBytes(StandardCharsets.UTF_8));
            evidenceIds.forEach(id -> sha.update((":" + id).getBytes(StandardCharsets.UTF_8)));
            return "dispute-" + action + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
