package app.soiree.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeLost;
import app.soiree.api.dispute.DisputeWon;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.ProviderDisputeUpdated;
import app.soiree.api.dispute.RecordProviderDispute;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * One provider dispute of a {@link Payment}, an entity known by its id: what the opening withheld ({@code amount},
 * {@code fee}, {@code hostShare}) and the provider's latest word. Only the events about this dispute reach it.
 */
final class DisputeOnPayment {

    @EntityId
    private final DisputeId disputeId;
    private final Money amount;
    private final Money fee;
    private final Money hostShare;
    private ProviderDisputeStatus status;
    private Instant evidenceDueBy;
    private Instant reportedAt;

    DisputeOnPayment(PaymentDisputed opened) {
        this.disputeId = opened.disputeId();
        this.amount = opened.amount();
        this.fee = opened.fee();
        this.hostShare = opened.hostShare();
        this.status = ProviderDisputeStatus.NEEDS_RESPONSE;
        this.evidenceDueBy = opened.evidenceDueBy();
        this.reportedAt = opened.reportedAt();
    }

    boolean isDecided() {
        return status.isFinal();
    }

    /** What this dispute took from the payment: its amount while open or lost; a won dispute took nothing. */
    Money withheld() {
        return status == ProviderDisputeStatus.WON ? Money.zero(amount.currency()) : amount;
    }

    /** The provider's word, told once: a final status decides the dispute, a newer open one updates it. */
    void record(RecordProviderDispute command, Payment.Terms payment, Instant now) {
        if (status.isFinal()) {
            return; // decided once; a copy, a funds-reinstated after the win, or a stale report changes nothing
        }
        switch (command.status()) {
            case WON -> apply(new DisputeWon(payment.paymentId(), disputeId, payment.bookingId(), payment.gatheringId(),
                    payment.hostId(), amount, fee, hostShare, DisputePostings.won(payment.hostId(), amount, fee, hostShare),
                    command.providerEventId(), now));
            case LOST -> apply(new DisputeLost(payment.paymentId(), disputeId, payment.bookingId(), payment.gatheringId(),
                    payment.hostId(), amount, fee, hostShare, DisputePostings.lost(payment.hostId(), amount, fee, hostShare),
                    command.providerEventId(), now));
            case NEEDS_RESPONSE, UNDER_REVIEW -> {
                boolean changed = command.status() != status || !command.evidenceDueBy().equals(evidenceDueBy);
                // Stripe stamps events by the second: within one second, a dispute only moves forward (needs response, under review).
                boolean newer = command.reportedAt().isAfter(reportedAt) || (command.reportedAt().equals(reportedAt)
                        && command.status().ordinal() >= status.ordinal());
                if (changed && newer) {
                    apply(new ProviderDisputeUpdated(payment.paymentId(), disputeId, command.status(), command.evidenceDueBy(),
                            command.reportedAt(), command.providerEventId()));
                }
            }
        }
    }

    @EventSourcingHandler
    void on(ProviderDisputeUpdated event) {
        status = event.status();
        evidenceDueBy = event.evidenceDueBy();
        reportedAt = event.reportedAt();
    }

    @EventSourcingHandler
    void on(DisputeWon event) {
        status = ProviderDisputeStatus.WON;
    }

    @EventSourcingHandler
    void on(DisputeLost event) {
        status = ProviderDisputeStatus.LOST;
    }

    // Value equality lets Axon's test fixture prove that replaying the events rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof DisputeOnPayment that && disputeId.equals(that.disputeId) && amount.equals(that.amount)
                && fee.equals(that.fee) && hostShare.equals(that.hostShare) && status == that.status
                && evidenceDueBy.equals(that.evidenceDueBy) && reportedAt.equals(that.reportedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(disputeId, status);
    }
}
