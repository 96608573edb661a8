package app.soiree.command.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.AbandonPayout;
import app.soiree.api.payout.FailPayout;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.MarkPayoutPaid;
import app.soiree.api.payout.MarkPayoutTransferUnanswered;
import app.soiree.api.payout.PayoutAbandoned;
import app.soiree.api.payout.PayoutApproved;
import app.soiree.api.payout.PayoutFailed;
import app.soiree.api.payout.PayoutFundsReserved;
import app.soiree.api.payout.PayoutFundsSource;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.payout.PayoutRejected;
import app.soiree.api.payout.PayoutRequested;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.api.payout.PayoutSent;
import app.soiree.api.payout.PayoutTransferRetried;
import app.soiree.api.payout.ReturnPayoutFunds;
import app.soiree.api.payout.SendPayout;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From reserved funds to money at the host's connected account. The payout request is the one writer
 * of the first two steps: it reserves the funds and opens the payout, so it can answer the payout's
 * status. This saga watches that the second step came: funds whose payout is not opened within
 * {@code abandonUnopenedAfter} (the request stopped in between and its client never retried) are
 * abandoned and go back to the host. From there on the saga is the one writer: it sends the payout
 * once approved, and asks the provider for the transfer with the payout id as idempotency key. A transfer
 * that goes unanswered is asked again later, with backoff, under the same key, a bounded number of times,
 * then left to staff. Rejections, refusals and reversals return the funds through the host's wallet;
 * those events start a saga of their own when none is running, so no return is lost.
 */
@Saga
@ProcessingGroup(PayoutSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class PayoutSaga {

    public static final String PROCESSING_GROUP = "payouts";
    static final String RETRY_DEADLINE = "payout-transfer-retry";
    static final String UNOPENED_DEADLINE = "payout-unopened";
    private static final Logger log = LoggerFactory.getLogger(PayoutSaga.class);

    private PayoutId payoutId;
    private UserId hostId;
    private Money amount;
    private String destinationAccount;
    private int attempts;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient PayoutProvider provider;
    @Autowired
    private transient PayoutProperties properties;

    @StartSaga
    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutFundsReserved event, DeadlineManager deadlines) {
        remember(event.payoutId(), event.hostId(), event.amount());
        destinationAccount = event.destinationAccount();
        deadlines.schedule(properties.abandonUnopenedAfter(), UNOPENED_DEADLINE, event.payoutId());
    }

    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutRequested event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(UNOPENED_DEADLINE);
    }

    /** The payout aggregate decides: if the request's retry opened it meanwhile, this changes nothing. */
    @DeadlineHandler(deadlineName = UNOPENED_DEADLINE)
    void abandonUnopened(PayoutId payout) {
        commands.sendAndWait(new AbandonPayout(payoutId, hostId, amount));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutAbandoned event) {
        giveBack(event.payoutId(), event.hostId(), "abandoned", event.amount(), PayoutFundsSource.RESERVED,
                "the payout request stopped before it opened the payout");
    }

    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutApproved event) {
        commands.sendAndWait(new SendPayout(event.payoutId()));
    }

    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutSent event, DeadlineManager deadlines) {
        remember(event.payoutId(), event.hostId(), event.amount());
        destinationAccount = event.destinationAccount();
        transfer(deadlines);
    }

    /** Staff asked again about a transfer whose retries ran out; the saga that gave up has ended. */
    @StartSaga
    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutTransferRetried event, DeadlineManager deadlines) {
        remember(event.payoutId(), event.hostId(), event.amount());
        destinationAccount = event.destinationAccount();
        attempts = 0;
        transfer(deadlines);
    }

    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    void retry(PayoutId payout, DeadlineManager deadlines) {
        transfer(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutPaid event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RETRY_DEADLINE);
    }

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutRejected event) {
        giveBack(event.payoutId(), event.hostId(), "rejected", event.amount(), PayoutFundsSource.RESERVED,
                "rejected: " + event.reason());
    }

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutFailed event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RETRY_DEADLINE);
        giveBack(event.payoutId(), event.hostId(), "failed", event.amount(), PayoutFundsSource.IN_TRANSIT,
                "transfer failed: " + event.reason());
    }

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    void on(PayoutReversed event) {
        // Each reversal is returned under the running total it brought the payout to, so it is returned once.
        giveBack(event.payoutId(), event.hostId(), "reversed:" + event.totalReversed().amountMinor(), event.amount(),
                PayoutFundsSource.PROVIDER, "transfer " + event.transferReference() + " reversed");
    }

    private void transfer(DeadlineManager deadlines) {
        TransferAnswer answer = provider.transfer(new TransferRequest(payoutId, hostId, amount, destinationAccount));
        switch (answer.outcome()) {
            case PAID -> commands.sendAndWait(new MarkPayoutPaid(payoutId, String.valueOf(answer.reference()), "transfer:" + payoutId));
            case REFUSED -> commands.sendAndWait(new FailPayout(payoutId, String.valueOf(answer.reason()), "transfer:" + payoutId));
            case UNANSWERED -> unanswered(String.valueOf(answer.reason()), deadlines);
        }
    }

    private void unanswered(String reason, DeadlineManager deadlines) {
        attempts++;
        boolean giveUp = attempts >= properties.maxTransferAttempts();
        commands.sendAndWait(new MarkPayoutTransferUnanswered(payoutId, attempts, reason, giveUp));
        if (giveUp) {
            log.error("Payout {} of {} to {}: the provider did not answer the transfer {} times ({}). Its money stays in transit until "
                    + "staff retry it (POST /api/staff/payouts/{}/retry-transfer) or a late webhook settles it",
                    payoutId, amount, destinationAccount, attempts, reason, payoutId);
            SagaLifecycle.end();
            return;
        }
        Duration wait = properties.retryDelayAfter(attempts);
        deadlines.schedule(wait, RETRY_DEADLINE, payoutId);
    }

    private void giveBack(PayoutId payout, UserId host, String returnId, Money returned, PayoutFundsSource from, String reason) {
        commands.sendAndWait(new ReturnPayoutFunds(HostWalletId.forHost(host), host, payout, returnId, returned, from, reason));
    }

    private void remember(PayoutId payout, UserId host, Money money) {
        payoutId = payout;
        hostId = host;
        amount = money;
    }
}
