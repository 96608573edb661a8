package app.soiree.api.audit;

import java.util.UUID;

/** One verification of the hash chain; answered with a {@link ChainVerificationView}, or null when there is none with this id. */
public record FindChainVerification(UUID verificationId) {
}
