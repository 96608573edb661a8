package app.soiree.command.payment;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A provider's answer about one payment. {@code unavailable} marks a refusal that says nothing about
 * the payment itself (rate limited, provider down, before anything was created): try later.
 */
public record ProviderPayment(PaymentOutcome outcome, @Nullable String reference, @Nullable String clientSecret,
                              @Nullable Money amountReceived, @Nullable Money providerFee, @Nullable String failureReason,
                              boolean unavailable) {

    public static ProviderPayment pending(String reference, @Nullable String clientSecret) {
        return new ProviderPayment(PaymentOutcome.PENDING, reference, clientSecret, null, null, null, false);
    }

    public static ProviderPayment succeeded(String reference, Money amountReceived, @Nullable Money providerFee) {
        return new ProviderPayment(PaymentOutcome.SUCCEEDED, reference, null, amountReceived, providerFee, null, false);
    }

    public static ProviderPayment declined(@Nullable String reference, String reason) {
        return new ProviderPayment(PaymentOutcome.DECLINED, reference, null, null, null, reason, false);
    }

    public static ProviderPayment unavailable(String reason) {
        return new ProviderPayment(PaymentOutcome.DECLINED, null, null, null, null, reason, true);
    }

    public static ProviderPayment unknown(String reason) {
        return new ProviderPayment(PaymentOutcome.UNKNOWN, null, null, null, null, reason, false);
    }
}
