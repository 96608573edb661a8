package app.soiree.command.dispute;

/**
 * What support does at the payment provider: submit a dispute's evidence, or concede it. One adapter per provider
 * ({@code stripe}, {@code simulated}). Both calls are repeatable under the same idempotency key, and both throw a
 * {@link app.soiree.api.error.SoireeException} when the provider refuses ({@code EVIDENCE_REJECTED},
 * {@code STATE_CONFLICT}) or cannot be reached ({@code PAYMENT_PROVIDER_UNAVAILABLE}); nothing is recorded then.
 */
public interface DisputeProvider {

    /** Sends the evidence and asks the provider to decide; returns the provider's reference for the submission. */
    String submitEvidence(DisputeSubmission submission);

    /** Concedes the dispute. The provider confirms the loss with its own dispute event. */
    void accept(DisputeAcceptance acceptance);
}
