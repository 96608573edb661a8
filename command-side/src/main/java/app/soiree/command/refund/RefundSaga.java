package app.soiree.command.refund;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.ConfirmRefund;
import app.soiree.api.refund.FailRefund;
import app.soiree.api.refund.MarkRefundOutcomeUnknown;
import app.soiree.api.refund.MarkRefundPending;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundRequested;
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
 * From a refund recorded on a payment to the provider's word on it. It asks the provider with the
 * refund id as idempotency key: a refund done at once is confirmed, one refused is failed, one accepted
 * and pending waits for the provider's webhook (and, should that never come, asks the provider after
 * {@code soiree.refunds.reconcile-after}). A call that went unanswered is sent again later, under the
 * same idempotency key, with a doubling wait and at most {@code soiree.refunds.max-attempts} times; then
 * the refund is marked for staff, loudly. It ends when the payment records the refund's outcome,
 * whoever reported it. Its processor must never be reset: replayed, it would ask the provider again,
 * and an idempotency key does not last forever (Stripe keeps them for 24 hours).
 */
@Saga
@ProcessingGroup(RefundSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class RefundSaga {

    public static final String PROCESSING_GROUP = "refunds";
    static final String RETRY_DEADLINE = "refund-retry";
    static final String RECONCILE_DEADLINE = "refund-reconcile";
    /** What stands for the provider event id when the provider's answer came to a call of ours rather than by webhook. */
    private static final String CALL = "refund-call:";
    private static final String RECONCILIATION = "reconciliation:";
    private static final Logger log = LoggerFactory.getLogger(RefundSaga.class);

    private RefundId refundId;
    private PaymentId paymentId;
    private String paymentReference;
    private Money amount;
    private String reason;
    private @Nullable String providerReference;
    /** Provider calls made to create the refund (each under the same idempotency key). */
    private int attempts;
    /** Times a pending refund was looked up because its webhook had not come. */
    private int checks;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient RefundProvider provider;
    @Autowired
    private transient RefundsProperties properties;

    @StartSaga
    @SagaEventHandler(associationProperty = "refundId")
    void on(RefundRequested event, DeadlineManager deadlines) {
        refundId = event.refundId();
        paymentId = event.paymentId();
        paymentReference = event.paymentReference();
        amount = event.amount();
        reason = event.reason();
        send(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "refundId")
    void on(PaymentRefunded event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "refundId")
    void on(RefundFailed event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    // A deadline handler's first parameter is the deadline's payload.
    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    void retry(RefundId retried, DeadlineManager deadlines) {
        send(deadlines);
    }

    @DeadlineHandler(deadlineName = RECONCILE_DEADLINE)
    void reconcile(RefundId reconciled, DeadlineManager deadlines) {
        ProviderRefund answer = provider.retrieve(Objects.requireNonNull(providerReference));
        switch (answer.outcome()) {
            case SUCCEEDED -> commands.sendAndWait(new ConfirmRefund(paymentId, refundId, referenceOf(answer), RECONCILIATION + refundId));
            case DECLINED -> {
                if (answer.unavailable()) {
                    scheduleCheck(deadlines);
                } else {
                    commands.sendAndWait(FailRefund.reported(paymentId, refundId, String.valueOf(answer.failureReason()),
                            RECONCILIATION + refundId));
                }
            }
            case PENDING, UNKNOWN -> scheduleCheck(deadlines);
        }
    }

    private void send(DeadlineManager deadlines) {
        attempts++;
        ProviderRefund answer = provider.refund(new RefundRequest(refundId, paymentId, paymentReference, amount, reason));
        switch (answer.outcome()) {
            case SUCCEEDED -> commands.sendAndWait(new ConfirmRefund(paymentId, refundId, referenceOf(answer), CALL + refundId));
            case PENDING -> {
                providerReference = referenceOf(answer);
                commands.sendAndWait(new MarkRefundPending(paymentId, refundId, providerReference));
                scheduleCheck(deadlines);
            }
            case DECLINED -> {
                if (answer.unavailable()) {
                    scheduleRetry(deadlines, String.valueOf(answer.failureReason()));
                } else {
                    commands.sendAndWait(FailRefund.refusedOnRequest(paymentId, refundId, String.valueOf(answer.failureReason()),
                            CALL + refundId));
                }
            }
            case UNKNOWN -> scheduleRetry(deadlines, String.valueOf(answer.failureReason()));
        }
    }

    private void scheduleRetry(DeadlineManager deadlines, String why) {
        if (attempts >= properties.maxAttempts()) {
            log.error("Refund {} of {} on payment {}: the provider did not take it after {} attempts ({}); it is left to staff. "
                    + "A provider event that arrives later still settles it.", refundId, amount, paymentId, attempts, why);
            commands.sendAndWait(new MarkRefundOutcomeUnknown(paymentId, refundId,
                    "No answer from the provider after " + attempts + " attempts: " + why));
            SagaLifecycle.end();
            return;
        }
        log.warn("Refund {} on payment {}: attempt {} went unanswered ({}); asking again later with the same idempotency key",
                refundId, paymentId, attempts, why);
        deadlines.schedule(backoff(properties.retryAfter(), attempts - 1), RETRY_DEADLINE, refundId);
    }

    private void scheduleCheck(DeadlineManager deadlines) {
        if (checks >= properties.maxAttempts()) {
            log.error("Refund {} of {} on payment {} is still pending at the provider ({}) after {} checks; it is left to staff. "
                    + "Its webhook still settles it.", refundId, amount, paymentId, providerReference, checks);
            SagaLifecycle.end();
            return;
        }
        deadlines.schedule(backoff(properties.reconcileAfter(), checks), RECONCILE_DEADLINE, refundId);
        checks++;
    }

    private static Duration backoff(Duration first, int doublings) {
        return first.multipliedBy(1L << Math.min(doublings, 16));
    }

    private static void cancelDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RETRY_DEADLINE);
        deadlines.cancelAllWithinScope(RECONCILE_DEADLINE);
    }

    private static String referenceOf(ProviderRefund answer) {
        if (answer.reference() == null) {
            throw new IllegalStateException("The refund provider answered " + answer.outcome() + " without a reference");
        }
        return answer.reference();
    }
}
