package app.soiree.api.payment;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.HostEarningsEvent;
import app.soiree.api.ledger.Posting;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Money arrived at the provider: the gross to {@code platform:stripe}, the host's net to
 * {@code host:{id}:pending}, the platform fee to {@code platform:fees}, and the provider's fee, when
 * known, from provider cash to {@code platform:provider-fees}. The postings balance.
 */
public record PaymentCaptured(PaymentId paymentId, BookingId bookingId, GatheringId gatheringId, UserId hostId, UserId guestId,
                              Money amount, Money platformFee, @Nullable Money providerFee, List<Posting> postings,
                              String providerReference, String providerEventId, Instant capturedAt) implements HostEarningsEvent {

    @Override
    public String reference() {
        return "payment:" + paymentId;
    }
}
