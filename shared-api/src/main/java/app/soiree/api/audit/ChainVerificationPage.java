package app.soiree.api.audit;

import java.util.List;

/** Verifications of the hash chain, newest first. */
public record ChainVerificationPage(List<ChainVerificationView> items) {
}
