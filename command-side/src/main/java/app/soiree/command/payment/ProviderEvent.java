package app.soiree.command.payment;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * A provider event in Soiree's terms. Events that concern no payment of ours, or that change
 * nothing here (an unknown type, "processing"), are {@link Kind#IGNORED}.
 */
public record ProviderEvent(String eventId, String type, Kind kind, @Nullable PaymentId paymentId, @Nullable String reference,
                            @Nullable Money amount, @Nullable Money providerFee, @Nullable String failureReason) {

    public enum Kind { PAYMENT_CREATED, PAYMENT_SUCCEEDED, PAYMENT_FAILED, IGNORED }

    public static ProviderEvent ignored(String eventId, String type) {
        return new ProviderEvent(eventId, type, Kind.IGNORED, null, null, null, null, null);
    }
}
