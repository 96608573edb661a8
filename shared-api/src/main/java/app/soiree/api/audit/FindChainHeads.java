package app.soiree.api.audit;

/** The latest days' chain heads, newest first; {@code limit} is brought into 1..100. Answered with a {@link ChainHeadPage}. */
public record FindChainHeads(int limit) {
}
