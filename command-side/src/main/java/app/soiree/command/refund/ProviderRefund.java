package app.soiree.command.refund;

import app.soiree.api.payment.PaymentOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A provider's answer about one refund: done ({@code SUCCEEDED}), accepted and under way
 * ({@code PENDING}), refused ({@code DECLINED}), or no answer ({@code UNKNOWN}: ask again, under the same
 * idempotency key). {@code unavailable} marks a refusal that says nothing about the refund itself (rate
 * limited, credentials refused): try again later.
 */
public record ProviderRefund(PaymentOutcome outcome, @Nullable String reference, @Nullable String failureReason, boolean unavailable) {

    public static ProviderRefund succeeded(String reference) {
        return new ProviderRefund(PaymentOutcome.SUCCEEDED, reference, null, false);
    }

    public static ProviderRefund pending(String reference) {
        return new ProviderRefund(PaymentOutcome.PENDING, reference, null, false);
    }

    public static ProviderRefund declined(@Nullable String reference, String reason) {
        return new ProviderRefund(PaymentOutcome.DECLINED, reference, reason, false);
    }

    public static ProviderRefund unavailable(String reason) {
        return new ProviderRefund(PaymentOutcome.DECLINED, null, reason, true);
    }

    public static ProviderRefund unknown(String reason) {
        return new ProviderRefund(PaymentOutcome.UNKNOWN, null, reason, false);
    }
}
