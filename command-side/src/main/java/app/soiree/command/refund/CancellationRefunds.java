package app.soiree.command.refund;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundRemaining;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A guest who cancels within the gathering's refund policy is owed {@code refundDue}: this records the
 * refund on the booking's payment (its id follows from the booking's, so the guest's answer could name
 * it). This tracker is the one writer of that step (the cancel request only asks the payment what it
 * will record, to answer it): a tracking processor delivers every cancellation at least once, also after
 * a crash, and the command is idempotent. Cancellations of a whole gathering are refunded by {@link GatheringCancellationSaga}.
 */
@Component
@ProcessingGroup(CancellationRefunds.PROCESSING_GROUP)
public class CancellationRefunds {

    static final String PROCESSING_GROUP = "cancellation-refunds";
    /** The reason a guest's cancellation refund is recorded with. */
    static final String REASON = "The guest cancelled within the gathering's refund policy";
    private static final Logger log = LoggerFactory.getLogger(CancellationRefunds.class);

    private final CommandGateway commands;

    CancellationRefunds(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(BookingCancelled event) {
        if (event.gatheringCancelled() || event.refundDue().isZero()) {
            return;
        }
        try {
            commands.sendAndWait(new RefundRemaining(PaymentId.forBooking(event.bookingId()), RefundId.forBooking(event.bookingId()),
                    event.refundDue(), REASON));
        } catch (RuntimeException e) {
            Optional<ErrorCode> refused = Refusal.codeOf(e);
            if (refused.isEmpty()) {
                throw e;
            }
            log.error("The refund of {} owed for cancelled booking {} was refused ({}): it is left to staff", event.refundDue(),
                    event.bookingId(), refused.get(), e);
        }
    }
}
