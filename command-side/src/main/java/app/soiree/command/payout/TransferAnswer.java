package app.soiree.command.payout;

import org.jspecify.annotations.Nullable;

/**
 * The provider's answer to a transfer, told apart as "made", "refused" and "do not know": only
 * {@code UNANSWERED} is asked again (with the same idempotency key), and a refusal is final.
 */
public record TransferAnswer(Outcome outcome, @Nullable String reference, @Nullable String reason) {

    public enum Outcome { PAID, REFUSED, UNANSWERED }

    public static TransferAnswer paid(String reference) {
        return new TransferAnswer(Outcome.PAID, reference, null);
    }

    public static TransferAnswer refused(String reason) {
        return new TransferAnswer(Outcome.REFUSED, null, reason);
    }

    /** No answer (a time-out, a 5xx), or a refusal that says nothing about the transfer itself (rate limited): ask again later. */
    public static TransferAnswer unanswered(String reason) {
        return new TransferAnswer(Outcome.UNANSWERED, null, reason);
    }
}
