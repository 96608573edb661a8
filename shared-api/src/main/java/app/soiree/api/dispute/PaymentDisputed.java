package app.soiree.api.dispute;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.HostEarningsEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import java.util.List;

/**
 * The provider opened a dispute and withdrew {@code amount} plus its dispute {@code fee}:
 * {@code credit platform:stripe A+D}, {@code debit platform:disputes A+D}, and the host's share
 * {@code hostShare} (the amount, plus the fee when hosts bear it) moves from {@code host:{id}:pending}
 * to {@code host:{id}:dispute-hold} until the outcome. {@code reportedAt} is when the provider produced the report
 * that opened it.
 */
public record PaymentDisputed(PaymentId paymentId, DisputeId disputeId, BookingId bookingId, GatheringId gatheringId, UserId hostId,
                              UserId guestId, String provider, String providerDisputeId, Money amount, Money fee, Money hostShare,
                              String reason, Instant evidenceDueBy, List<Posting> postings, String providerEventId,
                              Instant reportedAt, Instant openedAt) implements HostEarningsEvent {

    @Override
    public String reference() {
        return "dispute:" + disputeId;
    }
}
