package app.soiree.command.payment;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.ReleaseHold;
import app.soiree.api.gathering.SeatsReservation;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.DeclinePayment;
import app.soiree.api.payment.MarkPaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.payment.RequestPayment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Starts paying for held seats while the guest waits for the answer: the payment is created with the
 * provider (the payment id is the idempotency key), then recorded with the provider's answer. Whatever
 * happens in between is safe to repeat: a booking request retried with the same booking id arrives
 * here again and finds the same provider intent and the same payment. Should the process stop in
 * between, nothing was recorded, the guest never saw the intent's secret (nobody can pay it) and the
 * hold runs out as any unpaid hold does.
 */
@Component
public class Checkout {

    /** What a client needs to complete a payment: {@code clientSecret} is null when the provider has not answered. */
    public record PaymentStart(PaymentId paymentId, String provider, PaymentStatus status, @Nullable String clientSecret, Money amount) {
    }

    private final CommandGateway commands;
    private final PaymentProvider provider;

    Checkout(CommandGateway commands, PaymentProvider provider) {
        this.commands = commands;
        this.provider = provider;
    }

    public PaymentStart start(SeatsReservation seats, GatheringId gatheringId, UserId guestId) {
        PaymentId paymentId = PaymentId.forBooking(seats.bookingId());
        ProviderPayment answer = provider.create(new PaymentIntentRequest(paymentId, seats.bookingId(), gatheringId, guestId, seats.amount()));
        switch (answer.outcome()) {
            case PENDING, SUCCEEDED -> {
                // The intent goes into the payment's first event: one event where there were two, each stored, chained
                // and read by every processor.
                commands.sendAndWait(request(paymentId, seats, gatheringId, guestId, requireReference(answer)));
                return new PaymentStart(paymentId, provider.name(), PaymentStatus.AWAITING_PAYMENT, answer.clientSecret(), seats.amount());
            }
            case UNKNOWN -> {
                // The provider may have created it; the saga asks again later with the same idempotency key.
                commands.sendAndWait(request(paymentId, seats, gatheringId, guestId, null));
                commands.sendAndWait(new MarkPaymentOutcomeUnknown(paymentId, String.valueOf(answer.failureReason())));
                return new PaymentStart(paymentId, provider.name(), PaymentStatus.OUTCOME_UNKNOWN, null, seats.amount());
            }
            case DECLINED -> {
                // Nothing to pay with: give the seats back now rather than at the end of the hold.
                commands.sendAndWait(request(paymentId, seats, gatheringId, guestId, null));
                commands.sendAndWait(new DeclinePayment(paymentId, String.valueOf(answer.failureReason()), "create:" + paymentId));
                commands.sendAndWait(new ReleaseHold(gatheringId, seats.bookingId()));
                throw answer.unavailable()
                        ? new SoireeException(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, "The payment provider is not available; try again shortly")
                        : new SoireeException(ErrorCode.PAYMENT_DECLINED, "The payment provider declined this payment");
            }
            default -> throw new IllegalStateException("Unhandled provider outcome " + answer.outcome());
        }
    }

    private RequestPayment request(PaymentId paymentId, SeatsReservation seats, GatheringId gatheringId, UserId guestId,
                                   @Nullable String providerReference) {
        return new RequestPayment(paymentId, seats.bookingId(), gatheringId, seats.hostId(), guestId, seats.amount(), provider.name(),
                providerReference);
    }

    private static String requireReference(ProviderPayment answer) {
        if (answer.reference() == null) {
            throw new IllegalStateException("The provider answered " + answer.outcome() + " without a reference");
        }
        return answer.reference();
    }
}
