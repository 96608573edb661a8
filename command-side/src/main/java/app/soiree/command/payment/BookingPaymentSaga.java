package app.soiree.command.payment;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.ConfirmSeats;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.ReleaseHold;
import app.soiree.api.gathering.SeatsConfirmation;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.CapturePayment;
import app.soiree.api.payment.DeclinePayment;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentDeclined;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentIntentCreated;
import app.soiree.api.payment.PaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payment.RecordPaymentIntent;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPayment;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From held seats to a paid booking. It waits for the payment's outcome: a capture confirms the seats
 * (or, if they are gone by then, refunds the payment); a decline releases them. When the hold expires
 * first, it asks the provider once whether the money came after all. A provider call that ends
 * without an answer is asked again later with backoff, a bounded number of times, never sent blindly
 * again. A capture that arrives after this saga ended starts a new one, so no payment is lost.
 */
@Saga
@ProcessingGroup(BookingPaymentSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class BookingPaymentSaga {

    public static final String PROCESSING_GROUP = "booking-payments";
    static final String RECONCILE_DEADLINE = "payment-reconcile";
    private static final Logger log = LoggerFactory.getLogger(BookingPaymentSaga.class);

    private PaymentId paymentId;
    private BookingId bookingId;
    private GatheringId gatheringId;
    private UserId guestId;
    private Money amount;
    private @Nullable String providerReference;
    private boolean holdOver;
    private int reconcileAttempts;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient PaymentProvider provider;
    @Autowired
    private transient PaymentsProperties properties;

    @StartSaga
    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentRequested event) {
        paymentId = event.paymentId();
        bookingId = event.bookingId();
        gatheringId = event.gatheringId();
        guestId = event.guestId();
        amount = event.amount();
        providerReference = event.providerReference();
        SagaLifecycle.associateWith("bookingId", bookingId.toString());
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentIntentCreated event) {
        providerReference = event.providerReference();
    }

    /** Also starts a saga: a late capture, after an earlier one ended, must still reach its seats. */
    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentCaptured event) {
        SeatsConfirmation seats = commands.sendAndWait(new ConfirmSeats(event.gatheringId(), event.bookingId()));
        if (seats == SeatsConfirmation.NOT_PLACED) {
            log.info("Payment {} arrived for booking {} whose seats are gone; refunding it", event.paymentId(), event.bookingId());
            commands.sendAndWait(new RefundPayment(event.paymentId(), RefundId.forBooking(event.bookingId()), event.amount(),
                    "The payment arrived after the seats were no longer available"));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentDeclined event) {
        commands.sendAndWait(new ReleaseHold(event.gatheringId(), event.bookingId()));
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentOutcomeUnknown event, DeadlineManager deadlines) {
        scheduleReconciliation(deadlines);
    }

    /** The hold ran out before the payment's outcome arrived: perhaps the provider's word was lost, so ask. */
    @SagaEventHandler(associationProperty = "bookingId")
    void on(HoldExpired event, DeadlineManager deadlines) {
        holdOver = true;
        reconcile(deadlines);
    }

    /** The guest gave the seats back before paying. A payment that still succeeds is refunded by the saga it starts. */
    @EndSaga
    @SagaEventHandler(associationProperty = "bookingId")
    void on(BookingCancelled event) {
    }

    @DeadlineHandler(deadlineName = RECONCILE_DEADLINE)
    void reconcileLater(PaymentId payment, DeadlineManager deadlines) {
        reconcile(deadlines);
    }

    private void reconcile(DeadlineManager deadlines) {
        ProviderPayment answer = providerReference == null
                // The create never answered: the same create, under the same idempotency key, tells what became of it.
                ? provider.create(new PaymentIntentRequest(paymentId, bookingId, gatheringId, guestId, amount))
                : provider.retrieve(providerReference);
        switch (answer.outcome()) {
            case SUCCEEDED -> commands.sendAndWait(new CapturePayment(paymentId, Objects.requireNonNull(answer.reference()),
                    Objects.requireNonNull(answer.amountReceived()), answer.providerFee(), "reconciliation:" + paymentId));
            case DECLINED -> {
                if (answer.unavailable()) {
                    scheduleReconciliation(deadlines);
                } else {
                    commands.sendAndWait(new DeclinePayment(paymentId, String.valueOf(answer.failureReason()), "reconciliation:" + paymentId));
                }
            }
            case PENDING -> {
                if (providerReference == null && answer.reference() != null) {
                    commands.sendAndWait(new RecordPaymentIntent(paymentId, answer.reference()));
                }
                if (holdOver) {
                    // Nothing came while the seats were held. If the guest still pays, the capture starts a new saga.
                    SagaLifecycle.end();
                }
            }
            case UNKNOWN -> scheduleReconciliation(deadlines);
        }
    }

    private void scheduleReconciliation(DeadlineManager deadlines) {
        if (reconcileAttempts >= properties.maxReconcileAttempts()) {
            log.error("Payment {} of booking {}: the provider did not answer {} times; its outcome stays unknown until someone "
                    + "reconciles it by hand (a late provider event is still applied)", paymentId, bookingId, reconcileAttempts);
            SagaLifecycle.end();
            return;
        }
        Duration wait = properties.reconcileAfter().multipliedBy(1L << Math.min(reconcileAttempts, 16));
        reconcileAttempts++;
        deadlines.schedule(wait, RECONCILE_DEADLINE, paymentId);
    }
}
