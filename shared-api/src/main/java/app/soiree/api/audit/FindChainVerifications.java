package app.soiree.api.audit;

/** The latest verifications of the hash chain, newest first; {@code limit} is brought into 1..100. Answered with a {@link ChainVerificationPage}. */
public record FindChainVerifications(int limit) {
}
