package app.soiree.command.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.TierId;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundRemaining;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CancellationRefundsTest {

    static final BookingId BOOKING = new BookingId(new UUID(1, 1));
    static final Money PRICE = Money.of(2500, "EUR");

    private final List<RefundRemaining> sent = new ArrayList<>();
    private RuntimeException refusal;
    private CancellationRefunds tracker;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(RefundRemaining.class.getName(), message -> {
            sent.add((RefundRemaining) message.getPayload());
            if (refusal != null) {
                throw refusal;
            }
            return PRICE;
        });
        tracker = new CancellationRefunds(DefaultCommandGateway.builder().commandBus(bus).build());
    }

    @Test
    void aGuestsCancellationWithinThePolicyRefundsWhatItGrants() {
        tracker.on(cancelled(PRICE, false));

        assertThat(sent).containsExactly(new RefundRemaining(PaymentId.forBooking(BOOKING), RefundId.forBooking(BOOKING), PRICE,
                CancellationRefunds.REASON));
    }

    @Test
    void aCancellationOutsideThePolicyOrOfAHoldRefundsNothing() {
        tracker.on(cancelled(Money.zero(PRICE.currency()), false));

        assertThat(sent).isEmpty();
    }

    @Test
    void aCancelledGatheringsBookingsAreLeftToItsCancellation() {
        tracker.on(cancelled(PRICE, true));

        assertThat(sent).isEmpty();
    }

    @Test
    void aRefusedRefundIsLoggedNotRetriedForever() {
        refusal = new SoireeException(ErrorCode.REFUND_NOT_ALLOWED, "disputed");

        tracker.on(cancelled(PRICE, false));

        assertThat(sent).hasSize(1);
    }

    @Test
    void aFailureIsThrownSoTheEventIsRetried() {
        refusal = new IllegalStateException("database hiccup");

        assertThatThrownBy(() -> tracker.on(cancelled(PRICE, false))).isInstanceOf(IllegalStateException.class);
    }

    static BookingCancelled cancelled(Money refundDue, boolean gatheringCancelled) {
        return new BookingCancelled(RefundSagaTest.GATHERING, BOOKING, new TierId(new UUID(2, 1)), RefundSagaTest.GUEST, 1, true,
                refundDue, RefundSagaTest.NOW, gatheringCancelled, null);
    }
}
