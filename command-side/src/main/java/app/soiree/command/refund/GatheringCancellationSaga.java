package app.soiree.command.refund;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundRemaining;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A host called a gathering off: every confirmed booking is refunded in full (what is left of it, if
 * staff refunded part already). The gathering lists its active bookings and then cancels each; for each
 * with money due this records the refund on its payment, and follows the refunds until every one has
 * succeeded or failed. Its state is stored with the saga and every step is idempotent, so a restart
 * anywhere in between resumes where it stopped. Progress is shown by the query side
 * ({@code GET /api/gatherings/{id}/cancellation}); a refund that fails is left to staff, loudly.
 */
@Saga
@ProcessingGroup(GatheringCancellationSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class GatheringCancellationSaga {

    public static final String PROCESSING_GROUP = "gathering-cancellations";
    private static final Logger log = LoggerFactory.getLogger(GatheringCancellationSaga.class);

    private GatheringId gatheringId;
    private String reason;
    /** Bookings the gathering listed whose own cancellation has not been seen yet. */
    private Set<BookingId> awaitingCancellation = new HashSet<>();
    /** Refunds recorded and not yet settled by the provider. */
    private Set<RefundId> awaitingRefund = new HashSet<>();
    private int refundsFailed;

    @Autowired
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = "gatheringId")
    void on(GatheringCancelled event) {
        gatheringId = event.gatheringId();
        reason = "The host cancelled the gathering: " + event.reason();
        awaitingCancellation.addAll(event.activeBookings());
        endWhenSettled();
    }

    @SagaEventHandler(associationProperty = "gatheringId")
    void on(BookingCancelled event) {
        if (!event.gatheringCancelled() || !awaitingCancellation.contains(event.bookingId())) {
            return;
        }
        if (!event.refundDue().isZero()) {
            RefundId refundId = RefundId.forBooking(event.bookingId());
            SagaLifecycle.associateWith("refundId", refundId.toString());
            if (refund(event, refundId).isPresent()) {
                awaitingRefund.add(refundId);
            }
        }
        awaitingCancellation.remove(event.bookingId());
        endWhenSettled();
    }

    @SagaEventHandler(associationProperty = "refundId")
    void on(PaymentRefunded event) {
        awaitingRefund.remove(event.refundId());
        endWhenSettled();
    }

    @SagaEventHandler(associationProperty = "refundId")
    void on(RefundFailed event) {
        if (awaitingRefund.remove(event.refundId())) {
            refundsFailed++;
            log.error("Gathering {} was cancelled, and the refund of {} for booking {} failed ({}): it is left to staff",
                    gatheringId, event.amount(), event.bookingId(), event.reason());
        }
        endWhenSettled();
    }

    /** The amount requested, empty when nothing was (nothing left to refund, or refused). */
    private Optional<Money> refund(BookingCancelled event, RefundId refundId) {
        try {
            Money requested = commands.sendAndWait(new RefundRemaining(PaymentId.forBooking(event.bookingId()), refundId,
                    event.refundDue(), reason));
            return requested == null || requested.isZero() ? Optional.empty() : Optional.of(requested);
        } catch (RuntimeException e) {
            Optional<ErrorCode> refused = Refusal.codeOf(e);
            if (refused.isEmpty()) {
                throw e;
            }
            refundsFailed++;
            log.error("Gathering {} was cancelled, and the refund of {} for booking {} was refused ({}): it is left to staff",
                    gatheringId, event.refundDue(), event.bookingId(), refused.get(), e);
            return Optional.empty();
        }
    }

    private void endWhenSettled() {
        if (awaitingCancellation.isEmpty() && awaitingRefund.isEmpty()) {
            if (refundsFailed > 0) {
                log.warn("Gathering {}: cancellation finished with {} refunds left to staff", gatheringId, refundsFailed);
            }
            SagaLifecycle.end();
        }
    }
}
